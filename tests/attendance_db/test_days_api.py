"""Days API: explanations in the reader's language, local times, filters, access and ranges."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asistencia.accounts.models import ROLE_EMPLOYEE, Role, User
from asistencia.accounts.security import hash_password
from asistencia.attendance.engine import STATUS_LABELS, Status, Step, render_explanation
from asistencia.attendance.models import AttendanceDayRecord
from asistencia.core.audit import AuditEntry
from asistencia.core.i18n import translate
from asistencia.employees.models import Employee
from tests.attendance_db.builders import (
    recompute,
    FAR_FUTURE,
    local,
    make_employee,
    make_shift,
    make_site,
    punch,
)

SANTIAGO = "America/Santiago"
MONDAY = date(2026, 3, 2)
RANGE = {"from": "2026-03-02", "to": "2026-03-02"}


def late_day(session: Session) -> Employee:
    """An employee in Santiago who checked in 20 minutes late on Monday, with the day stored."""
    employee = make_employee(
        session, shift=make_shift(session, "day"), site=make_site(session, SANTIAGO)
    )
    punch(session, employee, local("2026-03-02 08:20", SANTIAGO))
    punch(session, employee, local("2026-03-02 17:00", SANTIAGO))
    recompute(
        session, employee_id=employee.id, first_date=MONDAY, last_date=MONDAY, now=FAR_FUTURE
    )
    session.commit()
    return employee


def employee_headers(client: TestClient, session: Session, employee: Employee) -> dict[str, str]:
    role = session.scalars(select(Role).where(Role.name == ROLE_EMPLOYEE)).one()
    email = f"{employee.employee_code.lower()}@test.example"
    session.add(
        User(
            email=email,
            full_name=employee.full_name,
            password_hash=hash_password("employee-pass"),
            role_id=role.id,
            employee_id=employee.id,
        )
    )
    session.commit()
    response = client.post(
        "/api/v1/auth/token", data={"username": email, "password": "employee-pass"}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.mark.parametrize("language", ["es", "en"])
def test_day_explanation_in_language(
    client: TestClient, session: Session, admin_headers, language: str
) -> None:
    employee = late_day(session)
    record = session.scalars(
        select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee.id)
    ).one()
    steps = [Step(step["msgid"], step["params"]) for step in record.explanation]
    session.commit()

    response = client.get(
        f"/api/v1/attendance/days/{record.id}",
        headers={**admin_headers, "Accept-Language": language},
    )
    body = response.json()

    assert response.status_code == 200
    assert body["explanation"] == render_explanation(steps, language)
    assert body["status"] == "late"
    assert body["status_label"] == translate(STATUS_LABELS[Status.LATE], language)


def test_day_explanation_spanish_differs(
    client: TestClient, session: Session, admin_headers
) -> None:
    employee = late_day(session)
    spanish = client.get(
        "/api/v1/attendance/days",
        params={**RANGE, "employee_id": employee.id},
        headers={**admin_headers, "Accept-Language": "es-CL"},
    ).json()["items"][0]
    english = client.get(
        "/api/v1/attendance/days",
        params={**RANGE, "employee_id": employee.id},
        headers={**admin_headers, "Accept-Language": "en-US"},
    ).json()["items"][0]

    assert len(spanish["explanation"]) == len(english["explanation"])
    assert spanish["explanation"] != english["explanation"]
    assert any("20" in sentence for sentence in spanish["explanation"])


def test_day_times_in_site_offset(client: TestClient, session: Session, admin_headers) -> None:
    employee = late_day(session)
    body = client.get(
        "/api/v1/attendance/days",
        params={**RANGE, "employee_id": employee.id},
        headers=admin_headers,
    ).json()["items"][0]

    # Santiago is on summer time (UTC-3) in early March.
    assert body["first_in"] == "2026-03-02T08:20:00-03:00"
    assert body["scheduled_start"] == "2026-03-02T08:00:00-03:00"
    assert body["time_zone"] == SANTIAGO
    assert body["late_minutes"] == 20
    assert body["worked_minutes"] == 460


def test_days_status_filter(client: TestClient, session: Session, admin_headers) -> None:
    late_day(session)
    late = client.get(
        "/api/v1/attendance/days", params={**RANGE, "status": "late"}, headers=admin_headers
    )
    absent = client.get(
        "/api/v1/attendance/days", params={**RANGE, "status": "absent"}, headers=admin_headers
    )

    assert late.json()["total"] == 1
    assert absent.json()["total"] == 0


def test_days_unknown_status_rejected(client: TestClient, admin_headers) -> None:
    response = client.get(
        "/api/v1/attendance/days", params={**RANGE, "status": "asleep"}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"from": "2026-03-10", "to": "2026-03-01"}, "invalid_date_range"),
        ({"from": "2025-01-01", "to": "2026-03-01"}, "date_range_too_long"),
    ],
    ids=["reversed", "too long"],
)
def test_days_bad_range_rejected(
    client: TestClient, admin_headers, params: dict, code: str
) -> None:
    for path in ("/api/v1/attendance/days", "/api/v1/attendance/summary"):
        response = client.get(path, params=params, headers=admin_headers)

        assert response.status_code == 422, path
        assert response.json()["error"]["code"] == code, path


def test_employee_sees_only_own_days(client: TestClient, session: Session) -> None:
    own = late_day(session)
    other = late_day(session)
    headers = employee_headers(client, session, own)

    listed = client.get(
        "/api/v1/attendance/days", params={**RANGE, "employee_id": other.id}, headers=headers
    )
    other_day = session.scalars(
        select(AttendanceDayRecord.id).where(AttendanceDayRecord.employee_id == other.id)
    ).one()
    session.commit()
    single = client.get(f"/api/v1/attendance/days/{other_day}", headers=headers)

    assert [item["employee_id"] for item in listed.json()["items"]] == [own.id]
    assert single.status_code == 404
    assert single.json()["error"]["code"] == "attendance_day_not_found"


def test_unlinked_employee_user_rejected(client: TestClient, session: Session) -> None:
    employee = late_day(session)
    headers = employee_headers(client, session, employee)
    user = session.scalars(select(User).where(User.employee_id == employee.id)).one()
    user.employee_id = None
    session.commit()

    response = client.get("/api/v1/attendance/days", params=RANGE, headers=headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "employee_account_unlinked"


def test_summary_counts(client: TestClient, session: Session, admin_headers) -> None:
    employee = late_day(session)
    recompute(
        session,
        employee_id=employee.id,
        first_date=MONDAY,
        last_date=date(2026, 3, 3),
        now=FAR_FUTURE,
    )
    session.commit()

    response = client.get(
        "/api/v1/attendance/summary",
        params={"from": "2026-03-02", "to": "2026-03-03"},
        headers=admin_headers,
    )
    body = response.json()
    totals = body["employees"][0]

    assert response.status_code == 200
    assert body["from"] == "2026-03-02"
    assert totals["scheduled_days"] == 2
    assert totals["present_days"] == 1
    assert totals["late_count"] == 1
    assert totals["late_minutes"] == 20
    assert totals["absences"] == 1
    assert totals["worked_hours"] == round(460 / 60, 2)
    assert totals["overtime_hours"] == 0


def test_recompute_endpoint_admin(client: TestClient, session: Session, admin_headers) -> None:
    employee = make_employee(
        session, shift=make_shift(session, "day"), site=make_site(session, SANTIAGO)
    )
    punch(session, employee, local("2026-03-02 08:00", SANTIAGO))
    punch(session, employee, local("2026-03-02 17:00", SANTIAGO))
    session.commit()

    response = client.post(
        "/api/v1/attendance/recompute",
        json={"employee_id": employee.id, "from": "2026-03-02", "to": "2026-03-02"},
        headers=admin_headers,
    )
    audits = session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.action == "attendance.recomputed")
    )

    assert response.status_code == 200
    assert [day["status"] for day in response.json()["days"]] == ["present"]
    assert audits == 1


def test_recompute_bad_input_stores_nothing(
    client: TestClient, session: Session, admin_headers
) -> None:
    employee = make_employee(session, shift=make_shift(session, "day"))
    session.commit()
    cases = [
        (
            {"employee_id": employee.id, "from": "2026-03-05", "to": "2026-03-01"},
            422,
            "invalid_date_range",
        ),
        (
            {"employee_id": 999999, "from": "2026-03-01", "to": "2026-03-02"},
            404,
            "employee_not_found",
        ),
        ({"employee_id": employee.id, "from": "2026-03-01"}, 422, "validation_error"),
    ]
    for body, status, code in cases:
        response = client.post("/api/v1/attendance/recompute", json=body, headers=admin_headers)

        assert response.status_code == status, body
        assert response.json()["error"]["code"] == code, body
    assert session.scalar(select(func.count()).select_from(AttendanceDayRecord)) == 0


def test_recompute_requires_admin(client: TestClient, session: Session) -> None:
    employee = late_day(session)
    headers = employee_headers(client, session, employee)

    response = client.post(
        "/api/v1/attendance/recompute",
        json={"employee_id": employee.id, "from": "2026-03-02", "to": "2026-03-02"},
        headers=headers,
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
