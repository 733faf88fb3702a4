"""Socket.IO server for live events; only signed-in clients may connect."""

from __future__ import annotations

from typing import Any

import socketio
from sqlalchemy.orm import Session, sessionmaker

from asistencia.accounts.service import user_from_token
from asistencia.core.errors import AppError
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings

log = get_logger(__name__)

SIGNED_IN_ROOM = "signed-in"
ATTENDANCE_RECORDED = "attendance.recorded"


def create_socketio_server(settings: Settings, session_factory_ref: dict[str, Any]) -> socketio.AsyncServer:
    """Build the server; ``session_factory_ref["factory"]`` is filled in by the lifespan."""
    sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins=[], logger=False, engineio_logger=False)

    @sio.event
    async def connect(sid: str, environ: dict[str, Any], auth: dict[str, Any] | None = None) -> bool:
        token = (auth or {}).get("token") if isinstance(auth, dict) else None
        factory: sessionmaker[Session] | None = session_factory_ref.get("factory")
        if not token or factory is None:
            log.info("realtime.connect.rejected", sid=sid, reason="missing token")
            return False
        try:
            with factory() as session:
                user = user_from_token(session, settings, str(token))
        except AppError:
            log.info("realtime.connect.rejected", sid=sid, reason="invalid token")
            return False
        await sio.save_session(sid, {"user_id": user.id, "role": user.role_name})
        await sio.enter_room(sid, SIGNED_IN_ROOM)
        log.info("realtime.connected", sid=sid, user_id=user.id)
        return True

    @sio.event
    async def disconnect(sid: str, *args: Any) -> None:
        log.info("realtime.disconnected", sid=sid)

    return sio


async def publish_attendance(sio: socketio.AsyncServer, payload: dict[str, object]) -> None:
    """Send a stored check-in to every signed-in client."""
    await sio.emit(ATTENDANCE_RECORDED, payload, room=SIGNED_IN_ROOM)
