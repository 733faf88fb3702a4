"""Scenario table for the attendance engine: exact minutes and status for each rule."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from asistencia.attendance.engine import (
    FixedSchedule,
    Leave,
    LeaveKind,
    Punch,
    ScheduleLike,
    ShiftRules,
    ShiftSegment,
    Status,
    build_instance,
    compute_period,
    compute_period_result,
)
from asistencia.attendance.engine.messages import STATUS_RESULT

SANTIAGO = "America/Santiago"
MADRID = "Europe/Madrid"
FAR_FUTURE = "2030-01-01 00:00Z"


def segment(start: str, end: str) -> ShiftSegment:
    return ShiftSegment(time.fromisoformat(start), time.fromisoformat(end))


DAY = ShiftRules(
    shift_id=1,
    name="Day",
    segments=(segment("08:00", "17:00"),),
    grace_in_minutes=5,
    grace_out_minutes=5,
    break_minutes=60,
    overtime_after_minutes=30,
    tolerance_minutes=10,
)
NIGHT = ShiftRules(
    shift_id=2,
    name="Night",
    segments=(segment("22:00", "06:00"),),
    grace_in_minutes=5,
    grace_out_minutes=5,
    overtime_after_minutes=30,
    tolerance_minutes=10,
)
SPLIT = ShiftRules(
    shift_id=3,
    name="Split",
    segments=(segment("08:00", "12:00"), segment("14:00", "18:00")),
    grace_in_minutes=5,
    grace_out_minutes=5,
    overtime_after_minutes=30,
    tolerance_minutes=10,
)
DAY_HALF = replace(DAY, shift_id=4, min_full_minutes=420, min_half_minutes=240)
DAY_BREAK_WINDOW = replace(
    DAY, shift_id=5, break_minutes=0, break_window=(time(13), time(14))
)
DAY_EARLY_OVERTIME = replace(DAY, shift_id=6, overtime_before_allowed=True)
MONDAY = date(2026, 3, 2)


def instant(text: str, tz: str) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM[:SS]`` as local time in ``tz``, or as UTC with a ``Z`` suffix."""
    if text.endswith("Z"):
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    local = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz), fold=0)
    return local.astimezone(UTC)


@dataclass(frozen=True)
class Case:
    """One scenario: inputs, the instance to check, and its expected figures."""

    rules: ShiftRules
    day: date
    punches: tuple[tuple[str, str | None], ...]
    status: Status
    worked: int
    required: int
    late: int = 0
    early: int = 0
    overtime: int = 0
    tz: str = SANTIAGO
    schedule: ScheduleLike | None = None
    holidays: frozenset[date] = frozenset()
    leaves: tuple[tuple[str, str, LeaveKind, bool], ...] = ()
    now: str = FAR_FUTURE
    extra: dict[str, Any] = field(default_factory=dict)


def run_case(case: Case) -> tuple[Any, list[Punch]]:
    punches = [
        Punch(id=index + 1, at=instant(text, case.tz), direction=direction)
        for index, (text, direction) in enumerate(case.punches)
    ]
    leaves = [
        Leave(
            id=100 + index,
            kind=kind,
            start=instant(start, case.tz),
            end=instant(end, case.tz),
            justification=justification,
        )
        for index, (start, end, kind, justification) in enumerate(case.leaves)
    ]
    days = compute_period(
        case.day,
        case.day,
        case.schedule or FixedSchedule(case.rules),
        case.tz,
        punches,
        now=instant(case.now, case.tz),
        holidays=case.holidays,
        leaves=leaves,
    )
    matching = [day for day in days if day.shift_id == case.rules.shift_id]
    assert len(matching) == 1, f"expected one {case.rules.name} day on {case.day}, got {days}"
    return matching[0], punches


def night_then_day(local_date: date) -> ShiftRules | None:
    return NIGHT if local_date == MONDAY else DAY


