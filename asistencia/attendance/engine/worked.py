"""Worked time of one instance: credited minutes, overtime and unpaid break."""

from __future__ import annotations

from dataclasses import dataclass

from . import messages as msg
from .clock import local_hhmm
from .instances import ShiftInstance
from .intervals import Interval, clip, length, total_overlap
from .types import Step

_NEVER = float("inf")


@dataclass(frozen=True, slots=True)
class WorkedTime:
    """Seconds of one instance: recorded between punches, credited as worked, and overtime."""

    recorded: float
    credited: float
    overtime: float

    @property
    def worked_minutes(self) -> int:
        return int(self.credited // 60)

    @property
    def overtime_minutes(self) -> int:
        return int(self.overtime // 60)


def _break_deduction(instance: ShiftInstance, pairs: list[Interval], available: float) -> float:
    """Return the unpaid break seconds to deduct, never more than ``available``."""
    rules = instance.rules
    if instance.break_interval is not None:
        return min(available, total_overlap(pairs, [instance.break_interval]))
    return min(available, rules.break_minutes * 60.0)


def _append_break_step(instance: ShiftInstance, deducted: float, steps: list[Step]) -> None:
    if deducted < 60:
        return
    if instance.break_interval is not None:
        start, end = instance.break_interval
        steps.append(
            Step(
                msg.BREAK_WINDOW,
                {
                    "minutes": int(deducted // 60),
                    "start": local_hhmm(start, instance.tz),
                    "end": local_hhmm(end, instance.tz),
                },
            )
        )
    elif instance.rules.break_minutes:
        steps.append(Step(msg.BREAK_FIXED, {"minutes": int(deducted // 60)}))


def compute_holiday_worked(
    instance: ShiftInstance, pairs: list[Interval], steps: list[Step]
) -> WorkedTime:
    """Credit every recorded second of a holiday, less the unpaid break, as overtime."""
    recorded = length(pairs)
    if pairs:
        steps.append(Step(msg.PAIRS_WORKED, {"minutes": int(recorded // 60), "pairs": len(pairs)}))
    deducted = _break_deduction(instance, pairs, recorded)
    _append_break_step(instance, deducted, steps)
    credited = recorded - deducted
    steps.append(Step(msg.HOLIDAY_WORKED, {"minutes": int(credited // 60)}))
    return WorkedTime(recorded, credited, credited)


def compute_worked(
    instance: ShiftInstance, pairs: list[Interval], last_out: float | None, steps: list[Step]
) -> WorkedTime:
    """Credit time inside the segments plus overtime allowed by the rules, less the break.

    Time before the start counts (as overtime) only when the shift allows it. Time after
    the end counts (all of it, as overtime) only when the last check-out is at least
    ``overtime_after_minutes`` past the end. Time between split segments never counts.
    """
    rules = instance.rules
    start = instance.start
    end = instance.end
    recorded = length(pairs)
    if pairs:
        steps.append(Step(msg.PAIRS_WORKED, {"minutes": int(recorded // 60), "pairs": len(pairs)}))

    inside = total_overlap(pairs, instance.segments)
    before = length(clip(pairs, -_NEVER, start))
    after = length(clip(pairs, end, _NEVER))
    gap = recorded - inside - before - after

    overtime = 0.0
    if before >= 60:
        if rules.overtime_before_allowed:
            overtime += before
            steps.append(Step(msg.BEFORE_START_COUNTED, {"minutes": int(before // 60)}))
        else:
            steps.append(Step(msg.BEFORE_START_NOT_COUNTED, {"minutes": int(before // 60)}))
    elif rules.overtime_before_allowed:
        overtime += before

    if last_out is not None and last_out > end and after > 0:
        past_end = int((last_out - end) // 60)
        threshold = rules.overtime_after_minutes
        if past_end >= threshold:
            overtime += after
            if after >= 60:
                steps.append(
                    Step(
                        msg.AFTER_END_COUNTED,
                        {"minutes": past_end, "threshold": threshold, "overtime": int(after // 60)},
                    )
                )
        elif past_end > 0:
            steps.append(
                Step(msg.AFTER_END_NOT_COUNTED, {"minutes": past_end, "threshold": threshold})
            )

    if gap >= 60:
        steps.append(Step(msg.GAP_NOT_COUNTED, {"minutes": int(gap // 60)}))

    counted = inside + overtime
    deducted = _break_deduction(instance, pairs, counted)
    _append_break_step(instance, deducted, steps)
    return WorkedTime(recorded, max(0.0, counted - deducted), overtime)
