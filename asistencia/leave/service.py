"""Leave workflow: request, edit, attach a document, approve, reject and cancel.

A request is decided once: only a pending request can be edited, approved, rejected or
cancelled. Approval recomputes the covered attendance days in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from asistencia.accounts.models import ROLE_ADMIN, ROLE_SUPERVISOR, User
from asistencia.attendance.engine import LeaveKind, leave_kind_label
from asistencia.attendance.recompute import recompute_days
from asistencia.core.audit import record_audit
from asistencia.core.database import after_commit, utcnow
from asistencia.core.errors import PermissionDenied
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.employees.errors import EmployeeNotFound
from asistencia.leave import attachments, repository
from asistencia.leave.errors import (
    AccountNotLinked,
    AttachmentNotFound,
    CommentRequired,
    LeaveAlreadyDecided,
    LeaveCancelForbidden,
    LeaveChangeForbidden,
    LeaveDatesInvalid,
    LeaveForbidden,
    LeaveNotFound,
    LeaveOverlap,
    LeavePartDayRange,
    LeaveRangeTooLong,
    LeaveTimesInvalid,
    LeaveTimesOrder,
    SelfReview,
    status_word,
)
from asistencia.leave.models import (
    STATUS_APPROVED,
    STATUS_CANCELLED,
    STATUS_PENDING,
    STATUS_REJECTED,
    LeaveRequest,
)
from asistencia.leave.schemas import AttachmentRead, LeaveCreate, LeaveDecision, LeaveRead, LeaveUpdate

log = get_logger(__name__)

# Maximum length of one request in calendar days, counting both ends. A longer absence
# takes several requests.
MAX_LEAVE_DAYS = 366
# Kinds that mark the day "on_leave" by default. The other kinds justify absences.
LEAVE_KINDS_WITHOUT_JUSTIFICATION = {LeaveKind.VACATION, LeaveKind.LICENCE}


@dataclass(frozen=True, slots=True)
class Period:
    start_date: date
    end_date: date
    start_time: time | None
    end_time: time | None


@dataclass(frozen=True, slots=True)
class AttachmentFile:
    path: Path
    name: str
    content_type: str


def default_justification(kind: LeaveKind | str) -> bool:
    return LeaveKind(kind) not in LEAVE_KINDS_WITHOUT_JUSTIFICATION


def to_read(leave: LeaveRequest, locale: str) -> LeaveRead:
    attachment = None
    if leave.attachment_path:
        attachment = AttachmentRead(
            name=leave.attachment_name or "",
            content_type=leave.attachment_type or "",
            size=leave.attachment_size or 0,
        )
    return LeaveRead(
        id=leave.id,
        employee_id=leave.employee_id,
        kind=LeaveKind(leave.kind),
        kind_label=leave_kind_label(leave.kind, locale),
        justification=leave.justification,
        start_date=leave.start_date,
        end_date=leave.end_date,
        start_time=leave.start_time,
        end_time=leave.end_time,
        reason=leave.reason,
        status=leave.status,
        status_label=status_word(leave.status, locale),
        requested_by_user_id=leave.requested_by_user_id,
        reviewed_by_user_id=leave.reviewed_by_user_id,
        reviewed_at=leave.reviewed_at,
        review_comment=leave.review_comment,
        cancelled_at=leave.cancelled_at,
        attachment=attachment,
        created_at=leave.created_at,
    )


def snapshot(leave: LeaveRequest) -> dict[str, Any]:
    """Return the audited fields as JSON values."""
    return {
        "employee_id": leave.employee_id,
        "kind": leave.kind,
        "justification": leave.justification,
        "start_date": leave.start_date.isoformat(),
        "end_date": leave.end_date.isoformat(),
        "start_time": leave.start_time.isoformat() if leave.start_time else None,
        "end_time": leave.end_time.isoformat() if leave.end_time else None,
        "reason": leave.reason,
        "status": leave.status,
        "reviewed_by_user_id": leave.reviewed_by_user_id,
        "review_comment": leave.review_comment,
        "attachment_name": leave.attachment_name,
        "attachment_path": leave.attachment_path,
    }


def is_staff(user: User) -> bool:
    return user.role_name in (ROLE_ADMIN, ROLE_SUPERVISOR)


def get_leave(session: Session, leave_id: int, user: User, *, for_update: bool = False) -> LeaveRequest:
    """Return a request the user may see: staff see all, others their own or those they filed."""
    leave = repository.get(session, leave_id, for_update=for_update)
    if leave is None or not _can_view(user, leave):
        raise LeaveNotFound(leave_id=leave_id)
    return leave


def list_leave(
    session: Session,
    user: User,
    *,
    employee_id: int | None,
    status: str | None,
    kind: str | None,
    date_from: date | None,
    date_to: date | None,
    limit: int,
    offset: int,
) -> tuple[list[LeaveRequest], int]:
    """Page requests that overlap the date range. Non-staff users see only their own."""
    visible_to = None
    if not is_staff(user):
        if employee_id is not None and employee_id != user.employee_id:
            raise LeaveForbidden(employee_id=employee_id)
        visible_to = (user.employee_id, user.id)
    return repository.list_requests(
        session,
        employee_id=employee_id,
        visible_to=visible_to,
        status=status,
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )


def create_leave(session: Session, data: LeaveCreate, user: User) -> LeaveRequest:
    """File a pending request. Employees may file only for their own employee record."""
    if not is_staff(user):
        if user.employee_id is None:
            raise AccountNotLinked()
        if data.employee_id != user.employee_id:
            raise LeaveForbidden(employee_id=data.employee_id)
    period = Period(data.start_date, data.end_date, data.start_time, data.end_time)
    _check_period(period)
    if not repository.lock_employee(session, data.employee_id):
        raise EmployeeNotFound(employee=data.employee_id)
    _check_overlap(session, data.employee_id, period, exclude_id=None)

    justification = data.justification
    if justification is None:
        justification = default_justification(data.kind)
    leave = LeaveRequest(
        employee_id=data.employee_id,
        kind=data.kind.value,
        justification=justification,
        start_date=period.start_date,
        end_date=period.end_date,
        start_time=period.start_time,
        end_time=period.end_time,
        reason=data.reason,
        status=STATUS_PENDING,
        requested_by_user_id=user.id,
    )
    session.add(leave)
    session.flush()

    record_audit(
        session, actor_user_id=user.id, action="leave.created", entity="leave_request",
        entity_id=leave.id, after=snapshot(leave),
    )
    log.info("leave.created", leave_id=leave.id, employee_id=leave.employee_id, kind=leave.kind)
    return leave


def update_leave(session: Session, leave_id: int, data: LeaveUpdate, user: User) -> LeaveRequest:
    """Change a pending request. A new kind without ``justification`` resets it to the kind's default."""
    leave = get_leave(session, leave_id, user, for_update=True)
    _require_requester_or_staff(user, leave)
    _require_pending(leave)

    changes = data.model_dump(exclude_unset=True)
    if "kind" in changes and "justification" not in changes:
        changes["justification"] = default_justification(changes["kind"])
    period = Period(
        changes.get("start_date", leave.start_date),
        changes.get("end_date", leave.end_date),
        changes.get("start_time", leave.start_time),
        changes.get("end_time", leave.end_time),
    )
    _check_period(period)
    repository.lock_employee(session, leave.employee_id)
    _check_overlap(session, leave.employee_id, period, exclude_id=leave.id)

    before = snapshot(leave)
    for field, value in changes.items():
        setattr(leave, field, value.value if isinstance(value, LeaveKind) else value)
    session.flush()

    record_audit(
        session, actor_user_id=user.id, action="leave.updated", entity="leave_request",
        entity_id=leave.id, before=before, after=snapshot(leave),
    )
    log.info("leave.updated", leave_id=leave.id, fields=sorted(changes))
    return leave


