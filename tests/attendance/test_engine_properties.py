"""Property-based tests of the attendance engine: bounds, determinism, order and duplicates."""

from __future__ import annotations

import random
from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asistencia.attendance.engine import (
    AttendanceDay,
    FixedSchedule,
    Leave,
    LeaveKind,
    Punch,
    ShiftRules,
    ShiftSegment,
    collapse_duplicates,
    compute_period,
)

DUPLICATE_WINDOW = 60
FIRST_DATE = date(2026, 3, 27)
LAST_DATE = date(2026, 3, 30)

RULES = [
    ShiftRules(1, "Day", (ShiftSegment(time(8), time(17)),), grace_in_minutes=5, break_minutes=60),
    ShiftRules(
        2,
        "Night",
        (ShiftSegment(time(22), time(6)),),
        overtime_after_minutes=30,
        overtime_before_allowed=True,
    ),
    ShiftRules(3, "Split", (ShiftSegment(time(8), time(12)), ShiftSegment(time(14), time(18)))),
    ShiftRules(
        4,
        "Window break",
        (ShiftSegment(time(9), time(18)),),
        break_window=(time(13), time(14)),
        min_half_minutes=200,
    ),
]
ZONES = ["Europe/Madrid", "America/Santiago", "Pacific/Kiritimati"]


@st.composite
def inputs(draw: st.DrawFn) -> dict:
    tz = draw(st.sampled_from(ZONES))
    rules = draw(st.sampled_from(RULES))
    base = datetime.combine(FIRST_DATE, time(0)).replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)
    span_seconds = int((LAST_DATE - FIRST_DATE).days + 2) * 86400
    raw = draw(
        st.lists(
            st.tuples(
                st.integers(0, span_seconds),
                st.sampled_from([None, None, "in", "out"]),
                st.integers(0, 9).map(lambda roll: roll == 0),
            ),
            max_size=14,
        )
    )
    punches = [
        Punch(id=index + 1, at=base + timedelta(seconds=offset), direction=direction, voided=voided)
        for index, (offset, direction, voided) in enumerate(raw)
    ]
    holidays = frozenset(
        draw(
            st.lists(
                st.sampled_from([FIRST_DATE + timedelta(days=n) for n in range(4)]), max_size=1
            )
        )
    )
    leaves = []
    if draw(st.booleans()):
        start = base + timedelta(seconds=draw(st.integers(0, span_seconds)))
        leaves.append(
            Leave(
                id=900,
                kind=draw(st.sampled_from(list(LeaveKind))),
                start=start,
                end=start + timedelta(minutes=draw(st.integers(1, 1500))),
                justification=draw(st.booleans()),
            )
        )
    now = base + timedelta(seconds=draw(st.integers(0, span_seconds + 86400)))
    return {
        "tz": tz,
        "rules": rules,
        "punches": punches,
        "holidays": holidays,
        "leaves": leaves,
        "now": now,
    }


def run(data: dict, punches: list[Punch] | None = None) -> list[AttendanceDay]:
    return compute_period(
        FIRST_DATE,
        LAST_DATE,
        FixedSchedule(data["rules"]),
        data["tz"],
        data["punches"] if punches is None else punches,
        now=data["now"],
        holidays=data["holidays"],
        leaves=data["leaves"],
        duplicate_window_seconds=DUPLICATE_WINDOW,
    )


PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(inputs())
def test_worked_within_punch_span(data: dict) -> None:
    by_id = {punch.id: punch for punch in data["punches"]}
    for day in run(data):
        times = [by_id[punch_id].at for punch_id in day.punch_ids]
        span = int((max(times) - min(times)).total_seconds() // 60) if times else 0

        assert day.worked_minutes >= 0
        assert day.worked_minutes <= span
        assert day.overtime_minutes >= 0
        assert day.late_minutes >= 0
        assert day.early_exit_minutes >= 0


@PROPERTY_SETTINGS
@given(inputs())
def test_each_punch_used_once(data: dict) -> None:
    used = [punch_id for day in run(data) for punch_id in day.punch_ids]

    assert len(used) == len(set(used))


@PROPERTY_SETTINGS
@given(inputs())
def test_recompute_idempotent(data: dict) -> None:
    assert run(data) == run(data)


@PROPERTY_SETTINGS
@given(inputs(), st.randoms(use_true_random=False))
def test_shuffled_punches_same_days(data: dict, rng: random.Random) -> None:
    shuffled = list(data["punches"])
    rng.shuffle(shuffled)

    assert run(data, shuffled) == run(data)


def _without_duplicate_trace(day: AttendanceDay) -> dict:
    ignored = {"duplicate_punch_ids", "explanation"}
    return {item.name: getattr(day, item.name) for item in fields(day) if item.name not in ignored}


@PROPERTY_SETTINGS
@given(inputs(), st.data())
def test_added_duplicate_changes_nothing(data: dict, draw: st.DataObject) -> None:
    kept, _duplicates = collapse_duplicates(data["punches"], DUPLICATE_WINDOW)
    if not kept:
        return
    position = draw.draw(st.integers(0, len(kept) - 1))
    original = kept[position]
    next_at = kept[position + 1].at if position + 1 < len(kept) else None
    limit = DUPLICATE_WINDOW
    if next_at is not None:
        limit = min(limit, int((next_at - original.at).total_seconds()) - 1)
    if limit < 0:
        return
    delay = draw.draw(st.integers(0, limit))
    duplicate = Punch(
        id=10_000, at=original.at + timedelta(seconds=delay), direction=original.direction
    )

    before = [_without_duplicate_trace(day) for day in run(data)]
    after = [_without_duplicate_trace(day) for day in run(data, data["punches"] + [duplicate])]

    assert after == before
