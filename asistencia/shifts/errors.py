"""Errors of the shift catalogue: shifts, sites, assignments and holidays."""

from asistencia.core.errors import AppError


class FieldRequired(AppError):
    code = "field_required"
    status_code = 422
    msgid = "The field {field} cannot be null; send a value or leave the field out."


class NameBlank(AppError):
    code = "name_blank"
    status_code = 422
    msgid = "The field {field} is blank; send at least one visible character."


class ControlCharacters(AppError):
    code = "invalid_text"
    status_code = 422
    msgid = "The field {field} contains control characters such as NUL; remove them."


class InvalidDateRange(AppError):
    code = "invalid_date_range"
    status_code = 422
    msgid = (
        "The end date {end} is before the start date {start}; send an end on or after the start."
    )


class InvalidWeekdays(AppError):
    code = "invalid_weekdays"
    status_code = 422
    msgid = (
        "The weekdays {weekdays} are invalid; use ISO weekday digits 1 (Monday) to 7 (Sunday), "
        "each at most once."
    )


# Shifts


class ShiftNotFound(AppError):
    code = "shift_not_found"
    status_code = 404
    msgid = "Shift {shift_id} does not exist."


class ReferencedShiftNotFound(ShiftNotFound):
    """A shift named in a request body, as opposed to the URL, does not exist."""

    status_code = 422


class ShiftNameTaken(AppError):
    code = "shift_name_taken"
    status_code = 409
    msgid = "The shift name {name} is already in use; choose another name."


class ShiftInUse(AppError):
    code = "shift_in_use"
    status_code = 409
    msgid = (
        "Shift {name} is in use by {employees} employees, {assignments} assignments and "
        "{days} attendance days; retire it instead of deleting it."
    )


class ShiftRetired(AppError):
    code = "shift_retired"
    status_code = 409
    msgid = "Shift {name} is retired and cannot get new assignments; choose an active shift."


class ShiftTimeMissing(AppError):
    code = "shift_time_missing"
    status_code = 422
    msgid = "The shift needs both a start_time and an end_time."


class InvalidShiftTime(AppError):
    code = "invalid_shift_time"
    status_code = 422
    msgid = (
        "The time {value} in {field} is invalid; shift times are local wall-clock times in "
        "whole minutes without a time zone, such as 08:00."
    )


class ShiftSegmentsEmpty(AppError):
    code = "shift_segments_empty"
    status_code = 422
    msgid = (
        "The segments list is empty; send at least one [start, end] pair, or null for a shift "
        "without segments."
    )


class ShiftSegmentZeroLength(AppError):
    code = "shift_segment_zero_length"
    status_code = 422
    msgid = (
        "The segment {segment} starts and ends at the same time; set an end different from the "
        "start."
    )


class ShiftSegmentsOverlap(AppError):
    code = "shift_segments_overlap"
    status_code = 422
    msgid = (
        "The segment {segment} starts inside the previous segment {previous}; segments must not "
        "overlap."
    )


class ShiftSegmentsUnordered(AppError):
    code = "shift_segments_unordered"
    status_code = 422
    msgid = (
        "The segments {segments} are out of order: the gap before {segment} is longer than the "
        "rest between two shifts; list the segments in the order they are worked."
    )


class ShiftTooLong(AppError):
    code = "shift_too_long"
    status_code = 422
    msgid = (
        "The shift lasts {minutes} minutes from its first start to its last end; a shift lasts "
        "at most 24 hours."
    )


class ShiftSegmentsMismatch(AppError):
    code = "shift_segments_mismatch"
    status_code = 422
    msgid = (
        "The shift runs from {start_time} to {end_time} but its segments run from {first_start} "
        "to {last_end}; set start_time to the first segment start and end_time to the last "
        "segment end."
    )


class BreakConflict(AppError):
    code = "break_conflict"
    status_code = 422
    msgid = (
        "The shift sets both break_minutes ({minutes}) and a break window; set break_minutes "
        "to 0 or remove break_start and break_end."
    )


class BreakWindowIncomplete(AppError):
    code = "break_window_incomplete"
    status_code = 422
    msgid = "The break window sets only {present}; set both break_start and break_end, or neither."


class BreakWindowOutsideShift(AppError):
    code = "break_window_outside_shift"
    status_code = 422
    msgid = (
        "The break window {break_start}-{break_end} does not lie within the shift "
        "{start_time}-{end_time}; choose a non-empty window inside the shift."
    )


