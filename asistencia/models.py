"""Import every ORM model so the metadata is complete (Alembic, tests)."""

from asistencia.accounts.models import Role, User
from asistencia.attendance.models import AttendanceAlert, AttendanceDayRecord, AttendanceEvent, JobState
from asistencia.core.audit import AuditEntry
from asistencia.core.database import Base
from asistencia.employees.models import Employee
from asistencia.faces.models import FaceTemplate
from asistencia.leave.models import LeaveRequest
from asistencia.shifts.models import Holiday, Shift, ShiftAssignment, Site

__all__ = [
    "AttendanceAlert",
    "AttendanceDayRecord",
    "AttendanceEvent",
    "AuditEntry",
    "Base",
    "Employee",
    "FaceTemplate",
    "Holiday",
    "JobState",
    "LeaveRequest",
    "Role",
    "Shift",
    "ShiftAssignment",
    "Site",
    "User",
]
