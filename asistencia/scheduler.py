"""Background jobs (APScheduler). Domains add their jobs here as they arrive."""

from __future__ import annotations

from datetime import datetime, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from asistencia.core.logging import get_logger

log = get_logger(__name__)

HEARTBEAT_SECONDS = 30


class SchedulerState:
    """The scheduler plus the time its heartbeat job last ran, read by ``/health``."""

    def __init__(self, timezone_name: str) -> None:
        self.scheduler = AsyncIOScheduler(timezone=timezone_name)
        self.last_heartbeat: datetime | None = None

    def heartbeat(self) -> None:
        self.last_heartbeat = datetime.now(timezone.utc)

    def start(self) -> None:
        self.scheduler.add_job(
            self.heartbeat, "interval", seconds=HEARTBEAT_SECONDS, id="heartbeat",
            replace_existing=True, next_run_time=datetime.now(timezone.utc),
        )
        self.scheduler.start()

    @property
    def running(self) -> bool:
        return bool(self.scheduler.running)

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
