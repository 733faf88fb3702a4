"""Late arrival and early exit of one instance, after grace periods and covering leave."""

from __future__ import annotations

from dataclasses import dataclass

from . import messages as msg
from .clock import local_hhmm
from .instances import ShiftInstance
from .leave import LeaveCoverage
from .types import Step


@dataclass(frozen=True, slots=True)
class Deviation:
    """Late or early-exit minutes left after grace and leave, and who excused the rest."""

    minutes: int
    excused_by_justification: bool = False
    excused_by_leave: bool = False


NONE = Deviation(0)


def _excused(
    coverage: LeaveCoverage, interval: tuple[float, float], raw_minutes: int
) -> tuple[int, int, bool]:
    """Return (covered minutes, remaining minutes, whether a justification did the covering)."""
    covered_seconds = coverage.covered_within(interval)
    if covered_seconds <= 0:
        return 0, raw_minutes, False
    remaining = int(((interval[1] - interval[0]) - covered_seconds) // 60)
    by_justification = coverage.justification_within(interval) > 0
    return raw_minutes - remaining, remaining, by_justification


def compute_late(
    instance: ShiftInstance,
    first_in: float,
    coverage: LeaveCoverage,
    steps: list[Step],
) -> Deviation:
    """Return the late minutes; beyond grace they count from the scheduled start."""
    tz = instance.tz
    start = instance.start
    grace = instance.rules.grace_in_minutes
    params = {"time": local_hhmm(first_in, tz), "start": local_hhmm(start, tz)}
    if first_in <= start:
        early = int((start - first_in) // 60)
        if early > 0:
            steps.append(Step(msg.CHECKED_IN_EARLY, {**params, "minutes": early}))
        else:
            steps.append(Step(msg.CHECKED_IN_ON_TIME, params))
        return NONE

    raw = int((first_in - start) // 60)
    if raw == 0:
        steps.append(Step(msg.CHECKED_IN_ON_TIME, params))
        return NONE
    if raw <= grace:
        steps.append(Step(msg.CHECKED_IN_WITHIN_GRACE, {**params, "minutes": raw, "grace": grace}))
        return NONE

    steps.append(Step(msg.CHECKED_IN_LATE, {**params, "minutes": raw, "grace": grace}))
    covered, remaining, by_justification = _excused(coverage, (start, first_in), raw)
    if covered <= 0:
        return Deviation(raw)
    steps.append(Step(msg.LATE_EXCUSED, {"covered": covered, "remaining": remaining}))
    if remaining <= grace:
        return Deviation(0, by_justification, not by_justification)
    return Deviation(remaining)


def compute_early_exit(
    instance: ShiftInstance,
    last_out: float,
    coverage: LeaveCoverage,
    steps: list[Step],
) -> Deviation:
    """Return the early-exit minutes; beyond grace they count up to the scheduled end."""
    tz = instance.tz
    end = instance.end
    grace = instance.rules.grace_out_minutes
    params = {"time": local_hhmm(last_out, tz), "end": local_hhmm(end, tz)}
    if last_out >= end:
        after = int((last_out - end) // 60)
        if after > 0:
            steps.append(Step(msg.CHECKED_OUT_AFTER_END, {**params, "minutes": after}))
        else:
            steps.append(Step(msg.CHECKED_OUT_ON_TIME, params))
        return NONE

    raw = int((end - last_out) // 60)
    if raw == 0:
        steps.append(Step(msg.CHECKED_OUT_ON_TIME, params))
        return NONE
    if raw <= grace:
        steps.append(Step(msg.CHECKED_OUT_WITHIN_GRACE, {**params, "minutes": raw, "grace": grace}))
        return NONE

    steps.append(Step(msg.CHECKED_OUT_EARLY, {**params, "minutes": raw, "grace": grace}))
    covered, remaining, by_justification = _excused(coverage, (last_out, end), raw)
    if covered <= 0:
        return Deviation(raw)
    steps.append(Step(msg.EARLY_EXIT_EXCUSED, {"covered": covered, "remaining": remaining}))
    if remaining <= grace:
        return Deviation(0, by_justification, not by_justification)
    return Deviation(remaining)
