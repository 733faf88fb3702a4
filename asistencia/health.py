"""Liveness and readiness endpoints."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from asistencia.faces.engine import engine_load_count

router = APIRouter(tags=["health"])


@router.get("/health/live")
async def live() -> dict[str, str]:
    """200 while the process runs."""
    return {"status": "ok"}


@router.get("/health", responses={503: {"description": "A check failed; the body names it"}})
async def ready(request: Request) -> JSONResponse:
    """200 only when the database, the face engine and the scheduler are all ready."""
    checks: dict[str, dict[str, Any]] = {
        "database": await run_in_threadpool(_check_database, request),
        "face_engine": _check_face_engine(request),
        "scheduler": _check_scheduler(request),
    }
    failing = [name for name, check in checks.items() if check["status"] != "ok"]
    body: dict[str, Any] = {"status": "ok" if not failing else "unavailable", "checks": checks}
    if failing:
        body["failing"] = failing
    return JSONResponse(body, status_code=503 if failing else 200)


def _check_database(request: Request) -> dict[str, Any]:
    engine = getattr(request.state, "db_engine", None)
    if engine is None:
        return {"status": "error", "detail": "not started"}
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any driver error means "not ready"
        return {"status": "error", "detail": type(exc).__name__}
    return {"status": "ok", "dialect": engine.dialect.name}


def _check_face_engine(request: Request) -> dict[str, Any]:
    processor = getattr(request.state, "face_processor", None)
    if processor is None:
        return {"status": "error", "detail": "not loaded"}
    index = request.state.template_index
    return {
        "status": "ok",
        "model": processor.engine.model_name,
        "model_version": processor.engine.model_version,
        "load_count": engine_load_count(),
        "templates": len(index),
        "workers": processor.workers,
    }


def _check_scheduler(request: Request) -> dict[str, Any]:
    scheduler = getattr(request.state, "scheduler", None)
    if scheduler is None or not scheduler.running:
        return {"status": "error", "detail": "not running"}
    last = scheduler.last_heartbeat
    return {"status": "ok", "last_heartbeat": last.isoformat() if last else None}
