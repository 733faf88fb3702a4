"""HTTP API for shifts, sites, assignments and holidays; ``router`` includes all of them."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from asistencia.accounts.dependencies import AdminUser, CurrentUser, StaffUser
from asistencia.core.dependencies import SessionDep
from asistencia.shifts import assignments, holidays, service, sites
from asistencia.shifts.schemas import (
    MAX_ROW_ID,
    AssignmentCreate,
    AssignmentRead,
    AssignmentUpdate,
    HolidayCreate,
    HolidayImport,
    HolidayImportResult,
    HolidayRead,
    ShiftCreate,
    ShiftRead,
    ShiftUpdate,
    SiteCreate,
    SiteRead,
    SiteUpdate,
)

PathId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)]


def _codes(*codes: str) -> str:
    return ", ".join(codes)


SHIFT_RULE_ERRORS = _codes(
    "field_required",
    "name_blank",
    "invalid_weekdays",
    "shift_time_missing",
    "invalid_shift_time",
    "shift_segments_empty",
    "shift_segment_zero_length",
    "shift_segments_overlap",
    "shift_segments_unordered",
    "shift_too_long",
    "shift_segments_mismatch",
    "break_conflict",
    "break_window_incomplete",
    "break_window_outside_shift",
    "break_too_long",
    "shift_minimums_invalid",
)
ASSIGNMENT_ERRORS = _codes(
    "field_required",
    "invalid_date_range",
    "invalid_weekdays",
    "shift_not_found",
    "override_weekday_invalid",
    "override_times_incomplete",
    "override_zero_length",
    "invalid_shift_time",
)

shifts_router = APIRouter(prefix="/api/v1/shifts", tags=["shifts"])
SHIFT_NOT_FOUND = {404: {"description": "shift_not_found"}}


@shifts_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ShiftRead,
    responses={409: {"description": "shift_name_taken"}, 422: {"description": SHIFT_RULE_ERRORS}},
)
def create_shift(data: ShiftCreate, session: SessionDep, user: AdminUser) -> ShiftRead:
    return ShiftRead.model_validate(service.create_shift(session, data, actor_id=user.id))


@shifts_router.get("", response_model=list[ShiftRead])
def list_shifts(
    session: SessionDep,
    _user: StaffUser,
    active: Annotated[
        bool | None, Query(description="true: active shifts only; false: retired only")
    ] = None,
) -> list[ShiftRead]:
    return [
        ShiftRead.model_validate(shift) for shift in service.list_shifts(session, active=active)
    ]


@shifts_router.get("/{shift_id}", response_model=ShiftRead, responses=SHIFT_NOT_FOUND)
def read_shift(shift_id: PathId, session: SessionDep, _user: StaffUser) -> ShiftRead:
    return ShiftRead.model_validate(service.get_shift(session, shift_id))


@shifts_router.patch(
    "/{shift_id}",
    response_model=ShiftRead,
    responses={
        **SHIFT_NOT_FOUND,
        409: {"description": _codes("shift_name_taken", "shift_weekdays_conflict")},
        422: {"description": SHIFT_RULE_ERRORS},
    },
)
def update_shift(
    shift_id: PathId, data: ShiftUpdate, session: SessionDep, user: AdminUser
) -> ShiftRead:
    return ShiftRead.model_validate(service.update_shift(session, shift_id, data, actor_id=user.id))


@shifts_router.post("/{shift_id}/retire", response_model=ShiftRead, responses=SHIFT_NOT_FOUND)
def retire_shift(shift_id: PathId, session: SessionDep, user: AdminUser) -> ShiftRead:
    """Stop new assignments of the shift; existing assignments and history keep it."""
    return ShiftRead.model_validate(service.retire_shift(session, shift_id, actor_id=user.id))


@shifts_router.post("/{shift_id}/restore", response_model=ShiftRead, responses=SHIFT_NOT_FOUND)
def restore_shift(shift_id: PathId, session: SessionDep, user: AdminUser) -> ShiftRead:
    return ShiftRead.model_validate(service.restore_shift(session, shift_id, actor_id=user.id))


@shifts_router.delete(
    "/{shift_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**SHIFT_NOT_FOUND, 409: {"description": "shift_in_use"}},
)
def delete_shift(shift_id: PathId, session: SessionDep, user: AdminUser) -> Response:
    """Delete a shift that nothing uses; retire a shift in use instead."""
    service.delete_shift(session, shift_id, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


sites_router = APIRouter(prefix="/api/v1/sites", tags=["sites"])
SITE_NOT_FOUND = {404: {"description": "site_not_found"}}
SITE_ERRORS = _codes("field_required", "name_blank", "invalid_timezone")


@sites_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=SiteRead,
    responses={409: {"description": "site_name_taken"}, 422: {"description": SITE_ERRORS}},
)
def create_site(data: SiteCreate, session: SessionDep, user: AdminUser) -> SiteRead:
    return SiteRead.model_validate(sites.create_site(session, data, actor_id=user.id))


@sites_router.get("", response_model=list[SiteRead])
def list_sites(session: SessionDep, _user: StaffUser, active: bool | None = None) -> list[SiteRead]:
    return [SiteRead.model_validate(site) for site in sites.list_sites(session, active=active)]


@sites_router.get("/{site_id}", response_model=SiteRead, responses=SITE_NOT_FOUND)
def read_site(site_id: PathId, session: SessionDep, _user: StaffUser) -> SiteRead:
    return SiteRead.model_validate(sites.get_site(session, site_id))


@sites_router.patch(
    "/{site_id}",
    response_model=SiteRead,
    responses={
        **SITE_NOT_FOUND,
        409: {"description": "site_name_taken"},
        422: {"description": SITE_ERRORS},
    },
)
def update_site(
    site_id: PathId, data: SiteUpdate, session: SessionDep, user: AdminUser
) -> SiteRead:
    """Change the given fields; ``is_active: false`` deactivates the site."""
    return SiteRead.model_validate(sites.update_site(session, site_id, data, actor_id=user.id))


@sites_router.delete(
    "/{site_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**SITE_NOT_FOUND, 409: {"description": "site_in_use"}},
)
def delete_site(site_id: PathId, session: SessionDep, user: AdminUser) -> Response:
    sites.delete_site(session, site_id, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


assignments_router = APIRouter(prefix="/api/v1/assignments", tags=["assignments"])
ASSIGNMENT_NOT_FOUND = {404: {"description": "assignment_not_found"}}


@assignments_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AssignmentRead,
    responses={
        409: {"description": _codes("assignment_overlap", "shift_retired")},
        422: {"description": _codes(ASSIGNMENT_ERRORS, "employee_not_found")},
    },
)
def create_assignment(
    data: AssignmentCreate, session: SessionDep, user: AdminUser
) -> AssignmentRead:
    return AssignmentRead.model_validate(
        assignments.create_assignment(session, data, actor_id=user.id)
    )


@assignments_router.get("", response_model=list[AssignmentRead])
def list_assignments(
    session: SessionDep,
    _user: StaffUser,
    employee_id: QueryId = None,
    shift_id: QueryId = None,
    active_on: Annotated[
        date | None, Query(description="Only assignments covering this date")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AssignmentRead]:
    rows = assignments.list_assignments(
        session,
        employee_id=employee_id,
        shift_id=shift_id,
        active_on=active_on,
        limit=limit,
        offset=offset,
    )
    return [AssignmentRead.model_validate(row) for row in rows]


@assignments_router.get(
    "/{assignment_id}", response_model=AssignmentRead, responses=ASSIGNMENT_NOT_FOUND
)
def read_assignment(assignment_id: PathId, session: SessionDep, _user: StaffUser) -> AssignmentRead:
    return AssignmentRead.model_validate(assignments.get_assignment(session, assignment_id))


@assignments_router.patch(
    "/{assignment_id}",
    response_model=AssignmentRead,
    responses={
        **ASSIGNMENT_NOT_FOUND,
        409: {"description": _codes("assignment_overlap", "shift_retired")},
        422: {"description": ASSIGNMENT_ERRORS},
    },
)
def update_assignment(
    assignment_id: PathId, data: AssignmentUpdate, session: SessionDep, user: AdminUser
) -> AssignmentRead:
    assignment = assignments.update_assignment(session, assignment_id, data, actor_id=user.id)
    return AssignmentRead.model_validate(assignment)


@assignments_router.delete(
    "/{assignment_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ASSIGNMENT_NOT_FOUND
)
def delete_assignment(assignment_id: PathId, session: SessionDep, user: AdminUser) -> Response:
    assignments.delete_assignment(session, assignment_id, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


employee_assignments_router = APIRouter(prefix="/api/v1/employees", tags=["assignments"])


@employee_assignments_router.get(
    "/{employee_id}/assignments",
    response_model=list[AssignmentRead],
    responses={
        403: {"description": "permission_denied"},
        404: {"description": "employee_not_found"},
    },
)
def list_employee_assignments(
    employee_id: PathId, session: SessionDep, user: CurrentUser
) -> list[AssignmentRead]:
    """List the employee's assignments. Staff may read anyone's, an employee only their own."""
    rows = assignments.list_employee_assignments(session, employee_id, user=user)
    return [AssignmentRead.model_validate(row) for row in rows]


holidays_router = APIRouter(prefix="/api/v1/holidays", tags=["holidays"])


@holidays_router.get(
    "",
    response_model=list[HolidayRead],
    responses={422: {"description": _codes("invalid_date_range", "site_not_found")}},
)
def list_holidays(
    session: SessionDep,
    _user: StaffUser,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    date_from: Annotated[date | None, Query(description="First day, inclusive")] = None,
    date_to: Annotated[date | None, Query(description="Last day, inclusive")] = None,
    site_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ROW_ID, description="The site's own holidays and those of every site"),
    ] = None,
) -> list[HolidayRead]:
    rows = holidays.list_holidays(
        session, year=year, date_from=date_from, date_to=date_to, site_id=site_id
    )
    return [HolidayRead.model_validate(row) for row in rows]


@holidays_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=HolidayRead,
    responses={
        409: {"description": "holiday_exists"},
        422: {"description": _codes("name_blank", "site_not_found")},
    },
)
def create_holiday(data: HolidayCreate, session: SessionDep, user: AdminUser) -> HolidayRead:
    return HolidayRead.model_validate(holidays.create_holiday(session, data, actor_id=user.id))


@holidays_router.post(
    "/import",
    response_model=HolidayImportResult,
    responses={
        422: {
            "description": _codes(
                "unsupported_country", "unsupported_subdivision", "site_not_found"
            )
        }
    },
)
def import_holidays(
    data: HolidayImport, session: SessionDep, user: AdminUser
) -> HolidayImportResult:
    """Fill one year of holidays from the `holidays` package; a repeat adds only missing days."""
    return holidays.import_holidays(session, data, actor_id=user.id)


@holidays_router.delete(
    "/{holiday_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"description": "holiday_not_found"}},
)
def delete_holiday(holiday_id: PathId, session: SessionDep, user: AdminUser) -> Response:
    holidays.delete_holiday(session, holiday_id, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


router = APIRouter()
for _router in (
    shifts_router,
    sites_router,
    assignments_router,
    employee_assignments_router,
    holidays_router,
):
    router.include_router(_router)