def approve_leave(
    session: Session, settings: Settings, leave_id: int, data: LeaveDecision, user: User
) -> LeaveRequest:
    """Approve a pending request and recompute the covered days in the same transaction."""
    leave = get_leave(session, leave_id, user, for_update=True)
    _require_pending(leave)
    _require_other_reviewer(user, leave)

    before = snapshot(leave)
    _decide(leave, STATUS_APPROVED, user, data.comment or None)
    session.flush()
    # The day before the start is included because a night shift that starts on it can
    # end inside the leave.
    first_date = leave.start_date
    if first_date > date.min:
        first_date -= timedelta(days=1)
    recompute_days(
        session, employee_id=leave.employee_id, first_date=first_date, last_date=leave.end_date,
        settings=settings,
    )

    record_audit(
        session, actor_user_id=user.id, action="leave.approved", entity="leave_request",
        entity_id=leave.id, before=before, after=snapshot(leave), reason=leave.review_comment,
    )
    log.info("leave.approved", leave_id=leave.id, employee_id=leave.employee_id, reviewer_id=user.id)
    return leave


def reject_leave(session: Session, leave_id: int, data: LeaveDecision, user: User) -> LeaveRequest:
    """Reject a pending request, which requires a comment giving the reason."""
    leave = get_leave(session, leave_id, user, for_update=True)
    _require_pending(leave)
    _require_other_reviewer(user, leave)
    if not data.comment:
        raise CommentRequired()

    before = snapshot(leave)
    _decide(leave, STATUS_REJECTED, user, data.comment)
    session.flush()

    record_audit(
        session, actor_user_id=user.id, action="leave.rejected", entity="leave_request",
        entity_id=leave.id, before=before, after=snapshot(leave), reason=leave.review_comment,
    )
    log.info("leave.rejected", leave_id=leave.id, employee_id=leave.employee_id, reviewer_id=user.id)
    return leave


