"""Password hashing (argon2) and access tokens (JWT, HS256)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import lru_cache

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from asistencia.core.errors import InvalidToken

_hasher = PasswordHasher()
ALGORITHM = "HS256"


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Hash verified when the email is unknown, so the response time does not reveal whether
    an account exists. Built on first use because hashing costs a noticeable part of start-up."""
    return _hasher.hash("asistencia-timing-equaliser")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def create_access_token(*, user_id: int, role: str, secret_key: str, minutes: int) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": str(user_id), "role": role, "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, secret_key, algorithm=ALGORITHM)


def decode_access_token(token: str, *, secret_key: str) -> int:
    """Return the user id in a valid token; raise InvalidToken otherwise."""
    try:
        claims = jwt.decode(token, secret_key, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
        return int(claims["sub"])
    except (jwt.PyJWTError, ValueError, KeyError) as exc:
        raise InvalidToken() from exc
