"""Attendance events (punches), computed days, alerts and scheduler job state."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from asistencia.core.database import Base, UTCDateTime, utcnow

KIND_IN = "in"
KIND_OUT = "out"


class AttendanceEvent(Base):
    """One punch. Corrections void a punch (with a reason) instead of deleting it."""

    __tablename__ = "attendance_events"
    __table_args__ = (Index("ix_attendance_events_employee_time", "employee_id", "recorded_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(3))
    # True when the client sent the direction; otherwise the engine infers it.
    kind_explicit: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # face, fingerprint or manual
    source: Mapped[str] = mapped_column(String(16), default="face")
    distance: Mapped[float | None] = mapped_column(Float, nullable=True)
    margin: Mapped[float | None] = mapped_column(Float, nullable=True)
    recorded_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    voided_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    void_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AttendanceDayRecord(Base):
    """The stored result of the engine for one shift instance of one employee."""

    __tablename__ = "attendance_days"
    __table_args__ = (
        UniqueConstraint("employee_id", "local_date", "shift_id", name="uq_attendance_days_instance"),
        Index("ix_attendance_days_date_status", "local_date", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    local_date: Mapped[date] = mapped_column(Date())
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="RESTRICT"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    final: Mapped[bool] = mapped_column(Boolean, default=False)
    scheduled_start: Mapped[datetime] = mapped_column(UTCDateTime())
    scheduled_end: Mapped[datetime] = mapped_column(UTCDateTime())
    first_in: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_out: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    worked_minutes: Mapped[int] = mapped_column(Integer, default=0)
    late_minutes: Mapped[int] = mapped_column(Integer, default=0)
    early_exit_minutes: Mapped[int] = mapped_column(Integer, default=0)
    overtime_minutes: Mapped[int] = mapped_column(Integer, default=0)
    required_minutes: Mapped[int] = mapped_column(Integer, default=0)
    balance_minutes: Mapped[int] = mapped_column(Integer, default=0)
    deficit: Mapped[bool] = mapped_column(Boolean, default=False)
    excess: Mapped[bool] = mapped_column(Boolean, default=False)
    holiday: Mapped[bool] = mapped_column(Boolean, default=False)
    leave_minutes: Mapped[int] = mapped_column(Integer, default=0)
    leave_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    punch_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    duplicate_punch_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # [{"msgid": ..., "params": {...}}, ...], rendered in the reader's language on output.
    explanation: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # The shift rules this day was computed with. Recomputing a final day reuses them,
    # so later edits of the shift do not rewrite past days.
    rules_snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class AttendanceAlert(Base):
    """A domain event for the notification system to deliver."""

    __tablename__ = "attendance_alerts"
    __table_args__ = (
        UniqueConstraint("employee_id", "kind", "local_date", name="uq_attendance_alerts_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    # unjustified_absence, late_threshold or absence_threshold
    kind: Mapped[str] = mapped_column(String(32))
    local_date: Mapped[date] = mapped_column(Date())
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class JobState(Base):
    """Per-job lock and watermark, so each scheduled job runs once across processes."""

    __tablename__ = "job_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    locked_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # The last local date whose shift instances were all closed by this job.
    watermark: Mapped[date | None] = mapped_column(Date(), nullable=True)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
