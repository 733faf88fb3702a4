"""How approved leave and justifications cover the scheduled time of a shift instance."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .instances import ShiftInstance
from .intervals import Interval, length, merge, total_overlap
from .types import Leave

# Rounding slack for "covers the whole shift", in seconds.
_FULL_COVER_SLACK = 1.0


@dataclass(frozen=True, slots=True)
class LeaveCoverage:
    """Leave that overlaps one instance's scheduled segments."""

    leaves: tuple[Leave, ...]
    justification_intervals: tuple[Interval, ...]
    leave_intervals: tuple[Interval, ...]
    covered_seconds: float
    full: bool
    full_by_leave: bool

    @property
    def any_intervals(self) -> tuple[Interval, ...]:
        return tuple(merge(self.justification_intervals + self.leave_intervals))

    def covered_within(self, interval: Interval) -> float:
        """Return the seconds of ``interval`` covered by any leave or justification."""
        return total_overlap([interval], self.any_intervals)

    def justification_within(self, interval: Interval) -> float:
        """Return the seconds of ``interval`` covered by justifications alone."""
        return total_overlap([interval], self.justification_intervals)


NO_COVERAGE = LeaveCoverage((), (), (), 0.0, False, False)


def leave_coverage(instance: ShiftInstance, leaves: Iterable[Leave]) -> LeaveCoverage:
    """Return which leave overlaps the instance and whether it covers every scheduled segment."""
    start = instance.start
    end = instance.end
    relevant = [
        leave for leave in leaves if leave.start.timestamp() < end and leave.end.timestamp() > start
    ]
    if not relevant:
        return NO_COVERAGE
    relevant.sort(key=lambda leave: (leave.start, leave.id))

    justification = merge(
        (leave.start.timestamp(), leave.end.timestamp())
        for leave in relevant
        if leave.justification
    )
    other = merge(
        (leave.start.timestamp(), leave.end.timestamp())
        for leave in relevant
        if not leave.justification
    )
    scheduled = length(instance.segments)
    covered = total_overlap(instance.segments, merge(justification + other))
    covered_by_leave = total_overlap(instance.segments, other)
    return LeaveCoverage(
        leaves=tuple(relevant),
        justification_intervals=tuple(justification),
        leave_intervals=tuple(other),
        covered_seconds=covered,
        full=covered >= scheduled - _FULL_COVER_SLACK,
        full_by_leave=covered_by_leave >= scheduled - _FULL_COVER_SLACK,
    )
