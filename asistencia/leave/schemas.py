"""Request and response bodies of the leave API."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints, model_validator

from asistencia.attendance.engine import LeaveKind
from asistencia.leave.models import LEAVE_STATUSES

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class LeaveCreate(BaseModel):
    employee_id: int
    kind: LeaveKind
    # None means the default of the kind: False for vacation and licence, True otherwise.
    justification: bool | None = None
    start_date: date
    end_date: date
    start_time: time | None = None
    end_time: time | None = None
    reason: Reason


class LeaveUpdate(BaseModel):
    """Fields to change on a pending request; start_time and end_time may be set to null."""

    kind: LeaveKind | None = None
    justification: bool | None = None
    start_date: date | None = None
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    reason: Reason | None = None

    @model_validator(mode="before")
    @classmethod
    def _reject_null_required(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name in ("kind", "justification", "start_date", "end_date", "reason"):
                if name in data and data[name] is None:
                    raise ValueError(f"{name} cannot be null")
        return data


class LeaveDecision(BaseModel):
    comment: Comment | None = None


class AttachmentRead(BaseModel):
    name: str
    content_type: str
    size: int


class LeaveRead(BaseModel):
    id: int
    employee_id: int
    kind: LeaveKind
    kind_label: str
    justification: bool
    start_date: date
    end_date: date
    start_time: time | None
    end_time: time | None
    reason: str
    status: str = Field(description=" | ".join(LEAVE_STATUSES))
    status_label: str
    requested_by_user_id: int | None
    reviewed_by_user_id: int | None
    reviewed_at: datetime | None
    review_comment: str | None
    cancelled_at: datetime | None
    attachment: AttachmentRead | None
    created_at: datetime


class LeaveList(BaseModel):
    items: list[LeaveRead]
    total: int
