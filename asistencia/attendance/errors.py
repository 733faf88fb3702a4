from asistencia.core.errors import AppError


class EmployeeNotEnrolled(AppError):
    code = "employee_not_enrolled"
    status_code = 422
    msgid = "Employee {employee_code} has no enrolled face yet."
