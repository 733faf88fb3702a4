"""Punch corrections by staff: add, edit and void, each with a reason and an audit entry."""

from fastapi import APIRouter, status

from asistencia.accounts.dependencies import StaffUser
from asistencia.attendance import corrections
from asistencia.attendance.days_schemas import CorrectionResult, PunchCreate, PunchUpdate, PunchVoid
from asistencia.core.dependencies import SessionDep, SettingsDep

router = APIRouter(prefix="/api/v1/attendance/punches", tags=["attendance corrections"])

TIME_ERRORS = "timezone_required, punch_in_future, reason_required"


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CorrectionResult,
    responses={404: {"description": "employee_not_found"}, 422: {"description": TIME_ERRORS}},
)
def add_punch(
    data: PunchCreate, session: SessionDep, settings: SettingsDep, user: StaffUser
) -> CorrectionResult:
    """Add a manual punch with an explicit direction."""
    return corrections.add_punch(session, settings, data, actor_id=user.id)


@router.patch(
    "/{punch_id}",
    response_model=CorrectionResult,
    responses={
        404: {"description": "punch_not_found"},
        409: {"description": "punch_voided"},
        422: {"description": f"{TIME_ERRORS}, punch_unchanged"},
    },
)
def edit_punch(
    punch_id: int, data: PunchUpdate, session: SessionDep, settings: SettingsDep, user: StaffUser
) -> CorrectionResult:
    """Change a punch's time or direction."""
    return corrections.edit_punch(session, settings, punch_id, data, actor_id=user.id)


@router.post(
    "/{punch_id}/void",
    response_model=CorrectionResult,
    responses={
        404: {"description": "punch_not_found"},
        409: {"description": "punch_voided"},
        422: {"description": "reason_required"},
    },
)
def void_punch(
    punch_id: int, data: PunchVoid, session: SessionDep, settings: SettingsDep, user: StaffUser
) -> CorrectionResult:
    """Void a punch; it stays stored with who voided it and why."""
    return corrections.void_punch(session, settings, punch_id, data, actor_id=user.id)
