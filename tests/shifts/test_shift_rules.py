"""validate_shift_rules: each rule on merged values, without the database."""

from __future__ import annotations

from datetime import time

import pytest

from asistencia.core.errors import AppError
from asistencia.shifts.validation import merged_shift_values, validate_shift_rules


def values(**changes):
    return merged_shift_values(None, {"start_time": time(9), "end_time": time(17), **changes})


def code_of(**changes) -> str | None:
    try:
        validate_shift_rules(values(**changes))
    except AppError as error:
        return error.code
    return None


VALID = [
    pytest.param({}, id="day-shift"),
    pytest.param({"start_time": time(22), "end_time": time(6)}, id="night-crosses-midnight"),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(18),
            "segments": [(time(8), time(12)), (time(14), time(18))],
        },
        id="split-shift",
    ),
    pytest.param(
        {
            "start_time": time(20),
            "end_time": time(5),
            "segments": [(time(20), time(23)), (time(1), time(5))],
        },
        id="split-night-gap-after-midnight",
    ),
    pytest.param(
        {
            "start_time": time(18),
            "end_time": time(2),
            "segments": [(time(18), time(22)), (time(23), time(2))],
        },
        id="split-segment-crosses-midnight",
    ),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(8),
            "segments": [(time(8), time(20)), (time(20), time(8))],
        },
        id="24-hours-in-two-segments",
    ),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(18),
            "segments": [["08:00", "12:00"], ["14:00", "18:00"]],
        },
        id="segments-as-stored-strings",
    ),
    pytest.param({"break_minutes": 60}, id="break-minutes"),
    pytest.param({"break_start": time(13), "break_end": time(14)}, id="break-window"),
    pytest.param(
        {"start_time": time(22), "end_time": time(6), "break_start": time(2), "break_end": time(3)},
        id="break-window-after-midnight",
    ),
    pytest.param(
        {"break_minutes": 0, "break_start": time(13), "break_end": time(14)},
        id="zero-minutes-with-window",
    ),
    pytest.param({"min_half_minutes": 240, "min_full_minutes": 240}, id="equal-minimums"),
    pytest.param({"min_half_minutes": 240}, id="half-minimum-alone"),
    pytest.param({"weekdays": "7"}, id="sunday-only"),
]


@pytest.mark.parametrize("changes", VALID)
def test_rules_accept_valid_shift(changes):
    assert code_of(**changes) is None


INVALID = [
    pytest.param({"start_time": None}, "shift_time_missing", id="no-start"),
    pytest.param({"end_time": None}, "shift_time_missing", id="no-end"),
    pytest.param({"grace_in_minutes": None}, "field_required", id="null-grace"),
    pytest.param({"weekdays": None}, "field_required", id="null-weekdays"),
    pytest.param({"start_time": time(9, 0, 30)}, "invalid_shift_time", id="seconds"),
    pytest.param({"start_time": "nine"}, "invalid_shift_time", id="not-a-time"),
    pytest.param({"weekdays": "112"}, "invalid_weekdays", id="repeated-weekday"),
    pytest.param({"weekdays": "8"}, "invalid_weekdays", id="weekday-8"),
    pytest.param({"weekdays": "0"}, "invalid_weekdays", id="weekday-0"),
    pytest.param({"weekdays": ""}, "invalid_weekdays", id="no-weekdays"),
    pytest.param(
        {"start_time": time(9), "end_time": time(9)},
        "shift_segment_zero_length",
        id="start-equals-end",
    ),
    pytest.param({"segments": []}, "shift_segments_empty", id="empty-segments"),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(17),
            "segments": [(time(8), time(12)), (time(12), time(12))],
        },
        "shift_segment_zero_length",
        id="zero-length-segment",
    ),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(15),
            "segments": [(time(8), time(12)), (time(11), time(15))],
        },
        "shift_segments_overlap",
        id="overlapping-segments",
    ),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(11),
            "segments": [(time(8), time(12)), (time(10), time(11))],
        },
        "shift_segments_overlap",
        id="segment-inside-previous",
    ),
    pytest.param(
        {
            "start_time": time(14),
            "end_time": time(12),
            "segments": [(time(14), time(18)), (time(8), time(12))],
        },
        "shift_segments_unordered",
        id="afternoon-listed-first",
    ),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(9),
            "segments": [(time(8), time(20)), (time(21), time(9))],
        },
        "shift_too_long",
        id="longer-than-24-hours",
    ),
    pytest.param(
        {
            "start_time": time(7),
            "end_time": time(18),
            "segments": [(time(8), time(12)), (time(14), time(18))],
        },
        "shift_segments_mismatch",
        id="start-differs-from-segments",
    ),
    pytest.param(
        {
            "start_time": time(8),
            "end_time": time(19),
            "segments": [(time(8), time(12)), (time(14), time(18))],
        },
        "shift_segments_mismatch",
        id="end-differs-from-segments",
    ),
    pytest.param(
        {"break_minutes": 30, "break_start": time(13), "break_end": time(14)},
        "break_conflict",
        id="both-breaks",
    ),
    pytest.param({"break_start": time(13)}, "break_window_incomplete", id="break-start-only"),
    pytest.param({"break_end": time(14)}, "break_window_incomplete", id="break-end-only"),
    pytest.param(
        {"break_start": time(16), "break_end": time(18)},
        "break_window_outside_shift",
        id="break-past-end",
    ),
    pytest.param(
        {"break_start": time(7), "break_end": time(8)},
        "break_window_outside_shift",
        id="break-before-start",
    ),
    pytest.param(
        {"break_start": time(13), "break_end": time(13)},
        "break_window_outside_shift",
        id="empty-break",
    ),
    pytest.param(
        {"start_time": time(22), "end_time": time(6), "break_start": time(5), "break_end": time(7)},
        "break_window_outside_shift",
        id="night-break-past-end",
    ),
    pytest.param({"break_minutes": 480}, "break_too_long", id="break-as-long-as-shift"),
    pytest.param(
        {"min_half_minutes": 300, "min_full_minutes": 240},
        "shift_minimums_invalid",
        id="half-above-full",
    ),
]


@pytest.mark.parametrize(("changes", "code"), INVALID)
def test_rules_reject_invalid_shift(changes, code):
    assert code_of(**changes) == code


def test_merged_values_keep_stored_fields():
    class StoredShift:
        start_time = time(22)
        end_time = time(6)
        segments = None
        weekdays = "123"
        grace_in_minutes = 10
        grace_out_minutes = 0
        break_minutes = 45
        break_start = None
        break_end = None
        window_before_minutes = 60
        window_after_minutes = 60
        min_full_minutes = None
        min_half_minutes = None
        overtime_after_minutes = 0
        overtime_before_allowed = False
        required_minutes = None
        tolerance_minutes = 0

    merged = merged_shift_values(StoredShift(), {"grace_in_minutes": 3, "name": "ignored"})  # type: ignore[arg-type]

    assert merged["grace_in_minutes"] == 3
    assert merged["break_minutes"] == 45
    assert merged["start_time"] == time(22)
    assert "name" not in merged
