import unicodedata
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from asistencia.core.validation_messages import CONTROL_CHARACTERS

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"


def _clean_text(value: str | None) -> str | None:
    """Strip surrounding spaces and reject control characters such as NUL or line breaks."""
    if value is None:
        return None
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError(CONTROL_CHARACTERS)
    return value.strip()


class EmployeeCreate(BaseModel):
    employee_code: str = Field(min_length=1, max_length=32, pattern=CODE_PATTERN)
    full_name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    shift_id: int | None = Field(default=None, description="Default shift when no assignment covers a date")
    site_id: int | None = Field(default=None, description="Site whose time zone and holidays apply")

    _clean = field_validator("full_name", "employee_code", "email")(_clean_text)


class EmployeeUpdate(BaseModel):
    employee_code: str | None = Field(default=None, min_length=1, max_length=32, pattern=CODE_PATTERN)
    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    shift_id: int | None = None
    site_id: int | None = None
    is_active: bool | None = None

    _clean = field_validator("full_name", "employee_code", "email")(_clean_text)


class EmployeeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_code: str
    full_name: str
    email: str | None
    shift_id: int | None
    site_id: int | None
    is_active: bool
    face_templates: int = 0
    created_at: datetime
    updated_at: datetime


class EmployeeSummary(BaseModel):
    """The fields shown with an attendance event."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_code: str
    full_name: str


class EmployeeList(BaseModel):
    items: list[EmployeeRead]
    total: int
