"""Attendance events: the punches recorded by check-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from asistencia.core.database import Base, UTCDateTime, utcnow

KIND_IN = "in"
KIND_OUT = "out"


class AttendanceEvent(Base):
    __tablename__ = "attendance_events"
    __table_args__ = (Index("ix_attendance_events_employee_time", "employee_id", "recorded_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(3))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # face, fingerprint or manual
    source: Mapped[str] = mapped_column(String(16), default="face")
    distance: Mapped[float | None] = mapped_column(Float, nullable=True)
    margin: Mapped[float | None] = mapped_column(Float, nullable=True)
    recorded_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
