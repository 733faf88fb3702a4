"""Close shift instances whose window has ended: once across processes, catching up on downtime."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from asistencia.attendance import days_repository as repository
from asistencia.attendance.inputs import employee_time_zone
from asistencia.attendance.models import JobState
from asistencia.attendance.recompute import recompute_days
from asistencia.core.database import session_scope
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.employees.models import Employee

log = get_logger(__name__)

CLOSE_JOB_NAME = "attendance.close"
# Key of the PostgreSQL advisory lock held while closing; any fixed 64-bit value works
# as long as no other job uses it.
ADVISORY_LOCK_KEY = 7_305_240_011
# A lease older than this is taken over, so a crashed runner blocks closing only this long.
LEASE_SECONDS = 15 * 60
# With no watermark yet (first run), days are closed from this many days back, or from the
# employee's creation date when that is later.
FIRST_RUN_LOOKBACK_DAYS = 7
# Every instance of a local date D has closed by D + 4 days in the organisation's zone.
# A shift ends within D + 1 and its window may add 24 hours. Site zones differ from the
# organisation's by at most 26 hours.
CLOSED_AFTER_DAYS = 4
# NOTE: a longer downtime than this is not caught up automatically; use the recompute
# endpoint for older dates.
MAX_CATCH_UP_DAYS = 93


@dataclass(frozen=True, slots=True)
class CloseResult:
    """Outcome of one closing run; ``ran`` is False when another runner held the lock."""

    ran: bool
    employees: int = 0
    days: int = 0
    watermark: date | None = None
    error: str | None = None


def runner_id() -> str:
    """Return ``host:pid``, stored in ``job_state.locked_by`` while this process closes days."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def acquire_lease(factory: sessionmaker[Session], name: str, runner: str, now: datetime) -> bool:
    """Take the job's lease with one atomic UPDATE; returns False while another runner holds it."""
    with session_scope(factory) as session:
        if session.get(JobState, name) is None:
            try:
                with session.begin_nested():
                    session.add(JobState(name=name))
            except IntegrityError:
                log.info("job.state_created_concurrently", job=name)
        result = session.execute(
            update(JobState)
            .where(
                JobState.name == name,
                or_(JobState.locked_until.is_(None), JobState.locked_until < now),
            )
            .values(locked_until=now + timedelta(seconds=LEASE_SECONDS), locked_by=runner)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


def release_lease(factory: sessionmaker[Session], name: str, runner: str) -> None:
    with session_scope(factory) as session:
        session.execute(
            update(JobState)
            .where(JobState.name == name, JobState.locked_by == runner)
            .values(locked_until=None, locked_by=None)
            .execution_options(synchronize_session=False)
        )


def _advisory_lock(session: Session) -> bool:
    """Take a PostgreSQL transaction-level advisory lock; other databases rely on the lease."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(
        session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
    )


def first_date_to_close(
    employee: Employee, watermark: date | None, today: date, created_date: date
) -> date:
    """Return the first local date to recompute for ``employee``.

    After the watermark; on the first run FIRST_RUN_LOOKBACK_DAYS back; never before the
    employee's creation date nor more than MAX_CATCH_UP_DAYS back.
    """
    if watermark is not None:
        first = watermark + timedelta(days=1)
    else:
        first = today - timedelta(days=FIRST_RUN_LOOKBACK_DAYS)
    first = max(first, created_date)
    oldest = today - timedelta(days=MAX_CATCH_UP_DAYS)
    if first < oldest:
        log.warning(
            "attendance.close.catch_up_limited",
            employee_id=employee.id,
            skipped_from=str(first),
            resumed_from=str(oldest),
        )
        first = oldest
    return first


def _close_employees(
    session: Session, settings: Settings, state: JobState, now: datetime
) -> tuple[int, int]:
    employees = 0
    days = 0
    for employee in repository.active_employees(session):
        # Same row lock as a check-in, so a punch and the closing of its day do not interleave.
        session.execute(select(Employee.id).where(Employee.id == employee.id).with_for_update())
        tz = employee_time_zone(session, employee, settings.timezone)
        today = now.astimezone(tz).date()
        created = employee.created_at.astimezone(tz).date()
        first = first_date_to_close(employee, state.watermark, today, created)
        if first > today:
            continue
        records = recompute_days(
            session,
            employee_id=employee.id,
            first_date=first,
            last_date=today,
            now=now,
            settings=settings,
        )
        employees += 1
        days += len(records)
    return employees, days


def close_days(
    factory: sessionmaker[Session],
    settings: Settings,
    *,
    now: datetime | None = None,
    runner: str | None = None,
) -> CloseResult:
    """Recompute every active employee's days from the watermark to today, then advance it.

    A day whose window has ended becomes final: ``absent`` without punches, ``incomplete``
    with a check-in and no check-out. Runs in its own transaction, which commits or rolls
    back as a whole, so a failed run leaves the watermark where it was and the next run
    retries the same dates. Failures are logged and stored in ``job_state.last_error``.
    """
    now = now or datetime.now(timezone.utc)
    runner = runner or runner_id()
    if not acquire_lease(factory, CLOSE_JOB_NAME, runner, now):
        log.info("attendance.close.skipped", reason="lease_held")
        return CloseResult(ran=False)

    try:
        with session_scope(factory) as session:
            if not _advisory_lock(session):
                log.info("attendance.close.skipped", reason="advisory_lock_held")
                return CloseResult(ran=False)
            state = session.get(JobState, CLOSE_JOB_NAME)
            assert state is not None, "acquire_lease creates the job state row"
            employees, days = _close_employees(session, settings, state, now)

            closed_through = now.astimezone(settings.zone).date() - timedelta(
                days=CLOSED_AFTER_DAYS
            )
            if state.watermark is None or closed_through > state.watermark:
                state.watermark = closed_through
            state.last_run_at = now
            state.last_error = None
            watermark = state.watermark
        log.info("attendance.close.done", employees=employees, days=days, watermark=str(watermark))
        return CloseResult(ran=True, employees=employees, days=days, watermark=watermark)
    except Exception as error:
        log.exception("attendance.close.failed", job=CLOSE_JOB_NAME, error=str(error))
        _store_error(factory, now, error)
        return CloseResult(ran=True, error=str(error))
    finally:
        release_lease(factory, CLOSE_JOB_NAME, runner)


def _store_error(factory: sessionmaker[Session], now: datetime, error: Exception) -> None:
    try:
        with session_scope(factory) as session:
            state = session.get(JobState, CLOSE_JOB_NAME)
            if state is not None:
                state.last_error = f"{type(error).__name__}: {error}"[:500]
                state.last_run_at = now
    except Exception:
        log.exception("attendance.close.error_not_stored", job=CLOSE_JOB_NAME)
