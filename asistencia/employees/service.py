"""Employee management: create, update, deactivate and delete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceEvent
from asistencia.core.audit import record_audit
from asistencia.core.database import after_commit
from asistencia.core.logging import get_logger
from asistencia.employees import repository
from asistencia.employees.errors import (
    EmployeeCodeTaken,
    EmployeeHasAttendance,
    EmployeeNotFound,
    ShiftNotFound,
    SiteNotFound,
)
from asistencia.employees.models import Employee
from asistencia.employees.schemas import EmployeeCreate, EmployeeRead, EmployeeUpdate
from asistencia.faces import repository as faces_repository
from asistencia.faces.matcher import TemplateIndex, descriptor_from_bytes
from asistencia.shifts.models import Shift, Site

log = get_logger(__name__)


def snapshot(employee: Employee) -> dict[str, Any]:
    return {
        "employee_code": employee.employee_code,
        "full_name": employee.full_name,
        "email": employee.email,
        "shift_id": employee.shift_id,
        "site_id": employee.site_id,
        "is_active": employee.is_active,
    }


def to_read(session: Session, employee: Employee) -> EmployeeRead:
    counts = repository.template_counts(session, [employee.id])
    return EmployeeRead.model_validate(employee).model_copy(
        update={"face_templates": counts.get(employee.id, 0)}
    )


def get_employee(session: Session, employee_id: int) -> Employee:
    employee = repository.get(session, employee_id)
    if employee is None:
        raise EmployeeNotFound(employee=employee_id)
    return employee


def list_employees(
    session: Session, *, active: bool | None, search: str | None, limit: int, offset: int
) -> tuple[list[EmployeeRead], int]:
    employees, total = repository.list_employees(
        session, active=active, search=search, limit=limit, offset=offset
    )
    counts = repository.template_counts(session, [employee.id for employee in employees])
    items = [
        EmployeeRead.model_validate(employee).model_copy(update={"face_templates": counts.get(employee.id, 0)})
        for employee in employees
    ]
    return items, total


def create_employee(session: Session, data: EmployeeCreate, *, actor_id: int | None) -> Employee:
    if repository.get_by_code(session, data.employee_code) is not None:
        raise EmployeeCodeTaken(employee_code=data.employee_code)
    _check_shift(session, data.shift_id)
    _check_site(session, data.site_id)

    employee = Employee(**data.model_dump())
    session.add(employee)
    session.flush()

    record_audit(
        session, actor_user_id=actor_id, action="employee.created", entity="employee",
        entity_id=employee.id, after=snapshot(employee),
    )
    log.info("employee.created", employee_id=employee.id)
    return employee


def update_employee(
    session: Session,
    employee_id: int,
    data: EmployeeUpdate,
    *,
    actor_id: int | None,
    index: TemplateIndex,
) -> Employee:
    """Apply the given fields; a change of ``is_active`` adds or removes the face templates
    from the matcher once committed."""
    employee = get_employee(session, employee_id)
    changes = data.model_dump(exclude_unset=True)
    new_code = changes.get("employee_code")
    if new_code and new_code.lower() != employee.employee_code.lower():
        if repository.get_by_code(session, new_code) is not None:
            raise EmployeeCodeTaken(employee_code=new_code)
    if "shift_id" in changes:
        _check_shift(session, changes["shift_id"])
    if "site_id" in changes:
        _check_site(session, changes["site_id"])
    if "is_active" in changes and changes["is_active"] is None:
        del changes["is_active"]

    before = snapshot(employee)
    for field, value in changes.items():
        setattr(employee, field, value)
    session.flush()
    _sync_index_on_activation(session, index, employee, was_active=before["is_active"])

    record_audit(
        session, actor_user_id=actor_id, action="employee.updated", entity="employee",
        entity_id=employee.id, before=before, after=snapshot(employee),
    )
    return employee


def delete_employee(
    session: Session, index: TemplateIndex, employee_id: int, *, purge: bool, actor_id: int | None
) -> None:
    """Delete an employee with their face templates; attendance records need ``purge``."""
    employee = get_employee(session, employee_id)
    events = repository.count_events(session, employee_id)
    if events and not purge:
        raise EmployeeHasAttendance(employee_code=employee.employee_code, count=events)

    before = snapshot(employee)
    session.execute(delete(AttendanceEvent).where(AttendanceEvent.employee_id == employee_id))
    session.delete(employee)
    session.flush()

    record_audit(
        session, actor_user_id=actor_id, action="employee.deleted", entity="employee",
        entity_id=employee_id, before=before, reason="purge" if purge else None,
    )
    after_commit(session, lambda: index.remove_employee(employee_id))
    log.info("employee.deleted", employee_id=employee_id, purged_events=events)


def _sync_index_on_activation(
    session: Session, index: TemplateIndex, employee: Employee, *, was_active: bool
) -> None:
    employee_id = employee.id
    if was_active and not employee.is_active:
        after_commit(session, lambda: index.remove_employee(employee_id))
    elif employee.is_active and not was_active:
        rows = [
            (template.id, employee_id, descriptor_from_bytes(template.descriptor))
            for template in faces_repository.list_for_employee(session, employee_id)
        ]

        def _restore() -> None:
            index.remove_employee(employee_id)
            for template_id, owner_id, descriptor in rows:
                index.add(template_id, owner_id, descriptor)

        after_commit(session, _restore)


def _check_shift(session: Session, shift_id: int | None) -> None:
    if shift_id is not None and session.get(Shift, shift_id) is None:
        raise ShiftNotFound(shift_id=shift_id)


def _check_site(session: Session, site_id: int | None) -> None:
    if site_id is not None and session.get(Site, site_id) is None:
        raise SiteNotFound(site_id=site_id)
