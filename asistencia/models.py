"""Import every ORM model so the metadata is complete (Alembic, tests)."""

from asistencia.accounts.models import Role, User
from asistencia.attendance.models import AttendanceEvent
from asistencia.core.audit import AuditEntry
from asistencia.core.database import Base
from asistencia.employees.models import Employee
from asistencia.faces.models import FaceTemplate
from asistencia.shifts.models import Shift

__all__ = ["AttendanceEvent", "AuditEntry", "Base", "Employee", "FaceTemplate", "Role", "Shift", "User"]