def cancel_leave(session: Session, leave_id: int, user: User) -> LeaveRequest:
    """Withdraw a pending request, as the employee on leave or as the user who filed it."""
    leave = get_leave(session, leave_id, user, for_update=True)
    if not (_is_requester(user, leave) or _is_own(user, leave)):
        raise LeaveCancelForbidden(leave_id=leave.id)
    _require_pending(leave)

    before = snapshot(leave)
    leave.status = STATUS_CANCELLED
    leave.cancelled_at = utcnow()
    session.flush()

    record_audit(
        session, actor_user_id=user.id, action="leave.cancelled", entity="leave_request",
        entity_id=leave.id, before=before, after=snapshot(leave),
    )
    log.info("leave.cancelled", leave_id=leave.id, employee_id=leave.employee_id)
    return leave


def attach_document(
    session: Session,
    data_dir: Path,
    leave_id: int,
    user: User,
    *,
    content: bytes,
    filename: str | None,
) -> LeaveRequest:
    """Store the document of a pending request, replacing any earlier one.

    The replaced file is deleted once the transaction commits, unless another request
    uses the same content.
    """
    leave = get_leave(session, leave_id, user, for_update=True)
    _require_requester_or_staff(user, leave)
    _require_pending(leave)
    content_type = attachments.detect_content_type(content)

    # NOTE: if the transaction rolls back after this write, the file stays on disk unused.
    relative = attachments.store_attachment(data_dir, content)
    before = snapshot(leave)
    previous = leave.attachment_path
    leave.attachment_path = relative
    leave.attachment_name = attachments.clean_filename(filename, content_type)
    leave.attachment_type = content_type
    leave.attachment_size = len(content)
    session.flush()

    if previous is not None and previous != relative:
        if repository.count_attachment_uses(session, previous) == 0:
            after_commit(session, lambda: attachments.remove_attachment(data_dir, previous))

    record_audit(
        session, actor_user_id=user.id, action="leave.attachment_stored", entity="leave_request",
        entity_id=leave.id, before=before, after=snapshot(leave),
    )
    log.info(
        "leave.attachment_stored", leave_id=leave.id, content_type=content_type,
        size=len(content), replaced=previous is not None,
    )
    return leave


