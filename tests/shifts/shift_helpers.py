"""Builders for shift catalogue tests: request bodies, users of each role and stored rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from asistencia.accounts.models import Role, User
from asistencia.accounts.security import hash_password
from asistencia.attendance.models import AttendanceDayRecord
from asistencia.core.audit import AuditEntry
from asistencia.employees.models import Employee
from asistencia.shifts.models import Holiday, Shift, ShiftAssignment, Site

USER_PASSWORD = "shift-test-password"
STORED_MODELS = (Shift, Site, ShiftAssignment, Holiday, AuditEntry)


def session_factory(client: TestClient):  # type: ignore[no-untyped-def]
    return client.app_state["session_factory"]  # type: ignore[attr-defined]


def stored_state(client: TestClient) -> dict[str, list[dict[str, Any]]]:
    """Every row of the shift catalogue tables and the audit log, for before/after comparisons."""
    state: dict[str, list[dict[str, Any]]] = {}
    with session_factory(client)() as session:
        for model in STORED_MODELS:
            columns = [column.key for column in model.__table__.columns]
            rows = session.scalars(select(model).order_by(model.id))
            state[model.__tablename__] = [
                {key: getattr(row, key) for key in columns} for row in rows
            ]
    return state


def audit_actions(client: TestClient, entity: str) -> list[str]:
    with session_factory(client)() as session:
        query = select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return list(session.scalars(query))


def last_audit(client: TestClient, action: str) -> AuditEntry:
    with session_factory(client)() as session:
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id.desc())
        )
        assert entry is not None, f"no audit entry {action}"
        session.expunge(entry)
        return entry


def error_code(response) -> str:  # type: ignore[no-untyped-def]
    return response.json()["error"]["code"]


def shift_body(name: str = "Oficina", **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "start_time": "09:00", "end_time": "17:00"}
    body.update(fields)
    return body


def create_shift(
    client: TestClient, headers: dict[str, str], name: str = "Oficina", **fields: Any
) -> dict:
    response = client.post("/api/v1/shifts", json=shift_body(name, **fields), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def create_site(
    client: TestClient,
    headers: dict[str, str],
    name: str = "Sede Lima",
    timezone_name: str = "America/Lima",
    **fields: Any,
) -> dict:
    body = {"name": name, "timezone": timezone_name, **fields}
    response = client.post("/api/v1/sites", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def assignment_body(
    employee_id: int, shift_id: int, start: str = "2026-01-05", **fields: Any
) -> dict[str, Any]:
    return {"employee_id": employee_id, "shift_id": shift_id, "start_date": start, **fields}


def create_assignment(
    client: TestClient,
    headers: dict[str, str],
    employee_id: int,
    shift_id: int,
    start: str = "2026-01-05",
    **fields: Any,
) -> dict:
    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(employee_id, shift_id, start, **fields),
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


def user_headers(
    client: TestClient, *, email: str, role: str, employee_id: int | None = None
) -> dict[str, str]:
    """Insert a user with the role and return the headers of a signed-in session."""
    with session_factory(client)() as session:
        role_row = session.scalar(select(Role).where(Role.name == role))
        assert role_row is not None, f"seed role {role} is missing"
        session.add(
            User(
                email=email,
                full_name=email.split("@")[0],
                password_hash=hash_password(USER_PASSWORD),
                role_id=role_row.id,
                employee_id=employee_id,
            )
        )
        session.commit()
    response = client.post(
        "/api/v1/auth/token", data={"username": email, "password": USER_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def insert_attendance_day(
    client: TestClient, *, employee_id: int, shift_id: int, site_id: int | None = None
) -> None:
    """Store a computed attendance day directly, as the attendance recompute would."""
    with session_factory(client)() as session:
        session.add(
            AttendanceDayRecord(
                employee_id=employee_id,
                local_date=date(2026, 1, 5),
                shift_id=shift_id,
                site_id=site_id,
                status="present",
                scheduled_start=datetime(2026, 1, 5, 14, 0, tzinfo=UTC),
                scheduled_end=datetime(2026, 1, 5, 22, 0, tzinfo=UTC),
                rules_snapshot={},
            )
        )
        session.commit()


def set_employee_site(client: TestClient, employee_id: int, site_id: int) -> None:
    with session_factory(client)() as session:
        employee = session.get(Employee, employee_id)
        assert employee is not None
        employee.site_id = site_id
        session.commit()
