"""Rows for attendance-day tests: shifts, sites, employees, assignments, punches and leave."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from asistencia.attendance.models import AttendanceDayRecord, AttendanceEvent
from asistencia.attendance.recompute import recompute_days
from asistencia.employees.models import Employee
from asistencia.leave.models import STATUS_APPROVED, LeaveRequest
from asistencia.shifts.models import Holiday, Shift, ShiftAssignment, Site

FAR_FUTURE = datetime(2030, 1, 1, tzinfo=UTC)
_names = count(1)

SHIFT_SPECS: dict[str, dict[str, Any]] = {
    "day": {
        "start_time": time(8),
        "end_time": time(17),
        "grace_in_minutes": 5,
        "grace_out_minutes": 5,
        "break_minutes": 60,
        "overtime_after_minutes": 30,
        "tolerance_minutes": 10,
    },
    "night": {
        "start_time": time(22),
        "end_time": time(6),
        "grace_in_minutes": 5,
        "grace_out_minutes": 5,
        "overtime_after_minutes": 30,
        "tolerance_minutes": 10,
    },
    "split": {
        "start_time": time(8),
        "end_time": time(18),
        "segments": [["08:00", "12:00"], ["14:00", "18:00"]],
        "grace_in_minutes": 5,
        "grace_out_minutes": 5,
        "overtime_after_minutes": 30,
        "tolerance_minutes": 10,
    },
}
SHIFT_SPECS["day_half"] = {**SHIFT_SPECS["day"], "min_full_minutes": 420, "min_half_minutes": 240}
SHIFT_SPECS["day_break_window"] = {
    **SHIFT_SPECS["day"],
    "break_minutes": 0,
    "break_start": time(13),
    "break_end": time(14),
}


def local(text: str, tz: str) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM[:SS]`` as local time in ``tz``, or as UTC with a ``Z`` suffix."""
    if text.endswith("Z"):
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz), fold=0).astimezone(UTC)


def make_shift(session: Session, kind: str = "day", **fields: Any) -> Shift:
    values = {"weekdays": "1234567", **SHIFT_SPECS[kind], **fields}
    shift = Shift(name=f"{kind}-{next(_names)}", **values)
    session.add(shift)
    session.flush()
    return shift


def make_site(session: Session, tz: str) -> Site:
    site = Site(name=f"site-{next(_names)}", timezone=tz)
    session.add(site)
    session.flush()
    return site


def make_employee(
    session: Session,
    *,
    shift: Shift | None = None,
    site: Site | None = None,
    created_at: datetime | None = None,
) -> Employee:
    number = next(_names)
    employee = Employee(
        employee_code=f"T{number:04d}",
        full_name=f"Empleado {number}",
        shift_id=shift.id if shift else None,
        site_id=site.id if site else None,
        created_at=created_at or datetime(2020, 1, 1, tzinfo=UTC),
    )
    session.add(employee)
    session.flush()
    return employee


def assign(
    session: Session,
    employee: Employee,
    shift: Shift,
    start: date,
    end: date | None = None,
    **fields: Any,
) -> ShiftAssignment:
    assignment = ShiftAssignment(
        employee_id=employee.id, shift_id=shift.id, start_date=start, end_date=end, **fields
    )
    session.add(assignment)
    session.flush()
    return assignment


def punch(
    session: Session,
    employee: Employee,
    at: datetime,
    kind: str | None = None,
    source: str = "face",
) -> AttendanceEvent:
    """Store a punch; ``kind`` None stores an inferred check-in (``kind_explicit`` False)."""
    event = AttendanceEvent(
        employee_id=employee.id,
        kind=kind or "in",
        kind_explicit=kind is not None,
        recorded_at=at,
        source=source,
    )
    session.add(event)
    session.flush()
    return event


def holiday(session: Session, day: date, site: Site | None = None) -> Holiday:
    row = Holiday(day=day, name="Feriado", site_id=site.id if site else None)
    session.add(row)
    session.flush()
    return row


def leave(
    session: Session,
    employee: Employee,
    start: date,
    end: date,
    *,
    kind: str = "vacation",
    justification: bool = False,
    start_time: time | None = None,
    end_time: time | None = None,
    status: str = STATUS_APPROVED,
) -> LeaveRequest:
    row = LeaveRequest(
        employee_id=employee.id,
        kind=kind,
        justification=justification,
        start_date=start,
        end_date=end,
        start_time=start_time,
        end_time=end_time,
        reason="prueba",
        status=status,
    )
    session.add(row)
    session.flush()
    return row


def recompute(session: Session, **arguments: Any) -> list[AttendanceDayRecord]:
    """Call ``recompute_days`` with the settings of the running test app."""
    return recompute_days(session, settings=session.info["settings"], **arguments)
