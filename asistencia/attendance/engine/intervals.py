"""Arithmetic on half-open [start, end) intervals of POSIX seconds."""

from __future__ import annotations

from collections.abc import Iterable

Interval = tuple[float, float]


def overlap_seconds(first: Interval, second: Interval) -> float:
    """Return the length of the intersection of two intervals, 0 when they are disjoint."""
    start = first[0] if first[0] > second[0] else second[0]
    end = first[1] if first[1] < second[1] else second[1]
    return end - start if end > start else 0.0


def total_overlap(intervals: Iterable[Interval], other: Iterable[Interval]) -> float:
    """Return the summed intersection of two lists of intervals, each internally disjoint."""
    others = list(other)
    return sum(overlap_seconds(interval, item) for interval in intervals for item in others)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Return the union of intervals as a sorted list of disjoint intervals."""
    merged: list[list[float]] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def clip(intervals: Iterable[Interval], lower: float, upper: float) -> list[Interval]:
    """Return the parts of ``intervals`` inside [lower, upper)."""
    clipped: list[Interval] = []
    for start, end in intervals:
        start = max(start, lower)
        end = min(end, upper)
        if end > start:
            clipped.append((start, end))
    return clipped


def length(intervals: Iterable[Interval]) -> float:
    """Return the summed length of intervals."""
    return sum(end - start for start, end in intervals)
