"""Assignment of punches to shift instances, after voided and repeated punches are dropped."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .instances import ShiftInstance
from .types import Punch

_DIRECTION_ORDER = {"in": 0, None: 1, "out": 2}


def punch_order(punch: Punch) -> tuple[float, int, int]:
    """Sort key: time, then check-in before check-out at the same instant, then id."""
    return (punch.at.timestamp(), _DIRECTION_ORDER[punch.direction], punch.id)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A repeated punch dropped in favour of the earlier ``kept`` punch."""

    punch: Punch
    kept: Punch


def collapse_duplicates(
    punches: Iterable[Punch], window_seconds: int
) -> tuple[list[Punch], list[Duplicate]]:
    """Drop voided punches and collapse repeats; returns kept punches in time order.

    A punch repeats the last kept punch when it comes at most ``window_seconds`` after it
    and both have the same explicit direction, or either direction is unknown. A punch
    with the other explicit direction is always kept, even one second later.
    """
    ordered = sorted((punch for punch in punches if not punch.voided), key=punch_order)
    kept: list[Punch] = []
    duplicates: list[Duplicate] = []
    last: Punch | None = None
    last_ts = 0.0
    for punch in ordered:
        ts = punch.at.timestamp()
        if last is not None and ts - last_ts <= window_seconds:
            same_direction = (
                punch.direction is None
                or last.direction is None
                or punch.direction == last.direction
            )
            if same_direction:
                duplicates.append(Duplicate(punch, last))
                continue
        kept.append(punch)
        last = punch
        last_ts = ts
    return kept, duplicates


@dataclass(frozen=True, slots=True)
class Attribution:
    """Punches per instance index (time order) and the punches outside every window."""

    by_instance: dict[int, list[Punch]]
    unattributed: list[Punch]


def _pick_instance(
    candidates: Sequence[int],
    instances: Sequence[ShiftInstance],
    open_instances: set[int],
    punch: Punch,
    ts: float,
) -> int:
    if punch.direction != "in":
        # A check-out goes to an instance still waiting for one, so a 07:10 check-out closes
        # the night shift even when the day shift that follows is nearer.
        waiting = [index for index in candidates if index in open_instances]
        if waiting:
            return min(waiting, key=lambda index: (instances[index].distance(ts), -index))
    # On a tie a check-out closes the earlier instance and anything else opens the later one.
    prefer_later = -1 if punch.direction == "out" else 1
    return min(candidates, key=lambda index: (instances[index].distance(ts), -prefer_later * index))


def attribute_punches(instances: Sequence[ShiftInstance], punches: Sequence[Punch]) -> Attribution:
    """Assign each punch (time order, duplicates already dropped) to one instance's window.

    The window is [start - window_before, end + window_after], bounds included. When
    windows overlap the punch goes to the instance whose scheduled interval is nearest,
    except that a punch that is not an explicit check-in first closes an instance with an
    open check-in.
    """
    order = sorted(range(len(instances)), key=lambda index: instances[index].window_start)
    window_starts = [instances[index].window_start for index in order]
    max_span = max(
        (instance.window_end - instance.window_start for instance in instances), default=0.0
    )

    by_instance: dict[int, list[Punch]] = {}
    unattributed: list[Punch] = []
    open_instances: set[int] = set()
    for punch in punches:
        ts = punch.at.timestamp()
        low = bisect_left(window_starts, ts - max_span)
        high = bisect_right(window_starts, ts)
        candidates = [
            order[position]
            for position in range(low, high)
            if instances[order[position]].window_end >= ts
        ]
        if not candidates:
            unattributed.append(punch)
            continue
        chosen = _pick_instance(candidates, instances, open_instances, punch, ts)
        by_instance.setdefault(chosen, []).append(punch)

        direction = punch.direction or ("out" if chosen in open_instances else "in")
        if direction == "in":
            open_instances.add(chosen)
        else:
            open_instances.discard(chosen)
    return Attribution(by_instance, unattributed)
