"""Recompute stored attendance days from punches, shifts, holidays and leave."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from asistencia.attendance import alerts
from asistencia.attendance.engine import AttendanceDay, ShiftRules, compute_period
from asistencia.attendance.inputs import EmployeeInputs, load_inputs
from asistencia.attendance.models import AttendanceDayRecord
from asistencia.attendance.rules import rules_to_snapshot
from asistencia.core.settings import Settings
from asistencia.employees.errors import EmployeeNotFound
from asistencia.employees.models import Employee

# Columns copied from the engine's AttendanceDay to the stored row.
DAY_FIELDS = (
    "status",
    "final",
    "scheduled_start",
    "scheduled_end",
    "first_in",
    "last_out",
    "worked_minutes",
    "late_minutes",
    "early_exit_minutes",
    "overtime_minutes",
    "required_minutes",
    "balance_minutes",
    "deficit",
    "excess",
    "holiday",
    "leave_minutes",
    "leave_ids",
    "punch_ids",
    "duplicate_punch_ids",
    "explanation",
    "rules_snapshot",
)


def _json_safe(value: Any) -> Any:
    """Return ``value`` as it reads back from a JSON column (tuples become lists, enums strings)."""
    return json.loads(json.dumps(value))


def compute_days(
    inputs: EmployeeInputs,
    first_date: date,
    last_date: date,
    *,
    now: datetime,
    duplicate_window_seconds: int,
) -> list[AttendanceDay]:
    """Run the engine over the loaded inputs; this writes nothing."""
    return compute_period(
        first_date,
        last_date,
        inputs.schedule,
        inputs.time_zone,
        inputs.punches,
        now=now,
        holidays=inputs.holidays,
        leaves=inputs.leaves,
        duplicate_window_seconds=duplicate_window_seconds,
    )


def day_values(day: AttendanceDay, rules: ShiftRules) -> dict[str, Any]:
    """Return the stored column values of one computed day."""
    return {
        "status": day.status.value,
        "final": day.final,
        "scheduled_start": day.scheduled_start,
        "scheduled_end": day.scheduled_end,
        "first_in": day.first_in,
        "last_out": day.last_out,
        "worked_minutes": day.worked_minutes,
        "late_minutes": day.late_minutes,
        "early_exit_minutes": day.early_exit_minutes,
        "overtime_minutes": day.overtime_minutes,
        "required_minutes": day.required_minutes,
        "balance_minutes": day.balance_minutes,
        "deficit": day.deficit,
        "excess": day.excess,
        "holiday": day.holiday,
        "leave_minutes": day.leave_minutes,
        "leave_ids": list(day.leave_ids),
        "punch_ids": list(day.punch_ids),
        "duplicate_punch_ids": list(day.duplicate_punch_ids),
        "explanation": _json_safe(
            [{"msgid": step.msgid, "params": step.params} for step in day.explanation]
        ),
        "rules_snapshot": rules_to_snapshot(rules),
    }


def _apply(record: AttendanceDayRecord, values: dict[str, Any]) -> None:
    """Set only the columns that differ, so an unchanged day issues no UPDATE."""
    was_final = bool(record.final)
    for name in DAY_FIELDS:
        value = values[name]
        if name == "final":
            # A closed day stays closed even if recomputed with an earlier ``now``.
            value = value or was_final
        if getattr(record, name) != value:
            setattr(record, name, value)


def recompute_days(
    session: Session,
    *,
    employee_id: int,
    first_date: date,
    last_date: date,
    settings: Settings,
    now: datetime | None = None,
) -> list[AttendanceDayRecord]:
    """Recompute and store the employee's days from ``first_date`` to ``last_date`` (local).

    Inserts new days, updates changed ones and deletes stored days whose shift instance no
    longer exists, unless they are final. A final day is recomputed with its own
    ``rules_snapshot``; other days use the current shift rules. Running it twice with the
    same inputs leaves the rows unchanged. Also records the alerts of the final days.
    Raises EmployeeNotFound for an unknown employee. Flushes; the caller commits.
    """
    if last_date < first_date:
        raise ValueError(f"last_date {last_date} is before first_date {first_date}")
    now = now or datetime.now(timezone.utc)
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise EmployeeNotFound(employee=employee_id)

    inputs = load_inputs(
        session, employee, first_date, last_date, default_timezone=settings.timezone
    )
    days = compute_days(
        inputs,
        first_date,
        last_date,
        now=now,
        duplicate_window_seconds=settings.duplicate_window_seconds,
    )

    existing = {
        (record.local_date, record.shift_id): record
        for record in inputs.records
        if first_date <= record.local_date <= last_date
    }
    stored: list[AttendanceDayRecord] = []
    for day in days:
        rules = inputs.schedule.rules_for(day.local_date)
        assert rules is not None, "the engine built an instance for a date without rules"
        values = day_values(day, rules)
        record = existing.pop((day.local_date, day.shift_id), None)
        if record is None:
            record = AttendanceDayRecord(
                employee_id=employee.id,
                local_date=day.local_date,
                shift_id=day.shift_id,
                site_id=employee.site_id,
                **values,
            )
            session.add(record)
        else:
            if record.site_id != employee.site_id and not record.final:
                record.site_id = employee.site_id
            _apply(record, values)
        stored.append(record)

    for record in existing.values():
        if not record.final:
            session.delete(record)
    session.flush()

    alerts.record_alerts(
        session,
        employee.id,
        stored,
        late_threshold=settings.alert_late_count,
        absence_threshold=settings.alert_absence_count,
    )
    return stored
