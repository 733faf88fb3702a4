"""Shifts (turnos), sites (sedes), assignments, schedule overrides and holidays."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from asistencia.core.database import Base, UTCDateTime, utcnow


class Site(Base):
    """A workplace with its own IANA time zone; days are computed in its local time."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    # ISO 3166 code used to fill holidays from the `holidays` package, e.g. "PE".
    country_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Shift(Base):
    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    start_time: Mapped[time] = mapped_column(Time())
    # An end earlier than the start means the shift crosses midnight.
    end_time: Mapped[time] = mapped_column(Time())
    # Split shifts: [["08:00", "12:00"], ["14:00", "18:00"]]; None means start_time-end_time.
    segments: Mapped[list[list[str]] | None] = mapped_column(JSON, nullable=True)
    # ISO weekday numbers 1 (Monday) to 7 (Sunday) as digits, e.g. "12345".
    weekdays: Mapped[str] = mapped_column(String(7), default="12345")
    grace_in_minutes: Mapped[int] = mapped_column(Integer, default=5)
    grace_out_minutes: Mapped[int] = mapped_column(Integer, default=0)
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)
    break_start: Mapped[time | None] = mapped_column(Time(), nullable=True)
    break_end: Mapped[time | None] = mapped_column(Time(), nullable=True)
    window_before_minutes: Mapped[int] = mapped_column(Integer, default=120)
    window_after_minutes: Mapped[int] = mapped_column(Integer, default=240)
    min_full_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_half_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    overtime_after_minutes: Mapped[int] = mapped_column(Integer, default=0)
    overtime_before_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    required_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tolerance_minutes: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class ShiftAssignment(Base):
    """A shift for one employee over a date range, on some or all of the shift's weekdays.

    Several assignments with disjoint weekdays form a weekly roster. Two assignments of one
    employee may not share a date and a weekday.
    """

    __tablename__ = "shift_assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="RESTRICT"), index=True)
    start_date: Mapped[date] = mapped_column(Date())
    # Inclusive; None means open-ended.
    end_date: Mapped[date | None] = mapped_column(Date(), nullable=True)
    # ISO weekday digits the assignment applies to; None means the shift's own weekdays.
    weekdays: Mapped[str | None] = mapped_column(String(7), nullable=True)
    # Per-weekday overrides: {"1": {"start": "09:00", "end": "17:00", "required_minutes": 420}}.
    overrides: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Holiday(Base):
    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("day", "site_id", name="uq_holidays_day_site"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date(), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # None: the holiday applies to every site.
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), nullable=True)
    country_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
