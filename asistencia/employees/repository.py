"""Queries for employees."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceEvent
from asistencia.employees.models import Employee
from asistencia.faces.models import FaceTemplate


def get(session: Session, employee_id: int) -> Employee | None:
    return session.get(Employee, employee_id)


def get_by_code(session: Session, code: str) -> Employee | None:
    return session.scalar(select(Employee).where(func.lower(Employee.employee_code) == code.lower()))


def list_employees(
    session: Session, *, active: bool | None, search: str | None, limit: int, offset: int
) -> tuple[list[Employee], int]:
    query = select(Employee)
    if active is not None:
        query = query.where(Employee.is_active.is_(active))
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(
            or_(func.lower(Employee.full_name).like(pattern), func.lower(Employee.employee_code).like(pattern))
        )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Employee.employee_code).limit(limit).offset(offset))
    return list(rows), int(total)


def template_counts(session: Session, employee_ids: list[int]) -> dict[int, int]:
    if not employee_ids:
        return {}
    rows = session.execute(
        select(FaceTemplate.employee_id, func.count())
        .where(FaceTemplate.employee_id.in_(employee_ids))
        .group_by(FaceTemplate.employee_id)
    )
    return {employee_id: count for employee_id, count in rows}


def count_events(session: Session, employee_id: int) -> int:
    query = select(func.count()).where(AttendanceEvent.employee_id == employee_id)
    return int(session.scalar(query) or 0)
