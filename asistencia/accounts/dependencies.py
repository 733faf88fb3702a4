"""Authentication dependencies: the signed-in user and role checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
from starlette.concurrency import run_in_threadpool

from asistencia.accounts import service
from asistencia.accounts.models import ROLE_ADMIN, ROLE_SUPERVISOR, User
from asistencia.core.dependencies import SessionDep, SettingsDep
from asistencia.core.errors import AuthenticationRequired, PermissionDenied

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


async def get_current_user(
    session: SessionDep, settings: SettingsDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> User:
    if not token:
        raise AuthenticationRequired()
    return await run_in_threadpool(service.user_from_token, session, settings, token)


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: str) -> Callable[[User], User]:
    def _check(user: CurrentUser) -> User:
        if user.role_name not in roles:
            raise PermissionDenied()
        return user

    return _check


AdminUser = Annotated[User, Depends(require_roles(ROLE_ADMIN))]
StaffUser = Annotated[User, Depends(require_roles(ROLE_ADMIN, ROLE_SUPERVISOR))]
