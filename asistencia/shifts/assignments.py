"""Shift assignments: date-ranged shifts per employee, with the overlap check.

Two assignments of one employee overlap when their date ranges meet (an open end runs
forever) and their effective weekdays share a day. The effective weekdays are the
assignment's own ``weekdays``, or else the shift's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from asistencia.accounts.models import ROLE_EMPLOYEE, User
from asistencia.core.audit import record_audit
from asistencia.core.errors import PermissionDenied
from asistencia.core.logging import get_logger
from asistencia.employees.errors import EmployeeNotFound
from asistencia.shifts import repository
from asistencia.shifts.errors import (
    AssignmentEmployeeNotFound,
    AssignmentNotFound,
    AssignmentOverlap,
    FieldRequired,
    InvalidDateRange,
    OverrideTimesIncomplete,
    OverrideWeekdayInvalid,
    OverrideZeroLength,
    ReferencedShiftNotFound,
    ShiftRetired,
    ShiftWeekdaysDropOverride,
    ShiftWeekdaysOverlap,
)
from asistencia.shifts.models import Shift, ShiftAssignment
from asistencia.shifts.schemas import AssignmentCreate, AssignmentUpdate, WeekdayOverride
from asistencia.shifts.validation import check_time, format_time, normalise_weekdays, parse_weekdays

log = get_logger(__name__)


def snapshot(assignment: ShiftAssignment) -> dict[str, Any]:
    return {
        "employee_id": assignment.employee_id,
        "shift_id": assignment.shift_id,
        "start_date": assignment.start_date.isoformat(),
        "end_date": assignment.end_date.isoformat() if assignment.end_date else None,
        "weekdays": assignment.weekdays,
        "overrides": assignment.overrides,
    }


def date_range_label(start_date: date, end_date: date | None) -> str:
    """Return the range as an ISO 8601 interval; ".." marks an open end."""
    return f"{start_date.isoformat()}/{end_date.isoformat() if end_date else '..'}"


def get_assignment(session: Session, assignment_id: int) -> ShiftAssignment:
    assignment = repository.get_assignment(session, assignment_id)
    if assignment is None:
        raise AssignmentNotFound(assignment_id=assignment_id)
    return assignment


def list_assignments(
    session: Session,
    *,
    employee_id: int | None,
    shift_id: int | None,
    active_on: date | None,
    limit: int,
    offset: int,
) -> list[ShiftAssignment]:
    return repository.list_assignments(
        session,
        employee_id=employee_id,
        shift_id=shift_id,
        active_on=active_on,
        limit=limit,
        offset=offset,
    )


def list_employee_assignments(
    session: Session, employee_id: int, *, user: User
) -> list[ShiftAssignment]:
    """Return an employee's assignments. A user with the employee role may read only their own."""
    if user.role_name == ROLE_EMPLOYEE and user.employee_id != employee_id:
        raise PermissionDenied()
    if repository.get_employee(session, employee_id) is None:
        raise EmployeeNotFound(employee=employee_id)
    return repository.list_assignments(session, employee_id=employee_id)


def create_assignment(
    session: Session, data: AssignmentCreate, *, actor_id: int | None
) -> ShiftAssignment:
    if repository.get_employee(session, data.employee_id) is None:
        raise AssignmentEmployeeNotFound(employee=data.employee_id)
    shift = _referenced_shift(session, data.shift_id)
    if not shift.is_active:
        raise ShiftRetired(name=shift.name)
    weekdays = normalise_weekdays(data.weekdays) if data.weekdays is not None else None
    overrides = data.model_dump(exclude_unset=True).get("overrides")
    values = _checked_values(
        session,
        employee_id=data.employee_id,
        shift=shift,
        start_date=data.start_date,
        end_date=data.end_date,
        weekdays=weekdays,
        overrides=overrides,
        exclude_id=None,
    )

    assignment = ShiftAssignment(employee_id=data.employee_id, **values)
    session.add(assignment)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="assignment.created",
        entity="shift_assignment",
        entity_id=assignment.id,
        after=snapshot(assignment),
    )
    log.info("assignment.created", assignment_id=assignment.id, employee_id=assignment.employee_id)
    return assignment


