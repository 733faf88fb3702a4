"""Attendance result of one shift instance from its punches, holiday flag and leave.

Status precedence, first match wins:

1. no punches: holiday, then leave covering the whole shift (``on_leave``, or
   ``justified`` when justifications are needed to cover it), then ``pending`` while the
   window is open, else ``absent``;
2. a check-in without check-out: ``in_progress`` while the window is open, else
   ``incomplete``; check-outs without any check-in: ``incomplete``;
3. leave covering the whole shift: ``on_leave`` or ``justified`` (worked time is reported);
4. holiday: ``present``, with all worked time as overtime;
5. when ``min_half_minutes`` is set: ``absent`` below it, ``half_day`` below the full-day
   minimum;
6. ``late``, then ``early_leave`` (both minute counts are always reported);
7. ``justified`` or ``on_leave`` when leave excused a late arrival or early exit;
8. ``present``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from . import messages as msg
from .attribution import Duplicate
from .clock import hhmm, local_hhmm, wall_hhmm
from .instances import ShiftInstance
from .leave import NO_COVERAGE, LeaveCoverage, leave_coverage
from .pairing import Pairing, pair_punches
from .punctuality import NONE, Deviation, compute_early_exit, compute_late
from .types import AttendanceDay, Leave, Punch, Status, Step
from .worked import WorkedTime, compute_holiday_worked, compute_worked

_NOTHING_WORKED = WorkedTime(0.0, 0.0, 0.0)


def _schedule_step(instance: ShiftInstance, required: int) -> Step:
    rules = instance.rules
    if len(rules.segments) == 1:
        segment = rules.segments[0]
        return Step(
            msg.SHIFT_SCHEDULED,
            {
                "shift": rules.name,
                "start": wall_hhmm(segment.start),
                "end": wall_hhmm(segment.end),
                "minutes": required,
            },
        )
    segments = ", ".join(
        f"{wall_hhmm(segment.start)}-{wall_hhmm(segment.end)}" for segment in rules.segments
    )
    return Step(
        msg.SPLIT_SHIFT_SCHEDULED,
        {"shift": rules.name, "segments": segments, "minutes": required},
    )


def _leave_steps(instance: ShiftInstance, coverage: LeaveCoverage, steps: list[Step]) -> None:
    tz = instance.tz
    for leave in coverage.leaves:
        interval = (
            max(leave.start.timestamp(), instance.start),
            min(leave.end.timestamp(), instance.end),
        )
        if coverage.full and interval[0] <= instance.start and interval[1] >= instance.end:
            msgid = msg.JUSTIFICATION_FULL if leave.justification else msg.LEAVE_FULL
            steps.append(Step(msgid, {"kind": str(leave.kind)}))
            continue
        minutes = int(
            sum(
                max(0.0, min(interval[1], end) - max(interval[0], start))
                for start, end in instance.segments
            )
            // 60
        )
        msgid = msg.JUSTIFICATION_PART if leave.justification else msg.LEAVE_PART
        steps.append(
            Step(
                msgid,
                {
                    "kind": str(leave.kind),
                    "minutes": minutes,
                    "start": local_hhmm(interval[0], tz),
                    "end": local_hhmm(interval[1], tz),
                },
            )
        )


def _duplicate_steps(
    instance: ShiftInstance, duplicates: Sequence[Duplicate], steps: list[Step]
) -> None:
    for duplicate in duplicates:
        seconds = int((duplicate.punch.at - duplicate.kept.at).total_seconds())
        steps.append(
            Step(
                msg.DUPLICATE_IGNORED,
                {
                    "time": hhmm(duplicate.punch.at, instance.tz),
                    "seconds": seconds,
                    "kept": hhmm(duplicate.kept.at, instance.tz),
                },
            )
        )


def _pairing_steps(instance: ShiftInstance, pairing: Pairing, steps: list[Step]) -> None:
    tz = instance.tz
    if pairing.inferred:
        steps.append(Step(msg.DIRECTIONS_INFERRED, {}))
    for extra, open_in in pairing.extra_ins:
        steps.append(
            Step(
                msg.EXTRA_CHECK_IN_IGNORED,
                {"time": hhmm(extra.at, tz), "open_time": hhmm(open_in.at, tz)},
            )
        )
    if pairing.pairs or pairing.open_in is not None:
        for orphan in pairing.orphan_outs:
            steps.append(Step(msg.ORPHAN_CHECK_OUT_IGNORED, {"time": hhmm(orphan.at, tz)}))


def _no_punch_status(
    instance: ShiftInstance, holiday: bool, coverage: LeaveCoverage, final: bool, steps: list[Step]
) -> Status:
    if holiday:
        steps.append(Step(msg.HOLIDAY_NO_PUNCHES, {}))
        return Status.HOLIDAY
    if coverage.full:
        return Status.ON_LEAVE if coverage.full_by_leave else Status.JUSTIFIED
    if not final:
        steps.append(
            Step(msg.NO_PUNCHES_PENDING, {"time": local_hhmm(instance.window_end, instance.tz)})
        )
        return Status.PENDING
    steps.append(
        Step(
            msg.NO_PUNCHES_ABSENT,
            {
                "start": local_hhmm(instance.window_start, instance.tz),
                "end": local_hhmm(instance.window_end, instance.tz),
            },
        )
    )
    return Status.ABSENT


def _quantity_status(
    instance: ShiftInstance, worked_minutes: int, required: int, steps: list[Step]
) -> Status | None:
    """Return ``absent`` or ``half_day`` from the worked minutes when the shift sets a half day.

    A shortfall within ``tolerance_minutes`` of the full-day minimum still counts as full.
    """
    rules = instance.rules
    if rules.min_half_minutes is None:
        return None
    full = required if rules.min_full_minutes is None else min(rules.min_full_minutes, required)
    half = min(rules.min_half_minutes, full)
    if worked_minutes + rules.tolerance_minutes >= full:
        return None
    if worked_minutes < half:
        steps.append(Step(msg.BELOW_HALF_DAY, {"worked": worked_minutes, "minimum": half}))
        return Status.ABSENT
    steps.append(Step(msg.HALF_DAY, {"worked": worked_minutes, "half": half, "full": full}))
    return Status.HALF_DAY


def _punctuality_status(late: Deviation, early: Deviation, steps: list[Step]) -> Status:
    if late.minutes and early.minutes:
        steps.append(Step(msg.LATE_AND_EARLY, {}))
        return Status.LATE
    if late.minutes:
        return Status.LATE
    if early.minutes:
        return Status.EARLY_LEAVE
    if late.excused_by_justification or early.excused_by_justification:
        return Status.JUSTIFIED
    if late.excused_by_leave or early.excused_by_leave:
        return Status.ON_LEAVE
    return Status.PRESENT


def compute_instance(
    instance: ShiftInstance,
    punches: Sequence[Punch],
    *,
    now: datetime,
    holiday: bool = False,
    leaves: Iterable[Leave] = (),
    duplicates: Sequence[Duplicate] = (),
) -> AttendanceDay:
    """Compute the attendance day of ``instance`` from its punches in time order.

    ``punches`` are the instance's attributed punches without voided or repeated ones;
    ``duplicates`` are the repeats dropped in their favour, reported in the explanation.
    """
    tz = instance.tz
    final = now.timestamp() >= instance.window_end
    coverage = leave_coverage(instance, leaves) if leaves else NO_COVERAGE
    leave_minutes = int(coverage.covered_seconds // 60)

    if holiday or coverage.full:
        required = 0
    else:
        # NOTE: leave that overlaps an unpaid break also takes the break minutes off the
        # requirement, so part-day leave over a break lowers required_minutes slightly too much.
        required = max(0, instance.base_required_minutes - leave_minutes)

    steps: list[Step] = [_schedule_step(instance, instance.base_required_minutes)]
    _leave_steps(instance, coverage, steps)
    _duplicate_steps(instance, duplicates, steps)

    worked = _NOTHING_WORKED
    late = early = NONE
    first_in = last_out = None
    pairing = pair_punches(punches)
    _pairing_steps(instance, pairing, steps)

    if not punches:
        status = _no_punch_status(instance, holiday, coverage, final, steps)
    else:
        first_in_punch = pairing.first_in
        first_in = first_in_punch.at if first_in_punch else None
        last_out = pairing.last_out.at if pairing.last_out else None
        intervals = [(begin.at.timestamp(), end.at.timestamp()) for begin, end in pairing.pairs]

        if holiday:
            worked = compute_holiday_worked(instance, intervals, steps)
        else:
            if first_in is not None:
                late = compute_late(instance, first_in.timestamp(), coverage, steps)
            last_out_ts = last_out.timestamp() if last_out is not None else None
            if last_out_ts is not None and pairing.open_in is None:
                early = compute_early_exit(instance, last_out_ts, coverage, steps)
            worked = compute_worked(instance, intervals, last_out_ts, steps)

        if pairing.open_in is not None:
            params = {
                "time": hhmm(pairing.open_in.at, tz),
                "closed": local_hhmm(instance.window_end, tz),
            }
            if final:
                steps.append(Step(msg.CHECK_OUT_MISSING, params))
                status = Status.INCOMPLETE
            else:
                steps.append(Step(msg.CHECK_OUT_PENDING, params))
                status = Status.IN_PROGRESS
        elif not pairing.pairs:
            steps.append(Step(msg.CHECK_IN_MISSING, {"time": hhmm(pairing.orphan_outs[0].at, tz)}))
            status = Status.INCOMPLETE
        elif coverage.full:
            status = Status.ON_LEAVE if coverage.full_by_leave else Status.JUSTIFIED
        elif holiday:
            status = Status.PRESENT
        else:
            status = _quantity_status(instance, worked.worked_minutes, required, steps) or (
                _punctuality_status(late, early, steps)
            )

    worked_minutes = worked.worked_minutes
    balance = worked_minutes - required
    tolerance = instance.rules.tolerance_minutes
    settled = status not in (Status.PENDING, Status.IN_PROGRESS)
    deficit = settled and balance < -tolerance
    excess = settled and balance > tolerance
    if status is not Status.PENDING:
        steps.append(
            Step(
                msg.WORKED_BALANCE,
                {"worked": worked_minutes, "required": required, "balance": balance},
            )
        )
    if deficit:
        steps.append(Step(msg.BALANCE_DEFICIT, {"tolerance": tolerance}))
    if excess:
        steps.append(Step(msg.BALANCE_EXCESS, {"tolerance": tolerance}))
    if not final and status not in (Status.PENDING, Status.IN_PROGRESS):
        steps.append(Step(msg.PROVISIONAL, {"time": local_hhmm(instance.window_end, tz)}))
    steps.append(Step(msg.STATUS_RESULT, {"status": str(status)}))

    return AttendanceDay(
        local_date=instance.local_date,
        shift_id=instance.rules.shift_id,
        shift_name=instance.rules.name,
        status=status,
        final=final,
        scheduled_start=instance.start_at,
        scheduled_end=instance.end_at,
        first_in=first_in,
        last_out=last_out,
        worked_minutes=worked_minutes,
        late_minutes=late.minutes,
        early_exit_minutes=early.minutes,
        overtime_minutes=worked.overtime_minutes,
        required_minutes=required,
        balance_minutes=balance,
        deficit=deficit,
        excess=excess,
        holiday=holiday,
        leave_minutes=leave_minutes,
        leave_ids=tuple(leave.id for leave in coverage.leaves),
        punch_ids=tuple(punch.id for punch in punches),
        duplicate_punch_ids=tuple(duplicate.punch.id for duplicate in duplicates),
        explanation=tuple(steps),
    )
