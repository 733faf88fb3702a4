"""Shifts API: CRUD, validation errors that store nothing, retire and the in-use delete guard."""

from __future__ import annotations

import pytest
from helpers import create_employee
from shift_helpers import (
    audit_actions,
    create_assignment,
    create_shift,
    error_code,
    insert_attendance_day,
    last_audit,
    shift_body,
    stored_state,
    user_headers,
)


def test_create_shift_stores_fields(client, admin_headers):
    response = client.post(
        "/api/v1/shifts",
        json=shift_body(
            "Partido",
            start_time="08:00",
            end_time="18:00",
            weekdays="531",
            segments=[["08:00", "12:00"], ["14:00", "18:00"]],
            grace_in_minutes=10,
        ),
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["segments"] == [["08:00", "12:00"], ["14:00", "18:00"]]
    assert body["weekdays"] == "135"
    assert body["grace_in_minutes"] == 10
    assert body["break_minutes"] == 0
    assert body["is_active"] is True
    assert client.get(f"/api/v1/shifts/{body['id']}", headers=admin_headers).json() == body


def test_create_shift_records_audit(client, admin_headers):
    shift = create_shift(client, admin_headers, "Noche Larga", start_time="22:00", end_time="06:00")

    entry = last_audit(client, "shift.created")

    assert entry.entity_id == str(shift["id"])
    assert entry.after["start_time"] == "22:00"
    assert entry.after["end_time"] == "06:00"


def test_list_shifts_filters_retired(client, admin_headers):
    active = create_shift(client, admin_headers, "Activo")
    retired = create_shift(client, admin_headers, "Antiguo")
    client.post(f"/api/v1/shifts/{retired['id']}/retire", headers=admin_headers)

    only_active = client.get(
        "/api/v1/shifts", params={"active": "true"}, headers=admin_headers
    ).json()
    only_retired = client.get(
        "/api/v1/shifts", params={"active": "false"}, headers=admin_headers
    ).json()
    every = client.get("/api/v1/shifts", headers=admin_headers).json()

    assert active["id"] in [shift["id"] for shift in only_active]
    assert retired["id"] not in [shift["id"] for shift in only_active]
    assert [shift["id"] for shift in only_retired] == [retired["id"]]
    assert {active["id"], retired["id"]} <= {shift["id"] for shift in every}


def test_update_shift_changes_fields(client, admin_headers):
    shift = create_shift(client, admin_headers)

    response = client.patch(
        f"/api/v1/shifts/{shift['id']}",
        json={"name": "Oficina Central", "end_time": "18:00", "break_minutes": 60},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Oficina Central"
    assert response.json()["end_time"] == "18:00:00"
    assert response.json()["break_minutes"] == 60
    entry = last_audit(client, "shift.updated")
    assert entry.before["end_time"] == "17:00"
    assert entry.after["end_time"] == "18:00"


def test_update_shift_checks_merged_rules(client, admin_headers):
    shift = create_shift(client, admin_headers, break_minutes=30)
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/shifts/{shift['id']}",
        json={"break_start": "12:00", "break_end": "13:00"},
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert error_code(response) == "break_conflict"
    assert stored_state(client) == before


def test_update_shift_clears_break_window(client, admin_headers):
    shift = create_shift(client, admin_headers, break_start="12:00", break_end="13:00")

    response = client.patch(
        f"/api/v1/shifts/{shift['id']}",
        json={"break_start": None, "break_end": None, "break_minutes": 45},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["break_start"] is None
    assert response.json()["break_minutes"] == 45


CREATE_ERRORS = [
    pytest.param(
        {"start_time": "08:00", "end_time": "08:00"},
        422,
        "shift_segment_zero_length",
        id="zero-length",
    ),
    pytest.param({"start_time": "08:00:30"}, 422, "invalid_shift_time", id="seconds"),
    pytest.param({"segments": []}, 422, "shift_segments_empty", id="empty-segments"),
    pytest.param(
        {
            "start_time": "08:00",
            "end_time": "15:00",
            "segments": [["08:00", "12:00"], ["11:00", "15:00"]],
        },
        422,
        "shift_segments_overlap",
        id="overlap",
    ),
    pytest.param(
        {
            "start_time": "14:00",
            "end_time": "12:00",
            "segments": [["14:00", "18:00"], ["08:00", "12:00"]],
        },
        422,
        "shift_segments_unordered",
        id="unordered",
    ),
    pytest.param(
        {
            "start_time": "08:00",
            "end_time": "09:00",
            "segments": [["08:00", "20:00"], ["21:00", "09:00"]],
        },
        422,
        "shift_too_long",
        id="too-long",
    ),
    pytest.param(
        {
            "start_time": "07:00",
            "end_time": "18:00",
            "segments": [["08:00", "12:00"], ["14:00", "18:00"]],
        },
        422,
        "shift_segments_mismatch",
        id="mismatch",
    ),
    pytest.param(
        {"break_minutes": 30, "break_start": "12:00", "break_end": "13:00"},
        422,
        "break_conflict",
        id="both-breaks",
    ),
    pytest.param({"break_start": "12:00"}, 422, "break_window_incomplete", id="half-window"),
    pytest.param(
        {"break_start": "18:00", "break_end": "19:00"},
        422,
        "break_window_outside_shift",
        id="window-outside",
    ),
    pytest.param({"break_minutes": 600}, 422, "break_too_long", id="break-too-long"),
    pytest.param(
        {"min_half_minutes": 300, "min_full_minutes": 200},
        422,
        "shift_minimums_invalid",
        id="minimums",
    ),
    pytest.param({"weekdays": "1123"}, 422, "invalid_weekdays", id="repeated-weekday"),
    pytest.param({"weekdays": "1238"}, 422, "validation_error", id="weekday-8"),
    pytest.param({"grace_in_minutes": None}, 422, "field_required", id="null-grace"),
    pytest.param({"name": "   "}, 422, "name_blank", id="blank-name"),
    pytest.param({"name": "Turno\u0000"}, 422, "invalid_text", id="nul-in-name"),
    pytest.param({"name": "mañana"}, 409, "shift_name_taken", id="name-taken-other-case"),
    pytest.param({"end_time": None}, 422, "validation_error", id="missing-end"),
]


@pytest.mark.parametrize(("fields", "status", "code"), CREATE_ERRORS)
def test_create_shift_rejects_invalid(client, admin_headers, fields, status, code):
    before = stored_state(client)

    response = client.post("/api/v1/shifts", json=shift_body(**fields), headers=admin_headers)

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before


UPDATE_ERRORS = [
    pytest.param({"start_time": None}, 422, "shift_time_missing", id="null-start"),
    pytest.param({"name": None}, 422, "field_required", id="null-name"),
    pytest.param({"weekdays": None}, 422, "field_required", id="null-weekdays"),
    pytest.param({"name": "Tarde"}, 409, "shift_name_taken", id="name-taken"),
    pytest.param(
        {"segments": [["09:00", "12:00"], ["13:00", "17:00"]], "start_time": "08:00"},
        422,
        "shift_segments_mismatch",
        id="mismatch",
    ),
    pytest.param({"break_end": "13:00"}, 422, "break_window_incomplete", id="half-window"),
]


@pytest.mark.parametrize(("fields", "status", "code"), UPDATE_ERRORS)
def test_update_shift_rejects_invalid(client, admin_headers, fields, status, code):
    shift = create_shift(client, admin_headers)
    before = stored_state(client)

    response = client.patch(f"/api/v1/shifts/{shift['id']}", json=fields, headers=admin_headers)

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before


def test_update_shift_keeps_own_name(client, admin_headers):
    shift = create_shift(client, admin_headers)

    response = client.patch(
        f"/api/v1/shifts/{shift['id']}", json={"name": "OFICINA"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "OFICINA"


def test_read_missing_shift_not_found(client, admin_headers):
    response = client.get("/api/v1/shifts/999999", headers=admin_headers)

    assert response.status_code == 404
    assert error_code(response) == "shift_not_found"


def test_supervisor_lists_but_cannot_create(client, admin_headers):
    headers = user_headers(client, email="supervisora@test.example", role="supervisor")
    before = stored_state(client)

    listed = client.get("/api/v1/shifts", headers=headers)
    created = client.post("/api/v1/shifts", json=shift_body(), headers=headers)

    assert listed.status_code == 200
    assert created.status_code == 403
    assert error_code(created) == "permission_denied"
    assert stored_state(client) == before


def test_retire_shift_sets_retired_at(client, admin_headers):
    shift = create_shift(client, admin_headers)

    response = client.post(f"/api/v1/shifts/{shift['id']}/retire", headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert response.json()["retired_at"] is not None
    assert audit_actions(client, "shift") == ["shift.created", "shift.retired"]


def test_retire_twice_changes_nothing(client, admin_headers):
    shift = create_shift(client, admin_headers)
    first = client.post(f"/api/v1/shifts/{shift['id']}/retire", headers=admin_headers).json()
    before = stored_state(client)

    second = client.post(f"/api/v1/shifts/{shift['id']}/retire", headers=admin_headers)

    assert second.json()["retired_at"] == first["retired_at"]
    assert stored_state(client) == before


def test_restore_shift_clears_retired_at(client, admin_headers):
    shift = create_shift(client, admin_headers)
    client.post(f"/api/v1/shifts/{shift['id']}/retire", headers=admin_headers)

    response = client.post(f"/api/v1/shifts/{shift['id']}/restore", headers=admin_headers)

    assert response.json()["is_active"] is True
    assert response.json()["retired_at"] is None


def test_delete_unused_shift(client, admin_headers):
    shift = create_shift(client, admin_headers)

    response = client.delete(f"/api/v1/shifts/{shift['id']}", headers=admin_headers)

    assert response.status_code == 204
    assert client.get(f"/api/v1/shifts/{shift['id']}", headers=admin_headers).status_code == 404
    assert last_audit(client, "shift.deleted").before["name"] == "Oficina"


def _use_as_default(client, headers, shift):
    create_employee(client, headers, code="D001", shift_id=shift["id"])


def _use_in_assignment(client, headers, shift):
    employee = create_employee(client, headers, code="A001")
    create_assignment(client, headers, employee["id"], shift["id"])


def _use_in_attendance_day(client, headers, shift):
    employee = create_employee(client, headers, code="T001")
    insert_attendance_day(client, employee_id=employee["id"], shift_id=shift["id"])


@pytest.mark.parametrize(
    "use",
    [_use_as_default, _use_in_assignment, _use_in_attendance_day],
    ids=["employee-default", "assignment", "attendance-day"],
)
def test_delete_shift_in_use_rejected(client, admin_headers, use):
    shift = create_shift(client, admin_headers)
    use(client, admin_headers, shift)
    before = stored_state(client)

    response = client.delete(f"/api/v1/shifts/{shift['id']}", headers=admin_headers)

    assert response.status_code == 409
    assert error_code(response) == "shift_in_use"
    assert stored_state(client) == before


def test_shift_in_use_message_names_counts(client, admin_headers):
    shift = create_shift(client, admin_headers)
    _use_in_assignment(client, admin_headers, shift)

    response = client.delete(
        f"/api/v1/shifts/{shift['id']}", headers={**admin_headers, "Accept-Language": "en"}
    )

    message = response.json()["error"]["message"]
    assert "1 assignments" in message
    assert "retire it" in message


def test_weekday_change_creating_overlap_rejected(client, admin_headers):
    employee = create_employee(client, admin_headers, code="W001")
    weekdays_shift = create_shift(client, admin_headers, "Semana", weekdays="12345")
    weekend_shift = create_shift(client, admin_headers, "Finde", weekdays="67")
    create_assignment(client, admin_headers, employee["id"], weekdays_shift["id"])
    create_assignment(client, admin_headers, employee["id"], weekend_shift["id"])
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/shifts/{weekdays_shift['id']}", json={"weekdays": "123456"}, headers=admin_headers
    )

    assert response.status_code == 409
    assert error_code(response) == "shift_weekdays_conflict"
    assert stored_state(client) == before


def test_weekday_change_dropping_override_rejected(client, admin_headers):
    employee = create_employee(client, admin_headers, code="W002")
    shift = create_shift(client, admin_headers, weekdays="12345")
    create_assignment(
        client,
        admin_headers,
        employee["id"],
        shift["id"],
        overrides={"5": {"end": "13:00", "start": "09:00"}},
    )
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/shifts/{shift['id']}", json={"weekdays": "1234"}, headers=admin_headers
    )

    assert response.status_code == 409
    assert error_code(response) == "shift_weekdays_conflict"
    assert stored_state(client) == before


def test_weekday_change_without_conflict_accepted(client, admin_headers):
    employee = create_employee(client, admin_headers, code="W003")
    shift = create_shift(client, admin_headers, weekdays="12345")
    create_assignment(client, admin_headers, employee["id"], shift["id"])

    response = client.patch(
        f"/api/v1/shifts/{shift['id']}", json={"weekdays": "123456"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["weekdays"] == "123456"