class BreakTooLong(AppError):
    code = "break_too_long"
    status_code = 422
    msgid = (
        "The break of {break_minutes} minutes is not shorter than the {minutes} scheduled "
        "minutes; shorten the break."
    )


class ShiftMinimumsInvalid(AppError):
    code = "shift_minimums_invalid"
    status_code = 422
    msgid = (
        "min_half_minutes ({half}) is greater than min_full_minutes ({full}); the half-day "
        "minimum must not exceed the full-day minimum."
    )


class ShiftWeekdaysOverlap(AppError):
    code = "shift_weekdays_conflict"
    status_code = 409
    msgid = (
        "Changing the weekdays of shift {name} to {weekdays} makes assignment {assignment_id} "
        "overlap assignment {other_id} ({other_shift}, {other_dates}); set explicit weekdays on "
        "the assignments first."
    )


class ShiftWeekdaysDropOverride(AppError):
    code = "shift_weekdays_conflict"
    status_code = 409
    msgid = (
        "Changing the weekdays of shift {name} to {weekdays} leaves the override for weekday "
        "{weekday} of assignment {assignment_id} without a working day; remove that override first."
    )


# Sites


class SiteNotFound(AppError):
    code = "site_not_found"
    status_code = 404
    msgid = "Site {site_id} does not exist."


class ReferencedSiteNotFound(SiteNotFound):
    """A site named in a request body or query, as opposed to the URL, does not exist."""

    status_code = 422


class SiteNameTaken(AppError):
    code = "site_name_taken"
    status_code = 409
    msgid = "The site name {name} is already in use; choose another name."


class InvalidTimezone(AppError):
    code = "invalid_timezone"
    status_code = 422
    msgid = "The time zone {timezone} is not a valid IANA name; use a name such as America/Lima."


class SiteInUse(AppError):
    code = "site_in_use"
    status_code = 409
    msgid = (
        "Site {name} is used by {employees} employees and {days} attendance days; deactivate "
        "the site instead of deleting it."
    )


# Assignments


class AssignmentNotFound(AppError):
    code = "assignment_not_found"
    status_code = 404
    msgid = "Assignment {assignment_id} does not exist."


class AssignmentEmployeeNotFound(AppError):
    code = "employee_not_found"
    status_code = 422
    msgid = "Employee {employee} was not found."


class AssignmentOverlap(AppError):
    code = "assignment_overlap"
    status_code = 409
    msgid = (
        "The assignment overlaps assignment {other_id} ({other_shift}, {other_dates}) on "
        "weekdays {weekdays}; change the dates or the weekdays of one of them."
    )


class OverrideWeekdayInvalid(AppError):
    code = "override_weekday_invalid"
    status_code = 422
    msgid = (
        "The override key {weekday} is not one of the assignment's weekdays {weekdays}; use a "
        "weekday digit from that set."
    )


class OverrideTimesIncomplete(AppError):
    code = "override_times_incomplete"
    status_code = 422
    msgid = (
        "The override for weekday {weekday} sets only its {present}; set both start and end, or "
        "neither."
    )


class OverrideZeroLength(AppError):
    code = "override_zero_length"
    status_code = 422
    msgid = (
        "The override for weekday {weekday} starts and ends at {time}; set an end different from "
        "the start."
    )


# Holidays


class HolidayNotFound(AppError):
    code = "holiday_not_found"
    status_code = 404
    msgid = "Holiday {holiday_id} does not exist."


class HolidayExists(AppError):
    code = "holiday_exists"
    status_code = 409
    msgid = (
        "Site {site} already has a holiday on {day}: {name}; delete it first or pick another day."
    )


class HolidayExistsForAllSites(HolidayExists):
    msgid = (
        "A holiday for every site already exists on {day}: {name}; delete it first or pick "
        "another day."
    )


class UnsupportedCountry(AppError):
    code = "unsupported_country"
    status_code = 422
    msgid = (
        "The holiday calendar has no data for the country code {country_code}; enter its "
        "holidays one by one."
    )


class UnsupportedSubdivision(AppError):
    code = "unsupported_subdivision"
    status_code = 422
    msgid = "The country {country_code} has no subdivision {subdivision}; use one of: {supported}."


class NoSubdivisions(UnsupportedSubdivision):
    msgid = (
        "The country {country_code} has no subdivisions in the holiday calendar; import without "
        "a subdivision."
    )
