"""The ordered start-up: settings, migrations, face engine, seed, scheduler, ready."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import socketio
from fastapi import FastAPI

from asistencia.attendance.jobs import register_jobs
from asistencia.core.database import create_db_engine, create_session_factory, session_scope
from asistencia.core.i18n import translate
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.faces import repository as faces_repository
from asistencia.faces.engine import load_engine
from asistencia.faces.matcher import TemplateIndex
from asistencia.faces.sync import SYNC_INTERVAL_SECONDS, SYNC_JOB_ID, sync_index
from asistencia.faces.processor import FaceProcessor
from asistencia.migrate import upgrade_to_head
from asistencia.scheduler import SchedulerState
from asistencia.seed import seed_database

log = get_logger(__name__)
T = TypeVar("T")


async def _step(name: str, function: Callable[[], T]) -> T:
    """Run one blocking start-up step in a thread and log its duration."""
    started = time.perf_counter()
    result = await asyncio.to_thread(function)
    log.info("startup.step", step=name, duration_ms=round((time.perf_counter() - started) * 1000, 1))
    return result


def build_lifespan(
    settings: Settings, sio: socketio.AsyncServer, session_factory_ref: dict[str, Any]
) -> Callable[[FastAPI], Any]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        started = time.perf_counter()
        log.info("startup.step", step="settings", environment=settings.environment, timezone=settings.timezone)

        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_db_engine(settings.resolved_database_url)
        await _step("migrations", lambda: upgrade_to_head(engine))

        face_engine = await _step(
            "face_engine", lambda: load_engine(min_face_size=settings.min_face_size)
        )

        session_factory = create_session_factory(engine)
        session_factory_ref["factory"] = session_factory
        seed = await _step("seed", lambda: _seed(session_factory, settings))
        if seed.generated_password:
            _announce_admin_password(settings, seed.generated_password)

        index = TemplateIndex()
        await _step("template_index", lambda: _load_index(session_factory, index))
        processor = FaceProcessor(
            face_engine,
            workers=settings.face_workers,
            max_pixels=settings.max_image_pixels,
            max_side=settings.detection_max_side,
        )

        scheduler = SchedulerState(settings.timezone)
        register_jobs(scheduler, session_factory, settings)
        scheduler.add_interval_job(
            lambda: sync_index(session_factory, index), seconds=SYNC_INTERVAL_SECONDS, job_id=SYNC_JOB_ID
        )
        scheduler.start()
        log.info("startup.step", step="scheduler", jobs=len(scheduler.scheduler.get_jobs()))

        log.info(
            "startup.ready",
            total_ms=round((time.perf_counter() - started) * 1000, 1),
            templates=len(index),
            url=f"http://{settings.host}:{settings.port}",
        )
        try:
            yield {
                "settings": settings,
                "db_engine": engine,
                "session_factory": session_factory,
                "face_processor": processor,
                "template_index": index,
                "scheduler": scheduler,
                "sio": sio,
            }
        finally:
            scheduler.shutdown()
            processor.shutdown()
            engine.dispose()
            log.info("shutdown.complete")

    return lifespan


def _seed(session_factory, settings: Settings):  # type: ignore[no-untyped-def]
    with session_scope(session_factory) as session:
        return seed_database(session, settings)


def _load_index(session_factory, index: TemplateIndex) -> None:  # type: ignore[no-untyped-def]
    with session_scope(session_factory) as session:
        index.replace_all(faces_repository.iter_active_descriptors(session))


def _announce_admin_password(settings: Settings, password: str) -> None:
    """Print the generated admin password once; it is never logged or stored in clear."""
    message = translate(
        "Administrator account created: {email} with password {password} (shown only once; change it after signing in).",
        settings.default_locale,
        email=settings.admin_email,
        password=password,
    )
    print(message, file=sys.stderr, flush=True)
