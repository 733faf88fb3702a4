"""Request-scoped dependencies shared by every domain: settings and the database session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from asistencia.core.database import run_after_commit
from asistencia.core.i18n import negotiate_locale, set_locale
from asistencia.core.settings import Settings


def get_settings_dependency(request: Request) -> Settings:
    return request.state.settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: commit when the endpoint returns, roll back on any error.

    After-commit callbacks (index updates, live events) run only once the commit succeeded.
    """
    session: Session = request.state.session_factory()
    try:
        yield session
        await run_in_threadpool(session.commit)
    except BaseException:
        await run_in_threadpool(session.rollback)
        session.info.pop("after_commit", None)
        raise
    finally:
        await run_in_threadpool(session.close)
    await run_after_commit(session)


def get_locale_dependency(request: Request) -> str:
    locale = negotiate_locale(request.headers.get("accept-language"))
    set_locale(locale)
    return locale


SettingsDep = Annotated[Settings, Depends(get_settings_dependency)]
# scope="function" makes the commit happen before the response is sent.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
LocaleDep = Annotated[str, Depends(get_locale_dependency)]
