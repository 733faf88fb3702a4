"""Schedules: which shift rules apply to an employee on a local date."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable

from .types import ShiftRules


@runtime_checkable
class Schedule(Protocol):
    """Source of the shift rules for each local date; None means a day off."""

    def rules_for(self, local_date: date) -> ShiftRules | None: ...


ScheduleLike = Schedule | Callable[[date], ShiftRules | None]


def resolve_schedule(schedule: ScheduleLike) -> Callable[[date], ShiftRules | None]:
    """Return a function from a local date to its shift rules, from a schedule or a callable."""
    if isinstance(schedule, Schedule):
        return schedule.rules_for
    if callable(schedule):
        return schedule
    raise TypeError(
        "schedule must be a callable or have a rules_for(date) method,"
        f" got {type(schedule).__name__}"
    )


@dataclass(frozen=True, slots=True)
class FixedSchedule:
    """One shift on every weekday listed in its rules."""

    rules: ShiftRules

    def rules_for(self, local_date: date) -> ShiftRules | None:
        return self.rules if local_date.weekday() in self.rules.weekdays else None


@dataclass(frozen=True, slots=True)
class Assignment:
    """Shift assigned from ``start_date`` to ``end_date`` inclusive (None = open-ended)."""

    rules: ShiftRules
    start_date: date
    end_date: date | None = None

    def covers(self, local_date: date) -> bool:
        if local_date < self.start_date:
            return False
        return self.end_date is None or local_date <= self.end_date


@dataclass(frozen=True, slots=True)
class RosterSchedule:
    """Date-ranged assignments plus per-date overrides; an override of None is a day off.

    When several assignments cover a date, the last one listed whose rules include that
    weekday wins, so a later assignment can replace part of an earlier roster.
    """

    assignments: tuple[Assignment, ...] = ()
    overrides: Mapping[date, ShiftRules | None] = field(default_factory=dict)

    def rules_for(self, local_date: date) -> ShiftRules | None:
        if local_date in self.overrides:
            return self.overrides[local_date]
        weekday = local_date.weekday()
        for assignment in reversed(self.assignments):
            if assignment.covers(local_date) and weekday in assignment.rules.weekdays:
                return assignment.rules
        return None
