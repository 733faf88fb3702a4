"""Approval recomputes the covered attendance days in the same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from helpers import create_employee
from leave_helpers import BASE_DATE, create_leave
from sqlalchemy import select

from asistencia.attendance.jobs import CLOSE_JOB_ID
from asistencia.attendance.models import AttendanceDayRecord
from asistencia.shifts.models import Shift


@pytest.fixture(autouse=True)
def paused_close_job(client) -> Iterator[None]:
    """Pause the periodic closing job so only the approval writes days."""
    scheduler = client.app_state["scheduler"].scheduler
    scheduler.pause_job(CLOSE_JOB_ID)
    yield
    scheduler.resume_job(CLOSE_JOB_ID)


@pytest.fixture()
def shift_employee(client, admin_headers) -> dict:
    """An employee on the seeded Monday-to-Friday morning shift, with no punches."""
    with client.app_state["session_factory"]() as session:
        shift_id = session.scalar(select(Shift.id).where(Shift.name == "Mañana"))
    return create_employee(client, admin_headers, code="L100", name="Rosa Huamán", shift_id=shift_id)


def stored_days(client, employee_id: int) -> dict[str, AttendanceDayRecord]:
    with client.app_state["session_factory"]() as session:
        query = select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee_id)
        rows = list(session.scalars(query))
        for row in rows:
            session.expunge(row)
    return {row.local_date.isoformat(): row for row in rows}


def test_approved_justification_marks_days_justified(client, admin_headers, shift_employee):
    leave = create_leave(client, admin_headers, shift_employee["id"], kind="medical")

    response = client.post(f"/api/v1/leave/{leave['id']}/approve", headers=admin_headers)
    days = stored_days(client, shift_employee["id"])

    assert response.status_code == 200
    assert days[BASE_DATE.isoformat()].status == "justified"
    assert days[(BASE_DATE + timedelta(days=1)).isoformat()].status == "justified"
    assert leave["id"] in days[BASE_DATE.isoformat()].leave_ids


def test_approved_vacation_marks_days_on_leave(client, admin_headers, shift_employee):
    leave = create_leave(client, admin_headers, shift_employee["id"], kind="vacation")

    client.post(f"/api/v1/leave/{leave['id']}/approve", headers=admin_headers)
    days = stored_days(client, shift_employee["id"])

    assert days[BASE_DATE.isoformat()].status == "on_leave"


def test_approval_covers_only_leave_dates(client, admin_headers, shift_employee):
    leave = create_leave(client, admin_headers, shift_employee["id"])

    client.post(f"/api/v1/leave/{leave['id']}/approve", headers=admin_headers)
    days = stored_days(client, shift_employee["id"])

    assert (BASE_DATE + timedelta(days=2)).isoformat() not in days


def test_rejection_writes_no_days(client, admin_headers, shift_employee):
    leave = create_leave(client, admin_headers, shift_employee["id"])

    client.post(f"/api/v1/leave/{leave['id']}/reject", json={"comment": "Sin sustento"}, headers=admin_headers)

    assert stored_days(client, shift_employee["id"]) == {}


def day_statuses(client, headers, employee_id: int, first, last) -> dict[str, str]:
    response = client.get(
        "/api/v1/attendance/days",
        params={"employee_id": employee_id, "from": first.isoformat(), "to": last.isoformat()},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return {item["local_date"]: item["status"] for item in response.json()["items"]}


def test_absent_day_shown_justified_after_approval(client, admin_headers, shift_employee):
    day = BASE_DATE.isoformat()
    recomputed = client.post(
        "/api/v1/attendance/recompute",
        json={"employee_id": shift_employee["id"], "from": day, "to": day},
        headers=admin_headers,
    )
    before = day_statuses(client, admin_headers, shift_employee["id"], BASE_DATE, BASE_DATE)
    leave = create_leave(client, admin_headers, shift_employee["id"], end_date=day)

    client.post(f"/api/v1/leave/{leave['id']}/approve", headers=admin_headers)
    after = day_statuses(client, admin_headers, shift_employee["id"], BASE_DATE, BASE_DATE)

    assert recomputed.status_code == 200
    assert before[day] == "absent"
    assert after[day] == "justified"
