"""Shift rule checks shared by the shift API and the rule dry-run.

Times are local wall-clock times in whole minutes. Segments are read in the listed order
from the first start, as the attendance engine places them: a segment that starts earlier
in the day than the previous one ends is on the next day.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import time
from typing import Any

from asistencia.shifts.errors import (
    BreakConflict,
    BreakTooLong,
    BreakWindowIncomplete,
    BreakWindowOutsideShift,
    ControlCharacters,
    FieldRequired,
    InvalidShiftTime,
    InvalidWeekdays,
    NameBlank,
    ShiftMinimumsInvalid,
    ShiftSegmentsEmpty,
    ShiftSegmentsMismatch,
    ShiftSegmentsOverlap,
    ShiftSegmentsUnordered,
    ShiftSegmentZeroLength,
    ShiftTimeMissing,
    ShiftTooLong,
)
from asistencia.shifts.models import Shift

MINUTES_PER_DAY = 24 * 60

# Column defaults of `Shift`, used for fields a create request leaves out.
SHIFT_DEFAULTS: dict[str, Any] = {
    "start_time": None,
    "end_time": None,
    "segments": None,
    "weekdays": "12345",
    "grace_in_minutes": 5,
    "grace_out_minutes": 0,
    "break_minutes": 0,
    "break_start": None,
    "break_end": None,
    "window_before_minutes": 120,
    "window_after_minutes": 240,
    "min_full_minutes": None,
    "min_half_minutes": None,
    "overtime_after_minutes": 0,
    "overtime_before_allowed": False,
    "required_minutes": None,
    "tolerance_minutes": 0,
}
NULLABLE_FIELDS = frozenset(
    {
        "segments",
        "break_start",
        "break_end",
        "min_full_minutes",
        "min_half_minutes",
        "required_minutes",
    }
)
RULE_FIELDS = tuple(SHIFT_DEFAULTS)


def merged_shift_values(shift: Shift | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Return the rule fields of ``shift``, or the defaults for a new shift, with ``changes``
    applied."""
    if shift is None:
        values = dict(SHIFT_DEFAULTS)
    else:
        values = {field: getattr(shift, field) for field in RULE_FIELDS}
    values.update({field: value for field, value in changes.items() if field in SHIFT_DEFAULTS})
    return values


def validate_shift_rules(values: Mapping[str, Any]) -> None:
    """Raise the first rule error of a shift, given all its rule fields (``merged_shift_values``).

    Segment times may be ``time`` objects or "HH:MM" strings, as stored.
    """
    _check_required(values)
    start_time = check_time(values["start_time"], "start_time")
    end_time = check_time(values["end_time"], "end_time")
    parse_weekdays(values["weekdays"])

    intervals = _intervals(values, start_time, end_time)
    placed = _place(intervals)
    span = placed[-1][1] - placed[0][0]
    if span > MINUTES_PER_DAY:
        raise ShiftTooLong(minutes=span)
    _check_order(intervals, placed, span)
    if values["segments"] is not None:
        _check_bounds(intervals, start_time, end_time)

    scheduled = sum(end - start for start, end in placed)
    _check_break(values, intervals, placed, scheduled)
    half, full = values["min_half_minutes"], values["min_full_minutes"]
    if half is not None and full is not None and half > full:
        raise ShiftMinimumsInvalid(half=half, full=full)


def check_time(value: Any, field: str) -> time:
    """Return ``value`` as a naive ``time`` in whole minutes, parsing "HH:MM" strings."""
    parsed = value
    if isinstance(value, str):
        try:
            parsed = time.fromisoformat(value)
        except ValueError:
            raise InvalidShiftTime(value=value, field=field) from None
    if not isinstance(parsed, time):
        raise InvalidShiftTime(value=value, field=field)
    if parsed.tzinfo is not None or parsed.second or parsed.microsecond:
        raise InvalidShiftTime(value=parsed.isoformat(), field=field)
    return parsed


def clean_name(value: str, field: str = "name") -> str:
    """Return ``value`` without surrounding spaces; raise when blank or with control characters."""
    name = value.strip()
    if not name:
        raise NameBlank(field=field)
    return check_text(name, field, allowed="")


def check_text(value: str, field: str, *, allowed: str = "\t\n\r") -> str:
    """Return ``value``, raising for control characters other than ``allowed``.

    PostgreSQL rejects NUL in text columns, so it must fail here as a 422.
    """
    if any(unicodedata.category(char) == "Cc" and char not in allowed for char in value):
        raise ControlCharacters(field=field)
    return value


def format_time(value: time) -> str:
    return value.strftime("%H:%M")


def parse_weekdays(value: str) -> frozenset[int]:
    """Return the ISO weekday numbers of a digit string such as "12345"."""
    digits = list(value)
    if (
        not digits
        or any(digit not in "1234567" for digit in digits)
        or len(set(digits)) != len(digits)
    ):
        raise InvalidWeekdays(weekdays=value)
    return frozenset(int(digit) for digit in digits)


