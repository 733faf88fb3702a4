"""Scheduled attendance jobs and their registration in the application's scheduler."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from asistencia.attendance.closing import close_days
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.scheduler import SchedulerState

log = get_logger(__name__)

CLOSE_JOB_ID = "attendance.close"
# How often finished shift instances are closed; a day becomes absent at most this long
# after its punch window ends.
CLOSE_INTERVAL_SECONDS = 5 * 60


def run_close_job(factory: sessionmaker[Session], settings: Settings) -> None:
    """Close finished days; errors are logged so the scheduler keeps the job."""
    try:
        close_days(factory, settings)
    except Exception:
        # close_days handles failures of its own transaction; this catches a failure to
        # take or release the lease, for example while the database is unreachable.
        log.exception("attendance.close.failed", job=CLOSE_JOB_ID)


def register_jobs(
    scheduler: SchedulerState, factory: sessionmaker[Session], settings: Settings
) -> None:
    """Add the closing job; its first run starts at once to catch up after downtime."""
    scheduler.add_interval_job(
        lambda: run_close_job(factory, settings),
        seconds=CLOSE_INTERVAL_SECONDS,
        job_id=CLOSE_JOB_ID,
        run_now=True,
    )
