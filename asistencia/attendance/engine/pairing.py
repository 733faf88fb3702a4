"""Pairing of one instance's punches into check-in/check-out intervals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .types import Punch


@dataclass(frozen=True, slots=True)
class Pairing:
    """Check-in/check-out pairs of one instance and the punches that could not be paired."""

    pairs: tuple[tuple[Punch, Punch], ...]
    open_in: Punch | None
    extra_ins: tuple[tuple[Punch, Punch], ...]
    orphan_outs: tuple[Punch, ...]
    inferred: bool

    @property
    def first_in(self) -> Punch | None:
        if self.pairs:
            return self.pairs[0][0]
        return self.open_in

    @property
    def last_out(self) -> Punch | None:
        return self.pairs[-1][1] if self.pairs else None


def pair_punches(punches: Sequence[Punch]) -> Pairing:
    """Pair punches in time order; an unknown direction alternates, starting with a check-in.

    A check-in while another is open is kept out of the pairs (``extra_ins``, with the open
    one), and so is a check-out with no open check-in (``orphan_outs``).
    """
    pairs: list[tuple[Punch, Punch]] = []
    extra_ins: list[tuple[Punch, Punch]] = []
    orphan_outs: list[Punch] = []
    open_in: Punch | None = None
    inferred = False
    for punch in punches:
        direction = punch.direction
        if direction is None:
            inferred = True
            direction = "out" if open_in is not None else "in"
        if direction == "in":
            if open_in is None:
                open_in = punch
            else:
                extra_ins.append((punch, open_in))
        elif open_in is not None:
            pairs.append((open_in, punch))
            open_in = None
        else:
            orphan_outs.append(punch)
    return Pairing(tuple(pairs), open_in, tuple(extra_ins), tuple(orphan_outs), inferred)
