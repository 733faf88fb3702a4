"""Builders for leave tests: users of each role, requests and stored-row counts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from asistencia.accounts.models import Role, User
from asistencia.accounts.security import hash_password
from asistencia.core.audit import AuditEntry
from asistencia.leave.models import LeaveRequest

USER_PASSWORD = "leave-test-password"
# A fixed past Monday keeps weekday-dependent shifts predictable.
BASE_DATE = date(2024, 3, 4)


def create_user(client: TestClient, *, email: str, role: str, employee_id: int | None = None) -> int:
    """Insert a user straight into the database and return its id."""
    factory = client.app_state["session_factory"]  # type: ignore[attr-defined]
    with factory() as session:
        role_row = session.scalar(select(Role).where(Role.name == role))
        assert role_row is not None, f"seed role {role} is missing"
        user = User(
            email=email,
            full_name=email.split("@")[0],
            password_hash=hash_password(USER_PASSWORD),
            role_id=role_row.id,
            employee_id=employee_id,
        )
        session.add(user)
        session.commit()
        return user.id


def sign_in(client: TestClient, email: str) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", data={"username": email, "password": USER_PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def user_headers(
    client: TestClient, *, email: str, role: str = "employee", employee_id: int | None = None
) -> dict[str, str]:
    """Create a user with the role and return the headers of a signed-in session."""
    create_user(client, email=email, role=role, employee_id=employee_id)
    return sign_in(client, email)


def leave_body(employee_id: int, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "employee_id": employee_id,
        "kind": "medical",
        "start_date": BASE_DATE.isoformat(),
        "end_date": (BASE_DATE + timedelta(days=1)).isoformat(),
        "reason": "Cita médica con certificado",
    }
    body.update(overrides)
    return body


def create_leave(client: TestClient, headers: dict[str, str], employee_id: int, **overrides: Any) -> dict:
    response = client.post("/api/v1/leave", json=leave_body(employee_id, **overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def leave_count(client: TestClient) -> int:
    factory = client.app_state["session_factory"]  # type: ignore[attr-defined]
    with factory() as session:
        return int(session.scalar(select(func.count()).select_from(LeaveRequest)) or 0)


def stored_leave(client: TestClient, leave_id: int) -> LeaveRequest:
    factory = client.app_state["session_factory"]  # type: ignore[attr-defined]
    with factory() as session:
        leave = session.get(LeaveRequest, leave_id)
        assert leave is not None
        session.expunge(leave)
        return leave


def audit_actions(client: TestClient, leave_id: int) -> list[str]:
    factory = client.app_state["session_factory"]  # type: ignore[attr-defined]
    with factory() as session:
        query = (
            select(AuditEntry.action)
            .where(AuditEntry.entity == "leave_request", AuditEntry.entity_id == str(leave_id))
            .order_by(AuditEntry.id)
        )
        return list(session.scalars(query))