CASES: dict[str, Case] = {
    "on time": Case(
        DAY, MONDAY, (("2026-03-02 07:58", None), ("2026-03-02 17:02", None)),
        Status.PRESENT, worked=480, required=480,
        extra={"balance_minutes": 0, "deficit": False, "excess": False},
    ),
    "late within grace": Case(
        DAY, MONDAY, (("2026-03-02 08:04", None), ("2026-03-02 17:00", None)),
        Status.PRESENT, worked=476, required=480,
        extra={"balance_minutes": -4, "deficit": False},
    ),
    "late beyond grace counts from start": Case(
        DAY, MONDAY, (("2026-03-02 08:20", None), ("2026-03-02 17:00", None)),
        Status.LATE, worked=460, required=480, late=20,
        extra={"balance_minutes": -20, "deficit": True},
    ),
    "early exit": Case(
        DAY, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 16:30", None)),
        Status.EARLY_LEAVE, worked=450, required=480, early=30,
    ),
    "early exit within grace": Case(
        DAY, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 16:57", None)),
        Status.PRESENT, worked=477, required=480,
    ),
    "late and early exit reports both": Case(
        DAY, MONDAY, (("2026-03-02 08:20", None), ("2026-03-02 16:30", None)),
        Status.LATE, worked=430, required=480, late=20, early=30,
    ),
    "half day": Case(
        DAY_HALF, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 13:00", None)),
        Status.HALF_DAY, worked=240, required=480, early=240,
    ),
    "shortfall within tolerance is not a half day": Case(
        DAY_HALF, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 15:55", None)),
        Status.EARLY_LEAVE, worked=415, required=480, early=65,
    ),
    "below half day is absent": Case(
        DAY_HALF, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 10:00", None)),
        Status.ABSENT, worked=60, required=480, early=420,
    ),
    "absent without punches": Case(
        DAY, MONDAY, (), Status.ABSENT, worked=0, required=480,
        extra={"balance_minutes": -480, "deficit": True, "first_in": None, "final": True},
    ),
    "missing check-out stays incomplete and late": Case(
        DAY, MONDAY, (("2026-03-02 08:20", None),),
        Status.INCOMPLETE, worked=0, required=480, late=20,
        extra={"last_out": None, "final": True},
    ),
    "night check-out at 07:10 goes to the night": Case(
        NIGHT, MONDAY,
        (
            ("2026-03-02 21:55", None),
            ("2026-03-03 07:10", None),
            ("2026-03-03 07:58", None),
            ("2026-03-03 17:00", None),
        ),
        Status.PRESENT, worked=550, required=480, overtime=70,
        schedule=night_then_day,
        extra={"punch_ids": (1, 2)},
    ),
    "explicit check-in after a night opens the day": Case(
        NIGHT, MONDAY,
        (("2026-03-02 22:00", "in"), ("2026-03-03 07:10", "in"), ("2026-03-03 17:00", "out")),
        Status.INCOMPLETE, worked=0, required=480,
        schedule=night_then_day,
        extra={"punch_ids": (1,)},
    ),
    "split shift": Case(
        SPLIT, MONDAY,
        (
            ("2026-03-02 07:59", None),
            ("2026-03-02 12:01", None),
            ("2026-03-02 13:58", None),
            ("2026-03-02 18:00", None),
        ),
        Status.PRESENT, worked=480, required=480,
    ),
    "split shift late return is a deficit": Case(
        SPLIT, MONDAY,
        (
            ("2026-03-02 08:00", None),
            ("2026-03-02 12:00", None),
            ("2026-03-02 14:20", None),
            ("2026-03-02 18:00", None),
        ),
        Status.PRESENT, worked=460, required=480,
        extra={"deficit": True},
    ),
    "fixed break deducted": Case(
        DAY, MONDAY, (("2026-03-02 08:00", "in"), ("2026-03-02 17:00", "out")),
        Status.PRESENT, worked=480, required=480,
    ),
    "break window outside worked time": Case(
        DAY_BREAK_WINDOW, MONDAY,
        (
            ("2026-03-02 08:00", None),
            ("2026-03-02 13:00", None),
            ("2026-03-02 14:00", None),
            ("2026-03-02 17:00", None),
        ),
        Status.PRESENT, worked=480, required=480,
    ),
    "break window partly worked": Case(
        DAY_BREAK_WINDOW, MONDAY,
        (
            ("2026-03-02 08:00", None),
            ("2026-03-02 13:30", None),
            ("2026-03-02 14:00", None),
            ("2026-03-02 17:00", None),
        ),
        Status.PRESENT, worked=480, required=480,
    ),
    "break window fully worked": Case(
        DAY_BREAK_WINDOW, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 17:00", None)),
        Status.PRESENT, worked=480, required=480,
    ),
    "overtime after the end": Case(
        DAY, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 17:45", None)),
        Status.PRESENT, worked=525, required=480, overtime=45,
        extra={"excess": True, "balance_minutes": 45},
    ),
    "time after the end below threshold": Case(
        DAY, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 17:20", None)),
        Status.PRESENT, worked=480, required=480,
    ),
    "overtime before start allowed": Case(
        DAY_EARLY_OVERTIME, MONDAY, (("2026-03-02 07:00", None), ("2026-03-02 17:00", None)),
        Status.PRESENT, worked=540, required=480, overtime=60,
    ),
    "time before start not allowed": Case(
        DAY, MONDAY, (("2026-03-02 07:00", None), ("2026-03-02 17:00", None)),
        Status.PRESENT, worked=480, required=480,
    ),
    "holiday without punches": Case(
        DAY, MONDAY, (), Status.HOLIDAY, worked=0, required=0,
        holidays=frozenset({MONDAY}),
        extra={"holiday": True, "deficit": False},
    ),
    "holiday worked is overtime": Case(
        DAY, MONDAY, (("2026-03-02 09:00", None), ("2026-03-02 13:00", None)),
        Status.PRESENT, worked=180, required=0, overtime=180,
        holidays=frozenset({MONDAY}),
        extra={"holiday": True, "late_minutes": 0},
    ),
    "full-day vacation": Case(
        DAY, MONDAY, (), Status.ON_LEAVE, worked=0, required=0,
        leaves=(("2026-03-02 00:00", "2026-03-03 00:00", LeaveKind.VACATION, False),),
        extra={"leave_ids": (100,), "deficit": False},
    ),
    "justified absence": Case(
        DAY, MONDAY, (), Status.JUSTIFIED, worked=0, required=0,
        leaves=(("2026-03-02 00:00", "2026-03-03 00:00", LeaveKind.MEDICAL, True),),
        extra={"leave_minutes": 540},
    ),
    "justified late arrival": Case(
        DAY, MONDAY, (("2026-03-02 09:00", None), ("2026-03-02 17:00", None)),
        Status.JUSTIFIED, worked=420, required=420,
        leaves=(("2026-03-02 08:00", "2026-03-02 09:00", LeaveKind.MEDICAL, True),),
        extra={"leave_minutes": 60, "balance_minutes": 0},
    ),
    "partly justified late arrival": Case(
        DAY, MONDAY, (("2026-03-02 08:45", None), ("2026-03-02 17:00", None)),
        Status.LATE, worked=435, required=450, late=15,
        leaves=(("2026-03-02 08:00", "2026-03-02 08:30", LeaveKind.PERSONAL, True),),
    ),
    "duplicate punches collapse": Case(
        DAY, MONDAY,
        (
            ("2026-03-02 08:00:00", None),
            ("2026-03-02 08:00:40", None),
            ("2026-03-02 17:00:00", "out"),
            ("2026-03-02 17:00:30", "out"),
        ),
        Status.PRESENT, worked=480, required=480,
        extra={"punch_ids": (1, 3), "duplicate_punch_ids": (2, 4)},
    ),
    "in and out in the same second": Case(
        DAY, MONDAY, (("2026-03-02 08:00:00", "out"), ("2026-03-02 08:00:00", "in")),
        Status.EARLY_LEAVE, worked=0, required=480, early=540,
        extra={"punch_ids": (2, 1), "duplicate_punch_ids": ()},
    ),
    "Santiago autumn night lasts 9 hours": Case(
        NIGHT, date(2026, 4, 4), (("2026-04-04 22:00", None), ("2026-04-05 06:00", None)),
        Status.PRESENT, worked=540, required=540,
    ),
    "Santiago spring night lasts 7 hours": Case(
        NIGHT, date(2026, 9, 5), (("2026-09-05 22:00", None), ("2026-09-06 06:00", None)),
        Status.PRESENT, worked=420, required=420,
    ),
    "Madrid spring night lasts 7 hours": Case(
        NIGHT, date(2026, 3, 28), (("2026-03-28 22:00", None), ("2026-03-29 06:00", None)),
        Status.PRESENT, worked=420, required=420, tz=MADRID,
    ),
    "Madrid autumn night lasts 9 hours": Case(
        NIGHT, date(2026, 10, 24), (("2026-10-24 22:00", None), ("2026-10-25 06:00", None)),
        Status.PRESENT, worked=540, required=540, tz=MADRID,
    ),
    "Madrid day after spring change": Case(
        DAY, date(2026, 3, 29), (("2026-03-29 06:00Z", None), ("2026-03-29 15:00Z", None)),
        Status.PRESENT, worked=480, required=480, tz=MADRID,
    ),
    "Kiritimati day starts the previous UTC day": Case(
        DAY, MONDAY, (("2026-03-01 18:00Z", None), ("2026-03-02 03:00Z", None)),
        Status.PRESENT, worked=480, required=480, tz="Pacific/Kiritimati",
    ),
    "Chatham quarter-hour offset": Case(
        DAY, MONDAY, (("2026-03-01 18:15Z", None), ("2026-03-02 03:15Z", None)),
        Status.PRESENT, worked=480, required=480, tz="Pacific/Chatham",
    ),
    "pending before any punch": Case(
        DAY, MONDAY, (), Status.PENDING, worked=0, required=480,
        now="2026-03-02 07:00",
        extra={"final": False, "deficit": False},
    ),
    "in progress while window open": Case(
        DAY, MONDAY, (("2026-03-02 08:10", None),), Status.IN_PROGRESS, worked=0, required=480,
        late=10, now="2026-03-02 12:00",
        extra={"final": False, "deficit": False},
    ),
    "closed pairs while window open are provisional": Case(
        DAY, MONDAY, (("2026-03-02 08:00", None), ("2026-03-02 17:00", None)),
        Status.PRESENT, worked=480, required=480, now="2026-03-02 18:00",
        extra={"final": False},
    ),
}


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_scenario(case: Case) -> None:
    day, _punches = run_case(case)

    assert day.status == case.status
    assert day.worked_minutes == case.worked
    assert day.required_minutes == case.required
    assert day.late_minutes == case.late
    assert day.early_exit_minutes == case.early
    assert day.overtime_minutes == case.overtime
    assert day.balance_minutes == day.worked_minutes - day.required_minutes
    assert day.explanation[-1].msgid == STATUS_RESULT
    assert day.explanation[-1].params["status"] == case.status.value
    for name, expected in case.extra.items():
        assert getattr(day, name) == expected, name


