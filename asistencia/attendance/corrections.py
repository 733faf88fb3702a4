"""Staff corrections of punches: add a manual punch, edit one, or void one, each with a reason."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.attendance.days_errors import (
    NothingToChange,
    PunchAlreadyVoided,
    PunchInFuture,
    PunchNotFound,
    ReasonRequired,
    TimezoneRequired,
)
from asistencia.attendance.days_schemas import (
    CorrectionResult,
    PunchCreate,
    PunchRead,
    PunchUpdate,
    PunchVoid,
)
from asistencia.attendance.days_service import DayReader
from asistencia.attendance.engine import resolve_zone
from asistencia.attendance.inputs import employee_time_zone
from asistencia.attendance.models import AttendanceDayRecord, AttendanceEvent
from asistencia.attendance.recompute import recompute_days
from asistencia.core.audit import record_audit
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.employees.errors import EmployeeNotFound
from asistencia.employees.models import Employee

log = get_logger(__name__)

SOURCE_MANUAL = "manual"


def _reason(text: str) -> str:
    reason = text.strip()
    if not reason:
        raise ReasonRequired()
    return reason


def _check_time(value: datetime, now: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise TimezoneRequired(value=value.isoformat())
    if value > now:
        raise PunchInFuture(recorded_at=value.isoformat())
    return value.astimezone(timezone.utc)


def punch_snapshot(event: AttendanceEvent) -> dict[str, Any]:
    return {
        "employee_id": event.employee_id,
        "kind": event.kind,
        "kind_explicit": event.kind_explicit,
        "recorded_at": event.recorded_at.isoformat(),
        "source": event.source,
        "voided_at": event.voided_at.isoformat() if event.voided_at else None,
        "void_reason": event.void_reason,
    }


def _lock_employee(session: Session, employee_id: int) -> Employee:
    """Lock the employee row like a check-in does, so corrections and check-ins queue up."""
    session.execute(select(Employee.id).where(Employee.id == employee_id).with_for_update())
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise EmployeeNotFound(employee=employee_id)
    return employee


def _date_spans(instants: list[datetime], tz: ZoneInfo) -> list[tuple[date, date]]:
    """Return the local dates around each instant (one day either side), merged when they touch."""
    spans: list[tuple[date, date]] = []
    for local_date in sorted({instant.astimezone(tz).date() for instant in instants}):
        first, last = local_date - timedelta(days=1), local_date + timedelta(days=1)
        if spans and first <= spans[-1][1] + timedelta(days=1):
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def _recompute_around(
    session: Session,
    settings: Settings,
    employee: Employee,
    instants: list[datetime],
    now: datetime,
) -> list[AttendanceDayRecord]:
    tz = employee_time_zone(session, employee, settings.timezone)
    records: list[AttendanceDayRecord] = []
    for first, last in _date_spans(instants, tz):
        records.extend(
            recompute_days(
                session,
                employee_id=employee.id,
                first_date=first,
                last_date=last,
                now=now,
                settings=settings,
            )
        )
    return records


def _result(
    session: Session,
    settings: Settings,
    employee: Employee,
    event: AttendanceEvent,
    records: list[AttendanceDayRecord],
) -> CorrectionResult:
    reader = DayReader(session, settings)
    zone = resolve_zone(reader.zone_name(employee.site_id))
    punch = PunchRead(
        id=event.id,
        employee_id=event.employee_id,
        kind=event.kind,
        kind_explicit=event.kind_explicit,
        recorded_at=event.recorded_at.astimezone(zone),
        source=event.source,
        voided_at=event.voided_at.astimezone(zone) if event.voided_at else None,
        void_reason=event.void_reason,
    )
    return CorrectionResult(punch=punch, days=reader.read_all(records))


def _get_punch(session: Session, punch_id: int) -> AttendanceEvent:
    event = session.get(AttendanceEvent, punch_id)
    if event is None:
        raise PunchNotFound(punch_id=punch_id)
    return event


def add_punch(
    session: Session,
    settings: Settings,
    data: PunchCreate,
    *,
    actor_id: int | None,
    now: datetime | None = None,
) -> CorrectionResult:
    """Store a manual punch with an explicit direction and recompute the days around it."""
    now = now or datetime.now(timezone.utc)
    reason = _reason(data.reason)
    recorded_at = _check_time(data.recorded_at, now)
    employee = _lock_employee(session, data.employee_id)

    event = AttendanceEvent(
        employee_id=employee.id,
        kind=data.kind,
        kind_explicit=True,
        recorded_at=recorded_at,
        source=SOURCE_MANUAL,
        recorded_by_user_id=actor_id,
    )
    session.add(event)
    session.flush()
    records = _recompute_around(session, settings, employee, [recorded_at], now)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="punch.created",
        entity="attendance_event",
        entity_id=event.id,
        after=punch_snapshot(event),
        reason=reason,
    )
    log.info("punch.created", punch_id=event.id, employee_id=employee.id, kind=event.kind)
    return _result(session, settings, employee, event, records)


def edit_punch(
    session: Session,
    settings: Settings,
    punch_id: int,
    data: PunchUpdate,
    *,
    actor_id: int | None,
    now: datetime | None = None,
) -> CorrectionResult:
    """Change a punch's time or direction; the days around the old and new times are recomputed.

    A direction set here becomes explicit. A voided punch cannot be edited.
    """
    now = now or datetime.now(timezone.utc)
    reason = _reason(data.reason)
    event = _get_punch(session, punch_id)
    new_time = _check_time(data.recorded_at, now) if data.recorded_at is not None else None
    employee = _lock_employee(session, event.employee_id)
    if event.voided_at is not None:
        raise PunchAlreadyVoided(punch_id=punch_id)
    time_changes = new_time is not None and new_time != event.recorded_at
    kind_changes = data.kind is not None and (data.kind != event.kind or not event.kind_explicit)
    if not time_changes and not kind_changes:
        raise NothingToChange(punch_id=punch_id)

    before = punch_snapshot(event)
    old_time = event.recorded_at
    if time_changes:
        event.recorded_at = new_time  # type: ignore[assignment]
    if kind_changes:
        event.kind = data.kind  # type: ignore[assignment]
        event.kind_explicit = True
    session.flush()
    records = _recompute_around(session, settings, employee, [old_time, event.recorded_at], now)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="punch.updated",
        entity="attendance_event",
        entity_id=event.id,
        before=before,
        after=punch_snapshot(event),
        reason=reason,
    )
    log.info("punch.updated", punch_id=event.id, employee_id=employee.id)
    return _result(session, settings, employee, event, records)


def void_punch(
    session: Session,
    settings: Settings,
    punch_id: int,
    data: PunchVoid,
    *,
    actor_id: int | None,
    now: datetime | None = None,
) -> CorrectionResult:
    """Void a punch (it is kept, marked with who and why) and recompute the days around it."""
    now = now or datetime.now(timezone.utc)
    reason = _reason(data.reason)
    event = _get_punch(session, punch_id)
    employee = _lock_employee(session, event.employee_id)
    if event.voided_at is not None:
        raise PunchAlreadyVoided(punch_id=punch_id)

    before = punch_snapshot(event)
    event.voided_at = now
    event.voided_by_user_id = actor_id
    event.void_reason = reason
    session.flush()
    records = _recompute_around(session, settings, employee, [event.recorded_at], now)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="punch.voided",
        entity="attendance_event",
        entity_id=event.id,
        before=before,
        after=punch_snapshot(event),
        reason=reason,
    )
    log.info("punch.voided", punch_id=event.id, employee_id=employee.id)
    return _result(session, settings, employee, event, records)
