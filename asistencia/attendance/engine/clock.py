"""Conversions between local wall-clock times of a site and UTC instants.

Rule for wall-clock times that a DST change makes invalid (PEP 495 ``fold=0``):

* an ambiguous time (the repeated hour when clocks go back) is the first, earlier instant;
* a non-existent time (the hour skipped when clocks go forward) is read with the offset in
  force before the change, so it lands as far after the change as it was after the last
  valid time: 02:30 on Madrid's spring-forward night becomes 03:30 CEST.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    """Return the IANA time zone ``name``; raises ValueError for an unknown name."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError) as error:
        raise ValueError(f"unknown IANA time zone {name!r}: {error}") from error


def resolve_zone(time_zone: str | ZoneInfo) -> ZoneInfo:
    """Return a ZoneInfo for an IANA name or pass a ZoneInfo through."""
    if isinstance(time_zone, ZoneInfo):
        return time_zone
    return zone(time_zone)


@lru_cache(maxsize=65536)
def local_to_utc(wall_clock: datetime, tz: ZoneInfo) -> datetime:
    """Convert a naive local wall-clock datetime to aware UTC with the ``fold=0`` rule."""
    return wall_clock.replace(tzinfo=tz, fold=0).astimezone(UTC)


def combine_local(local_date: date, wall_time: time, tz: ZoneInfo, days: int = 0) -> datetime:
    """Return the UTC instant of ``wall_time`` on ``local_date`` plus ``days`` in ``tz``."""
    return local_to_utc(datetime.combine(local_date + timedelta(days=days), wall_time), tz)


def hhmm(instant: datetime, tz: ZoneInfo) -> str:
    """Format an aware instant as local ``HH:MM`` in ``tz``."""
    local = instant.astimezone(tz)
    return f"{local.hour:02d}:{local.minute:02d}"


def wall_hhmm(wall_time: time) -> str:
    """Format a wall-clock time as ``HH:MM``."""
    return f"{wall_time.hour:02d}:{wall_time.minute:02d}"


def local_hhmm(timestamp: float, tz: ZoneInfo) -> str:
    """Format POSIX seconds as local ``HH:MM`` in ``tz``."""
    local = datetime.fromtimestamp(timestamp, tz)
    return f"{local.hour:02d}:{local.minute:02d}"