def normalise_weekdays(value: str) -> str:
    """Return the weekday digits sorted, so "531" is stored as "135"."""
    return "".join(str(day) for day in sorted(parse_weekdays(value)))


def segments_to_strings(segments: Iterable[Sequence[Any]]) -> list[list[str]]:
    return [
        [format_time(check_time(start, "segments")), format_time(check_time(end, "segments"))]
        for start, end in segments
    ]


def _check_required(values: Mapping[str, Any]) -> None:
    if values["start_time"] is None or values["end_time"] is None:
        raise ShiftTimeMissing()
    for field in RULE_FIELDS:
        if values[field] is None and field not in NULLABLE_FIELDS:
            raise FieldRequired(field=field)


def _minute_of_day(value: time) -> int:
    return value.hour * 60 + value.minute


def _label(start: time, end: time) -> str:
    return f"{format_time(start)}-{format_time(end)}"


def _intervals(
    values: Mapping[str, Any], start_time: time, end_time: time
) -> list[tuple[time, time]]:
    segments = values["segments"]
    if segments is None:
        intervals = [(start_time, end_time)]
    elif not segments:
        raise ShiftSegmentsEmpty()
    else:
        intervals = [
            (check_time(start, f"segments[{index}]"), check_time(end, f"segments[{index}]"))
            for index, (start, end) in enumerate(segments)
        ]
    for start, end in intervals:
        if start == end:
            raise ShiftSegmentZeroLength(segment=_label(start, end))
    return intervals


def _place(intervals: list[tuple[time, time]]) -> list[tuple[int, int]]:
    """Place each interval, in minutes from midnight of the first day, after the previous one.

    Raises when an interval starts inside the previous one.
    """
    placed: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(intervals):
        start_minute = _minute_of_day(start)
        length = (_minute_of_day(end) - start_minute) % MINUTES_PER_DAY
        if placed:
            previous_start, previous_end = placed[-1]
            offset = (start_minute - previous_start) % MINUTES_PER_DAY
            if offset < previous_end - previous_start:
                raise ShiftSegmentsOverlap(
                    segment=_label(start, end), previous=_label(*intervals[index - 1])
                )
            begin = previous_start + offset
        else:
            begin = start_minute
        placed.append((begin, begin + length))
    return placed


def _check_order(
    intervals: list[tuple[time, time]], placed: list[tuple[int, int]], span: int
) -> None:
    # A listing is out of order when a gap inside the shift is longer than the rest until
    # the next day's first start: [14:00-18:00, 08:00-12:00] would be a 22-hour shift.
    rest = MINUTES_PER_DAY - span
    for index in range(1, len(placed)):
        gap = placed[index][0] - placed[index - 1][1]
        if gap > rest:
            raise ShiftSegmentsUnordered(
                segments=", ".join(_label(*interval) for interval in intervals),
                segment=_label(*intervals[index]),
            )


def _check_bounds(intervals: list[tuple[time, time]], start_time: time, end_time: time) -> None:
    first_start, last_end = intervals[0][0], intervals[-1][1]
    if start_time != first_start or end_time != last_end:
        raise ShiftSegmentsMismatch(
            start_time=format_time(start_time),
            end_time=format_time(end_time),
            first_start=format_time(first_start),
            last_end=format_time(last_end),
        )


def _check_break(
    values: Mapping[str, Any],
    intervals: list[tuple[time, time]],
    placed: list[tuple[int, int]],
    scheduled: int,
) -> None:
    break_start, break_end = values["break_start"], values["break_end"]
    break_minutes = values["break_minutes"]
    if (break_start is None) != (break_end is None):
        raise BreakWindowIncomplete(
            present="break_start" if break_start is not None else "break_end"
        )

    if break_start is None:
        if break_minutes and break_minutes >= scheduled:
            raise BreakTooLong(break_minutes=break_minutes, minutes=scheduled)
        return

    if break_minutes:
        raise BreakConflict(minutes=break_minutes)
    window_start = check_time(break_start, "break_start")
    window_end = check_time(break_end, "break_end")
    # Placed as the engine places it: the window starts at or after the shift's first start.
    shift_start = placed[0][0]
    begin = shift_start + (_minute_of_day(window_start) - shift_start) % MINUTES_PER_DAY
    finish = begin + (_minute_of_day(window_end) - _minute_of_day(window_start)) % MINUTES_PER_DAY
    if finish == begin or finish > placed[-1][1]:
        raise BreakWindowOutsideShift(
            break_start=format_time(window_start),
            break_end=format_time(window_end),
            start_time=format_time(intervals[0][0]),
            end_time=format_time(intervals[-1][1]),
        )
