"""Shift instances: one scheduled occurrence of a shift, placed in UTC for one local date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .clock import local_to_utc
from .intervals import Interval, overlap_seconds
from .types import ShiftRules


@dataclass(frozen=True, slots=True)
class ShiftInstance:
    """Shift rules placed on one local date: segments, break and punch window in UTC seconds."""

    local_date: date
    rules: ShiftRules
    tz: ZoneInfo
    segments: tuple[Interval, ...]
    start_at: datetime
    end_at: datetime
    break_interval: Interval | None
    window_start: float
    window_end: float
    scheduled_minutes: int
    base_required_minutes: int

    @property
    def start(self) -> float:
        return self.segments[0][0]

    @property
    def end(self) -> float:
        return self.segments[-1][1]

    def distance(self, instant: float) -> float:
        """Return the seconds from ``instant`` to the scheduled interval (0 inside it)."""
        if instant < self.start:
            return self.start - instant
        if instant > self.end:
            return instant - self.end
        return 0.0


def _place_segments(rules: ShiftRules, local_date: date) -> list[tuple[datetime, datetime]]:
    """Place each segment on the wall clock, each one starting after the previous one ends."""
    placed: list[tuple[datetime, datetime]] = []
    cursor: datetime | None = None
    for segment in rules.segments:
        start = datetime.combine(local_date, segment.start)
        while cursor is not None and start < cursor:
            start += timedelta(days=1)
        end = datetime.combine(start.date(), segment.end)
        if end <= start:
            end += timedelta(days=1)
        placed.append((start, end))
        cursor = end
    return placed


def _place_break(rules: ShiftRules, first_start: datetime, tz: ZoneInfo) -> Interval | None:
    if rules.break_window is None:
        return None
    window_start, window_end = rules.break_window
    start = datetime.combine(first_start.date(), window_start)
    if start < first_start:
        start += timedelta(days=1)
    end = datetime.combine(start.date(), window_end)
    if end <= start:
        end += timedelta(days=1)
    return (local_to_utc(start, tz).timestamp(), local_to_utc(end, tz).timestamp())


def build_instance(rules: ShiftRules, local_date: date, tz: ZoneInfo) -> ShiftInstance:
    """Place ``rules`` on ``local_date`` in ``tz``; durations are real elapsed time across DST."""
    wall_segments = _place_segments(rules, local_date)
    segments = tuple(
        (local_to_utc(start, tz).timestamp(), local_to_utc(end, tz).timestamp())
        for start, end in wall_segments
    )
    # A segment inside a spring-forward gap can collapse; keep it ordered and non-negative.
    segments = tuple((start, max(start, end)) for start, end in segments)
    break_interval = _place_break(rules, wall_segments[0][0], tz)

    scheduled_seconds = sum(end - start for start, end in segments)
    scheduled_minutes = int(scheduled_seconds // 60)
    if rules.required_minutes is not None:
        base_required = rules.required_minutes
    elif break_interval is not None:
        break_seconds = sum(overlap_seconds(segment, break_interval) for segment in segments)
        base_required = int((scheduled_seconds - break_seconds) // 60)
    else:
        base_required = max(0, scheduled_minutes - rules.break_minutes)

    start = segments[0][0]
    end = segments[-1][1]
    return ShiftInstance(
        local_date=local_date,
        rules=rules,
        tz=tz,
        segments=segments,
        start_at=local_to_utc(wall_segments[0][0], tz),
        end_at=local_to_utc(wall_segments[-1][1], tz),
        break_interval=break_interval,
        window_start=start - rules.window_before_minutes * 60,
        window_end=end + rules.window_after_minutes * 60,
        scheduled_minutes=scheduled_minutes,
        base_required_minutes=base_required,
    )


def build_instances(
    rules_for: Callable[[date], ShiftRules | None],
    first_date: date,
    last_date: date,
    tz: ZoneInfo,
) -> list[ShiftInstance]:
    """Build the instances of every scheduled local date from ``first_date`` to ``last_date``."""
    instances: list[ShiftInstance] = []
    current = first_date
    while current <= last_date:
        rules = rules_for(current)
        if rules is not None:
            instances.append(build_instance(rules, current, tz))
        current += timedelta(days=1)
    return instances
