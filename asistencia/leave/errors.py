"""Errors raised by the leave workflow."""

from __future__ import annotations

from typing import Any

from asistencia.core.errors import AppError
from asistencia.core.i18n import translate

# Status words shown inside messages; "rejected" is shared with the photo results.
STATUS_WORDS = {
    "pending": "pending",
    "approved": "approved",
    "rejected": "rejected",
    "cancelled": "cancelled",
}


def status_word(status: str, locale: str | None = None) -> str:
    """Translate a leave status for use inside a sentence."""
    return translate(STATUS_WORDS.get(status, status), locale)


class LeaveNotFound(AppError):
    code = "leave_not_found"
    status_code = 404
    msgid = "Leave request {leave_id} was not found."


class LeaveForbidden(AppError):
    code = "leave_forbidden"
    status_code = 403
    msgid = (
        "You can only request leave for your own employee record; ask a supervisor to file"
        " the request for employee {employee_id}."
    )


class AccountNotLinked(AppError):
    code = "account_not_linked"
    status_code = 403
    msgid = "Your account is not linked to an employee record; ask an admin to link it."


class LeaveOverlap(AppError):
    code = "leave_overlap"
    status_code = 409
    msgid = (
        "The dates overlap leave request {other_id} ({status}, {start} to {end}); change the"
        " dates or cancel that request first."
    )

    def message(self, locale: str) -> str:
        params = {**self.params, "status": status_word(self.params["status"], locale)}
        return translate(self.msgid, locale, **params)

    def details(self) -> dict[str, Any]:
        return {"leave_id": self.params["other_id"], "status": self.params["status"]}


class LeaveAlreadyDecided(AppError):
    code = "leave_already_decided"
    status_code = 409
    msgid = "Leave request {leave_id} is already {status}, so it can no longer be changed."

    def message(self, locale: str) -> str:
        params = {**self.params, "status": status_word(self.params["status"], locale)}
        return translate(self.msgid, locale, **params)

    def details(self) -> dict[str, Any]:
        return {"status": self.params["status"]}


class CommentRequired(AppError):
    code = "comment_required"
    status_code = 422
    msgid = "A comment is required to reject a leave request; say why it is rejected."


class SelfReview(AppError):
    code = "leave_self_review"
    status_code = 403
    msgid = (
        "Supervisors cannot approve or reject their own leave request; ask another"
        " supervisor or an admin."
    )


class LeaveDatesInvalid(AppError):
    code = "leave_dates_invalid"
    status_code = 422
    msgid = "The end date {end_date} is before the start date {start_date}."


class LeaveTimesInvalid(AppError):
    code = "leave_times_invalid"
    status_code = 422
    msgid = "Give both start_time and end_time for part of a day, or neither for whole days."


class LeaveTimesOrder(AppError):
    code = "leave_times_invalid"
    status_code = 422
    msgid = "The end time {end_time} must be after the start time {start_time}."


class LeavePartDayRange(AppError):
    code = "leave_times_invalid"
    status_code = 422
    msgid = (
        "Leave for part of a day must start and end on the same date; send whole days"
        " without times, or one request per day."
    )


class LeaveRangeTooLong(AppError):
    code = "leave_range_too_long"
    status_code = 422
    msgid = "The leave covers {days} days; the maximum is {limit} days, so split it into several requests."


class AttachmentEmpty(AppError):
    code = "attachment_empty"
    status_code = 422
    msgid = "The uploaded file is empty; send a PDF or a photo of the document."


class AttachmentUnsupported(AppError):
    code = "attachment_unsupported"
    status_code = 415
    msgid = "The file is not a PDF or a JPEG, PNG, WebP or HEIC image; send the document in one of those formats."


class AttachmentTooLarge(AppError):
    code = "attachment_too_large"
    status_code = 413
    msgid = "The file is larger than {limit_mb} MB, the maximum for an attachment; send a smaller file."


class AttachmentNotFound(AppError):
    code = "attachment_not_found"
    status_code = 404
    msgid = "Leave request {leave_id} has no attachment."


class LeaveChangeForbidden(AppError):
    code = "leave_forbidden"
    status_code = 403
    msgid = "Only the employee who filed leave request {leave_id} or a supervisor can change it."


class LeaveCancelForbidden(AppError):
    code = "leave_forbidden"
    status_code = 403
    msgid = (
        "Only the employee on leave or whoever filed leave request {leave_id} can cancel it;"
        " supervisors reject it instead."
    )
