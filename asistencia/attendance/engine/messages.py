"""Message ids of explanation steps and labels; the Spanish catalogue translates each one.

Times in parameters are local ``HH:MM`` strings and minutes are integers, so a message
renders the same facts in every language. A ``kind`` parameter holds a LeaveKind value and
a ``status`` parameter a Status value; ``render_explanation`` translates both labels.
"""

from __future__ import annotations

from .types import LeaveKind, Status

SHIFT_SCHEDULED = "Scheduled shift {shift} from {start} to {end}: {minutes} minutes required."
SPLIT_SHIFT_SCHEDULED = "Scheduled split shift {shift}, {segments}: {minutes} minutes required."
DUPLICATE_IGNORED = (
    "Ignored a repeated punch at {time}, {seconds} seconds after the punch kept at {kept}."
)
DIRECTIONS_INFERRED = (
    "Punches without a direction were taken as check-in and check-out in turn, in time order."
)
EXTRA_CHECK_IN_IGNORED = (
    "Ignored a check-in at {time} because the check-in at {open_time} had no check-out yet."
)
ORPHAN_CHECK_OUT_IGNORED = "Ignored a check-out at {time} because no check-in came before it."

HOLIDAY_NO_PUNCHES = "The date is a holiday and no punches were recorded."
HOLIDAY_WORKED = "The date is a holiday: all {minutes} worked minutes count as overtime."
LEAVE_FULL = "Approved leave ({kind}) covers the whole shift."
JUSTIFICATION_FULL = "An approved justification ({kind}) covers the whole shift."
LEAVE_PART = "Approved leave ({kind}) covers {minutes} minutes of the shift, from {start} to {end}."
JUSTIFICATION_PART = (
    "An approved justification ({kind}) covers {minutes} minutes of the shift,"
    " from {start} to {end}."
)

NO_PUNCHES_PENDING = "No punches yet; the check-in window stays open until {time}."
NO_PUNCHES_ABSENT = "No punches were recorded between {start} and {end}."

CHECKED_IN_EARLY = "Checked in at {time}, {minutes} minutes before the start at {start}."
CHECKED_IN_ON_TIME = "Checked in at {time}, on time for the start at {start}."
CHECKED_IN_WITHIN_GRACE = (
    "Checked in at {time}, {minutes} minutes after the start at {start},"
    " within the grace period of {grace} minutes."
)
CHECKED_IN_LATE = (
    "Checked in at {time}, {minutes} minutes after the start at {start}; the grace period is"
    " {grace} minutes, so the late minutes count from the start."
)
LATE_EXCUSED = (
    "Leave or a justification covers {covered} of the late minutes, so {remaining} late"
    " minutes remain."
)

CHECKED_OUT_ON_TIME = "Checked out at {time}, at the end at {end}."
CHECKED_OUT_WITHIN_GRACE = (
    "Checked out at {time}, {minutes} minutes before the end at {end},"
    " within the grace period of {grace} minutes."
)
CHECKED_OUT_EARLY = (
    "Checked out at {time}, {minutes} minutes before the end at {end}; the grace period is"
    " {grace} minutes."
)
EARLY_EXIT_EXCUSED = (
    "Leave or a justification covers {covered} of the early exit minutes, so {remaining}"
    " early exit minutes remain."
)
CHECKED_OUT_AFTER_END = "Checked out at {time}, {minutes} minutes after the end at {end}."

CHECK_OUT_MISSING = (
    "The check-in at {time} has no check-out and the window closed at {closed};"
    " no check-out time is assumed."
)
CHECK_OUT_PENDING = "Checked in at {time}; the check-out window stays open until {closed}."
CHECK_IN_MISSING = "No check-in was recorded, so the check-out at {time} cannot be paired."

PAIRS_WORKED = "Check-in/check-out pairs: {pairs}; time recorded between them: {minutes} minutes."
BEFORE_START_COUNTED = "Worked {minutes} minutes before the start; they count as overtime."
BEFORE_START_NOT_COUNTED = (
    "Worked {minutes} minutes before the start; they do not count because this shift does"
    " not allow overtime before the start."
)
AFTER_END_COUNTED = (
    "The last check-out is {minutes} minutes after the end, at least the {threshold} minutes"
    " required, so all {overtime} minutes worked after the end count as overtime."
)
AFTER_END_NOT_COUNTED = (
    "The last check-out is {minutes} minutes after the end, less than the {threshold}"
    " minutes required for overtime, so the time after the end does not count."
)
GAP_NOT_COUNTED = (
    "Worked {minutes} minutes between the segments of the split shift; they do not count."
)
BREAK_FIXED = "Deducted the unpaid break of {minutes} minutes."
BREAK_WINDOW = "Deducted {minutes} minutes worked inside the unpaid break from {start} to {end}."

WORKED_BALANCE = "Worked {worked} minutes against {required} required: a balance of {balance}."
BALANCE_DEFICIT = "The deficit is larger than the tolerance of {tolerance} minutes."
BALANCE_EXCESS = "The excess is larger than the tolerance of {tolerance} minutes."
BELOW_HALF_DAY = "Worked {worked} minutes, less than the {minimum} minutes needed for a half day."
HALF_DAY = (
    "Worked {worked} minutes: at least the {half} minutes of a half day but less than the"
    " {full} minutes of a full day."
)
LATE_AND_EARLY = (
    "Both a late arrival and an early exit apply; the status is late and both counts are reported."
)
PROVISIONAL = "The window stays open until {time}, so this result is provisional."
STATUS_RESULT = "Status: {status}."

STATUS_LABELS: dict[Status, str] = {
    Status.PRESENT: "Present",
    Status.LATE: "Late",
    Status.EARLY_LEAVE: "Early leave",
    Status.HALF_DAY: "Half day",
    Status.ABSENT: "Absent",
    Status.INCOMPLETE: "Incomplete",
    Status.HOLIDAY: "Holiday",
    Status.ON_LEAVE: "On leave",
    Status.JUSTIFIED: "Justified",
    Status.PENDING: "Pending",
    Status.IN_PROGRESS: "In progress",
}

LEAVE_KIND_LABELS: dict[LeaveKind, str] = {
    LeaveKind.MEDICAL: "Medical",
    LeaveKind.PERSONAL: "Personal",
    LeaveKind.FAMILY: "Family",
    LeaveKind.ACADEMIC: "Academic",
    LeaveKind.AUTHORISED_PERMISSION: "Authorised permission",
    LeaveKind.VACATION: "Vacation",
    LeaveKind.LICENCE: "Licence",
    LeaveKind.OTHER: "Other",
}


def all_msgids() -> list[str]:
    """Return every message id and label id this package can emit."""
    steps = [
        value for name, value in globals().items() if name.isupper() and isinstance(value, str)
    ]
    return steps + list(STATUS_LABELS.values()) + list(LEAVE_KIND_LABELS.values())
