"""Read stored attendance days in the reader's language, sum them up, and recompute on request."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from asistencia.accounts.models import ROLE_ADMIN, ROLE_SUPERVISOR, User
from asistencia.attendance import days_repository as repository
from asistencia.attendance.days_errors import (
    DateRangeTooLong,
    DayNotFound,
    EmployeeAccountUnlinked,
    InvalidDateRange,
)
from asistencia.attendance.days_schemas import (
    DayList,
    DayRead,
    EmployeeTotals,
    RecomputeRequest,
    SummaryRead,
)
from asistencia.attendance.engine import (
    Status,
    Step,
    render_explanation,
    resolve_zone,
    status_label,
)
from asistencia.attendance.models import AttendanceDayRecord
from asistencia.attendance.recompute import recompute_days
from asistencia.core.audit import record_audit
from asistencia.core.i18n import get_locale
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.employees.errors import EmployeeNotFound
from asistencia.employees.models import Employee
from asistencia.shifts.models import Site

log = get_logger(__name__)

MAX_RANGE_DAYS = 366
DEFAULT_RANGE_DAYS = 30
# A day still in progress counts as attended, so that its late minutes are not reported
# for a day the summary does not count as present.
ATTENDED_STATUSES = frozenset(
    {
        Status.PRESENT.value,
        Status.LATE.value,
        Status.EARLY_LEAVE.value,
        Status.HALF_DAY.value,
        Status.IN_PROGRESS.value,
    }
)


def check_range(first: date, last: date) -> None:
    """Raise unless ``last`` is on or after ``first`` and the range spans at most 366 days."""
    if last < first:
        raise InvalidDateRange(start=first.isoformat(), to=last.isoformat())
    days = (last - first).days + 1
    if days > MAX_RANGE_DAYS:
        raise DateRangeTooLong(
            start=first.isoformat(), to=last.isoformat(), days=days, limit=MAX_RANGE_DAYS
        )


def resolve_range(first: date | None, last: date | None, settings: Settings) -> tuple[date, date]:
    """Default a missing end to today (organisation zone) and a missing start to 30 days before."""
    last = last or datetime.now(timezone.utc).astimezone(settings.zone).date()
    first = first or last - timedelta(days=DEFAULT_RANGE_DAYS - 1)
    check_range(first, last)
    return first, last


def is_staff(user: User) -> bool:
    return user.role_name in (ROLE_ADMIN, ROLE_SUPERVISOR)


def visible_employee_id(user: User, requested: int | None) -> int | None:
    """Return the employee filter a user may use: staff any, an employee only their own."""
    if is_staff(user):
        return requested
    if user.employee_id is None:
        raise EmployeeAccountUnlinked()
    return user.employee_id


class DayReader:
    """Converter of stored rows to ``DayRead``, loading each site zone and employee once."""

    def __init__(self, session: Session, settings: Settings, locale: str | None = None) -> None:
        self.session = session
        self.settings = settings
        self.locale = locale or get_locale()
        self._zones: dict[int | None, str] = {None: settings.timezone}
        self._employees: dict[int, Employee] = {}

    def zone_name(self, site_id: int | None) -> str:
        if site_id not in self._zones:
            site = self.session.get(Site, site_id)
            self._zones[site_id] = site.timezone if site is not None else self.settings.timezone
        return self._zones[site_id]

    def preload(self, records: Iterable[AttendanceDayRecord]) -> None:
        missing = {record.employee_id for record in records} - set(self._employees)
        self._employees.update(repository.employees_by_id(self.session, missing))

    def read(self, record: AttendanceDayRecord) -> DayRead:
        zone_name = self.zone_name(record.site_id)
        tz = resolve_zone(zone_name)
        if record.employee_id not in self._employees:
            self.preload([record])
        employee = self._employees[record.employee_id]
        steps = [Step(step["msgid"], step.get("params") or {}) for step in record.explanation or []]

        def local(value: datetime | None) -> datetime | None:
            return value.astimezone(tz) if value is not None else None

        return DayRead(
            id=record.id,
            employee_id=record.employee_id,
            employee_code=employee.employee_code,
            employee_name=employee.full_name,
            local_date=record.local_date,
            shift_id=record.shift_id,
            shift_name=str((record.rules_snapshot or {}).get("name", "")),
            site_id=record.site_id,
            time_zone=zone_name,
            status=record.status,
            status_label=status_label(record.status, self.locale),
            final=record.final,
            scheduled_start=record.scheduled_start.astimezone(tz),
            scheduled_end=record.scheduled_end.astimezone(tz),
            first_in=local(record.first_in),
            last_out=local(record.last_out),
            worked_minutes=record.worked_minutes,
            late_minutes=record.late_minutes,
            early_exit_minutes=record.early_exit_minutes,
            overtime_minutes=record.overtime_minutes,
            required_minutes=record.required_minutes,
            balance_minutes=record.balance_minutes,
            deficit=record.deficit,
            excess=record.excess,
            holiday=record.holiday,
            leave_minutes=record.leave_minutes,
            leave_ids=list(record.leave_ids or []),
            punch_ids=list(record.punch_ids or []),
            duplicate_punch_ids=list(record.duplicate_punch_ids or []),
            explanation=render_explanation(steps, self.locale),
            computed_at=record.computed_at.astimezone(tz),
        )

    def read_all(self, records: list[AttendanceDayRecord]) -> list[DayRead]:
        self.preload(records)
        return [self.read(record) for record in records]


def list_days(
    session: Session,
    settings: Settings,
    user: User,
    *,
    first: date | None,
    last: date | None,
    employee_id: int | None,
    site_id: int | None,
    status: Status | None,
    limit: int,
    offset: int,
) -> DayList:
    first, last = resolve_range(first, last, settings)
    employee_id = visible_employee_id(user, employee_id)
    records, total = repository.list_days(
        session,
        first=first,
        last=last,
        employee_id=employee_id,
        site_id=site_id,
        status=status.value if status else None,
        limit=limit,
        offset=offset,
    )
    return DayList(items=DayReader(session, settings).read_all(records), total=total)


def get_day(session: Session, settings: Settings, user: User, day_id: int) -> DayRead:
    """Return one day; an employee asking for someone else's day gets not found."""
    record = session.get(AttendanceDayRecord, day_id)
    if record is None or (
        not is_staff(user) and record.employee_id != visible_employee_id(user, None)
    ):
        raise DayNotFound(day_id=day_id)
    return DayReader(session, settings).read(record)


