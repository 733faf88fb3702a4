"""Check-in direction from the shift instance, with a fixed descriptor instead of a photo."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceDayRecord, AttendanceEvent
from asistencia.attendance.service import record_check_in
from asistencia.core.settings import Settings
from asistencia.employees.models import Employee
from asistencia.faces.engine import FaceAnalysis, FaceBox
from asistencia.faces.matcher import TemplateIndex
from tests.attendance_db.builders import assign, local, make_employee, make_shift, make_site

LIMA = "America/Lima"
MONDAY = date(2026, 3, 2)


def face() -> FaceAnalysis:
    descriptor = np.full(128, 0.05, dtype=np.float32)
    return FaceAnalysis(descriptor, FaceBox(0, 0, 100, 100), 400, 400, 1, False)


def index_for(employee: Employee) -> TemplateIndex:
    index = TemplateIndex()
    index.add(1, employee.id, face().descriptor)
    return index


def check_in_at(
    session: Session, settings: Settings, employee: Employee, text: str, kind: str | None = None
):
    response, created = record_check_in(
        session,
        index_for(employee),
        settings,
        analysis=face(),
        employee_code=None,
        actor_id=None,
        now=local(text, LIMA),
        kind=kind,
    )
    return response, created


@pytest.fixture()
def night_employee(session: Session) -> Employee:
    """Night shift on Monday only, followed by a day shift from Tuesday (default shift)."""
    site = make_site(session, LIMA)
    employee = make_employee(session, shift=make_shift(session, "day"), site=site)
    assign(session, employee, make_shift(session, "night"), MONDAY, MONDAY)
    return employee


def test_night_check_out_next_morning(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    first, _ = check_in_at(session, test_settings, night_employee, "2026-03-02 21:55")
    second, created = check_in_at(session, test_settings, night_employee, "2026-03-03 07:10")

    assert first.event.kind == "in"
    assert created is True
    assert second.event.kind == "out"


def test_day_check_in_after_night(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    check_in_at(session, test_settings, night_employee, "2026-03-02 21:55")
    check_in_at(session, test_settings, night_employee, "2026-03-03 07:10")
    third, _ = check_in_at(session, test_settings, night_employee, "2026-03-03 07:58")

    assert third.event.kind == "in"


def test_check_in_recomputes_days(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    check_in_at(session, test_settings, night_employee, "2026-03-02 21:55")
    check_in_at(session, test_settings, night_employee, "2026-03-03 07:10")
    night = session.scalars(
        select(AttendanceDayRecord).where(
            AttendanceDayRecord.employee_id == night_employee.id,
            AttendanceDayRecord.local_date == MONDAY,
        )
    ).one()

    assert night.status == "present"
    assert night.worked_minutes == 550
    assert night.final is False


def test_repeat_same_direction_duplicate(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    check_in_at(session, test_settings, night_employee, "2026-03-02 21:55:00")
    repeat, created = check_in_at(session, test_settings, night_employee, "2026-03-02 21:55:30")
    events = session.scalars(
        select(AttendanceEvent).where(AttendanceEvent.employee_id == night_employee.id)
    ).all()

    assert created is False
    assert repeat.duplicate is True
    assert len(events) == 1


def test_explicit_other_direction_kept(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    check_in_at(session, test_settings, night_employee, "2026-03-02 21:55:00", kind="in")
    out, created = check_in_at(
        session, test_settings, night_employee, "2026-03-02 21:55:30", kind="out"
    )
    stored = session.get(AttendanceEvent, out.event.id)

    assert created is True
    assert out.event.kind == "out"
    assert stored.kind_explicit is True


def test_explicit_out_after_inferred_in(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    first, _ = check_in_at(session, test_settings, night_employee, "2026-03-02 21:55:00")
    out, created = check_in_at(
        session, test_settings, night_employee, "2026-03-02 21:55:30", kind="out"
    )
    night = session.scalars(
        select(AttendanceDayRecord).where(
            AttendanceDayRecord.employee_id == night_employee.id,
            AttendanceDayRecord.local_date == MONDAY,
        )
    ).one()

    assert first.event.kind == "in"
    assert created is True
    assert session.get(AttendanceEvent, first.event.id).kind_explicit is True
    assert sorted(night.punch_ids) == sorted([first.event.id, out.event.id])
    assert night.duplicate_punch_ids == []


def test_explicit_same_direction_duplicate(
    session: Session, test_settings: Settings, night_employee: Employee
) -> None:
    check_in_at(session, test_settings, night_employee, "2026-03-02 21:55:00", kind="in")
    _repeat, created = check_in_at(
        session, test_settings, night_employee, "2026-03-02 21:55:30", kind="in"
    )

    assert created is False


def test_without_shift_alternates(session: Session, test_settings: Settings) -> None:
    employee = make_employee(session, site=make_site(session, LIMA))
    first, _ = check_in_at(session, test_settings, employee, "2026-03-02 09:00")
    second, _ = check_in_at(session, test_settings, employee, "2026-03-02 13:00")
    next_day, _ = check_in_at(session, test_settings, employee, "2026-03-03 09:00")

    assert first.event.kind == "in"
    assert second.event.kind == "out"
    assert next_day.event.kind == "in"


def test_check_in_outside_window_falls_back(session: Session, test_settings: Settings) -> None:
    site = make_site(session, LIMA)
    employee = make_employee(session, shift=make_shift(session, "day", weekdays="1"), site=site)
    # Wednesday has no shift, so the day's first punch is a check-in.
    first, _ = check_in_at(session, test_settings, employee, "2026-03-04 09:00")
    rows = session.scalars(
        select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee.id)
    ).all()

    assert first.event.kind == "in"
    assert [row.local_date for row in rows] == []
