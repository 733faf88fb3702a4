"""Queries for face templates."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asistencia.employees.models import Employee
from asistencia.faces.matcher import descriptor_from_bytes
from asistencia.faces.models import FaceTemplate


def count_for_employee(session: Session, employee_id: int) -> int:
    query = select(func.count()).where(FaceTemplate.employee_id == employee_id)
    return int(session.scalar(query) or 0)


def list_for_employee(session: Session, employee_id: int) -> list[FaceTemplate]:
    query = select(FaceTemplate).where(FaceTemplate.employee_id == employee_id).order_by(FaceTemplate.id)
    return list(session.scalars(query))


def iter_active_descriptors(session: Session) -> Iterator[tuple[int, int, np.ndarray]]:
    """Yield (template_id, employee_id, descriptor) for every active employee's templates."""
    query = (
        select(FaceTemplate.id, FaceTemplate.employee_id, FaceTemplate.descriptor)
        .join(Employee, Employee.id == FaceTemplate.employee_id)
        .where(Employee.is_active.is_(True))
        .order_by(FaceTemplate.id)
    )
    for template_id, employee_id, data in session.execute(query):
        yield template_id, employee_id, descriptor_from_bytes(data)
