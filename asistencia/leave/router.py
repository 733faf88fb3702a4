from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, File, Query, UploadFile, status
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from asistencia.accounts.dependencies import CurrentUser, StaffUser
from asistencia.attendance.engine import LeaveKind
from asistencia.core.dependencies import LocaleDep, SessionDep, SettingsDep
from asistencia.leave import service
from asistencia.leave.attachments import content_disposition, read_attachment
from asistencia.leave.models import LEAVE_STATUSES
from asistencia.leave.schemas import LeaveCreate, LeaveDecision, LeaveList, LeaveRead, LeaveUpdate

router = APIRouter(prefix="/api/v1/leave", tags=["leave"])

NOT_FOUND = {404: {"description": "leave_not_found"}}
PERIOD_ERRORS = {
    422: {
        "description": "leave_dates_invalid, leave_times_invalid, leave_range_too_long, "
        "validation_error"
    },
}
DECIDED = {409: {"description": "leave_already_decided"}}
StatusFilter = Annotated[str | None, Query(pattern="^(" + "|".join(LEAVE_STATUSES) + ")$")]


@router.post(
    "", status_code=status.HTTP_201_CREATED, response_model=LeaveRead,
    responses={
        **PERIOD_ERRORS,
        403: {"description": "leave_forbidden, account_not_linked"},
        404: {"description": "employee_not_found"},
        409: {"description": "leave_overlap"},
    },
)
def create_leave(data: LeaveCreate, session: SessionDep, user: CurrentUser, locale: LocaleDep) -> LeaveRead:
    """File a pending leave request or justification."""
    return service.to_read(service.create_leave(session, data, user), locale)


@router.get("", response_model=LeaveList, responses={403: {"description": "leave_forbidden"}})
def list_leave(
    session: SessionDep,
    user: CurrentUser,
    locale: LocaleDep,
    employee_id: int | None = None,
    status_filter: Annotated[StatusFilter, Query(alias="status")] = None,
    kind: LeaveKind | None = None,
    date_from: Annotated[date | None, Query(alias="from", description="Requests ending on or after")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Requests starting on or before")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> LeaveList:
    """List requests, newest start date first; employees see only their own."""
    items, total = service.list_leave(
        session, user,
        employee_id=employee_id, status=status_filter, kind=kind.value if kind else None,
        date_from=date_from, date_to=date_to, limit=limit, offset=offset,
    )
    return LeaveList(items=[service.to_read(leave, locale) for leave in items], total=total)


@router.get("/{leave_id}", response_model=LeaveRead, responses=NOT_FOUND)
def read_leave(leave_id: int, session: SessionDep, user: CurrentUser, locale: LocaleDep) -> LeaveRead:
    return service.to_read(service.get_leave(session, leave_id, user), locale)


@router.patch(
    "/{leave_id}", response_model=LeaveRead,
    responses={**NOT_FOUND, **PERIOD_ERRORS, 403: {"description": "leave_forbidden"},
               409: {"description": "leave_already_decided, leave_overlap"}},
)
def update_leave(
    leave_id: int, data: LeaveUpdate, session: SessionDep, user: CurrentUser, locale: LocaleDep
) -> LeaveRead:
    """Change a pending request (the employee who filed it, or staff)."""
    return service.to_read(service.update_leave(session, leave_id, data, user), locale)


@router.post(
    "/{leave_id}/approve", response_model=LeaveRead,
    responses={**NOT_FOUND, **DECIDED, 403: {"description": "leave_self_review"}},
)
def approve_leave(
    leave_id: int,
    session: SessionDep,
    settings: SettingsDep,
    user: StaffUser,
    locale: LocaleDep,
    data: Annotated[LeaveDecision | None, Body()] = None,
) -> LeaveRead:
    """Approve a pending request; the covered attendance days are recomputed at once."""
    leave = service.approve_leave(session, settings, leave_id, data or LeaveDecision(), user)
    return service.to_read(leave, locale)


@router.post(
    "/{leave_id}/reject", response_model=LeaveRead,
    responses={**NOT_FOUND, **DECIDED, 403: {"description": "leave_self_review"},
               422: {"description": "comment_required"}},
)
def reject_leave(
    leave_id: int,
    session: SessionDep,
    user: StaffUser,
    locale: LocaleDep,
    data: Annotated[LeaveDecision | None, Body()] = None,
) -> LeaveRead:
    """Reject a pending request with a comment giving the reason."""
    leave = service.reject_leave(session, leave_id, data or LeaveDecision(), user)
    return service.to_read(leave, locale)


@router.post(
    "/{leave_id}/cancel", response_model=LeaveRead,
    responses={**NOT_FOUND, **DECIDED, 403: {"description": "leave_forbidden"}},
)
def cancel_leave(leave_id: int, session: SessionDep, user: CurrentUser, locale: LocaleDep) -> LeaveRead:
    """Withdraw a pending request (the employee on leave, or the user who filed it)."""
    return service.to_read(service.cancel_leave(session, leave_id, user), locale)


@router.post(
    "/{leave_id}/attachment", response_model=LeaveRead,
    responses={
        **NOT_FOUND, **DECIDED,
        403: {"description": "leave_forbidden"},
        413: {"description": "attachment_too_large"},
        415: {"description": "attachment_unsupported"},
        422: {"description": "attachment_empty"},
    },
)
async def upload_attachment(
    leave_id: int,
    file: Annotated[UploadFile, File(description="A PDF, or a JPEG, PNG, WebP or HEIC image")],
    session: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    locale: LocaleDep,
) -> LeaveRead:
    """Attach the supporting document of a pending request, replacing any earlier one."""
    content = await read_attachment(file, max_bytes=settings.max_attachment_bytes)
    leave = await run_in_threadpool(
        lambda: service.attach_document(
            session, settings.data_dir, leave_id, user, content=content, filename=file.filename
        )
    )
    return service.to_read(leave, locale)


@router.get(
    "/{leave_id}/attachment", response_class=FileResponse,
    responses={404: {"description": "leave_not_found, attachment_not_found"}},
)
def download_attachment(
    leave_id: int, session: SessionDep, settings: SettingsDep, user: CurrentUser
) -> FileResponse:
    """Download the stored document with its original name and detected type."""
    stored = service.attachment_file(session, settings.data_dir, leave_id, user)
    return FileResponse(
        stored.path,
        media_type=stored.content_type,
        headers={
            "Content-Disposition": content_disposition(stored.name),
            "X-Content-Type-Options": "nosniff",
        },
    )
