"""Keep the in-memory template index in step with templates written by other processes.

The server updates its index itself after its own enrolments and deletions. A CLI
enrolment, or another server process on the same database, changes only the database, so
a job compares a cheap fingerprint of the stored templates and reloads when it differs.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from asistencia.core.database import session_scope
from asistencia.core.logging import get_logger
from asistencia.employees.models import Employee
from asistencia.faces import repository
from asistencia.faces.matcher import TemplateIndex
from asistencia.faces.models import FaceTemplate

log = get_logger(__name__)

SYNC_JOB_ID = "face_index_sync"
SYNC_INTERVAL_SECONDS = 15

Fingerprint = tuple[int, int, int]


def template_fingerprint(session: Session) -> Fingerprint:
    """Count, highest id and sum of ids of the active employees' templates."""
    query = (
        select(
            func.count(FaceTemplate.id),
            func.coalesce(func.max(FaceTemplate.id), 0),
            func.coalesce(func.sum(FaceTemplate.id), 0),
        )
        .join(Employee, Employee.id == FaceTemplate.employee_id)
        .where(Employee.is_active.is_(True))
    )
    count, highest, total = session.execute(query).one()
    return int(count), int(highest), int(total)


def index_fingerprint(index: TemplateIndex) -> Fingerprint:
    template_ids = index.template_ids()
    if not template_ids:
        return 0, 0, 0
    return len(template_ids), max(template_ids), sum(template_ids)


def sync_index(factory: sessionmaker[Session], index: TemplateIndex) -> bool:
    """Reload the index from the database when it differs; return whether it reloaded."""
    with session_scope(factory) as session:
        stored = template_fingerprint(session)
        if stored == index_fingerprint(index):
            return False
        index.replace_all(repository.iter_active_descriptors(session))
    log.info("face_index.reloaded", templates=stored[0])
    return True
