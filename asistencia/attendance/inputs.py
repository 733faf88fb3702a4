"""Load the engine inputs of one employee from the database: schedule, punches, holidays, leave."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from asistencia.attendance import days_repository as repository
from asistencia.attendance.engine import (
    Leave,
    LeaveKind,
    Punch,
    ShiftRules,
    local_to_utc,
    resolve_zone,
)
from asistencia.attendance.models import AttendanceDayRecord, AttendanceEvent
from asistencia.attendance.rules import (
    ShiftFields,
    engine_weekday_to_iso,
    rules_from_snapshot,
    shift_rules,
)
from asistencia.core.logging import get_logger
from asistencia.employees.models import Employee
from asistencia.leave.models import LeaveRequest
from asistencia.shifts.models import ShiftAssignment, Site

log = get_logger(__name__)

# Days of punches loaded around the requested range. The instances of the day before and
# the day after the range compete for punches, so they need their punches too. A shift may
# end the day after it starts, and its window may reach 1440 minutes past either end.
PUNCH_MARGIN_BEFORE_DAYS = 2
PUNCH_MARGIN_AFTER_DAYS = 4


@dataclass
class StoredSchedule:
    """The shift rules of one employee per local date, from the database.

    Order of precedence:

    1. A final stored day keeps its ``rules_snapshot``.
    2. The assignment covering the date whose weekdays include it, with its weekday
       override. When several do, the latest start wins, then the highest id.
    3. The employee's default shift, on that shift's weekdays.
    4. Otherwise the date is a day off.
    """

    employee_id: int
    assignments: list[ShiftAssignment]
    shifts: Mapping[int, ShiftFields]
    default_shift_id: int | None
    frozen: dict[date, ShiftRules] = field(default_factory=dict)
    _cache: dict[tuple[int | None, int], ShiftRules | None] = field(default_factory=dict)

    def rules_for(self, local_date: date) -> ShiftRules | None:
        if local_date in self.frozen:
            return self.frozen[local_date]
        iso_weekday = engine_weekday_to_iso(local_date.weekday())
        covering = [
            assignment
            for assignment in self.assignments
            if assignment.start_date <= local_date
            and (assignment.end_date is None or local_date <= assignment.end_date)
            and assignment.shift_id in self.shifts
            and iso_weekday in (assignment.weekdays or self.shifts[assignment.shift_id].weekdays)
        ]
        if covering:
            chosen = max(covering, key=lambda assignment: (assignment.start_date, assignment.id))
            return self._rules_of_assignment(chosen, iso_weekday)
        if self.default_shift_id is not None and self.default_shift_id in self.shifts:
            shift = self.shifts[self.default_shift_id]
            if iso_weekday in shift.weekdays:
                return self._build((None, self.default_shift_id), shift, None, None)
        return None

    def _rules_of_assignment(
        self, assignment: ShiftAssignment, iso_weekday: str
    ) -> ShiftRules | None:
        shift = self.shifts[assignment.shift_id]
        override = (assignment.overrides or {}).get(iso_weekday)
        key = (assignment.id, int(iso_weekday)) if override else (assignment.id, 0)
        return self._build(key, shift, assignment.weekdays, override)

    def _build(self, key, shift, weekdays, override) -> ShiftRules | None:  # type: ignore[no-untyped-def]
        if key not in self._cache:
            try:
                self._cache[key] = shift_rules(shift, weekdays=weekdays, override=override)
            except ValueError as error:
                # NOTE: a shift the engine rejects is treated as a day off, so check-ins keep
                # working. The shift API validates rules, so only older rows can reach here.
                log.error(
                    "attendance.shift_rules_invalid",
                    employee_id=self.employee_id,
                    shift_id=shift.id,
                    error=str(error),
                )
                self._cache[key] = None
        return self._cache[key]


@dataclass
class EmployeeInputs:
    """Everything the engine needs for one employee over a range, plus the stored days."""

    employee: Employee
    time_zone: ZoneInfo
    schedule: StoredSchedule
    punches: list[Punch]
    holidays: frozenset[date]
    leaves: list[Leave]
    # Stored days from the day before the range to the day after it.
    records: list[AttendanceDayRecord]


def employee_time_zone(session: Session, employee: Employee, default_timezone: str) -> ZoneInfo:
    """Return the zone of the employee's site, or the organisation's zone without a site."""
    if employee.site_id is not None:
        site = session.get(Site, employee.site_id)
        if site is not None:
            return resolve_zone(site.timezone)
    return resolve_zone(default_timezone)


def local_midnight(local_date: date, tz: ZoneInfo) -> datetime:
    return local_to_utc(datetime.combine(local_date, time(0)), tz)


def to_engine_punch(event: AttendanceEvent) -> Punch:
    """Convert a stored punch; its direction reaches the engine only when the client sent it."""
    direction = event.kind if event.kind_explicit and event.kind in ("in", "out") else None
    return Punch(id=event.id, at=event.recorded_at, direction=direction)


def leave_intervals(request: LeaveRequest, tz: ZoneInfo) -> list[Leave]:
    """Convert approved leave on local dates to UTC intervals in the site's zone.

    Whole days run from local midnight to the next local midnight. Part-day leave covers
    the same times on each date, and an end at or before the start is on the next day.
    """
    try:
        kind = LeaveKind(request.kind)
    except ValueError:
        kind = LeaveKind.OTHER
    if request.start_time is None or request.end_time is None:
        return [
            Leave(
                id=request.id,
                kind=kind,
                start=local_midnight(request.start_date, tz),
                end=local_midnight(request.end_date + timedelta(days=1), tz),
                justification=request.justification,
            )
        ]

    intervals: list[Leave] = []
    current = request.start_date
    while current <= request.end_date:
        start = local_to_utc(datetime.combine(current, request.start_time), tz)
        end_date = (
            current + timedelta(days=1) if request.end_time <= request.start_time else current
        )
        end = local_to_utc(datetime.combine(end_date, request.end_time), tz)
        # A DST gap can map both times to one instant; such a slice covers nothing.
        if end > start:
            intervals.append(Leave(request.id, kind, start, end, request.justification))
        current += timedelta(days=1)
    return intervals


def load_inputs(
    session: Session,
    employee: Employee,
    first_date: date,
    last_date: date,
    *,
    default_timezone: str,
    shift_replacements: Mapping[int, ShiftFields] | None = None,
) -> EmployeeInputs:
    """Load the inputs for computing ``first_date`` to ``last_date`` and the neighbouring days.

    ``shift_replacements`` swaps shifts for proposed versions (dry run); final stored days
    still use their snapshots.
    """
    tz = employee_time_zone(session, employee, default_timezone)
    margin_first = first_date - timedelta(days=1)
    margin_last = last_date + timedelta(days=1)

    assignments = repository.assignments_overlapping(
        session, employee.id, margin_first, margin_last
    )
    shift_ids = {assignment.shift_id for assignment in assignments}
    if employee.shift_id is not None:
        shift_ids.add(employee.shift_id)
    shifts: dict[int, ShiftFields] = dict(repository.shifts_by_id(session, shift_ids))
    for shift_id, replacement in (shift_replacements or {}).items():
        if shift_id in shifts:
            shifts[shift_id] = replacement

    records = repository.day_records_between(session, employee.id, margin_first, margin_last)
    frozen: dict[date, ShiftRules] = {}
    for record in records:
        if record.final and record.rules_snapshot:
            frozen[record.local_date] = rules_from_snapshot(record.rules_snapshot)
    schedule = StoredSchedule(
        employee_id=employee.id,
        assignments=assignments,
        shifts=shifts,
        default_shift_id=employee.shift_id,
        frozen=frozen,
    )

    events = repository.punches_between(
        session,
        employee.id,
        local_midnight(first_date - timedelta(days=PUNCH_MARGIN_BEFORE_DAYS), tz),
        local_midnight(last_date + timedelta(days=PUNCH_MARGIN_AFTER_DAYS), tz),
    )
    leaves = [
        leave
        for request in repository.approved_leave(session, employee.id, margin_first, margin_last)
        for leave in leave_intervals(request, tz)
    ]
    return EmployeeInputs(
        employee=employee,
        time_zone=tz,
        schedule=schedule,
        punches=[to_engine_punch(event) for event in events],
        holidays=repository.holiday_dates(session, employee.site_id, margin_first, margin_last),
        leaves=leaves,
        records=records,
    )
