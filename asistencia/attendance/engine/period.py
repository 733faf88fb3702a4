"""Attendance days of one employee over a range of local dates."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .attribution import Duplicate, attribute_punches, collapse_duplicates
from .clock import resolve_zone
from .compute import compute_instance
from .instances import build_instances
from .schedule import ScheduleLike, resolve_schedule
from .types import AttendanceDay, Leave, Punch

DEFAULT_DUPLICATE_WINDOW_SECONDS = 60


@dataclass(frozen=True, slots=True)
class PeriodResult:
    """Days of a period and the punches that fell outside every shift window."""

    days: list[AttendanceDay]
    unattributed: list[Punch]


def compute_period(
    first_date: date,
    last_date: date,
    schedule: ScheduleLike,
    time_zone: str | ZoneInfo,
    punches: Iterable[Punch],
    *,
    now: datetime,
    holidays: Collection[date] = frozenset(),
    leaves: Iterable[Leave] = (),
    duplicate_window_seconds: int = DEFAULT_DUPLICATE_WINDOW_SECONDS,
) -> list[AttendanceDay]:
    """Compute one attendance day per shift instance from ``first_date`` to ``last_date``.

    See ``compute_period_result`` for the rules; this returns only the days, in date order.
    """
    return compute_period_result(
        first_date,
        last_date,
        schedule,
        time_zone,
        punches,
        now=now,
        holidays=holidays,
        leaves=leaves,
        duplicate_window_seconds=duplicate_window_seconds,
    ).days


def compute_period_result(
    first_date: date,
    last_date: date,
    schedule: ScheduleLike,
    time_zone: str | ZoneInfo,
    punches: Iterable[Punch],
    *,
    now: datetime,
    holidays: Collection[date] = frozenset(),
    leaves: Iterable[Leave] = (),
    duplicate_window_seconds: int = DEFAULT_DUPLICATE_WINDOW_SECONDS,
) -> PeriodResult:
    """Compute the days from ``first_date`` to ``last_date`` and the unattributed punches.

    Days are in date order. A night shift that starts on ``last_date`` is included with the
    punches of the next morning. The instances of the day before and the day after the
    range are built too, so that they compete for punches near the edges exactly as they
    would in a longer range, but they are not returned.
    """
    if last_date < first_date:
        raise ValueError(f"last_date {last_date} is before first_date {first_date}")
    if now.tzinfo is None:
        raise ValueError(f"now must be a timezone-aware datetime, got naive {now.isoformat()}")
    if duplicate_window_seconds < 0:
        raise ValueError(
            f"duplicate_window_seconds must be zero or positive, got {duplicate_window_seconds}"
        )

    tz = resolve_zone(time_zone)
    rules_for = resolve_schedule(schedule)
    instances = build_instances(
        rules_for, first_date - timedelta(days=1), last_date + timedelta(days=1), tz
    )
    kept, duplicates = collapse_duplicates(punches, duplicate_window_seconds)
    attribution = attribute_punches(instances, kept)

    duplicates_of: dict[int, list[Duplicate]] = {}
    for duplicate in duplicates:
        duplicates_of.setdefault(duplicate.kept.id, []).append(duplicate)

    holiday_dates = holidays if isinstance(holidays, (set, frozenset)) else frozenset(holidays)
    leave_list = list(leaves)
    days: list[AttendanceDay] = []
    for index, instance in enumerate(instances):
        if not first_date <= instance.local_date <= last_date:
            continue
        instance_punches = attribution.by_instance.get(index, [])
        instance_duplicates = [
            duplicate for punch in instance_punches for duplicate in duplicates_of.get(punch.id, ())
        ]
        days.append(
            compute_instance(
                instance,
                instance_punches,
                now=now,
                holiday=instance.local_date in holiday_dates,
                leaves=leave_list,
                duplicates=instance_duplicates,
            )
        )
    unattributed = [
        punch
        for punch in attribution.unattributed
        if first_date <= punch.at.astimezone(tz).date() <= last_date
    ]
    return PeriodResult(days, unattributed)