def update_assignment(
    session: Session, assignment_id: int, data: AssignmentUpdate, *, actor_id: int | None
) -> ShiftAssignment:
    """Apply the given fields after checking the merged assignment as on create.

    Unlike on create, the assignment may keep a retired shift unless its dates grow.
    """
    assignment = get_assignment(session, assignment_id)
    changes = data.model_dump(exclude_unset=True)
    for field in ("shift_id", "start_date"):
        if field in changes and changes[field] is None:
            raise FieldRequired(field=field)

    shift_id = changes.get("shift_id", assignment.shift_id)
    shift = _referenced_shift(session, shift_id)
    start_date = changes.get("start_date", assignment.start_date)
    end_date = changes.get("end_date", assignment.end_date)
    if not shift.is_active and (
        shift_id != assignment.shift_id or _extends(assignment, start_date, end_date)
    ):
        raise ShiftRetired(name=shift.name)
    weekdays = changes.get("weekdays", assignment.weekdays)
    values = _checked_values(
        session,
        employee_id=assignment.employee_id,
        shift=shift,
        start_date=start_date,
        end_date=end_date,
        weekdays=normalise_weekdays(weekdays) if weekdays is not None else None,
        overrides=changes.get("overrides", assignment.overrides),
        exclude_id=assignment.id,
    )

    before = snapshot(assignment)
    for field, value in values.items():
        setattr(assignment, field, value)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="assignment.updated",
        entity="shift_assignment",
        entity_id=assignment.id,
        before=before,
        after=snapshot(assignment),
    )
    log.info("assignment.updated", assignment_id=assignment.id, fields=sorted(changes))
    return assignment


def delete_assignment(session: Session, assignment_id: int, *, actor_id: int | None) -> None:
    assignment = get_assignment(session, assignment_id)
    before = snapshot(assignment)
    session.delete(assignment)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="assignment.deleted",
        entity="shift_assignment",
        entity_id=assignment_id,
        before=before,
    )
    log.info("assignment.deleted", assignment_id=assignment_id)


def check_shift_weekdays_change(session: Session, shift: Shift, new_weekdays: str) -> None:
    """Raise when new shift weekdays would break an assignment that follows them.

    Only assignments without their own weekdays change: their overrides must stay on a
    working day, and they must not come to overlap another assignment of the employee.
    """
    followers = [
        assignment
        for assignment in repository.list_assignments(session, shift_id=shift.id)
        if assignment.weekdays is None
    ]
    new_days = parse_weekdays(new_weekdays)

    def weekdays_of(assignment: ShiftAssignment, other_shift: Shift) -> frozenset[int]:
        if assignment.weekdays is None and assignment.shift_id == shift.id:
            return new_days
        return effective_weekdays(assignment.weekdays, other_shift)

    for assignment in followers:
        for key in assignment.overrides or {}:
            if int(key) not in new_days:
                raise ShiftWeekdaysDropOverride(
                    name=shift.name, weekdays=new_weekdays, weekday=key, assignment_id=assignment.id
                )
        found = _find_overlap(
            session,
            employee_id=assignment.employee_id,
            start_date=assignment.start_date,
            end_date=assignment.end_date,
            weekdays=new_days,
            exclude_id=assignment.id,
            weekdays_of=weekdays_of,
        )
        if found is not None:
            other, other_shift, _common = found
            raise ShiftWeekdaysOverlap(
                name=shift.name,
                weekdays=new_weekdays,
                assignment_id=assignment.id,
                other_id=other.id,
                other_shift=other_shift.name,
                other_dates=date_range_label(other.start_date, other.end_date),
            )


def effective_weekdays(weekdays: str | None, shift: Shift) -> frozenset[int]:
    """Return the ISO weekdays an assignment applies to: its own, or else the shift's."""
    return parse_weekdays(weekdays if weekdays is not None else shift.weekdays)


