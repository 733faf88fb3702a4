"""Shift management: create, update, retire, restore and delete shifts."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from asistencia.core.audit import record_audit
from asistencia.core.database import utcnow
from asistencia.core.logging import get_logger
from asistencia.shifts import assignments, repository
from asistencia.shifts.errors import FieldRequired, ShiftInUse, ShiftNameTaken, ShiftNotFound
from asistencia.shifts.models import Shift
from asistencia.shifts.schemas import ShiftCreate, ShiftUpdate
from asistencia.shifts.validation import (
    RULE_FIELDS,
    clean_name,
    format_time,
    merged_shift_values,
    normalise_weekdays,
    segments_to_strings,
    validate_shift_rules,
)

log = get_logger(__name__)


def snapshot(shift: Shift) -> dict[str, Any]:
    """Return the stored fields of a shift as JSON values, for the audit trail."""
    values: dict[str, Any] = {"name": shift.name, "is_active": shift.is_active}
    for field in RULE_FIELDS:
        value = getattr(shift, field)
        values[field] = format_time(value) if hasattr(value, "hour") else value
    values["retired_at"] = shift.retired_at.isoformat() if shift.retired_at else None
    return values


def get_shift(session: Session, shift_id: int) -> Shift:
    shift = repository.get_shift(session, shift_id)
    if shift is None:
        raise ShiftNotFound(shift_id=shift_id)
    return shift


def list_shifts(session: Session, *, active: bool | None) -> list[Shift]:
    return repository.list_shifts(session, active=active)


def create_shift(session: Session, data: ShiftCreate, *, actor_id: int | None) -> Shift:
    changes = data.model_dump(exclude_unset=True)
    name = clean_name(changes.pop("name"))
    values = merged_shift_values(None, changes)
    validate_shift_rules(values)
    _check_name_free(session, name, current=None)

    shift = Shift(name=name, **_stored_values(values))
    session.add(shift)
    _flush_name(session, name)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="shift.created",
        entity="shift",
        entity_id=shift.id,
        after=snapshot(shift),
    )
    log.info("shift.created", shift_id=shift.id)
    return shift


def update_shift(
    session: Session, shift_id: int, data: ShiftUpdate, *, actor_id: int | None
) -> Shift:
    """Apply the given fields after checking the merged rules; weekday changes are checked
    against the assignments that use the shift's weekdays."""
    shift = get_shift(session, shift_id)
    changes = data.model_dump(exclude_unset=True)
    name = changes.pop("name", shift.name)
    if name is None:
        raise FieldRequired(field="name")
    name = clean_name(name)

    values = merged_shift_values(shift, changes)
    validate_shift_rules(values)
    if name.lower() != shift.name.lower():
        _check_name_free(session, name, current=shift.id)
    new_weekdays = normalise_weekdays(values["weekdays"])
    if new_weekdays != shift.weekdays:
        assignments.check_shift_weekdays_change(session, shift, new_weekdays)

    before = snapshot(shift)
    shift.name = name
    for field, value in _stored_values(values).items():
        setattr(shift, field, value)
    _flush_name(session, name)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="shift.updated",
        entity="shift",
        entity_id=shift.id,
        before=before,
        after=snapshot(shift),
    )
    log.info("shift.updated", shift_id=shift.id, fields=sorted(changes))
    return shift


def retire_shift(session: Session, shift_id: int, *, actor_id: int | None) -> Shift:
    """Mark the shift retired; existing assignments keep it. Retiring twice changes nothing."""
    shift = get_shift(session, shift_id)
    if not shift.is_active:
        return shift

    before = snapshot(shift)
    shift.is_active = False
    shift.retired_at = utcnow()
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="shift.retired",
        entity="shift",
        entity_id=shift.id,
        before=before,
        after=snapshot(shift),
    )
    log.info("shift.retired", shift_id=shift.id)
    return shift


def restore_shift(session: Session, shift_id: int, *, actor_id: int | None) -> Shift:
    """Make a retired shift active again. Restoring an active shift changes nothing."""
    shift = get_shift(session, shift_id)
    if shift.is_active:
        return shift

    before = snapshot(shift)
    shift.is_active = True
    shift.retired_at = None
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="shift.restored",
        entity="shift",
        entity_id=shift.id,
        before=before,
        after=snapshot(shift),
    )
    log.info("shift.restored", shift_id=shift.id)
    return shift


def delete_shift(session: Session, shift_id: int, *, actor_id: int | None) -> None:
    """Delete a shift that no employee, assignment or attendance day uses."""
    shift = get_shift(session, shift_id)
    employees, assignment_count, days = repository.shift_usage(session, shift_id)
    if employees or assignment_count or days:
        raise ShiftInUse(
            name=shift.name, employees=employees, assignments=assignment_count, days=days
        )

    before = snapshot(shift)
    session.delete(shift)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="shift.deleted",
        entity="shift",
        entity_id=shift_id,
        before=before,
    )
    log.info("shift.deleted", shift_id=shift_id)


def _stored_values(values: dict[str, Any]) -> dict[str, Any]:
    """Return the validated rule fields in their stored form."""
    stored = {field: values[field] for field in RULE_FIELDS}
    stored["weekdays"] = normalise_weekdays(values["weekdays"])
    if values["segments"] is not None:
        stored["segments"] = segments_to_strings(values["segments"])
    return stored


def _check_name_free(session: Session, name: str, *, current: int | None) -> None:
    existing = repository.get_shift_by_name(session, name)
    if existing is not None and existing.id != current:
        raise ShiftNameTaken(name=name)


def _flush_name(session: Session, name: str) -> None:
    # A concurrent request may take the name between the check and the insert.
    try:
        session.flush()
    except IntegrityError:
        raise ShiftNameTaken(name=name) from None
