"""Shift rule dry run: the attendance days that proposed rules would change."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from asistencia.accounts.dependencies import StaffUser
from asistencia.attendance.days_schemas import DryRunResult
from asistencia.attendance.dry_run import dry_run_shift
from asistencia.core.dependencies import SessionDep, SettingsDep
from asistencia.shifts.schemas import ShiftUpdate

router = APIRouter(prefix="/api/v1/shifts", tags=["shifts"])


@router.post(
    "/{shift_id}/dry-run",
    response_model=DryRunResult,
    responses={
        404: {"description": "shift_not_found"},
        422: {
            "description": "invalid_date_range, date_range_too_long, invalid_shift_rules"
            " and the shift rule errors"
        },
    },
)
def dry_run(
    shift_id: int,
    data: ShiftUpdate,
    session: SessionDep,
    settings: SettingsDep,
    _user: StaffUser,
    first: Annotated[
        date | None,
        Query(alias="from", description="First local date; default 30 days before 'to'"),
    ] = None,
    last: Annotated[
        date | None, Query(alias="to", description="Last local date, inclusive; default today")
    ] = None,
) -> DryRunResult:
    """Compare days under the current and the proposed rules; nothing is stored."""
    return dry_run_shift(session, settings, shift_id, data, first=first, last=last)
