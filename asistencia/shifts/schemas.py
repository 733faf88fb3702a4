"""API shapes for shifts, sites, assignments and holidays."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

WEEKDAYS_PATTERN = r"^[1-7]{1,7}$"
# Primary keys are 32-bit INTEGER columns; a larger id would fail in PostgreSQL, not as a 4xx.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]


class ShiftRulesFields(BaseModel):
    """The rule fields of a shift; every field is optional so the model serves updates too."""

    start_time: time | None = None
    end_time: time | None = None
    segments: list[tuple[time, time]] | None = Field(
        default=None, description="Split shift: several [start, end] pairs in order"
    )
    weekdays: str | None = Field(default=None, pattern=WEEKDAYS_PATTERN, description="ISO weekdays, 1=Monday")
    grace_in_minutes: int | None = Field(default=None, ge=0, le=720)
    grace_out_minutes: int | None = Field(default=None, ge=0, le=720)
    break_minutes: int | None = Field(default=None, ge=0, le=720)
    break_start: time | None = None
    break_end: time | None = None
    window_before_minutes: int | None = Field(default=None, ge=0, le=1440)
    window_after_minutes: int | None = Field(default=None, ge=0, le=1440)
    min_full_minutes: int | None = Field(default=None, ge=0, le=1440)
    min_half_minutes: int | None = Field(default=None, ge=0, le=1440)
    overtime_after_minutes: int | None = Field(default=None, ge=0, le=1440)
    overtime_before_allowed: bool | None = None
    required_minutes: int | None = Field(default=None, ge=0, le=1440)
    tolerance_minutes: int | None = Field(default=None, ge=0, le=720)


class ShiftCreate(ShiftRulesFields):
    name: str = Field(min_length=1, max_length=100)
    start_time: time
    end_time: time


class ShiftUpdate(ShiftRulesFields):
    name: str | None = Field(default=None, min_length=1, max_length=100)


class ShiftRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    start_time: time
    end_time: time
    segments: list[list[str]] | None
    weekdays: str
    grace_in_minutes: int
    grace_out_minutes: int
    break_minutes: int
    break_start: time | None
    break_end: time | None
    window_before_minutes: int
    window_after_minutes: int
    min_full_minutes: int | None
    min_half_minutes: int | None
    overtime_after_minutes: int
    overtime_before_allowed: bool
    required_minutes: int | None
    tolerance_minutes: int
    is_active: bool
    retired_at: datetime | None
    created_at: datetime
    updated_at: datetime


class SiteCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    timezone: str = Field(min_length=1, max_length=64, description="IANA name, e.g. America/Lima")
    address: str | None = Field(default=None, max_length=300)
    country_code: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")


class SiteUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    timezone: str | None = Field(default=None, min_length=1, max_length=64)
    address: str | None = Field(default=None, max_length=300)
    country_code: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    is_active: bool | None = None


class SiteRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    timezone: str
    address: str | None
    country_code: str | None
    is_active: bool


class WeekdayOverride(BaseModel):
    start: time | None = None
    end: time | None = None
    required_minutes: int | None = Field(default=None, ge=0, le=1440)


class AssignmentCreate(BaseModel):
    employee_id: RowId
    shift_id: RowId
    start_date: date
    end_date: date | None = None
    weekdays: str | None = Field(default=None, pattern=WEEKDAYS_PATTERN)
    overrides: dict[str, WeekdayOverride] | None = Field(
        default=None, description='Per ISO weekday, start and end together, e.g. {"5": {"start": "08:00", "end": "13:00", "required_minutes": 300}}'
    )


class AssignmentUpdate(BaseModel):
    shift_id: RowId | None = None
    start_date: date | None = None
    end_date: date | None = None
    weekdays: str | None = Field(default=None, pattern=WEEKDAYS_PATTERN)
    overrides: dict[str, WeekdayOverride] | None = None


class AssignmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_id: int
    shift_id: int
    start_date: date
    end_date: date | None
    weekdays: str | None
    overrides: dict[str, Any] | None


class HolidayCreate(BaseModel):
    day: date
    name: str = Field(min_length=1, max_length=200)
    site_id: RowId | None = None


class HolidayRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    day: date
    name: str
    site_id: int | None
    country_code: str | None


class HolidayImport(BaseModel):
    country_code: str = Field(pattern=r"^[A-Za-z]{2}$")
    year: int = Field(ge=2000, le=2100)
    subdivision: str | None = Field(default=None, max_length=10)
    site_id: RowId | None = None


class HolidayImportResult(BaseModel):
    country_code: str
    year: int
    subdivision: str | None
    site_id: int | None
    created: int = Field(description="Holidays added by this import")
    skipped: int = Field(description="Days that already had a holiday for the same site scope")
    holidays: list[HolidayRead] = Field(description="The holidays added")
