"""Shift dry run: the days proposed rules would change, with nothing stored."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceDayRecord
from asistencia.shifts.models import Shift
from tests.attendance_db.builders import recompute, local, make_employee, make_shift, make_site, punch

LIMA = "America/Lima"
MONDAY = date(2026, 3, 2)
TUESDAY = date(2026, 3, 3)
RANGE = {"from": "2026-03-02", "to": "2026-03-03"}


def two_late_days(session: Session, *, close_monday: bool) -> tuple[Shift, int]:
    """Late by 10 minutes on Monday and Tuesday; Monday is stored final when ``close_monday``."""
    shift = make_shift(session, "day")
    employee = make_employee(session, shift=shift, site=make_site(session, LIMA))
    for day in (MONDAY, TUESDAY):
        punch(session, employee, local(f"{day} 08:10", LIMA))
        punch(session, employee, local(f"{day} 17:00", LIMA))
    if close_monday:
        recompute(
            session,
            employee_id=employee.id,
            first_date=MONDAY,
            last_date=MONDAY,
            now=local("2026-03-02 23:00", LIMA),
        )
    session.commit()
    return shift, employee.id


def stored_rows(session: Session) -> list[tuple]:
    """Read the stored days afresh, then end the transaction, which holds the SQLite write lock."""
    query = (
        select(AttendanceDayRecord)
        .order_by(AttendanceDayRecord.id)
        .execution_options(populate_existing=True)
    )
    rows = [
        (row.id, row.status, row.late_minutes, row.computed_at) for row in session.scalars(query)
    ]
    session.commit()
    return rows


def test_dry_run_lists_changes(client: TestClient, session: Session, admin_headers) -> None:
    shift, employee_id = two_late_days(session, close_monday=False)
    response = client.post(
        f"/api/v1/shifts/{shift.id}/dry-run",
        params=RANGE,
        json={"grace_in_minutes": 15},
        headers=admin_headers,
    )
    body = response.json()
    monday = body["changed"][0]
    changes = {change["field"]: (change["old"], change["new"]) for change in monday["changes"]}

    assert response.status_code == 200
    assert [day["local_date"] for day in body["changed"]] == ["2026-03-02", "2026-03-03"]
    assert monday["employee_id"] == employee_id
    assert changes["status"] == ("late", "present")
    assert changes["late_minutes"] == (10, 0)
    assert body["final_days_unchanged"] == 0


def test_dry_run_stores_nothing(client: TestClient, session: Session, admin_headers) -> None:
    shift, _employee_id = two_late_days(session, close_monday=True)
    before = stored_rows(session)
    grace_before = shift.grace_in_minutes

    response = client.post(
        f"/api/v1/shifts/{shift.id}/dry-run",
        params=RANGE,
        json={"grace_in_minutes": 15},
        headers=admin_headers,
    )

    assert response.status_code == 200
    assert stored_rows(session) == before
    assert (
        session.scalar(select(Shift.grace_in_minutes).where(Shift.id == shift.id)) == grace_before
    )


def test_dry_run_skips_final_days(client: TestClient, session: Session, admin_headers) -> None:
    shift, _employee_id = two_late_days(session, close_monday=True)
    response = client.post(
        f"/api/v1/shifts/{shift.id}/dry-run",
        params=RANGE,
        json={"grace_in_minutes": 15},
        headers=admin_headers,
    )
    body = response.json()

    assert [day["local_date"] for day in body["changed"]] == ["2026-03-03"]
    assert body["final_days_unchanged"] == 1
    assert body["days_checked"] == 1


def test_dry_run_new_weekday_appears(client: TestClient, session: Session, admin_headers) -> None:
    shift = make_shift(session, "day", weekdays="2")
    make_employee(session, shift=shift, site=make_site(session, LIMA))
    session.commit()
    response = client.post(
        f"/api/v1/shifts/{shift.id}/dry-run",
        params=RANGE,
        json={"weekdays": "12"},
        headers=admin_headers,
    )
    monday = response.json()["changed"][0]
    status = [change for change in monday["changes"] if change["field"] == "status"][0]

    assert monday["local_date"] == "2026-03-02"
    assert status["old"] is None
    assert status["new"] == "absent"


def test_dry_run_bad_input(client: TestClient, session: Session, admin_headers) -> None:
    shift, _employee_id = two_late_days(session, close_monday=False)
    before = stored_rows(session)
    cases = [
        (
            f"/api/v1/shifts/{shift.id}/dry-run",
            RANGE,
            {"grace_in_minutes": -1},
            422,
            "validation_error",
        ),
        (
            f"/api/v1/shifts/{shift.id}/dry-run",
            {"from": "2026-03-05", "to": "2026-03-01"},
            {},
            422,
            "invalid_date_range",
        ),
        ("/api/v1/shifts/999999/dry-run", RANGE, {}, 404, "shift_not_found"),
        (
            f"/api/v1/shifts/{shift.id}/dry-run",
            RANGE,
            {"break_minutes": 30, "break_start": "13:00", "break_end": "14:00"},
            422,
            None,
        ),
    ]
    for path, params, body, status, code in cases:
        response = client.post(path, params=params, json=body, headers=admin_headers)

        assert response.status_code == status, body
        if code is not None:
            assert response.json()["error"]["code"] == code, body
    assert stored_rows(session) == before
