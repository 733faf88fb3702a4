"""Sign-in and the current user."""

from __future__ import annotations

from sqlalchemy.orm import Session

from asistencia.accounts import repository
from asistencia.accounts.models import User
from asistencia.accounts.security import create_access_token, decode_access_token, verify_password
from asistencia.core.errors import InvalidCredentials, InvalidToken
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings

log = get_logger(__name__)


def authenticate(session: Session, settings: Settings, *, email: str, password: str) -> tuple[User, str]:
    """Check the credentials and return the user with a new access token."""
    user = repository.get_user_by_email(session, email)
    valid = verify_password(password, user.password_hash if user else None)
    if user is None or not valid or not user.is_active:
        log.info("auth.sign_in.rejected", user_id=user.id if user else None)
        raise InvalidCredentials()

    token = create_access_token(
        user_id=user.id,
        role=user.role_name,
        secret_key=settings.secret_key,
        minutes=settings.access_token_minutes,
    )
    log.info("auth.sign_in.accepted", user_id=user.id)
    return user, token


def user_from_token(session: Session, settings: Settings, token: str) -> User:
    user = repository.get_user(session, decode_access_token(token, secret_key=settings.secret_key))
    if user is None or not user.is_active:
        raise InvalidToken()
    return user
