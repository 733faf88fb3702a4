from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm
from starlette.concurrency import run_in_threadpool

from asistencia.accounts import service
from asistencia.accounts.dependencies import CurrentUser
from asistencia.accounts.schemas import TokenResponse, UserRead
from asistencia.core.dependencies import SessionDep, SettingsDep
from asistencia.core.errors import InvalidCredentials

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/token", response_model=TokenResponse, responses={401: {"description": InvalidCredentials.msgid}})
async def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep, settings: SettingsDep
) -> TokenResponse:
    """Exchange an email (the OAuth2 ``username`` field) and password for a bearer token."""
    _user, token = await run_in_threadpool(
        service.authenticate, session, settings, email=form.username, password=form.password
    )
    return TokenResponse(access_token=token, expires_in=settings.access_token_minutes * 60)


@router.get("/me", response_model=UserRead)
def read_me(user: CurrentUser) -> UserRead:
    return UserRead(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=user.role_name,
        employee_id=user.employee_id,
        locale=user.locale,
    )