def test_night_check_out_leaves_day_shift_intact() -> None:
    punches = [
        Punch(1, instant("2026-03-02 21:55", SANTIAGO)),
        Punch(2, instant("2026-03-03 07:10", SANTIAGO)),
        Punch(3, instant("2026-03-03 07:58", SANTIAGO)),
        Punch(4, instant("2026-03-03 17:00", SANTIAGO)),
    ]
    days = compute_period(
        MONDAY, MONDAY + timedelta(days=1), night_then_day, SANTIAGO, punches,
        now=instant(FAR_FUTURE, SANTIAGO),
    )
    day_shift = days[1]

    assert [day.shift_id for day in days] == [NIGHT.shift_id, DAY.shift_id]
    assert day_shift.punch_ids == (3, 4)
    assert day_shift.status == Status.PRESENT
    assert day_shift.worked_minutes == 480


def test_period_includes_night_starting_on_last_day() -> None:
    punches = [
        Punch(1, instant("2026-03-02 22:00", SANTIAGO)),
        Punch(2, instant("2026-03-03 06:00", SANTIAGO)),
    ]
    days = compute_period(
        MONDAY, MONDAY, FixedSchedule(NIGHT), SANTIAGO, punches,
        now=instant(FAR_FUTURE, SANTIAGO),
    )

    assert [day.local_date for day in days] == [MONDAY]
    assert days[0].punch_ids == (1, 2)
    assert days[0].worked_minutes == 480


