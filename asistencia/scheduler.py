"""Background jobs (APScheduler). Domains add their jobs here as they arrive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

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

    def add_interval_job(
        self, function: Callable[[], Any], *, seconds: int, job_id: str, run_now: bool = False
    ) -> None:
        """Run ``function`` every ``seconds``, never two runs at once; ``run_now`` also runs it at start.

        A plain function runs in the event loop's thread pool, so it may block.
        """
        options: dict[str, Any] = {}
        if run_now:
            options["next_run_time"] = datetime.now(timezone.utc)
        self.scheduler.add_job(
            function, "interval", seconds=seconds, id=job_id, replace_existing=True,
            max_instances=1, coalesce=True, **options,
        )

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
