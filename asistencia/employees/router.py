from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from asistencia.accounts.dependencies import AdminUser, StaffUser
from asistencia.core.dependencies import SessionDep
from asistencia.employees import service
from asistencia.employees.schemas import EmployeeCreate, EmployeeList, EmployeeRead, EmployeeUpdate
from asistencia.faces.dependencies import TemplateIndexDep

router = APIRouter(prefix="/api/v1/employees", tags=["employees"])

NOT_FOUND = {404: {"description": "employee_not_found"}}


@router.post(
    "", status_code=status.HTTP_201_CREATED, response_model=EmployeeRead,
    responses={409: {"description": "employee_code_taken"}, 422: {"description": "shift_not_found"}},
)
def create_employee(data: EmployeeCreate, session: SessionDep, user: AdminUser) -> EmployeeRead:
    employee = service.create_employee(session, data, actor_id=user.id)
    return service.to_read(session, employee)


@router.get("", response_model=EmployeeList)
def list_employees(
    session: SessionDep,
    _user: StaffUser,
    active: bool | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of the name or code")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EmployeeList:
    items, total = service.list_employees(session, active=active, search=q, limit=limit, offset=offset)
    return EmployeeList(items=items, total=total)


@router.get("/{employee_id}", response_model=EmployeeRead, responses=NOT_FOUND)
def read_employee(employee_id: int, session: SessionDep, _user: StaffUser) -> EmployeeRead:
    return service.to_read(session, service.get_employee(session, employee_id))


@router.patch("/{employee_id}", response_model=EmployeeRead, responses=NOT_FOUND)
def update_employee(
    employee_id: int, data: EmployeeUpdate, session: SessionDep, index: TemplateIndexDep, user: AdminUser
) -> EmployeeRead:
    employee = service.update_employee(session, employee_id, data, actor_id=user.id, index=index)
    return service.to_read(session, employee)


@router.post("/{employee_id}/deactivate", response_model=EmployeeRead, responses=NOT_FOUND)
def deactivate_employee(
    employee_id: int, session: SessionDep, index: TemplateIndexDep, user: AdminUser
) -> EmployeeRead:
    """Stop matching and checking in the employee; history and templates are kept."""
    employee = service.update_employee(
        session, employee_id, EmployeeUpdate(is_active=False), actor_id=user.id, index=index
    )
    return service.to_read(session, employee)


@router.post("/{employee_id}/activate", response_model=EmployeeRead, responses=NOT_FOUND)
def activate_employee(
    employee_id: int, session: SessionDep, index: TemplateIndexDep, user: AdminUser
) -> EmployeeRead:
    employee = service.update_employee(
        session, employee_id, EmployeeUpdate(is_active=True), actor_id=user.id, index=index
    )
    return service.to_read(session, employee)


@router.delete(
    "/{employee_id}", status_code=status.HTTP_204_NO_CONTENT,
    responses={**NOT_FOUND, 409: {"description": "employee_has_attendance"}},
)
def delete_employee(
    employee_id: int,
    session: SessionDep,
    index: TemplateIndexDep,
    user: AdminUser,
    purge: Annotated[bool, Query(description="Also erase the employee's attendance records")] = False,
) -> Response:
    """Delete the employee and their face templates."""
    service.delete_employee(session, index, employee_id, purge=purge, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
