"""Closing job: catch-up after downtime, alerts, idempotence and the run-once lock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asistencia.attendance.alerts import (
    ABSENCE_THRESHOLD,
    LATE_THRESHOLD,
    UNJUSTIFIED_ABSENCE,
)
from asistencia.attendance.closing import CLOSE_JOB_NAME, close_days
from asistencia.attendance.jobs import CLOSE_INTERVAL_SECONDS, CLOSE_JOB_ID
from asistencia.attendance.models import AttendanceAlert, AttendanceDayRecord, JobState
from asistencia.core.settings import Settings
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

LIMA = "America/Lima"
TODAY = date(2026, 3, 12)
# 23:00 in Lima: the day shift's window (08:00-17:00 plus 240 minutes) has closed.
NOW = local("2026-03-12 23:00", LIMA)


def factory(client: TestClient):  # type: ignore[no-untyped-def]
    return client.app_state["session_factory"]  # type: ignore[attr-defined]


def setup_downtime(session: Session, days_down: int = 3) -> int:
    """An employee on a daily day shift, and a watermark left ``days_down`` days behind."""
    site = make_site(session, LIMA)
    employee = make_employee(
        session,
        shift=make_shift(session, "day"),
        site=site,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    session.add(JobState(name=CLOSE_JOB_NAME, watermark=TODAY - timedelta(days=days_down)))
    session.commit()
    return employee.id


def stored_days(session: Session, employee_id: int) -> list[AttendanceDayRecord]:
    """Read the stored days, then end the transaction, which holds the SQLite write lock."""
    session.expire_all()
    query = select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee_id)
    days = list(session.scalars(query.order_by(AttendanceDayRecord.local_date)))
    session.commit()
    return days


def alerts_of(session: Session, employee_id: int, kind: str) -> list[AttendanceAlert]:
    query = select(AttendanceAlert).where(
        AttendanceAlert.employee_id == employee_id, AttendanceAlert.kind == kind
    )
    alerts = list(session.scalars(query.order_by(AttendanceAlert.local_date)))
    session.commit()
    return alerts


def test_close_catches_up_absent_days(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    employee_id = setup_downtime(session)
    result = close_days(factory(client), test_settings, now=NOW)
    days = stored_days(session, employee_id)

    assert result.ran is True
    assert result.error is None
    assert [day.local_date for day in days] == [TODAY - timedelta(days=n) for n in (2, 1, 0)]
    assert [day.status for day in days] == ["absent"] * 3
    assert all(day.final for day in days)


def test_close_alerts_once_per_day(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    employee_id = setup_downtime(session)
    close_days(factory(client), test_settings, now=NOW)
    absences = alerts_of(session, employee_id, UNJUSTIFIED_ABSENCE)
    thresholds = alerts_of(session, employee_id, ABSENCE_THRESHOLD)

    assert [alert.local_date for alert in absences] == [
        TODAY - timedelta(days=n) for n in (2, 1, 0)
    ]
    assert [alert.local_date for alert in thresholds] == [
        TODAY - timedelta(days=2) + timedelta(days=test_settings.alert_absence_count - 1)
    ]


def test_close_twice_changes_nothing(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    employee_id = setup_downtime(session)
    close_days(factory(client), test_settings, now=NOW)
    before = [(day.id, day.status, day.computed_at) for day in stored_days(session, employee_id)]
    alert_count = session.scalar(select(func.count()).select_from(AttendanceAlert))
    session.commit()

    again = close_days(factory(client), test_settings, now=NOW + timedelta(minutes=5))
    after = [(day.id, day.status, day.computed_at) for day in stored_days(session, employee_id)]

    assert again.ran is True
    assert after == before
    assert session.scalar(select(func.count()).select_from(AttendanceAlert)) == alert_count


def test_close_advances_watermark(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    setup_downtime(session, days_down=10)
    result = close_days(factory(client), test_settings, now=NOW)
    session.expire_all()
    state = session.get(JobState, CLOSE_JOB_NAME)

    assert result.watermark == TODAY - timedelta(days=4)
    assert state.watermark == TODAY - timedelta(days=4)
    assert state.locked_until is None
    assert state.last_error is None


def test_close_skips_while_locked(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    employee_id = setup_downtime(session)
    state = session.get(JobState, CLOSE_JOB_NAME)
    state.locked_until = NOW + timedelta(minutes=10)
    state.locked_by = "other-host:1"
    session.commit()

    result = close_days(factory(client), test_settings, now=NOW, runner="this-host:2")
    session.expire_all()

    assert result.ran is False
    assert stored_days(session, employee_id) == []
    assert session.get(JobState, CLOSE_JOB_NAME).locked_by == "other-host:1"


def test_close_takes_expired_lease(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    employee_id = setup_downtime(session)
    state = session.get(JobState, CLOSE_JOB_NAME)
    state.locked_until = NOW - timedelta(seconds=1)
    state.locked_by = "crashed-host:1"
    session.commit()

    result = close_days(factory(client), test_settings, now=NOW)

    assert result.ran is True
    assert len(stored_days(session, employee_id)) == 3


def test_close_first_run_looks_back_a_week(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    site = make_site(session, LIMA)
    employee = make_employee(
        session,
        shift=make_shift(session, "day"),
        site=site,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    recent = make_employee(
        session,
        shift=make_shift(session, "day"),
        site=site,
        created_at=local("2026-03-11 10:00", LIMA),
    )
    session.commit()
    close_days(factory(client), test_settings, now=NOW)

    assert stored_days(session, employee.id)[0].local_date == TODAY - timedelta(days=7)
    assert [day.local_date for day in stored_days(session, recent.id)] == [
        TODAY - timedelta(days=1),
        TODAY,
    ]


def test_close_keeps_missing_check_out_incomplete(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    employee_id = setup_downtime(session, days_down=1)
    punch(session, session.get(Employee, employee_id), local("2026-03-12 08:20", LIMA))
    session.commit()
    close_days(factory(client), test_settings, now=NOW)
    day = stored_days(session, employee_id)[-1]

    assert day.status == "incomplete"
    assert day.last_out is None
    assert day.late_minutes == 20
    assert day.final is True


def test_close_failure_stored(
    client: TestClient, session: Session, test_settings: Settings
) -> None:
    setup_downtime(session)
    broken = test_settings.model_copy(update={"timezone": "Mars/Olympus"})
    session.add(Employee(employee_code="NOSITE", full_name="Sin sede", shift_id=None))
    session.commit()

    result = close_days(factory(client), broken, now=NOW)
    session.expire_all()
    state = session.get(JobState, CLOSE_JOB_NAME)

    assert result.error is not None
    assert "Mars/Olympus" in state.last_error
    assert state.watermark == TODAY - timedelta(days=3)
    assert state.locked_until is None


def test_late_threshold_alert_at_crossing(session: Session, test_settings: Settings) -> None:
    threshold = test_settings.alert_late_count
    site = make_site(session, LIMA)
    employee = make_employee(session, shift=make_shift(session, "day"), site=site)
    first = date(2026, 3, 2)
    for offset in range(threshold + 2):
        day = first + timedelta(days=offset)
        punch(session, employee, local(f"{day} 08:30", LIMA))
        punch(session, employee, local(f"{day} 17:00", LIMA))
    recompute(
        session,
        employee_id=employee.id,
        first_date=first,
        last_date=first + timedelta(days=threshold + 1),
        now=FAR_FUTURE,
    )
    alerts = alerts_of(session, employee.id, LATE_THRESHOLD)

    assert [alert.local_date for alert in alerts] == [
        first + timedelta(days=threshold - 1)
    ]
    assert alerts[0].data["count"] == threshold


def test_late_threshold_alert_again_after_drop(session: Session, test_settings: Settings) -> None:
    site = make_site(session, LIMA)
    employee = make_employee(session, shift=make_shift(session, "day", weekdays="1"), site=site)
    mondays = [date(2026, 1, 5) + timedelta(weeks=week) for week in range(10)]
    # Late on the first three Mondays, on time for five weeks, late on three more.
    late_weeks = {0, 1, 2, 7, 8, 9}
    for week, monday in enumerate(mondays):
        start = "08:30" if week in late_weeks else "08:00"
        punch(session, employee, local(f"{monday} {start}", LIMA))
        punch(session, employee, local(f"{monday} 17:00", LIMA))
    recompute(
        session,
        employee_id=employee.id,
        first_date=mondays[0],
        last_date=mondays[-1],
        now=FAR_FUTURE,
    )
    alerts = alerts_of(session, employee.id, LATE_THRESHOLD)

    assert test_settings.alert_late_count == 3
    assert [alert.local_date for alert in alerts] == [mondays[2], mondays[9]]


def test_close_job_registered(client: TestClient) -> None:
    job = client.app_state["scheduler"].scheduler.get_job(CLOSE_JOB_ID)  # type: ignore[attr-defined]

    assert job is not None
    assert job.trigger.interval == timedelta(seconds=CLOSE_INTERVAL_SECONDS)
