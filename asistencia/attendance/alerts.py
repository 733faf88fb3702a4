"""Attendance alerts: unjustified absences and late or absent counts crossing a threshold."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from asistencia.attendance import days_repository as repository
from asistencia.attendance.engine import Status
from asistencia.attendance.models import AttendanceAlert, AttendanceDayRecord
from asistencia.core.logging import get_logger

log = get_logger(__name__)

UNJUSTIFIED_ABSENCE = "unjustified_absence"
LATE_THRESHOLD = "late_threshold"
ABSENCE_THRESHOLD = "absence_threshold"

ROLLING_WINDOW_DAYS = 30


def _add_alert(
    session: Session, employee_id: int, kind: str, local_date: date, data: dict[str, Any]
) -> bool:
    """Add the alert unless one with the same (employee, kind, date) key exists."""
    if repository.alert_exists(session, employee_id, kind, local_date):
        return False
    session.add(
        AttendanceAlert(employee_id=employee_id, kind=kind, local_date=local_date, data=data)
    )
    log.info(
        "attendance.alert_created", employee_id=employee_id, kind=kind, local_date=str(local_date)
    )
    return True


def rolling_count(session: Session, employee_id: int, status: str, last: date) -> int:
    """Count the final days with ``status`` in the rolling window that ends on ``last``."""
    first = last - timedelta(days=ROLLING_WINDOW_DAYS - 1)
    return repository.count_final_days(session, employee_id, status, first, last)


def record_alerts(
    session: Session,
    employee_id: int,
    records: Iterable[AttendanceDayRecord],
    *,
    late_threshold: int,
    absence_threshold: int,
) -> int:
    """Add the alerts that the final days among ``records`` raise; returns how many were added.

    An absent final day raises ``unjustified_absence`` once (justified days have their own
    status). A threshold alert is raised on the date its rolling count goes from below the
    threshold to at or above it. It is not repeated while the count stays above, but a
    later drop and rise raises a new one. Alerts already raised are kept when a correction
    changes the day afterwards.
    """
    final_records = [record for record in records if record.final]
    added = 0
    for record in final_records:
        if record.status == Status.ABSENT.value:
            data = {"day_id": record.id, "shift_id": record.shift_id}
            added += _add_alert(session, employee_id, UNJUSTIFIED_ABSENCE, record.local_date, data)

    thresholds = (
        (LATE_THRESHOLD, Status.LATE.value, late_threshold),
        (ABSENCE_THRESHOLD, Status.ABSENT.value, absence_threshold),
    )
    for kind, status, threshold in thresholds:
        dates = sorted({record.local_date for record in final_records if record.status == status})
        for local_date in dates:
            count = rolling_count(session, employee_id, status, local_date)
            previous = rolling_count(session, employee_id, status, local_date - timedelta(days=1))
            if previous < threshold <= count:
                data = {"count": count, "threshold": threshold, "window_days": ROLLING_WINDOW_DAYS}
                added += _add_alert(session, employee_id, kind, local_date, data)
    if added:
        session.flush()
    return added
