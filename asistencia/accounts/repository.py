"""Queries for users and roles."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asistencia.accounts.models import User


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))

