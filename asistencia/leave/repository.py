"""Queries for leave requests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from asistencia.employees.models import Employee
from asistencia.leave.models import STATUS_APPROVED, STATUS_PENDING, LeaveRequest


def get(session: Session, leave_id: int, *, for_update: bool = False) -> LeaveRequest | None:
    """Load a request; ``for_update`` locks its row on PostgreSQL until the transaction ends."""
    query = select(LeaveRequest).where(LeaveRequest.id == leave_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def lock_employee(session: Session, employee_id: int) -> bool:
    """Lock the employee's row, so overlap checks of one employee run one at a time.

    Returns False if the employee does not exist. Only the id is selected because the
    eager shift join cannot be locked on PostgreSQL.
    """
    query = select(Employee.id).where(Employee.id == employee_id).with_for_update()
    return session.scalar(query) is not None


def active_in_range(
    session: Session, employee_id: int, first_date: date, last_date: date, *, exclude_id: int | None
) -> list[LeaveRequest]:
    """Pending and approved requests of the employee that share at least one date with the range."""
    query = select(LeaveRequest).where(
        LeaveRequest.employee_id == employee_id,
        LeaveRequest.status.in_((STATUS_PENDING, STATUS_APPROVED)),
        LeaveRequest.start_date <= last_date,
        LeaveRequest.end_date >= first_date,
    )
    if exclude_id is not None:
        query = query.where(LeaveRequest.id != exclude_id)
    return list(session.scalars(query.order_by(LeaveRequest.start_date, LeaveRequest.id)))


def list_requests(
    session: Session,
    *,
    employee_id: int | None,
    visible_to: tuple[int | None, int] | None,
    status: str | None,
    kind: str | None,
    date_from: date | None,
    date_to: date | None,
    limit: int,
    offset: int,
) -> tuple[list[LeaveRequest], int]:
    """Filter and page requests, newest start first.

    ``visible_to`` is (employee_id, user_id) of a non-staff reader: only requests for that
    employee or filed by that user are returned.
    """
    query = select(LeaveRequest)
    if visible_to is not None:
        own_employee_id, user_id = visible_to
        query = query.where(
            or_(LeaveRequest.employee_id == own_employee_id, LeaveRequest.requested_by_user_id == user_id)
        )
    if employee_id is not None:
        query = query.where(LeaveRequest.employee_id == employee_id)
    if status is not None:
        query = query.where(LeaveRequest.status == status)
    if kind is not None:
        query = query.where(LeaveRequest.kind == kind)
    if date_from is not None:
        query = query.where(LeaveRequest.end_date >= date_from)
    if date_to is not None:
        query = query.where(LeaveRequest.start_date <= date_to)

    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ordered = query.order_by(LeaveRequest.start_date.desc(), LeaveRequest.id.desc())
    rows = session.scalars(ordered.limit(limit).offset(offset))
    return list(rows), int(total)


def count_attachment_uses(session: Session, attachment_path: str) -> int:
    """Number of requests whose attachment is the stored file at ``attachment_path``."""
    query = select(func.count()).where(LeaveRequest.attachment_path == attachment_path)
    return int(session.scalar(query) or 0)
