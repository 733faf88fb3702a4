"""Pure attendance engine: shift rules, punches, holidays and leave in, explained days out.

It does no I/O and reads no clock: the caller passes ``now``. The same inputs always give
the same days, whatever the order of the punches.
"""

from .attribution import Attribution, Duplicate, attribute_punches, collapse_duplicates
from .clock import local_to_utc, resolve_zone
from .compute import compute_instance
from .instances import ShiftInstance, build_instance, build_instances
from .messages import LEAVE_KIND_LABELS, STATUS_LABELS, all_msgids
from .period import (
    DEFAULT_DUPLICATE_WINDOW_SECONDS,
    PeriodResult,
    compute_period,
    compute_period_result,
)
from .render import leave_kind_label, render_explanation, render_step, status_label
from .schedule import Assignment, FixedSchedule, RosterSchedule, Schedule, ScheduleLike
from .types import (
    AttendanceDay,
    Direction,
    Leave,
    LeaveKind,
    Punch,
    ShiftRules,
    ShiftSegment,
    Status,
    Step,
)

__all__ = [
    "DEFAULT_DUPLICATE_WINDOW_SECONDS",
    "LEAVE_KIND_LABELS",
    "STATUS_LABELS",
    "Assignment",
    "AttendanceDay",
    "Attribution",
    "Direction",
    "Duplicate",
    "FixedSchedule",
    "Leave",
    "LeaveKind",
    "PeriodResult",
    "Punch",
    "RosterSchedule",
    "Schedule",
    "ScheduleLike",
    "ShiftInstance",
    "ShiftRules",
    "ShiftSegment",
    "Status",
    "Step",
    "all_msgids",
    "attribute_punches",
    "build_instance",
    "build_instances",
    "collapse_duplicates",
    "compute_instance",
    "compute_period",
    "compute_period_result",
    "leave_kind_label",
    "local_to_utc",
    "render_explanation",
    "render_step",
    "resolve_zone",
    "status_label",
]
