"""Queries for attendance events."""

from __future__ import annotations

from datetime import datetime

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


def events_between(
    session: Session, employee_id: int | None, start: datetime, end: datetime
) -> list[AttendanceEvent]:
    query = select(AttendanceEvent).where(
        AttendanceEvent.recorded_at >= start, AttendanceEvent.recorded_at < end
    )
    if employee_id is not None:
        query = query.where(AttendanceEvent.employee_id == employee_id)
    return list(session.scalars(query.order_by(AttendanceEvent.recorded_at, AttendanceEvent.id)))
