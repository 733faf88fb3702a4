"""Errors of attendance days, punch corrections and the shift dry run."""

from asistencia.core.errors import AppError


class InvalidDateRange(AppError):
    code = "invalid_date_range"
    status_code = 422
    msgid = "The end date {to} is before the start date {start}; send a 'to' on or after 'from'."


class DateRangeTooLong(AppError):
    code = "date_range_too_long"
    status_code = 422
    msgid = "The range from {start} to {to} spans {days} days; request at most {limit} days."


class DayNotFound(AppError):
    code = "attendance_day_not_found"
    status_code = 404
    msgid = "Attendance day {day_id} was not found."


class PunchNotFound(AppError):
    code = "punch_not_found"
    status_code = 404
    msgid = "Punch {punch_id} was not found."


class PunchAlreadyVoided(AppError):
    code = "punch_voided"
    status_code = 409
    msgid = "Punch {punch_id} was voided and cannot be changed; add a new punch instead."


class PunchInFuture(AppError):
    code = "punch_in_future"
    status_code = 422
    msgid = "The punch time {recorded_at} is in the future; send a time that has already passed."


class TimezoneRequired(AppError):
    code = "timezone_required"
    status_code = 422
    msgid = (
        "The time {value} has no UTC offset; send it in ISO 8601 with an offset,"
        " such as 2026-03-02T08:00:00-05:00."
    )


class ReasonRequired(AppError):
    code = "reason_required"
    status_code = 422
    msgid = "A reason is required for every attendance correction."


class NothingToChange(AppError):
    code = "punch_unchanged"
    status_code = 422
    msgid = (
        "Send a new recorded_at or kind for punch {punch_id};"
        " the values sent match the stored ones."
    )


class InvalidShiftRules(AppError):
    code = "invalid_shift_rules"
    status_code = 422
    msgid = "The proposed shift rules are invalid: {detail}"


class EmployeeAccountUnlinked(AppError):
    code = "employee_account_unlinked"
    status_code = 403
    msgid = "Your account is not linked to an employee, so there is no attendance to show."
