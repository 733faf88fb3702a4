"""Input and output records of the attendance engine: shift rules, punches, leave and days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, Literal

Direction = Literal["in", "out"]
DIRECTIONS: frozenset[str] = frozenset({"in", "out"})


class Status(StrEnum):
    """Attendance status of one shift instance."""

    PRESENT = "present"
    LATE = "late"
    EARLY_LEAVE = "early_leave"
    HALF_DAY = "half_day"
    ABSENT = "absent"
    INCOMPLETE = "incomplete"
    HOLIDAY = "holiday"
    ON_LEAVE = "on_leave"
    JUSTIFIED = "justified"
    PENDING = "pending"
    IN_PROGRESS = "in_progress"


class LeaveKind(StrEnum):
    """Kind of approved leave or justification."""

    MEDICAL = "medical"
    PERSONAL = "personal"
    FAMILY = "family"
    ACADEMIC = "academic"
    AUTHORISED_PERMISSION = "authorised_permission"
    VACATION = "vacation"
    LICENCE = "licence"
    OTHER = "other"


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value.isoformat()}")


@dataclass(frozen=True, slots=True)
class ShiftSegment:
    """Local wall-clock working interval; an end at or before the start is on the next day."""

    start: time
    end: time

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True, slots=True)
class ShiftRules:
    """Rules of one shift as they apply to one employee on one local date."""

    shift_id: int
    name: str
    segments: tuple[ShiftSegment, ...]
    weekdays: frozenset[int] = frozenset(range(7))
    grace_in_minutes: int = 0
    grace_out_minutes: int = 0
    break_minutes: int = 0
    break_window: tuple[time, time] | None = None
    window_before_minutes: int = 120
    window_after_minutes: int = 240
    min_full_minutes: int | None = None
    min_half_minutes: int | None = None
    overtime_after_minutes: int = 0
    overtime_before_allowed: bool = False
    required_minutes: int | None = None
    tolerance_minutes: int = 0

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError(f"shift {self.shift_id} ({self.name!r}) has no segments")
        if self.break_minutes and self.break_window is not None:
            raise ValueError(
                f"shift {self.shift_id} ({self.name!r}) sets both break_minutes and break_window;"
                " set only one of them"
            )
        invalid_days = [day for day in self.weekdays if not 0 <= day <= 6]
        if invalid_days:
            raise ValueError(
                f"weekdays must be 0 (Monday) to 6 (Sunday), got {sorted(invalid_days)}"
            )
        for name in (
            "grace_in_minutes",
            "grace_out_minutes",
            "break_minutes",
            "window_before_minutes",
            "window_after_minutes",
            "overtime_after_minutes",
            "tolerance_minutes",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be zero or positive, got {getattr(self, name)}")
        for name in ("min_full_minutes", "min_half_minutes", "required_minutes"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must be zero, positive or None, got {value}")


@dataclass(frozen=True, slots=True)
class Punch:
    """One check-in or check-out event; direction None means the engine infers it."""

    id: int
    at: datetime
    direction: Direction | None = None
    voided: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.at, f"punch {self.id} time")
        if self.direction is not None and self.direction not in DIRECTIONS:
            raise ValueError(
                f"punch {self.id} direction must be 'in', 'out' or None, got {self.direction!r}"
            )


@dataclass(frozen=True, slots=True)
class Leave:
    """Approved leave or justification over [start, end).

    A justification (``justification=True``) turns an absence, late arrival or early exit
    into ``justified``; other leave, such as vacation or a licence, makes the day ``on_leave``.
    """

    id: int
    kind: LeaveKind
    start: datetime
    end: datetime
    justification: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.start, f"leave {self.id} start")
        _require_aware(self.end, f"leave {self.id} end")
        if self.end <= self.start:
            raise ValueError(
                f"leave {self.id} ends at {self.end.isoformat()}, not after its start"
                f" {self.start.isoformat()}"
            )
        LeaveKind(self.kind)


@dataclass(frozen=True, slots=True)
class Step:
    """One rule applied to a day: an English message id with ``str.format`` parameters."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        """Format the English message id with its parameters."""
        return self.msgid.format(**self.params)


@dataclass(frozen=True, slots=True)
class AttendanceDay:
    """Attendance result of one shift instance, with the steps that produced it.

    Datetimes are aware UTC. Minutes are whole real elapsed minutes (seconds are dropped).
    """

    local_date: date
    shift_id: int
    shift_name: str
    status: Status
    final: bool
    scheduled_start: datetime
    scheduled_end: datetime
    first_in: datetime | None
    last_out: datetime | None
    worked_minutes: int
    late_minutes: int
    early_exit_minutes: int
    overtime_minutes: int
    required_minutes: int
    balance_minutes: int
    deficit: bool
    excess: bool
    holiday: bool
    leave_minutes: int
    leave_ids: tuple[int, ...]
    punch_ids: tuple[int, ...]
    duplicate_punch_ids: tuple[int, ...]
    explanation: tuple[Step, ...]
