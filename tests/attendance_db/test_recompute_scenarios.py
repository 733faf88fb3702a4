"""Engine scenarios through the database: shift, site and punch rows in, stored days out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceDayRecord
from asistencia.employees.errors import EmployeeNotFound
from asistencia.employees.models import Employee
from asistencia.shifts.models import Shift
from tests.attendance_db.builders import (
    recompute,
    FAR_FUTURE,
    assign,
    holiday,
    leave,
    local,
    make_employee,
    make_shift,
    make_site,
    punch,
)

SANTIAGO = "America/Santiago"
MADRID = "Europe/Madrid"
MONDAY = date(2026, 3, 2)


@dataclass(frozen=True)
class Case:
    """One scenario: the shift kind, local punches, and the stored day expected on ``day``."""

    shift: str
    day: date
    punches: tuple[tuple[str, str | None], ...]
    status: str
    worked: int
    required: int
    late: int = 0
    early: int = 0
    overtime: int = 0
    tz: str = SANTIAGO
    holiday: bool = False
    # (start date, end date, start time, end time, kind, justification)
    leaves: tuple[tuple[date, date, time | None, time | None, str, bool], ...] = ()
    # The night shift is assigned on ``day`` only; the default shift covers the next day.
    night_then_day: bool = False
    punch_count: int | None = None
    duplicates: int = 0


CASES: dict[str, Case] = {
    "on time": Case(
        "day",
        MONDAY,
        (("2026-03-02 07:58", None), ("2026-03-02 17:02", None)),
        "present",
        worked=480,
        required=480,
    ),
    "late within grace": Case(
        "day",
        MONDAY,
        (("2026-03-02 08:04", None), ("2026-03-02 17:00", None)),
        "present",
        worked=476,
        required=480,
    ),
    "late beyond grace": Case(
        "day",
        MONDAY,
        (("2026-03-02 08:20", None), ("2026-03-02 17:00", None)),
        "late",
        worked=460,
        required=480,
        late=20,
    ),
    "early exit": Case(
        "day",
        MONDAY,
        (("2026-03-02 08:00", None), ("2026-03-02 16:30", None)),
        "early_leave",
        worked=450,
        required=480,
        early=30,
    ),
    "half day": Case(
        "day_half",
        MONDAY,
        (("2026-03-02 08:00", None), ("2026-03-02 13:00", None)),
        "half_day",
        worked=240,
        required=480,
        early=240,
    ),
    "absent": Case("day", MONDAY, (), "absent", worked=0, required=480),
    "missing check-out": Case(
        "day", MONDAY, (("2026-03-02 08:20", None),), "incomplete", worked=0, required=480, late=20
    ),
    "night across midnight then day shift": Case(
        "night",
        MONDAY,
        (
            ("2026-03-02 21:55", None),
            ("2026-03-03 07:10", None),
            ("2026-03-03 07:58", None),
            ("2026-03-03 17:00", None),
        ),
        "present",
        worked=550,
        required=480,
        overtime=70,
        night_then_day=True,
        punch_count=2,
    ),
    "split shift": Case(
        "split",
        MONDAY,
        (
            ("2026-03-02 07:59", None),
            ("2026-03-02 12:01", None),
            ("2026-03-02 13:58", None),
            ("2026-03-02 18:00", None),
        ),
        "present",
        worked=480,
        required=480,
    ),
    "fixed break": Case(
        "day",
        MONDAY,
        (("2026-03-02 08:00", "in"), ("2026-03-02 17:00", "out")),
        "present",
        worked=480,
        required=480,
    ),
    "break window partly worked": Case(
        "day_break_window",
        MONDAY,
        (
            ("2026-03-02 08:00", None),
            ("2026-03-02 13:30", None),
            ("2026-03-02 14:00", None),
            ("2026-03-02 17:00", None),
        ),
        "present",
        worked=480,
        required=480,
    ),
    "overtime after the end": Case(
        "day",
        MONDAY,
        (("2026-03-02 08:00", None), ("2026-03-02 17:45", None)),
        "present",
        worked=525,
        required=480,
        overtime=45,
    ),
    "holiday without punches": Case(
        "day", MONDAY, (), "holiday", worked=0, required=0, holiday=True
    ),
    "holiday worked": Case(
        "day",
        MONDAY,
        (("2026-03-02 09:00", None), ("2026-03-02 13:00", None)),
        "present",
        worked=180,
        required=0,
        overtime=180,
        holiday=True,
    ),
    "approved vacation": Case(
        "day",
        MONDAY,
        (),
        "on_leave",
        worked=0,
        required=0,
        leaves=((MONDAY, MONDAY, None, None, "vacation", False),),
    ),
    "justified late arrival": Case(
        "day",
        MONDAY,
        (("2026-03-02 09:00", None), ("2026-03-02 17:00", None)),
        "justified",
        worked=420,
        required=420,
        leaves=((MONDAY, MONDAY, time(8), time(9), "medical", True),),
    ),
    "duplicate punches": Case(
        "day",
        MONDAY,
        (
            ("2026-03-02 08:00:00", None),
            ("2026-03-02 08:00:40", None),
            ("2026-03-02 17:00:00", "out"),
            ("2026-03-02 17:00:30", "out"),
        ),
        "present",
        worked=480,
        required=480,
        punch_count=2,
        duplicates=2,
    ),
    "in and out in the same second": Case(
        "day",
        MONDAY,
        (("2026-03-02 08:00:00", "out"), ("2026-03-02 08:00:00", "in")),
        "early_leave",
        worked=0,
        required=480,
        early=540,
        punch_count=2,
    ),
    "Santiago autumn night": Case(
        "night",
        date(2026, 4, 4),
        (("2026-04-04 22:00", None), ("2026-04-05 06:00", None)),
        "present",
        worked=540,
        required=540,
    ),
    "Santiago spring night": Case(
        "night",
        date(2026, 9, 5),
        (("2026-09-05 22:00", None), ("2026-09-06 06:00", None)),
        "present",
        worked=420,
        required=420,
    ),
    "Madrid spring night": Case(
        "night",
        date(2026, 3, 28),
        (("2026-03-28 22:00", None), ("2026-03-29 06:00", None)),
        "present",
        worked=420,
        required=420,
        tz=MADRID,
    ),
    "Madrid autumn night": Case(
        "night",
        date(2026, 10, 24),
        (("2026-10-24 22:00", None), ("2026-10-25 06:00", None)),
        "present",
        worked=540,
        required=540,
        tz=MADRID,
    ),
    "Kiritimati day starts the previous UTC day": Case(
        "day",
        MONDAY,
        (("2026-03-01 18:00Z", None), ("2026-03-02 03:00Z", None)),
        "present",
        worked=480,
        required=480,
        tz="Pacific/Kiritimati",
    ),
}


def build_case(session: Session, case: Case) -> int:
    """Store the rows of ``case`` and return the employee id."""
    site = make_site(session, case.tz)
    shift = make_shift(session, case.shift)
    if case.night_then_day:
        employee = make_employee(session, shift=make_shift(session, "day"), site=site)
        assign(session, employee, shift, case.day, case.day)
    else:
        employee = make_employee(session, shift=shift, site=site)
    for text, kind in case.punches:
        punch(session, employee, local(text, case.tz), kind)
    if case.holiday:
        holiday(session, case.day, site)
    for start, end, start_time, end_time, kind, justification in case.leaves:
        leave(
            session,
            employee,
            start,
            end,
            kind=kind,
            justification=justification,
            start_time=start_time,
            end_time=end_time,
        )
    return employee.id


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_scenario_stored(session: Session, case: Case) -> None:
    employee_id = build_case(session, case)
    recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=FAR_FUTURE
    )
    session.commit()

    rows = session.scalars(
        select(AttendanceDayRecord).where(
            AttendanceDayRecord.employee_id == employee_id,
            AttendanceDayRecord.local_date == case.day,
        )
    ).all()
    assert len(rows) == 1
    row = rows[0]
    assert row.status == case.status
    assert row.worked_minutes == case.worked
    assert row.required_minutes == case.required
    assert row.late_minutes == case.late
    assert row.early_exit_minutes == case.early
    assert row.overtime_minutes == case.overtime
    assert row.balance_minutes == case.worked - case.required
    assert row.final is True
    assert row.holiday is case.holiday
    assert row.explanation[-1]["params"]["status"] == case.status
    if case.punch_count is not None:
        assert len(row.punch_ids) == case.punch_count
    assert len(row.duplicate_punch_ids) == case.duplicates


def test_recompute_twice_identical_rows(session: Session) -> None:
    case = CASES["late beyond grace"]
    employee_id = build_case(session, case)
    first = recompute(
        session,
        employee_id=employee_id,
        first_date=case.day,
        last_date=case.day + timedelta(days=2),
        now=FAR_FUTURE,
    )
    session.commit()
    before = [
        (row.id, row.status, row.computed_at, row.explanation, row.rules_snapshot) for row in first
    ]

    second = recompute(
        session,
        employee_id=employee_id,
        first_date=case.day,
        last_date=case.day + timedelta(days=2),
        now=FAR_FUTURE,
    )
    session.commit()
    after = [
        (row.id, row.status, row.computed_at, row.explanation, row.rules_snapshot) for row in second
    ]

    assert len(before) == 3
    assert after == before


def test_night_shift_next_day_untouched(session: Session) -> None:
    case = CASES["night across midnight then day shift"]
    employee_id = build_case(session, case)
    rows = recompute(
        session,
        employee_id=employee_id,
        first_date=case.day,
        last_date=case.day + timedelta(days=1),
        now=FAR_FUTURE,
    )

    assert [row.local_date for row in rows] == [case.day, case.day + timedelta(days=1)]
    assert rows[1].status == "present"
    assert rows[1].worked_minutes == 480
    assert rows[1].shift_id != rows[0].shift_id


def test_final_day_keeps_rules_snapshot(session: Session) -> None:
    case = CASES["late beyond grace"]
    employee_id = build_case(session, case)
    recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=FAR_FUTURE
    )
    row = session.scalars(
        select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee_id)
    ).one()
    shift = row.rules_snapshot["shift_id"]
    session.get(Shift, shift).grace_in_minutes = 30
    recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=FAR_FUTURE
    )

    assert row.status == "late"
    assert row.late_minutes == 20
    assert row.rules_snapshot["grace_in_minutes"] == 5


def test_open_day_uses_current_rules(session: Session) -> None:
    case = CASES["late beyond grace"]
    employee_id = build_case(session, case)
    before_end = local("2026-03-02 18:00", SANTIAGO)
    recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=before_end
    )
    row = session.scalars(
        select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee_id)
    ).one()
    session.get(Shift, row.shift_id).grace_in_minutes = 30
    recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=before_end
    )

    assert row.final is False
    assert row.status == "present"
    assert row.rules_snapshot["grace_in_minutes"] == 30


def test_removed_instance_row_deleted(session: Session) -> None:
    case = CASES["absent"]
    employee_id = build_case(session, case)
    before_start = local("2026-03-02 06:00", SANTIAGO)
    recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=before_start
    )
    session.get(Employee, employee_id).shift_id = None
    rows = recompute(
        session, employee_id=employee_id, first_date=case.day, last_date=case.day, now=before_start
    )
    stored = session.scalars(
        select(AttendanceDayRecord).where(AttendanceDayRecord.employee_id == employee_id)
    ).all()

    assert rows == []
    assert stored == []


def test_pending_leave_ignored(session: Session) -> None:
    case = CASES["absent"]
    employee_id = build_case(session, case)
    leave(session, session.get(Employee, employee_id), MONDAY, MONDAY, status="pending")
    rows = recompute(
        session, employee_id=employee_id, first_date=MONDAY, last_date=MONDAY, now=FAR_FUTURE
    )

    assert rows[0].status == "absent"


def test_assignment_override_applied(session: Session) -> None:
    site = make_site(session, SANTIAGO)
    shift = make_shift(session, "day")
    employee = make_employee(session, site=site)
    assign(
        session,
        employee,
        shift,
        MONDAY,
        None,
        weekdays="1",
        overrides={"1": {"start": "09:00", "required_minutes": 420}},
    )
    punch(session, employee, local("2026-03-02 09:00", SANTIAGO))
    punch(session, employee, local("2026-03-02 17:00", SANTIAGO))
    rows = recompute(
        session,
        employee_id=employee.id,
        first_date=MONDAY,
        last_date=MONDAY + timedelta(days=6),
        now=FAR_FUTURE,
    )

    assert [row.local_date for row in rows] == [MONDAY]
    assert rows[0].status == "present"
    assert rows[0].late_minutes == 0
    assert rows[0].required_minutes == 420


def test_default_shift_weekdays_followed(session: Session) -> None:
    site = make_site(session, SANTIAGO)
    shift = make_shift(session, "day", weekdays="135")
    employee = make_employee(session, shift=shift, site=site)
    rows = recompute(
        session,
        employee_id=employee.id,
        first_date=MONDAY,
        last_date=MONDAY + timedelta(days=6),
        now=FAR_FUTURE,
    )

    assert [row.local_date.isoweekday() for row in rows] == [1, 3, 5]


def test_unknown_employee_rejected(session: Session) -> None:
    with pytest.raises(EmployeeNotFound):
        recompute(
            session, employee_id=987654, first_date=MONDAY, last_date=MONDAY, now=FAR_FUTURE
        )
