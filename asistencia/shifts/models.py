"""Shifts (turnos): the scheduled working hours employees are assigned to."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import Boolean, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from asistencia.core.database import Base, UTCDateTime, utcnow


class Shift(Base):
    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    start_time: Mapped[time] = mapped_column(Time())
    # An end earlier than the start means the shift crosses midnight.
    end_time: Mapped[time] = mapped_column(Time())
    # ISO weekday numbers 1 (Monday) to 7 (Sunday) as digits, e.g. "12345".
    weekdays: Mapped[str] = mapped_column(String(7), default="12345")
    grace_in_minutes: Mapped[int] = mapped_column(Integer, default=5)
    grace_out_minutes: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
