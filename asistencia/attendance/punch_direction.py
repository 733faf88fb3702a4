"""Direction of a new punch from its place in the employee's shift instance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from asistencia.attendance.engine import (
    Punch,
    attribute_punches,
    build_instances,
    collapse_duplicates,
)
from asistencia.attendance.engine.attribution import punch_order
from asistencia.attendance.inputs import employee_time_zone, load_inputs
from asistencia.core.settings import Settings
from asistencia.employees.models import Employee

# Id of the punch being placed; stored punches have positive ids.
_NEW_PUNCH_ID = 0


@dataclass(frozen=True, slots=True)
class PunchPlacement:
    """Placement of a new punch: its direction and instance date, both None outside every shift."""

    kind: str | None
    instance_date: date | None
    local_date: date


def place_punch(
    session: Session, employee: Employee, at: datetime, *, explicit: str | None, settings: Settings
) -> PunchPlacement:
    """Attribute a punch at ``at`` like the engine does and infer its direction.

    The punch is a check-in when its instance has no open check-in before it, else a
    check-out. An explicit direction is kept as given. ``kind`` is None when no shift
    window contains the punch, so the caller applies its own rule.
    """
    local_date = at.astimezone(employee_time_zone(session, employee, settings.timezone)).date()
    inputs = load_inputs(
        session,
        employee,
        local_date - timedelta(days=1),
        local_date,
        default_timezone=settings.timezone,
    )
    instances = build_instances(
        inputs.schedule.rules_for,
        local_date - timedelta(days=2),
        local_date + timedelta(days=1),
        inputs.time_zone,
    )
    kept, _duplicates = collapse_duplicates(inputs.punches, settings.duplicate_window_seconds)
    new_punch = Punch(id=_NEW_PUNCH_ID, at=at, direction=explicit)  # type: ignore[arg-type]
    ordered = sorted([punch for punch in kept if punch.at <= at] + [new_punch], key=punch_order)
    attribution = attribute_punches(instances, ordered)

    for index, punches in attribution.by_instance.items():
        if any(punch.id == _NEW_PUNCH_ID for punch in punches):
            is_open = False
            for punch in punches:
                if punch.id == _NEW_PUNCH_ID:
                    break
                direction = punch.direction or ("out" if is_open else "in")
                is_open = direction == "in"
            kind = explicit or ("out" if is_open else "in")
            return PunchPlacement(kind, instances[index].local_date, local_date)
    return PunchPlacement(explicit, None, local_date)
