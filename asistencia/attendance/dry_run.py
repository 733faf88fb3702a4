"""Preview how proposed shift rules would change attendance days, without storing anything."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session

from asistencia.attendance import days_repository as repository
from asistencia.attendance.days_errors import InvalidShiftRules
from asistencia.attendance.days_schemas import DryRunDay, DryRunResult, FieldChange
from asistencia.attendance.days_service import resolve_range
from asistencia.attendance.engine import AttendanceDay
from asistencia.attendance.inputs import load_inputs
from asistencia.attendance.recompute import compute_days
from asistencia.attendance.rules import shift_rules
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.shifts.errors import ShiftNotFound
from asistencia.shifts.models import Shift
from asistencia.shifts.schemas import ShiftUpdate
from asistencia.shifts.validation import (
    merged_shift_values,
    segments_to_strings,
    validate_shift_rules,
)

log = get_logger(__name__)

# Fields compared between the current and the proposed rules, in report order.
COMPARED_FIELDS = (
    "status",
    "scheduled_start",
    "scheduled_end",
    "late_minutes",
    "early_exit_minutes",
    "worked_minutes",
    "overtime_minutes",
    "required_minutes",
    "balance_minutes",
    "deficit",
    "excess",
)


def proposed_shift(shift: Shift, changes: ShiftUpdate) -> SimpleNamespace:
    """Return a detached copy of ``shift`` with the proposed rules; raise when they are invalid."""
    values = merged_shift_values(shift, changes.model_dump(exclude_unset=True))
    validate_shift_rules(values)
    if values["segments"] is not None:
        values["segments"] = segments_to_strings(values["segments"])
    proposed = SimpleNamespace(id=shift.id, name=changes.name or shift.name, **values)
    try:
        shift_rules(proposed)  # type: ignore[arg-type]
    except ValueError as error:
        raise InvalidShiftRules(detail=str(error)) from error
    return proposed


def _value(day: AttendanceDay | None, field: str) -> Any:
    if day is None:
        return None
    value = getattr(day, field)
    if isinstance(value, datetime):
        return value.isoformat()
    return getattr(value, "value", value)


def _changes(old: AttendanceDay | None, new: AttendanceDay | None) -> list[FieldChange]:
    changes = []
    for field in COMPARED_FIELDS:
        before, after = _value(old, field), _value(new, field)
        if before != after:
            changes.append(FieldChange(field=field, old=before, new=after))
    return changes


def dry_run_shift(
    session: Session,
    settings: Settings,
    shift_id: int,
    changes: ShiftUpdate,
    *,
    first: date | None,
    last: date | None,
    now: datetime | None = None,
) -> DryRunResult:
    """Compare the days of every employee on the shift under the current and the proposed rules.

    Both sides are computed in memory at the same ``now``, so only the rule change shows.
    Final stored days keep their rules snapshot and are counted, not compared. Ends with a
    rollback, so nothing is written even by accident.
    """
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise ShiftNotFound(shift_id=shift_id)
    first, last = resolve_range(first, last, settings)
    proposed = proposed_shift(shift, changes)
    now = now or datetime.now(timezone.utc)

    employees = repository.employees_using_shift(session, shift_id, first, last)
    changed: list[DryRunDay] = []
    checked = 0
    for employee in employees:
        inputs = load_inputs(session, employee, first, last, default_timezone=settings.timezone)
        current_days = compute_days(
            inputs, first, last, now=now, duplicate_window_seconds=settings.duplicate_window_seconds
        )
        shifts = {**inputs.schedule.shifts, shift_id: proposed}
        inputs.schedule = replace(inputs.schedule, shifts=shifts, _cache={})
        proposed_days = compute_days(
            inputs, first, last, now=now, duplicate_window_seconds=settings.duplicate_window_seconds
        )

        current = {day.local_date: day for day in current_days}
        after = {day.local_date: day for day in proposed_days}
        for local_date in sorted(set(current) | set(after)):
            old, new = current.get(local_date), after.get(local_date)
            if shift_id not in (getattr(old, "shift_id", None), getattr(new, "shift_id", None)):
                continue
            if old is not None and old.local_date in inputs.schedule.frozen:
                continue
            checked += 1
            day_changes = _changes(old, new)
            if day_changes:
                reported = new or old
                changed.append(
                    DryRunDay(
                        employee_id=employee.id,
                        local_date=local_date,
                        shift_id=reported.shift_id if reported else None,
                        changes=day_changes,
                    )
                )

    final_days = repository.final_days_of_shift(
        session, shift_id, [e.id for e in employees], first, last
    )
    session.rollback()
    log.info("shift.dry_run", shift_id=shift_id, employees=len(employees), changed=len(changed))
    return DryRunResult(
        shift_id=shift_id,
        first=first,
        last=last,
        employees=len(employees),
        days_checked=checked,
        final_days_unchanged=final_days,
        changed=changed,
    )
