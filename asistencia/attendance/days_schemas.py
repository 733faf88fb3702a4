"""API shapes for attendance days, summaries, punch corrections and the shift dry run."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PunchKind = Literal["in", "out"]


class DayRead(BaseModel):
    """One stored attendance day; times carry the site's local UTC offset."""

    id: int
    employee_id: int
    employee_code: str
    employee_name: str
    local_date: date
    shift_id: int
    shift_name: str
    site_id: int | None
    time_zone: str
    status: str
    status_label: str
    final: bool
    scheduled_start: datetime
    scheduled_end: datetime
    first_in: datetime | None
    last_out: datetime | None
    worked_minutes: int
    late_minutes: int
    early_exit_minutes: int
    overtime_minutes: int
    required_minutes: int
    balance_minutes: int
    deficit: bool
    excess: bool
    holiday: bool
    leave_minutes: int
    leave_ids: list[int]
    punch_ids: list[int]
    duplicate_punch_ids: list[int]
    explanation: list[str] = Field(description="The rule steps, in the reader's language")
    computed_at: datetime


class DayList(BaseModel):
    items: list[DayRead]
    total: int


class EmployeeTotals(BaseModel):
    """Totals of one employee's stored days over the requested range."""

    employee_id: int
    employee_code: str
    employee_name: str
    scheduled_days: int
    present_days: int = Field(description="Days with status present, late, early_leave or half_day")
    late_count: int
    late_minutes: int
    absences: int
    justified: int
    on_leave: int
    incomplete: int
    worked_hours: float
    overtime_hours: float


class SummaryRead(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    first: date = Field(serialization_alias="from")
    last: date = Field(serialization_alias="to")
    employees: list[EmployeeTotals]


class RecomputeRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    employee_id: int
    first: date = Field(alias="from")
    last: date = Field(alias="to")


class RecomputeResult(BaseModel):
    days: list[DayRead]


class PunchCreate(BaseModel):
    employee_id: int
    recorded_at: datetime = Field(description="ISO 8601 with a UTC offset")
    kind: PunchKind
    reason: str = Field(default="", max_length=500)


class PunchUpdate(BaseModel):
    recorded_at: datetime | None = Field(default=None, description="ISO 8601 with a UTC offset")
    kind: PunchKind | None = None
    reason: str = Field(default="", max_length=500)


class PunchVoid(BaseModel):
    reason: str = Field(default="", max_length=500)


class PunchRead(BaseModel):
    id: int
    employee_id: int
    kind: str
    kind_explicit: bool
    recorded_at: datetime
    source: str
    voided_at: datetime | None
    void_reason: str | None


class CorrectionResult(BaseModel):
    punch: PunchRead
    days: list[DayRead] = Field(description="The recomputed days around the old and new times")


class FieldChange(BaseModel):
    field: str
    old: Any
    new: Any


class DryRunDay(BaseModel):
    employee_id: int
    local_date: date
    shift_id: int | None
    changes: list[FieldChange]


class DryRunResult(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    shift_id: int
    first: date = Field(serialization_alias="from")
    last: date = Field(serialization_alias="to")
    employees: int
    days_checked: int
    final_days_unchanged: int = Field(
        description="Closed days of this shift; they keep their stored rules"
    )
    changed: list[DryRunDay]
