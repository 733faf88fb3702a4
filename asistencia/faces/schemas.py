from datetime import datetime

from pydantic import BaseModel


class FaceBoxRead(BaseModel):
    left: int
    top: int
    width: int
    height: int


class TemplateRead(BaseModel):
    id: int
    employee_id: int
    model_name: str
    model_version: str
    box: FaceBoxRead
    image_width: int
    image_height: int
    created_at: datetime


class PhotoResult(BaseModel):
    """Outcome of one uploaded photo: a stored template or an error with its code."""

    filename: str | None
    status: str
    template: TemplateRead | None = None
    error: dict[str, object] | None = None


class EnrolmentResponse(BaseModel):
    employee_id: int
    enrolled: int
    rejected: int
    total_templates: int
    results: list[PhotoResult]
