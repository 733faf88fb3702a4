"""Authentication dependencies: the signed-in user and role checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from starlette.concurrency import run_in_threadpool

from asistencia.accounts import service
from asistencia.accounts.models import ROLE_ADMIN, ROLE_SUPERVISOR, User
from sqlalchemy.orm import Session, sessionmaker

from asistencia.core.dependencies import SettingsDep
from asistencia.core.settings import Settings
from asistencia.core.errors import AuthenticationRequired, PermissionDenied

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def _user_for_token(factory: sessionmaker[Session], settings: Settings, token: str) -> User:
    with factory() as session:
        return service.user_from_token(session, settings, token)


async def get_current_user(
    request: Request, settings: SettingsDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> User:
    """Load the signed-in user in a short session of its own.

    The request's session stays unopened until the endpoint needs it: on SQLite its first
    statement takes the write lock, which must not be held while a photo is analysed.
    """
    if not token:
        raise AuthenticationRequired()
    return await run_in_threadpool(_user_for_token, request.state.session_factory, settings, token)


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: str) -> Callable[[User], User]:
    def _check(user: CurrentUser) -> User:
        if user.role_name not in roles:
            raise PermissionDenied()
        return user

    return _check


AdminUser = Annotated[User, Depends(require_roles(ROLE_ADMIN))]
StaffUser = Annotated[User, Depends(require_roles(ROLE_ADMIN, ROLE_SUPERVISOR))]
