"""A restart after downtime closes the shift instances the stopped server never saw."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import create_engine, delete, update

from asistencia.attendance.closing import CLOSE_JOB_NAME
from asistencia.attendance.models import AttendanceDayRecord, JobState
from asistencia.employees.models import Employee
from live_server import live_database_url, running_server

pytestmark = pytest.mark.e2e

DAYS_DOWN = 5
ORGANISATION_ZONE = ZoneInfo("America/Lima")


def _days(server, headers, employee_id: int, first: date, last: date) -> list[dict]:
    response = httpx.get(
        f"{server.base_url}/api/v1/attendance/days",
        params={"employee_id": employee_id, "from": first.isoformat(), "to": last.isoformat()},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_restart_closes_days_missed_while_down(tmp_path):
    database_url = live_database_url(tmp_path, "restart")
    log_path = tmp_path / "server.log"

    with running_server(tmp_path / "data", database_url, log_path) as first_run:
        headers = first_run.headers()
        shift = httpx.post(
            f"{first_run.base_url}/api/v1/shifts",
            json={"name": "Diario", "start_time": "08:00", "end_time": "16:00", "weekdays": "1234567"},
            headers=headers,
        )
        assert shift.status_code == 201, shift.text
        employee = httpx.post(
            f"{first_run.base_url}/api/v1/employees",
            json={"employee_code": "E900", "full_name": "Rosa Mamani", "shift_id": shift.json()["id"]},
            headers=headers,
        )
        assert employee.status_code == 201, employee.text
    employee_id = employee.json()["id"]

    # While the server is stopped, make it look as if it had been down for DAYS_DOWN days:
    # the employee existed before, and the closing job last ran before the downtime.
    today = datetime.now(timezone.utc).astimezone(ORGANISATION_ZONE).date()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            update(Employee)
            .where(Employee.id == employee_id)
            .values(created_at=datetime.now(timezone.utc) - timedelta(days=30))
        )
        connection.execute(delete(AttendanceDayRecord))
        connection.execute(
            update(JobState).where(JobState.name == CLOSE_JOB_NAME).values(watermark=today - timedelta(days=DAYS_DOWN + 1))
        )
    engine.dispose()

    missed = [today - timedelta(days=offset) for offset in range(DAYS_DOWN, 0, -1)]
    with running_server(tmp_path / "data", database_url, log_path) as second_run:
        headers = second_run.headers()
        deadline = time.monotonic() + 30
        days = _days(second_run, headers, employee_id, missed[0], missed[-1])
        while len(days) < len(missed) and time.monotonic() < deadline:
            time.sleep(0.5)
            days = _days(second_run, headers, employee_id, missed[0], missed[-1])

    assert [day["local_date"] for day in days] == [day.isoformat() for day in missed]
    assert [day["status"] for day in days] == ["absent"] * DAYS_DOWN
    assert [day["final"] for day in days] == [True] * DAYS_DOWN