def attachment_file(session: Session, data_dir: Path, leave_id: int, user: User) -> AttachmentFile:
    """Locate the stored document of a request the user may see."""
    leave = get_leave(session, leave_id, user)
    if not leave.attachment_path:
        raise AttachmentNotFound(leave_id=leave.id)
    path = attachments.resolve_attachment(data_dir, leave.attachment_path)
    if path is None:
        log.error("leave.attachment.missing", leave_id=leave.id, attachment_path=leave.attachment_path)
        raise AttachmentNotFound(leave_id=leave.id)
    return AttachmentFile(
        path=path,
        name=leave.attachment_name or "attachment",
        content_type=leave.attachment_type or "application/octet-stream",
    )


def _decide(leave: LeaveRequest, status: str, user: User, comment: str | None) -> None:
    leave.status = status
    leave.reviewed_by_user_id = user.id
    leave.reviewed_at = utcnow()
    leave.review_comment = comment


def _check_period(period: Period) -> None:
    if period.end_date < period.start_date:
        raise LeaveDatesInvalid(
            start_date=period.start_date.isoformat(), end_date=period.end_date.isoformat()
        )
    if (period.start_time is None) != (period.end_time is None):
        raise LeaveTimesInvalid()
    if period.start_time is not None and period.end_time is not None:
        if period.start_date != period.end_date:
            raise LeavePartDayRange()
        if period.end_time <= period.start_time:
            raise LeaveTimesOrder(
                start_time=period.start_time.isoformat("minutes"),
                end_time=period.end_time.isoformat("minutes"),
            )
    days = (period.end_date - period.start_date).days + 1
    if days > MAX_LEAVE_DAYS:
        raise LeaveRangeTooLong(days=days, limit=MAX_LEAVE_DAYS)


def _check_overlap(
    session: Session, employee_id: int, period: Period, *, exclude_id: int | None
) -> None:
    """Raise LeaveOverlap for the first pending or approved request sharing time with the period.

    Two part-day requests on the same date overlap only if their times do.
    """
    candidates = repository.active_in_range(
        session, employee_id, period.start_date, period.end_date, exclude_id=exclude_id
    )
    for other in candidates:
        if not _times_overlap(period, other):
            continue
        raise LeaveOverlap(
            other_id=other.id,
            status=other.status,
            start=other.start_date.isoformat(),
            end=other.end_date.isoformat(),
        )


def _times_overlap(period: Period, other: LeaveRequest) -> bool:
    """Return whether the times of day overlap. A whole-day request overlaps any time."""
    start, end = period.start_time, period.end_time
    other_start, other_end = other.start_time, other.end_time
    if start is None or end is None or other_start is None or other_end is None:
        return True
    return start < other_end and other_start < end


def _can_view(user: User, leave: LeaveRequest) -> bool:
    return is_staff(user) or _is_requester(user, leave) or _is_own(user, leave)


def _is_requester(user: User, leave: LeaveRequest) -> bool:
    return leave.requested_by_user_id == user.id


def _is_own(user: User, leave: LeaveRequest) -> bool:
    return user.employee_id is not None and user.employee_id == leave.employee_id


def _require_requester_or_staff(user: User, leave: LeaveRequest) -> None:
    if not (is_staff(user) or _is_requester(user, leave)):
        raise LeaveChangeForbidden(leave_id=leave.id)


def _require_pending(leave: LeaveRequest) -> None:
    if leave.status != STATUS_PENDING:
        raise LeaveAlreadyDecided(leave_id=leave.id, status=leave.status)


def _require_other_reviewer(user: User, leave: LeaveRequest) -> None:
    """Raise unless the user is staff. A supervisor may not decide their own leave, but an admin may."""
    if not is_staff(user):
        raise PermissionDenied()
    if user.role_name == ROLE_SUPERVISOR and _is_own(user, leave):
        raise SelfReview()

