"""Application factory: FastAPI wrapped by the Socket.IO ASGI app."""

from __future__ import annotations

from typing import Any

import socketio
from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from asistencia import __version__
from asistencia.accounts.router import router as auth_router
from asistencia.attendance import corrections_router, days_router, dry_run_router
from asistencia.attendance.router import router as attendance_router
from asistencia.core.errors import install_error_handlers
from asistencia.core.i18n import negotiate_locale, set_locale
from asistencia.core.logging import configure_logging
from asistencia.core.settings import Settings, get_settings
from asistencia.employees.router import router as employees_router
from asistencia.faces.router import router as faces_router
from asistencia.health import router as health_router
from asistencia.leave.router import router as leave_router
from asistencia.lifespan import build_lifespan
from asistencia.realtime.server import create_socketio_server
from asistencia.shifts.router import router as shifts_router


class LocaleMiddleware:
    """Set the request's locale from ``Accept-Language`` for messages built anywhere."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            header = headers.get(b"accept-language", b"").decode("latin-1")
            set_locale(negotiate_locale(header))
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI app; its Socket.IO server is ``app.state.sio``."""
    settings = (settings or get_settings()).with_development_secret()
    configure_logging(settings.log_level)
    session_factory_ref: dict[str, Any] = {}
    sio = create_socketio_server(settings, session_factory_ref)

    app = FastAPI(
        title="Asistencia",
        version=__version__,
        description="Employee attendance with face-recognition check-in.",
        lifespan=build_lifespan(settings, sio, session_factory_ref),
    )
    app.state.sio = sio
    app.add_middleware(LocaleMiddleware)
    install_error_handlers(app)
    for router in (
        health_router, auth_router, employees_router, faces_router, attendance_router, leave_router, shifts_router,
        days_router.router, corrections_router.router, dry_run_router.router,
    ):
        app.include_router(router)
    return app


def create_asgi_app(settings: Settings | None = None) -> socketio.ASGIApp:
    """Build the served app: Socket.IO at ``/socket.io`` and FastAPI for every other path."""
    app = create_app(settings)
    return socketio.ASGIApp(app.state.sio, other_asgi_app=app)
