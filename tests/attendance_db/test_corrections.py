"""Punch corrections: manual punches, edits and voids, with audit entries and recomputed days."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceDayRecord, AttendanceEvent
from asistencia.core.audit import AuditEntry
from asistencia.employees.models import Employee
from tests.attendance_db.builders import local, make_employee, make_shift, make_site, punch

LIMA = "America/Lima"
MONDAY = date(2026, 3, 2)
PUNCHES = "/api/v1/attendance/punches"


def employee_with_check_in(session: Session) -> tuple[Employee, AttendanceEvent]:
    """A Lima day-shift employee with only a check-in on Monday (a missing check-out)."""
    employee = make_employee(
        session, shift=make_shift(session, "day"), site=make_site(session, LIMA)
    )
    check_in = punch(session, employee, local("2026-03-02 08:00", LIMA))
    session.commit()
    return employee, check_in


def monday_day(session: Session, employee: Employee) -> AttendanceDayRecord:
    session.expire_all()
    day = session.scalars(
        select(AttendanceDayRecord).where(
            AttendanceDayRecord.employee_id == employee.id, AttendanceDayRecord.local_date == MONDAY
        )
    ).one()
    session.commit()
    return day


def counts(session: Session) -> tuple[int, int, int]:
    """Return (punches, voided punches, audit entries), ending the read transaction."""
    result = (
        session.scalar(select(func.count()).select_from(AttendanceEvent)) or 0,
        session.scalar(
            select(func.count())
            .select_from(AttendanceEvent)
            .where(AttendanceEvent.voided_at.is_not(None))
        )
        or 0,
        session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
    )
    session.commit()
    return result


def test_manual_check_out_completes_day(
    client: TestClient, session: Session, admin_headers
) -> None:
    employee, _check_in = employee_with_check_in(session)
    response = client.post(
        PUNCHES,
        json={
            "employee_id": employee.id,
            "recorded_at": "2026-03-02T17:00:00-05:00",
            "kind": "out",
            "reason": "Olvidó marcar la salida",
        },
        headers=admin_headers,
    )
    body = response.json()
    day = monday_day(session, employee)
    audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "punch.created")).one()

    assert response.status_code == 201
    assert body["punch"]["source"] == "manual"
    assert body["punch"]["kind_explicit"] is True
    assert body["punch"]["recorded_at"] == "2026-03-02T17:00:00-05:00"
    assert day.status == "present"
    assert day.worked_minutes == 480
    assert audit.reason == "Olvidó marcar la salida"
    assert audit.after["kind"] == "out"
    assert audit.before is None


def test_edit_punch_time_recomputes(client: TestClient, session: Session, admin_headers) -> None:
    employee, check_in = employee_with_check_in(session)
    punch(session, employee, local("2026-03-02 17:00", LIMA))
    session.commit()

    response = client.patch(
        f"{PUNCHES}/{check_in.id}",
        json={
            "recorded_at": "2026-03-02T08:30:00-05:00",
            "reason": "Hora corregida según la bitácora",
        },
        headers=admin_headers,
    )
    day = monday_day(session, employee)
    audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "punch.updated")).one()

    assert response.status_code == 200
    assert day.status == "late"
    assert day.late_minutes == 30
    assert audit.before["recorded_at"] == "2026-03-02T13:00:00+00:00"
    assert audit.after["recorded_at"] == "2026-03-02T13:30:00+00:00"


def test_edit_moves_punch_to_other_day(client: TestClient, session: Session, admin_headers) -> None:
    employee, check_in = employee_with_check_in(session)
    response = client.patch(
        f"{PUNCHES}/{check_in.id}",
        json={
            "recorded_at": "2026-03-05T08:00:00-05:00",
            "reason": "Fecha equivocada",
        },
        headers=admin_headers,
    )
    dates = {day["local_date"]: day["status"] for day in response.json()["days"]}

    assert response.status_code == 200
    assert dates["2026-03-02"] == "absent"
    assert dates["2026-03-05"] == "incomplete"


def test_void_punch_recomputes(client: TestClient, session: Session, admin_headers) -> None:
    employee, check_in = employee_with_check_in(session)
    response = client.post(
        f"{PUNCHES}/{check_in.id}/void",
        json={"reason": "Marcación de otra persona"},
        headers=admin_headers,
    )
    day = monday_day(session, employee)
    stored = session.get(AttendanceEvent, check_in.id)

    assert response.status_code == 200
    assert day.status == "absent"
    assert stored.void_reason == "Marcación de otra persona"
    assert stored.voided_at is not None


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"recorded_at": "2026-03-02T17:00:00", "kind": "out", "reason": "x"}, "timezone_required"),
        ({"recorded_at": "2026-03-02T17:00:00-05:00", "kind": "out"}, "reason_required"),
        (
            {"recorded_at": "2026-03-02T17:00:00-05:00", "kind": "out", "reason": "   "},
            "reason_required",
        ),
        (
            {"recorded_at": "2099-01-01T08:00:00-05:00", "kind": "in", "reason": "x"},
            "punch_in_future",
        ),
        (
            {"recorded_at": "2026-03-02T17:00:00-05:00", "kind": "sideways", "reason": "x"},
            "validation_error",
        ),
        ({"recorded_at": "not a time", "kind": "out", "reason": "x"}, "validation_error"),
    ],
    ids=["naive time", "reason missing", "reason blank", "future", "bad kind", "bad time"],
)
def test_add_punch_bad_input(
    client: TestClient, session: Session, admin_headers, body: dict, code: str
) -> None:
    employee, _check_in = employee_with_check_in(session)
    before = counts(session)

    response = client.post(
        PUNCHES, json={"employee_id": employee.id, **body}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert counts(session) == before


def test_add_punch_unknown_employee(client: TestClient, session: Session, admin_headers) -> None:
    before = counts(session)
    response = client.post(
        PUNCHES,
        json={
            "employee_id": 999999,
            "recorded_at": "2026-03-02T17:00:00-05:00",
            "kind": "out",
            "reason": "x",
        },
        headers=admin_headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "employee_not_found"
    assert counts(session) == before


def test_voided_punch_not_editable(client: TestClient, session: Session, admin_headers) -> None:
    _employee, check_in = employee_with_check_in(session)
    client.post(
        f"{PUNCHES}/{check_in.id}/void", json={"reason": "Duplicada"}, headers=admin_headers
    )
    before = counts(session)

    edit = client.patch(
        f"{PUNCHES}/{check_in.id}", json={"kind": "out", "reason": "x"}, headers=admin_headers
    )
    void = client.post(
        f"{PUNCHES}/{check_in.id}/void", json={"reason": "otra vez"}, headers=admin_headers
    )

    assert edit.status_code == 409
    assert edit.json()["error"]["code"] == "punch_voided"
    assert void.status_code == 409
    assert void.json()["error"]["code"] == "punch_voided"
    assert counts(session) == before


def test_edit_unchanged_rejected(client: TestClient, session: Session, admin_headers) -> None:
    _employee, check_in = employee_with_check_in(session)
    before = counts(session)

    response = client.patch(
        f"{PUNCHES}/{check_in.id}",
        json={
            "recorded_at": "2026-03-02T08:00:00-05:00",
            "reason": "sin cambios",
        },
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "punch_unchanged"
    assert counts(session) == before


def test_missing_punch_not_found(client: TestClient, admin_headers) -> None:
    edit = client.patch(
        f"{PUNCHES}/999999", json={"kind": "in", "reason": "x"}, headers=admin_headers
    )
    void = client.post(f"{PUNCHES}/999999/void", json={"reason": "x"}, headers=admin_headers)

    assert edit.status_code == 404
    assert edit.json()["error"]["code"] == "punch_not_found"
    assert void.status_code == 404


def test_corrections_need_sign_in(client: TestClient, session: Session) -> None:
    employee, _check_in = employee_with_check_in(session)
    response = client.post(
        PUNCHES,
        json={
            "employee_id": employee.id,
            "recorded_at": "2026-03-02T17:00:00-05:00",
            "kind": "out",
            "reason": "x",
        },
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
