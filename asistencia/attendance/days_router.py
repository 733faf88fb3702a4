"""Attendance days API: list, read, summary and manual recomputation."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from asistencia.accounts.dependencies import AdminUser, CurrentUser
from asistencia.attendance import days_service as service
from asistencia.attendance.days_schemas import (
    DayList,
    DayRead,
    RecomputeRequest,
    RecomputeResult,
    SummaryRead,
)
from asistencia.attendance.engine import Status
from asistencia.core.dependencies import SessionDep, SettingsDep

router = APIRouter(prefix="/api/v1/attendance", tags=["attendance days"])

RANGE_ERRORS = {
    403: {"description": "employee_account_unlinked (an employee user without an employee)"},
    422: {"description": "invalid_date_range, date_range_too_long"},
}
FromQuery = Annotated[
    date | None, Query(alias="from", description="First local date; default 30 days before 'to'")
]
ToQuery = Annotated[
    date | None, Query(alias="to", description="Last local date, inclusive; default today")
]


@router.get("/days", response_model=DayList, responses=RANGE_ERRORS)
def list_days(
    session: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    first: FromQuery = None,
    last: ToQuery = None,
    employee_id: int | None = None,
    site_id: int | None = None,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DayList:
    """List stored days; staff see everyone, an employee only their own days."""
    return service.list_days(
        session,
        settings,
        user,
        first=first,
        last=last,
        employee_id=employee_id,
        site_id=site_id,
        status=status,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/days/{day_id}",
    response_model=DayRead,
    responses={404: {"description": "attendance_day_not_found"}, 403: RANGE_ERRORS[403]},
)
def read_day(day_id: int, session: SessionDep, settings: SettingsDep, user: CurrentUser) -> DayRead:
    return service.get_day(session, settings, user, day_id)


@router.get("/summary", response_model=SummaryRead, responses=RANGE_ERRORS)
def summary(
    session: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    first: FromQuery = None,
    last: ToQuery = None,
    employee_id: int | None = None,
) -> SummaryRead:
    """Sum up each employee's days: attended, late, absent, on leave, worked and overtime hours."""
    return service.summarize(
        session, settings, user, first=first, last=last, employee_id=employee_id
    )


@router.post(
    "/recompute",
    response_model=RecomputeResult,
    responses={404: {"description": "employee_not_found"}, 422: RANGE_ERRORS[422]},
)
def recompute(
    data: RecomputeRequest, session: SessionDep, settings: SettingsDep, user: AdminUser
) -> RecomputeResult:
    """Recompute one employee's days from stored punches, shifts, holidays and leave."""
    return RecomputeResult(days=service.recompute_range(session, settings, data, actor_id=user.id))