def test_period_days_in_date_order() -> None:
    weekdays_only = replace(DAY, weekdays=frozenset(range(5)))
    days = compute_period(
        MONDAY, MONDAY + timedelta(days=6), FixedSchedule(weekdays_only),
        SANTIAGO, [], now=instant(FAR_FUTURE, SANTIAGO),
    )

    assert [day.local_date for day in days] == [MONDAY + timedelta(days=n) for n in range(5)]


def test_unattributed_punch_reported() -> None:
    weekdays_only = replace(DAY, weekdays=frozenset(range(5)))
    saturday_punch = Punch(7, instant("2026-03-07 10:00", SANTIAGO))
    result = compute_period_result(
        MONDAY, MONDAY + timedelta(days=6), FixedSchedule(weekdays_only), SANTIAGO,
        [saturday_punch], now=instant(FAR_FUTURE, SANTIAGO),
    )

    assert result.unattributed == [saturday_punch]
    assert all(saturday_punch.id not in day.punch_ids for day in result.days)


def test_voided_punch_ignored() -> None:
    punches = [
        Punch(1, instant("2026-03-02 08:00", SANTIAGO)),
        Punch(2, instant("2026-03-02 12:00", SANTIAGO), voided=True),
        Punch(3, instant("2026-03-02 17:00", SANTIAGO)),
    ]
    days = compute_period(
        MONDAY, MONDAY, FixedSchedule(DAY), SANTIAGO, punches, now=instant(FAR_FUTURE, SANTIAGO)
    )

    assert days[0].punch_ids == (1, 3)
    assert days[0].worked_minutes == 480


