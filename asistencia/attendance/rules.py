"""Engine shift rules from stored shifts and assignments, and their JSON snapshot."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any, Protocol

from asistencia.attendance.engine import ShiftRules, ShiftSegment

SNAPSHOT_VERSION = 1


class ShiftFields(Protocol):
    """The rule columns of ``Shift``; a transient copy with proposed values also fits."""

    id: int
    name: str
    start_time: time
    end_time: time
    segments: list[list[str]] | None
    weekdays: str
    grace_in_minutes: int
    grace_out_minutes: int
    break_minutes: int
    break_start: time | None
    break_end: time | None
    window_before_minutes: int
    window_after_minutes: int
    min_full_minutes: int | None
    min_half_minutes: int | None
    overtime_after_minutes: int
    overtime_before_allowed: bool
    required_minutes: int | None
    tolerance_minutes: int


def parse_wall_time(value: str | time) -> time:
    """Parse ``HH:MM`` (or ``HH:MM:SS``) into a wall-clock time; a ``time`` passes through."""
    if isinstance(value, time):
        return value
    return time.fromisoformat(value)


def iso_weekdays_to_engine(digits: str) -> frozenset[int]:
    """Convert ISO weekday digits ("12345", 1=Monday) to the engine's 0=Monday numbers."""
    return frozenset(int(digit) - 1 for digit in digits)


def engine_weekday_to_iso(weekday: int) -> str:
    """Convert an engine weekday (0=Monday) to its ISO digit ("1"=Monday)."""
    return str(weekday + 1)


def _segments(shift: ShiftFields, override: Mapping[str, Any] | None) -> tuple[ShiftSegment, ...]:
    if shift.segments:
        pairs = [[parse_wall_time(start), parse_wall_time(end)] for start, end in shift.segments]
    else:
        pairs = [[shift.start_time, shift.end_time]]
    # An override moves the first start and the last end; the gaps of a split shift stay.
    if override and override.get("start"):
        pairs[0][0] = parse_wall_time(override["start"])
    if override and override.get("end"):
        pairs[-1][1] = parse_wall_time(override["end"])
    return tuple(ShiftSegment(start, end) for start, end in pairs)


def shift_rules(
    shift: ShiftFields,
    *,
    weekdays: str | None = None,
    override: Mapping[str, Any] | None = None,
) -> ShiftRules:
    """Build the engine rules of ``shift``.

    ``weekdays`` (ISO digits) replaces the shift's own days, as an assignment may.
    ``override`` is one weekday entry of ``ShiftAssignment.overrides``: ``start``, ``end``
    and ``required_minutes``. Raises ValueError for rules the engine rejects.
    """
    break_window = None
    break_minutes = shift.break_minutes or 0
    if shift.break_start is not None and shift.break_end is not None:
        # NOTE: shift validation rejects a shift with both kinds of break. A stored row
        # that still has both uses the window, which deducts only what was worked.
        break_window = (shift.break_start, shift.break_end)
        break_minutes = 0

    required = shift.required_minutes
    if override and override.get("required_minutes") is not None:
        required = int(override["required_minutes"])

    return ShiftRules(
        shift_id=shift.id,
        name=shift.name,
        segments=_segments(shift, override),
        weekdays=iso_weekdays_to_engine(weekdays or shift.weekdays),
        grace_in_minutes=shift.grace_in_minutes or 0,
        grace_out_minutes=shift.grace_out_minutes or 0,
        break_minutes=break_minutes,
        break_window=break_window,
        window_before_minutes=shift.window_before_minutes,
        window_after_minutes=shift.window_after_minutes,
        min_full_minutes=shift.min_full_minutes,
        min_half_minutes=shift.min_half_minutes,
        overtime_after_minutes=shift.overtime_after_minutes or 0,
        overtime_before_allowed=bool(shift.overtime_before_allowed),
        required_minutes=required,
        tolerance_minutes=shift.tolerance_minutes or 0,
    )


def _hhmm(value: time) -> str:
    return value.isoformat(timespec="minutes") if value.second == 0 else value.isoformat()


def rules_to_snapshot(rules: ShiftRules) -> dict[str, Any]:
    """Serialize engine rules to JSON-safe values; ``rules_from_snapshot`` reverses it."""
    return {
        "version": SNAPSHOT_VERSION,
        "shift_id": rules.shift_id,
        "name": rules.name,
        "segments": [[_hhmm(segment.start), _hhmm(segment.end)] for segment in rules.segments],
        "weekdays": sorted(rules.weekdays),
        "grace_in_minutes": rules.grace_in_minutes,
        "grace_out_minutes": rules.grace_out_minutes,
        "break_minutes": rules.break_minutes,
        "break_window": (
            [_hhmm(rules.break_window[0]), _hhmm(rules.break_window[1])]
            if rules.break_window is not None
            else None
        ),
        "window_before_minutes": rules.window_before_minutes,
        "window_after_minutes": rules.window_after_minutes,
        "min_full_minutes": rules.min_full_minutes,
        "min_half_minutes": rules.min_half_minutes,
        "overtime_after_minutes": rules.overtime_after_minutes,
        "overtime_before_allowed": rules.overtime_before_allowed,
        "required_minutes": rules.required_minutes,
        "tolerance_minutes": rules.tolerance_minutes,
    }


def rules_from_snapshot(snapshot: Mapping[str, Any]) -> ShiftRules:
    """Rebuild engine rules from a snapshot written by ``rules_to_snapshot``."""
    version = snapshot.get("version")
    if version != SNAPSHOT_VERSION:
        raise ValueError(
            f"unsupported rules snapshot version {version!r}; expected {SNAPSHOT_VERSION}"
        )
    window = snapshot.get("break_window")
    return ShiftRules(
        shift_id=int(snapshot["shift_id"]),
        name=str(snapshot["name"]),
        segments=tuple(
            ShiftSegment(parse_wall_time(start), parse_wall_time(end))
            for start, end in snapshot["segments"]
        ),
        weekdays=frozenset(int(day) for day in snapshot["weekdays"]),
        grace_in_minutes=int(snapshot["grace_in_minutes"]),
        grace_out_minutes=int(snapshot["grace_out_minutes"]),
        break_minutes=int(snapshot["break_minutes"]),
        break_window=((parse_wall_time(window[0]), parse_wall_time(window[1])) if window else None),
        window_before_minutes=int(snapshot["window_before_minutes"]),
        window_after_minutes=int(snapshot["window_after_minutes"]),
        min_full_minutes=snapshot.get("min_full_minutes"),
        min_half_minutes=snapshot.get("min_half_minutes"),
        overtime_after_minutes=int(snapshot["overtime_after_minutes"]),
        overtime_before_allowed=bool(snapshot["overtime_before_allowed"]),
        required_minutes=snapshot.get("required_minutes"),
        tolerance_minutes=int(snapshot["tolerance_minutes"]),
    )