def _referenced_shift(session: Session, shift_id: int) -> Shift:
    shift = repository.get_shift(session, shift_id)
    if shift is None:
        raise ReferencedShiftNotFound(shift_id=shift_id)
    return shift


def _extends(assignment: ShiftAssignment, start_date: date, end_date: date | None) -> bool:
    if start_date < assignment.start_date:
        return True
    if assignment.end_date is None:
        return False
    return end_date is None or end_date > assignment.end_date


def _checked_values(
    session: Session,
    *,
    employee_id: int,
    shift: Shift,
    start_date: date,
    end_date: date | None,
    weekdays: str | None,
    overrides: Mapping[str, Any] | None,
    exclude_id: int | None,
) -> dict[str, Any]:
    """Check dates, overrides and overlap; return the fields to store."""
    if end_date is not None and end_date < start_date:
        raise InvalidDateRange(start=start_date.isoformat(), end=end_date.isoformat())
    days = effective_weekdays(weekdays, shift)
    stored_overrides = _checked_overrides(overrides, days)

    found = _find_overlap(
        session,
        employee_id=employee_id,
        start_date=start_date,
        end_date=end_date,
        weekdays=days,
        exclude_id=exclude_id,
        weekdays_of=lambda assignment, other_shift: effective_weekdays(
            assignment.weekdays, other_shift
        ),
    )
    if found is not None:
        other, other_shift, common = found
        raise AssignmentOverlap(
            other_id=other.id,
            other_shift=other_shift.name,
            other_dates=date_range_label(other.start_date, other.end_date),
            weekdays="".join(str(day) for day in sorted(common)),
        )
    return {
        "shift_id": shift.id,
        "start_date": start_date,
        "end_date": end_date,
        "weekdays": weekdays,
        "overrides": stored_overrides,
    }


def _find_overlap(
    session: Session,
    *,
    employee_id: int,
    start_date: date,
    end_date: date | None,
    weekdays: frozenset[int],
    exclude_id: int | None,
    weekdays_of: Callable[[ShiftAssignment, Shift], frozenset[int]],
) -> tuple[ShiftAssignment, Shift, frozenset[int]] | None:
    """Return the first other assignment sharing a date and a weekday, with its shift and
    the shared weekdays."""
    candidates = repository.assignments_in_range(
        session, employee_id, start_date, end_date, exclude_id=exclude_id
    )
    shifts = repository.get_shifts(session, {candidate.shift_id for candidate in candidates})
    for candidate in candidates:
        other_shift = shifts[candidate.shift_id]
        common = weekdays & weekdays_of(candidate, other_shift)
        if common:
            return candidate, other_shift, common
    return None


def _checked_overrides(
    overrides: Mapping[str, Any] | None, weekdays: frozenset[int]
) -> dict[str, dict[str, Any]] | None:
    """Check the per-weekday overrides and return them in stored form ("HH:MM" times)."""
    if overrides is None:
        return None
    allowed = "".join(str(day) for day in sorted(weekdays))
    stored: dict[str, dict[str, Any]] = {}
    for key, raw in overrides.items():
        if len(key) != 1 or key not in "1234567" or int(key) not in weekdays:
            raise OverrideWeekdayInvalid(weekday=key, weekdays=allowed)
        override = raw if isinstance(raw, WeekdayOverride) else WeekdayOverride.model_validate(raw)
        stored[key] = _checked_override(key, override)
    return dict(sorted(stored.items()))


def _checked_override(key: str, override: WeekdayOverride) -> dict[str, Any]:
    if (override.start is None) != (override.end is None):
        raise OverrideTimesIncomplete(
            weekday=key, present="start" if override.start is not None else "end"
        )
    value: dict[str, Any] = {}
    if override.start is not None and override.end is not None:
        start = check_time(override.start, f"overrides.{key}.start")
        end = check_time(override.end, f"overrides.{key}.end")
        if start == end:
            raise OverrideZeroLength(weekday=key, time=format_time(start))
        value["start"] = format_time(start)
        value["end"] = format_time(end)
    if override.required_minutes is not None:
        value["required_minutes"] = override.required_minutes
    return value
