"""Queries for attendance events."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceEvent


def last_event(session: Session, employee_id: int) -> AttendanceEvent | None:
    query = (
        select(AttendanceEvent)
        .where(AttendanceEvent.employee_id == employee_id)
        .order_by(AttendanceEvent.recorded_at.desc(), AttendanceEvent.id.desc())
        .limit(1)
    )
    return session.scalar(query)

