"""Idempotent seed data: roles, default shifts and the first admin. Never loads face models."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.accounts.models import ROLE_ADMIN, ROLE_EMPLOYEE, ROLE_SUPERVISOR, Role, User
from asistencia.accounts.security import hash_password
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.shifts.models import Shift

log = get_logger(__name__)

DEFAULT_ROLES = {
    ROLE_ADMIN: "Full access",
    ROLE_SUPERVISOR: "Reviews attendance of their teams",
    ROLE_EMPLOYEE: "Sees their own attendance",
}
# name, start, end; Noche crosses midnight.
DEFAULT_SHIFTS = (
    ("Mañana", time(8, 0), time(16, 0)),
    ("Tarde", time(14, 0), time(22, 0)),
    ("Noche", time(22, 0), time(6, 0)),
)


@dataclass(frozen=True, slots=True)
class SeedResult:
    roles_created: int
    shifts_created: int
    admin_created: bool
    # Set only when the admin was created with a generated password.
    generated_password: str | None


def seed_database(session: Session, settings: Settings) -> SeedResult:
    """Create whatever default rows are missing; existing rows are never changed."""
    roles_created = _seed_roles(session)
    shifts_created = _seed_shifts(session)
    admin_created, password = _seed_admin(session, settings)
    return SeedResult(roles_created, shifts_created, admin_created, password)


def _seed_roles(session: Session) -> int:
    existing = set(session.scalars(select(Role.name)))
    missing = [name for name in DEFAULT_ROLES if name not in existing]
    for name in missing:
        session.add(Role(name=name, description=DEFAULT_ROLES[name]))
    session.flush()
    return len(missing)


def _seed_shifts(session: Session) -> int:
    if session.scalar(select(Shift.id).limit(1)) is not None:
        return 0
    for name, start, end in DEFAULT_SHIFTS:
        session.add(Shift(name=name, start_time=start, end_time=end, weekdays="12345"))
    session.flush()
    return len(DEFAULT_SHIFTS)


def _seed_admin(session: Session, settings: Settings) -> tuple[bool, str | None]:
    admin_role = session.scalar(select(Role).where(Role.name == ROLE_ADMIN))
    assert admin_role is not None
    if session.scalar(select(User.id).where(User.role_id == admin_role.id).limit(1)) is not None:
        return False, None

    generated = None
    password = settings.admin_password
    if not password:
        generated = password = secrets.token_urlsafe(12)
    session.add(
        User(
            email=settings.admin_email.strip().lower(),
            full_name="Administrator",
            password_hash=hash_password(password),
            role_id=admin_role.id,
            locale=settings.default_locale,
        )
    )
    session.flush()
    log.info("seed.admin_created", email=settings.admin_email, generated_password=generated is not None)
    return True, generated
