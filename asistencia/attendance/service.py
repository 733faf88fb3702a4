"""Check-in: identify (1:N) or verify (1:1) a face and record an attendance event."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.attendance import repository
from asistencia.attendance.errors import EmployeeNotEnrolled
from asistencia.attendance.inputs import employee_time_zone
from asistencia.attendance.models import KIND_IN, KIND_OUT, AttendanceEvent
from asistencia.attendance.punch_direction import place_punch
from asistencia.attendance.recompute import recompute_days
from asistencia.attendance.schemas import CheckInResponse, EventRead, MatchRead
from asistencia.core.database import after_commit
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.employees import repository as employees_repository
from asistencia.employees.errors import EmployeeInactive, EmployeeNotFound
from asistencia.employees.models import Employee
from asistencia.employees.schemas import EmployeeSummary
from asistencia.faces.errors import AmbiguousMatch, FaceMismatch, FaceNotRecognized
from asistencia.faces.matcher import TemplateIndex
from asistencia.faces.engine import FaceAnalysis

log = get_logger(__name__)

Publisher = Callable[[dict[str, object]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Identification:
    employee_id: int
    distance: float
    margin: float | None
    mode: str


def identify(index: TemplateIndex, settings: Settings, analysis: FaceAnalysis) -> Identification:
    """Find the enrolled employee for a face (1:N); raise when unknown or ambiguous."""
    match = index.search(analysis.descriptor)
    if match.best is None or match.best.distance > settings.match_threshold:
        log.info(
            "check_in.not_recognized",
            distance=round(match.best.distance, 4) if match.best else None,
        )
        raise FaceNotRecognized()
    margin = match.margin
    if margin is not None and margin < settings.match_margin:
        log.info(
            "check_in.ambiguous",
            employee_id=match.best.employee_id,
            other_employee_id=match.second.employee_id if match.second else None,
            margin=round(margin, 4),
        )
        raise AmbiguousMatch()
    return Identification(match.best.employee_id, match.best.distance, margin, "identify")


def verify(
    session: Session, index: TemplateIndex, settings: Settings, analysis: FaceAnalysis, employee_code: str
) -> Identification:
    """Check that a face belongs to the employee with ``employee_code`` (1:1)."""
    employee = employees_repository.get_by_code(session, employee_code)
    if employee is None:
        raise EmployeeNotFound(employee=employee_code)
    if not employee.is_active:
        raise EmployeeInactive(employee_code=employee.employee_code)
    distance = index.distance_to(analysis.descriptor, employee.id)
    if distance is None:
        raise EmployeeNotEnrolled(employee_code=employee.employee_code)
    if distance > settings.match_threshold:
        log.info("check_in.mismatch", employee_id=employee.id, distance=round(distance, 4))
        raise FaceMismatch(employee_code=employee.employee_code)
    others = index.search(analysis.descriptor, exclude_employee=employee.id)
    margin = others.best.distance - distance if others.best else None
    return Identification(employee.id, distance, margin, "verify")


def record_check_in(
    session: Session,
    index: TemplateIndex,
    settings: Settings,
    *,
    analysis: FaceAnalysis,
    employee_code: str | None,
    actor_id: int | None,
    publish: Publisher | None = None,
    now: datetime | None = None,
    kind: str | None = None,
) -> tuple[CheckInResponse, bool]:
    """Identify the face and store an attendance event; return it and whether it is new.

    ``kind`` ("in" or "out") is the direction the client chose; without it the direction
    follows the punch's place in its shift instance. A repeat within the duplicate window
    returns the stored event instead, unless the client chose the other direction. The
    days around the punch are recomputed in the same transaction.
    """
    if employee_code:
        found = verify(session, index, settings, analysis, employee_code)
    else:
        found = identify(index, settings, analysis)
    now = now or datetime.now(timezone.utc)

    # Locks the employee row on PostgreSQL so concurrent check-ins of one person queue up.
    session.execute(select(Employee.id).where(Employee.id == found.employee_id).with_for_update())
    employee = session.get(Employee, found.employee_id)
    if employee is None or not employee.is_active:
        raise FaceNotRecognized()
    previous = repository.last_event(session, employee.id)

    window = timedelta(seconds=settings.duplicate_window_seconds)
    if previous is not None and timedelta(0) <= now - previous.recorded_at < window:
        if kind is None or kind == previous.kind:
            log.info("check_in.duplicate", employee_id=employee.id, event_id=previous.id)
            return _response(employee, previous, found, settings, duplicate=True), False
        if not previous.kind_explicit:
            # The engine keeps two punches inside the window only when both directions are
            # explicit. Choosing the opposite direction now confirms the inferred one.
            previous.kind_explicit = True
            log.info("check_in.direction_confirmed", employee_id=employee.id, event_id=previous.id)

    placement = place_punch(session, employee, now, explicit=kind, settings=settings)
    zone = employee_time_zone(session, employee, settings.timezone)
    event = AttendanceEvent(
        employee_id=employee.id,
        kind=placement.kind or _next_kind(previous, now, zone),
        kind_explicit=kind is not None,
        recorded_at=now,
        source="face",
        distance=found.distance,
        margin=found.margin,
        recorded_by_user_id=actor_id,
    )
    session.add(event)
    session.flush()
    instance_date = placement.instance_date or placement.local_date
    recompute_days(
        session, employee_id=employee.id, first_date=instance_date - timedelta(days=1),
        last_date=instance_date + timedelta(days=1), now=now, settings=settings,
    )

    response = _response(employee, event, found, settings, duplicate=False)
    if publish is not None:
        payload = response.model_dump(mode="json")
        after_commit(session, lambda: publish(payload))
    log.info(
        "check_in.recorded",
        employee_id=employee.id,
        event_id=event.id,
        kind=event.kind,
        kind_explicit=event.kind_explicit,
        mode=found.mode,
        distance=round(found.distance, 4),
    )
    return response, True


def _next_kind(previous: AttendanceEvent | None, now: datetime, zone: tzinfo) -> str:
    """Return "in" for the first event of the employee's local day, then alternate (no shift)."""
    if previous is None:
        return KIND_IN
    if previous.recorded_at.astimezone(zone).date() != now.astimezone(zone).date():
        return KIND_IN
    return KIND_OUT if previous.kind == KIND_IN else KIND_IN


def _response(
    employee: Employee, event: AttendanceEvent, found: Identification, settings: Settings, *, duplicate: bool
) -> CheckInResponse:
    return CheckInResponse(
        employee=EmployeeSummary.model_validate(employee),
        event=EventRead(
            id=event.id,
            kind=event.kind,
            recorded_at=event.recorded_at.astimezone(settings.zone),
            source=event.source,
        ),
        match=MatchRead(
            distance=round(found.distance, 4),
            margin=round(found.margin, 4) if found.margin is not None else None,
            mode=found.mode,
        ),
        duplicate=duplicate,
    )
