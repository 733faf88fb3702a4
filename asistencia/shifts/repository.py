"""Queries for shifts, sites, assignments and holidays."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceDayRecord
from asistencia.employees.models import Employee
from asistencia.shifts.models import Holiday, Shift, ShiftAssignment, Site


def _count(session: Session, query) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(query) or 0)


# Shifts


def get_shift(session: Session, shift_id: int) -> Shift | None:
    return session.get(Shift, shift_id)


def get_shift_by_name(session: Session, name: str) -> Shift | None:
    return session.scalar(select(Shift).where(func.lower(Shift.name) == name.lower()))


def list_shifts(session: Session, *, active: bool | None) -> list[Shift]:
    query = select(Shift)
    if active is not None:
        query = query.where(Shift.is_active.is_(active))
    return list(session.scalars(query.order_by(Shift.name)))


def shift_usage(session: Session, shift_id: int) -> tuple[int, int, int]:
    """Return how many employees (default shift), assignments and attendance days use the shift."""
    employees = _count(session, select(func.count()).where(Employee.shift_id == shift_id))
    assignments = _count(session, select(func.count()).where(ShiftAssignment.shift_id == shift_id))
    days = _count(session, select(func.count()).where(AttendanceDayRecord.shift_id == shift_id))
    return employees, assignments, days


def get_shifts(session: Session, shift_ids: set[int]) -> dict[int, Shift]:
    if not shift_ids:
        return {}
    return {
        shift.id: shift for shift in session.scalars(select(Shift).where(Shift.id.in_(shift_ids)))
    }


# Sites


def get_site(session: Session, site_id: int) -> Site | None:
    return session.get(Site, site_id)


def get_site_by_name(session: Session, name: str) -> Site | None:
    return session.scalar(select(Site).where(func.lower(Site.name) == name.lower()))


def list_sites(session: Session, *, active: bool | None) -> list[Site]:
    query = select(Site)
    if active is not None:
        query = query.where(Site.is_active.is_(active))
    return list(session.scalars(query.order_by(Site.name)))


def site_usage(session: Session, site_id: int) -> tuple[int, int]:
    """Return how many employees and attendance days refer to the site."""
    employees = _count(session, select(func.count()).where(Employee.site_id == site_id))
    days = _count(session, select(func.count()).where(AttendanceDayRecord.site_id == site_id))
    return employees, days


def list_site_holidays(session: Session, site_id: int) -> list[Holiday]:
    return list(session.scalars(select(Holiday).where(Holiday.site_id == site_id)))


# Assignments


def get_assignment(session: Session, assignment_id: int) -> ShiftAssignment | None:
    return session.get(ShiftAssignment, assignment_id)


def list_assignments(
    session: Session,
    *,
    employee_id: int | None = None,
    shift_id: int | None = None,
    active_on: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ShiftAssignment]:
    query = select(ShiftAssignment)
    if employee_id is not None:
        query = query.where(ShiftAssignment.employee_id == employee_id)
    if shift_id is not None:
        query = query.where(ShiftAssignment.shift_id == shift_id)
    if active_on is not None:
        query = query.where(
            ShiftAssignment.start_date <= active_on,
            or_(ShiftAssignment.end_date.is_(None), ShiftAssignment.end_date >= active_on),
        )
    query = query.order_by(
        ShiftAssignment.employee_id, ShiftAssignment.start_date, ShiftAssignment.id
    )
    return list(session.scalars(query.limit(limit).offset(offset)))


def assignments_in_range(
    session: Session,
    employee_id: int,
    start_date: date,
    end_date: date | None,
    *,
    exclude_id: int | None,
) -> list[ShiftAssignment]:
    """Return the employee's assignments whose date range meets [start_date, end_date]."""
    query = select(ShiftAssignment).where(
        ShiftAssignment.employee_id == employee_id,
        or_(ShiftAssignment.end_date.is_(None), ShiftAssignment.end_date >= start_date),
    )
    if end_date is not None:
        query = query.where(ShiftAssignment.start_date <= end_date)
    if exclude_id is not None:
        query = query.where(ShiftAssignment.id != exclude_id)
    return list(session.scalars(query.order_by(ShiftAssignment.start_date, ShiftAssignment.id)))


def get_employee(session: Session, employee_id: int) -> Employee | None:
    return session.get(Employee, employee_id)


# Holidays


def get_holiday(session: Session, holiday_id: int) -> Holiday | None:
    return session.get(Holiday, holiday_id)


def find_holiday(session: Session, day: date, site_id: int | None) -> Holiday | None:
    """Return the holiday on ``day`` for exactly that site (None: the one for every site)."""
    # The unique constraint does not cover site_id NULL, because NULLs never compare equal.
    site_filter = Holiday.site_id.is_(None) if site_id is None else Holiday.site_id == site_id
    return session.scalar(select(Holiday).where(Holiday.day == day, site_filter))


def holiday_days(session: Session, first: date, last: date, site_id: int | None) -> set[date]:
    site_filter = Holiday.site_id.is_(None) if site_id is None else Holiday.site_id == site_id
    query = select(Holiday.day).where(Holiday.day >= first, Holiday.day <= last, site_filter)
    return set(session.scalars(query))


def list_holidays(
    session: Session, *, first: date | None, last: date | None, site_id: int | None
) -> list[Holiday]:
    """Return holidays in [first, last]; with ``site_id``, those of that site and of every site."""
    query = select(Holiday)
    if first is not None:
        query = query.where(Holiday.day >= first)
    if last is not None:
        query = query.where(Holiday.day <= last)
    if site_id is not None:
        query = query.where(or_(Holiday.site_id.is_(None), Holiday.site_id == site_id))
    return list(session.scalars(query.order_by(Holiday.day, Holiday.id)))