def summarize(
    session: Session,
    settings: Settings,
    user: User,
    *,
    first: date | None,
    last: date | None,
    employee_id: int | None,
) -> SummaryRead:
    first, last = resolve_range(first, last, settings)
    employee_id = visible_employee_id(user, employee_id)
    records = repository.days_for_summary(session, first=first, last=last, employee_id=employee_id)
    by_employee: dict[int, list[AttendanceDayRecord]] = {}
    for record in records:
        by_employee.setdefault(record.employee_id, []).append(record)
    employees = repository.employees_by_id(session, by_employee)

    totals = []
    for owner_id, days in sorted(by_employee.items()):
        employee = employees[owner_id]
        totals.append(
            EmployeeTotals(
                employee_id=owner_id,
                employee_code=employee.employee_code,
                employee_name=employee.full_name,
                scheduled_days=len(days),
                present_days=sum(day.status in ATTENDED_STATUSES for day in days),
                late_count=sum(day.late_minutes > 0 for day in days),
                late_minutes=sum(day.late_minutes for day in days),
                absences=sum(day.status == Status.ABSENT.value for day in days),
                justified=sum(day.status == Status.JUSTIFIED.value for day in days),
                on_leave=sum(day.status == Status.ON_LEAVE.value for day in days),
                incomplete=sum(day.status == Status.INCOMPLETE.value for day in days),
                worked_hours=round(sum(day.worked_minutes for day in days) / 60, 2),
                overtime_hours=round(sum(day.overtime_minutes for day in days) / 60, 2),
            )
        )
    return SummaryRead(first=first, last=last, employees=totals)


def recompute_range(
    session: Session, settings: Settings, data: RecomputeRequest, *, actor_id: int | None
) -> list[DayRead]:
    """Recompute one employee's days on request and audit it."""
    check_range(data.first, data.last)
    if session.get(Employee, data.employee_id) is None:
        raise EmployeeNotFound(employee=data.employee_id)
    records = recompute_days(
        session,
        employee_id=data.employee_id,
        first_date=data.first,
        last_date=data.last,
        settings=settings,
    )
    record_audit(
        session,
        actor_user_id=actor_id,
        action="attendance.recomputed",
        entity="employee",
        entity_id=data.employee_id,
        after={"from": data.first.isoformat(), "to": data.last.isoformat(), "days": len(records)},
    )
    log.info("attendance.recomputed", employee_id=data.employee_id, days=len(records))
    return DayReader(session, settings).read_all(records)
