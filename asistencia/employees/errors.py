from asistencia.core.errors import AppError


class EmployeeNotFound(AppError):
    code = "employee_not_found"
    status_code = 404
    msgid = "Employee {employee} was not found."


class EmployeeCodeTaken(AppError):
    code = "employee_code_taken"
    status_code = 409
    msgid = "The employee code {employee_code} is already in use."


class EmployeeInactive(AppError):
    code = "employee_inactive"
    status_code = 409
    msgid = "Employee {employee_code} is deactivated."


class EmployeeHasAttendance(AppError):
    code = "employee_has_attendance"
    status_code = 409
    msgid = (
        "Employee {employee_code} has {count} attendance records; deactivate the employee "
        "instead, or delete with purge=true to erase the records too."
    )


class ShiftNotFound(AppError):
    code = "shift_not_found"
    status_code = 422
    msgid = "Shift {shift_id} does not exist."


class SiteNotFound(AppError):
    code = "site_not_found"
    status_code = 422
    msgid = "Site {site_id} does not exist."
