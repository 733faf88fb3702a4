"""Queries behind attendance days: engine inputs, stored days and alerts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from asistencia.attendance.models import (
    AttendanceAlert,
    AttendanceDayRecord,
    AttendanceEvent,
)
from asistencia.employees.models import Employee
from asistencia.leave.models import STATUS_APPROVED, LeaveRequest
from asistencia.shifts.models import Holiday, Shift, ShiftAssignment


def punches_between(
    session: Session, employee_id: int, start: datetime, end: datetime
) -> list[AttendanceEvent]:
    """Return the employee's punches that are not voided, with ``start <= recorded_at < end``."""
    query = (
        select(AttendanceEvent)
        .where(
            AttendanceEvent.employee_id == employee_id,
            AttendanceEvent.voided_at.is_(None),
            AttendanceEvent.recorded_at >= start,
            AttendanceEvent.recorded_at < end,
        )
        .order_by(AttendanceEvent.recorded_at, AttendanceEvent.id)
    )
    return list(session.scalars(query))


def holiday_dates(
    session: Session, site_id: int | None, first: date, last: date
) -> frozenset[date]:
    """Return the organisation-wide holidays plus those of ``site_id`` in the date range."""
    site_filter = Holiday.site_id.is_(None)
    if site_id is not None:
        site_filter = or_(site_filter, Holiday.site_id == site_id)
    query = select(Holiday.day).where(Holiday.day >= first, Holiday.day <= last, site_filter)
    return frozenset(session.scalars(query))


def approved_leave(
    session: Session, employee_id: int, first: date, last: date
) -> list[LeaveRequest]:
    query = (
        select(LeaveRequest)
        .where(
            LeaveRequest.employee_id == employee_id,
            LeaveRequest.status == STATUS_APPROVED,
            LeaveRequest.start_date <= last,
            LeaveRequest.end_date >= first,
        )
        .order_by(LeaveRequest.id)
    )
    return list(session.scalars(query))


def assignments_overlapping(
    session: Session, employee_id: int, first: date, last: date
) -> list[ShiftAssignment]:
    query = (
        select(ShiftAssignment)
        .where(
            ShiftAssignment.employee_id == employee_id,
            ShiftAssignment.start_date <= last,
            or_(ShiftAssignment.end_date.is_(None), ShiftAssignment.end_date >= first),
        )
        .order_by(ShiftAssignment.start_date, ShiftAssignment.id)
    )
    return list(session.scalars(query))


def shifts_by_id(session: Session, shift_ids: Iterable[int]) -> dict[int, Shift]:
    ids = set(shift_ids)
    if not ids:
        return {}
    return {shift.id: shift for shift in session.scalars(select(Shift).where(Shift.id.in_(ids)))}


def day_records_between(
    session: Session, employee_id: int, first: date, last: date
) -> list[AttendanceDayRecord]:
    query = (
        select(AttendanceDayRecord)
        .where(
            AttendanceDayRecord.employee_id == employee_id,
            AttendanceDayRecord.local_date >= first,
            AttendanceDayRecord.local_date <= last,
        )
        .order_by(AttendanceDayRecord.local_date, AttendanceDayRecord.shift_id)
    )
    return list(session.scalars(query))


def active_employees(session: Session) -> list[Employee]:
    return list(
        session.scalars(select(Employee).where(Employee.is_active.is_(True)).order_by(Employee.id))
    )


def employees_using_shift(
    session: Session, shift_id: int, first: date, last: date
) -> list[Employee]:
    """Return employees whose default shift is ``shift_id`` or with an assignment of it in range."""
    assigned = select(ShiftAssignment.employee_id).where(
        ShiftAssignment.shift_id == shift_id,
        ShiftAssignment.start_date <= last,
        or_(ShiftAssignment.end_date.is_(None), ShiftAssignment.end_date >= first),
    )
    query = (
        select(Employee)
        .where(or_(Employee.shift_id == shift_id, Employee.id.in_(assigned)))
        .order_by(Employee.id)
    )
    return list(session.scalars(query))


def count_final_days(
    session: Session, employee_id: int, status: str, first: date, last: date
) -> int:
    query = select(func.count()).where(
        AttendanceDayRecord.employee_id == employee_id,
        AttendanceDayRecord.final.is_(True),
        AttendanceDayRecord.status == status,
        AttendanceDayRecord.local_date >= first,
        AttendanceDayRecord.local_date <= last,
    )
    return int(session.scalar(query) or 0)


def final_days_of_shift(
    session: Session, shift_id: int, employee_ids: Iterable[int], first: date, last: date
) -> int:
    ids = list(employee_ids)
    if not ids:
        return 0
    query = select(func.count()).where(
        AttendanceDayRecord.shift_id == shift_id,
        AttendanceDayRecord.employee_id.in_(ids),
        AttendanceDayRecord.final.is_(True),
        AttendanceDayRecord.local_date >= first,
        AttendanceDayRecord.local_date <= last,
    )
    return int(session.scalar(query) or 0)


def alert_exists(session: Session, employee_id: int, kind: str, local_date: date) -> bool:
    query = select(AttendanceAlert.id).where(
        AttendanceAlert.employee_id == employee_id,
        AttendanceAlert.kind == kind,
        AttendanceAlert.local_date == local_date,
    )
    return session.scalar(query) is not None


def list_days(
    session: Session,
    *,
    first: date,
    last: date,
    employee_id: int | None,
    site_id: int | None,
    status: str | None,
    limit: int,
    offset: int,
) -> tuple[list[AttendanceDayRecord], int]:
    """Return one page of stored days, ordered by date and employee, and the total count."""
    conditions = [AttendanceDayRecord.local_date >= first, AttendanceDayRecord.local_date <= last]
    if employee_id is not None:
        conditions.append(AttendanceDayRecord.employee_id == employee_id)
    if site_id is not None:
        conditions.append(AttendanceDayRecord.site_id == site_id)
    if status is not None:
        conditions.append(AttendanceDayRecord.status == status)
    total = int(session.scalar(select(func.count()).where(*conditions)) or 0)
    query = (
        select(AttendanceDayRecord)
        .where(*conditions)
        .order_by(
            AttendanceDayRecord.local_date,
            AttendanceDayRecord.employee_id,
            AttendanceDayRecord.scheduled_start,
        )
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query)), total


def days_for_summary(
    session: Session, *, first: date, last: date, employee_id: int | None
) -> list[AttendanceDayRecord]:
    query = select(AttendanceDayRecord).where(
        AttendanceDayRecord.local_date >= first, AttendanceDayRecord.local_date <= last
    )
    if employee_id is not None:
        query = query.where(AttendanceDayRecord.employee_id == employee_id)
    return list(
        session.scalars(
            query.order_by(AttendanceDayRecord.employee_id, AttendanceDayRecord.local_date)
        )
    )


def employees_by_id(session: Session, employee_ids: Iterable[int]) -> dict[int, Employee]:
    ids = set(employee_ids)
    if not ids:
        return {}
    return {
        employee.id: employee
        for employee in session.scalars(select(Employee).where(Employee.id.in_(ids)))
    }