def test_other_direction_within_window_is_kept() -> None:
    punches = [
        Punch(1, instant("2026-03-02 08:00:00", SANTIAGO), "in"),
        Punch(2, instant("2026-03-02 08:00:01", SANTIAGO), "out"),
    ]
    days = compute_period(
        MONDAY, MONDAY, FixedSchedule(DAY), SANTIAGO, punches, now=instant(FAR_FUTURE, SANTIAGO)
    )

    assert days[0].punch_ids == (1, 2)
    assert days[0].duplicate_punch_ids == ()


@pytest.mark.parametrize(
    ("tz", "local", "expected_utc"),
    [
        # Santiago skips 00:00-00:59 on 2026-09-06; fold=0 reads 00:30 with the old -04 offset.
        (SANTIAGO, datetime(2026, 9, 6, 0, 30), datetime(2026, 9, 6, 4, 30, tzinfo=UTC)),
        # Santiago repeats 23:00-23:59 on 2026-04-04; fold=0 takes the first (-03) instant.
        (SANTIAGO, datetime(2026, 4, 4, 23, 30), datetime(2026, 4, 5, 2, 30, tzinfo=UTC)),
        # Madrid skips 02:00-02:59 on 2026-03-29; 02:30 becomes 03:30 CEST.
        (MADRID, datetime(2026, 3, 29, 2, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        # Madrid repeats 02:00-02:59 on 2026-10-25; fold=0 takes the first (CEST) instant.
        (MADRID, datetime(2026, 10, 25, 2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    ],
    ids=["santiago gap", "santiago ambiguous", "madrid gap", "madrid ambiguous"],
)
def test_shift_start_in_dst_transition(tz: str, local: datetime, expected_utc: datetime) -> None:
    rules = ShiftRules(9, "Odd", (ShiftSegment(local.time(), time(8)),))
    instance = build_instance(rules, local.date(), ZoneInfo(tz))

    assert instance.start_at == expected_utc


def test_kiritimati_first_in_is_utc() -> None:
    case = CASES["Kiritimati day starts the previous UTC day"]
    day, _punches = run_case(case)

    assert day.scheduled_start == datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
    assert day.first_in == datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
    assert day.local_date == MONDAY


def test_naive_punch_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Punch(1, datetime(2026, 3, 2, 8, 0))


def test_both_break_kinds_rejected() -> None:
    with pytest.raises(ValueError, match="break_window"):
        replace(DAY, break_window=(time(13), time(14)))


def test_unknown_time_zone_rejected() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        compute_period(
            MONDAY, MONDAY, FixedSchedule(DAY), "Mars/Olympus", [],
            now=instant(FAR_FUTURE, SANTIAGO),
        )
