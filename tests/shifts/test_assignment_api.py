"""Assignments API: CRUD, the overlap check on create and update, overrides and retired shifts."""

from __future__ import annotations

import pytest
from helpers import create_employee
from shift_helpers import (
    assignment_body,
    create_assignment,
    create_shift,
    error_code,
    last_audit,
    stored_state,
    user_headers,
)


@pytest.fixture()
def employee(client, admin_headers):
    return create_employee(client, admin_headers, code="R001", name="Rosa Quispe")


@pytest.fixture()
def weekday_shift(client, admin_headers):
    return create_shift(client, admin_headers, "Semana", weekdays="12345")


@pytest.fixture()
def weekend_shift(client, admin_headers):
    return create_shift(
        client, admin_headers, "Finde", start_time="10:00", end_time="16:00", weekdays="67"
    )


def test_create_assignment_stores_fields(client, admin_headers, employee, weekday_shift):
    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(
            employee["id"],
            weekday_shift["id"],
            end_date="2026-06-30",
            weekdays="531",
            overrides={"5": {"start": "09:00", "end": "13:00", "required_minutes": 240}},
        ),
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["weekdays"] == "135"
    assert body["overrides"] == {"5": {"start": "09:00", "end": "13:00", "required_minutes": 240}}
    assert body["end_date"] == "2026-06-30"
    assert last_audit(client, "assignment.created").after["shift_id"] == weekday_shift["id"]


def test_list_assignments_by_employee(client, admin_headers, employee, weekday_shift):
    other = create_employee(client, admin_headers, code="R002")
    mine = create_assignment(client, admin_headers, employee["id"], weekday_shift["id"])
    create_assignment(client, admin_headers, other["id"], weekday_shift["id"])

    listed = client.get(
        "/api/v1/assignments", params={"employee_id": employee["id"]}, headers=admin_headers
    )
    nested = client.get(f"/api/v1/employees/{employee['id']}/assignments", headers=admin_headers)

    assert [row["id"] for row in listed.json()] == [mine["id"]]
    assert [row["id"] for row in nested.json()] == [mine["id"]]


def test_list_assignments_active_on(client, admin_headers, employee, weekday_shift, weekend_shift):
    old = create_assignment(
        client,
        admin_headers,
        employee["id"],
        weekday_shift["id"],
        "2025-01-06",
        end_date="2025-12-31",
    )
    current = create_assignment(
        client, admin_headers, employee["id"], weekend_shift["id"], "2026-01-03"
    )

    listed = client.get(
        "/api/v1/assignments", params={"active_on": "2026-03-01"}, headers=admin_headers
    ).json()

    assert [row["id"] for row in listed] == [current["id"]]
    assert old["id"] not in [row["id"] for row in listed]


def test_employee_sees_only_own_assignments(client, admin_headers, employee, weekday_shift):
    other = create_employee(client, admin_headers, code="R003")
    create_assignment(client, admin_headers, employee["id"], weekday_shift["id"])
    headers = user_headers(
        client, email="rosa@test.example", role="employee", employee_id=employee["id"]
    )

    own = client.get(f"/api/v1/employees/{employee['id']}/assignments", headers=headers)
    foreign = client.get(f"/api/v1/employees/{other['id']}/assignments", headers=headers)

    assert own.status_code == 200
    assert len(own.json()) == 1
    assert foreign.status_code == 403
    assert error_code(foreign) == "permission_denied"


def test_employee_assignments_missing_employee(client, admin_headers):
    response = client.get("/api/v1/employees/987654/assignments", headers=admin_headers)

    assert response.status_code == 404
    assert error_code(response) == "employee_not_found"


def test_weekly_roster_allowed(client, admin_headers, employee, weekday_shift, weekend_shift):
    create_assignment(
        client, admin_headers, employee["id"], weekday_shift["id"], end_date="2026-12-31"
    )

    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(employee["id"], weekend_shift["id"], end_date="2026-12-31"),
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text


def test_roster_by_assignment_weekdays_allowed(client, admin_headers, employee, weekday_shift):
    late_shift = create_shift(
        client, admin_headers, "Tarde Semana", start_time="14:00", end_time="22:00"
    )
    create_assignment(client, admin_headers, employee["id"], weekday_shift["id"], weekdays="135")

    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(employee["id"], late_shift["id"], weekdays="24"),
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text


def test_consecutive_ranges_allowed(client, admin_headers, employee, weekday_shift):
    create_assignment(
        client,
        admin_headers,
        employee["id"],
        weekday_shift["id"],
        "2026-01-05",
        end_date="2026-03-31",
    )

    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(employee["id"], weekday_shift["id"], "2026-04-01"),
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text


def test_other_employee_same_days_allowed(client, admin_headers, employee, weekday_shift):
    other = create_employee(client, admin_headers, code="R004")
    create_assignment(client, admin_headers, employee["id"], weekday_shift["id"])

    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(other["id"], weekday_shift["id"]),
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text


OVERLAPS = [
    pytest.param(
        ("2026-01-05", "2026-03-31", None), ("2026-03-31", "2026-05-31", None), id="last-day-shared"
    ),
    pytest.param(
        ("2026-01-05", None, None), ("2030-01-01", "2030-01-31", None), id="open-end-covers-future"
    ),
    pytest.param(
        ("2026-06-01", "2026-06-30", None), ("2026-01-05", None, None), id="new-open-end-covers-old"
    ),
    pytest.param(("2026-01-05", None, None), ("2025-01-01", None, None), id="both-open"),
    pytest.param(
        ("2026-01-05", None, "135"), ("2026-02-02", "2026-02-28", "5"), id="shared-friday"
    ),
    pytest.param(
        ("2026-01-05", None, "7"), ("2026-02-02", None, None), id="sunday-in-shift-weekdays"
    ),
]


@pytest.mark.parametrize(("existing", "new"), OVERLAPS)
def test_create_overlap_rejected(client, admin_headers, employee, existing, new):
    full_week = create_shift(client, admin_headers, "Semana Completa", weekdays="1234567")
    first_start, first_end, first_days = existing
    other = create_assignment(
        client,
        admin_headers,
        employee["id"],
        full_week["id"],
        first_start,
        end_date=first_end,
        weekdays=first_days,
    )
    before = stored_state(client)
    start, end, days = new

    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(employee["id"], full_week["id"], start, end_date=end, weekdays=days),
        headers={**admin_headers, "Accept-Language": "en"},
    )

    assert response.status_code == 409, response.text
    assert error_code(response) == "assignment_overlap"
    message = response.json()["error"]["message"]
    assert (
        f"assignment {other['id']} (Semana Completa, {first_start}/{first_end or '..'})" in message
    )
    assert stored_state(client) == before


def test_update_overlap_rejected(client, admin_headers, employee, weekday_shift, weekend_shift):
    create_assignment(
        client, admin_headers, employee["id"], weekday_shift["id"], end_date="2026-12-31"
    )
    weekend = create_assignment(
        client, admin_headers, employee["id"], weekend_shift["id"], end_date="2026-12-31"
    )
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/assignments/{weekend['id']}", json={"weekdays": "567"}, headers=admin_headers
    )

    assert response.status_code == 409
    assert error_code(response) == "assignment_overlap"
    assert stored_state(client) == before


def test_update_to_overlapping_dates_rejected(client, admin_headers, employee, weekday_shift):
    create_assignment(
        client,
        admin_headers,
        employee["id"],
        weekday_shift["id"],
        "2026-01-05",
        end_date="2026-03-31",
    )
    later = create_assignment(
        client, admin_headers, employee["id"], weekday_shift["id"], "2026-04-01"
    )
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/assignments/{later['id']}",
        json={"start_date": "2026-03-15"},
        headers=admin_headers,
    )

    assert response.status_code == 409
    assert error_code(response) == "assignment_overlap"
    assert stored_state(client) == before


def test_update_excludes_itself(client, admin_headers, employee, weekday_shift):
    assignment = create_assignment(
        client, admin_headers, employee["id"], weekday_shift["id"], end_date="2026-03-31"
    )

    response = client.patch(
        f"/api/v1/assignments/{assignment['id']}",
        json={"end_date": None, "start_date": "2026-01-01"},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["end_date"] is None
    entry = last_audit(client, "assignment.updated")
    assert entry.before["end_date"] == "2026-03-31"
    assert entry.after["end_date"] is None


def test_update_shift_of_assignment(client, admin_headers, employee, weekday_shift, weekend_shift):
    assignment = create_assignment(client, admin_headers, employee["id"], weekday_shift["id"])

    response = client.patch(
        f"/api/v1/assignments/{assignment['id']}",
        json={"shift_id": weekend_shift["id"]},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["shift_id"] == weekend_shift["id"]


def test_delete_assignment(client, admin_headers, employee, weekday_shift):
    assignment = create_assignment(client, admin_headers, employee["id"], weekday_shift["id"])

    response = client.delete(f"/api/v1/assignments/{assignment['id']}", headers=admin_headers)

    assert response.status_code == 204
    assert (
        client.get(f"/api/v1/assignments/{assignment['id']}", headers=admin_headers).status_code
        == 404
    )
    assert last_audit(client, "assignment.deleted").before["employee_id"] == employee["id"]


CREATE_ERRORS = [
    pytest.param({"end_date": "2026-01-04"}, 422, "invalid_date_range", id="end-before-start"),
    pytest.param({"shift_id": 999999}, 422, "shift_not_found", id="missing-shift"),
    pytest.param({"employee_id": 999999}, 422, "employee_not_found", id="missing-employee"),
    pytest.param({"employee_id": 2**31}, 422, "validation_error", id="employee-id-beyond-integer"),
    pytest.param({"weekdays": "11"}, 422, "invalid_weekdays", id="repeated-weekday"),
    pytest.param(
        {"overrides": {"6": {"end": "13:00", "start": "09:00"}}},
        422,
        "override_weekday_invalid",
        id="override-off-day",
    ),
    pytest.param(
        {"overrides": {"9": {}}}, 422, "override_weekday_invalid", id="override-not-weekday"
    ),
    pytest.param(
        {"overrides": {"mon": {}}}, 422, "override_weekday_invalid", id="override-named-day"
    ),
    pytest.param(
        {"weekdays": "12", "overrides": {"3": {}}},
        422,
        "override_weekday_invalid",
        id="override-outside-assignment-days",
    ),
    pytest.param(
        {"overrides": {"5": {"end": "13:00"}}},
        422,
        "override_times_incomplete",
        id="override-end-only",
    ),
    pytest.param(
        {"overrides": {"5": {"start": "09:00"}}},
        422,
        "override_times_incomplete",
        id="override-start-only",
    ),
    pytest.param(
        {"overrides": {"5": {"start": "09:00", "end": "09:00"}}},
        422,
        "override_zero_length",
        id="override-zero-length",
    ),
    pytest.param(
        {"overrides": {"5": {"start": "09:00:15", "end": "13:00"}}},
        422,
        "invalid_shift_time",
        id="override-seconds",
    ),
]


@pytest.mark.parametrize(("fields", "status", "code"), CREATE_ERRORS)
def test_create_assignment_rejects_invalid(
    client, admin_headers, employee, weekday_shift, fields, status, code
):
    before = stored_state(client)
    body = {**assignment_body(employee["id"], weekday_shift["id"]), **fields}

    response = client.post("/api/v1/assignments", json=body, headers=admin_headers)

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before


UPDATE_ERRORS = [
    pytest.param({"end_date": "2025-12-31"}, 422, "invalid_date_range", id="end-before-start"),
    pytest.param({"shift_id": None}, 422, "field_required", id="null-shift"),
    pytest.param({"start_date": None}, 422, "field_required", id="null-start"),
    pytest.param({"shift_id": 999999}, 422, "shift_not_found", id="missing-shift"),
    pytest.param(
        {"weekdays": "1234"}, 422, "override_weekday_invalid", id="weekdays-drop-override-day"
    ),
    pytest.param(
        {"overrides": {"5": {"start": "09:00"}}},
        422,
        "override_times_incomplete",
        id="override-start-only",
    ),
]


@pytest.mark.parametrize(("fields", "status", "code"), UPDATE_ERRORS)
def test_update_assignment_rejects_invalid(
    client, admin_headers, employee, weekday_shift, fields, status, code
):
    assignment = create_assignment(
        client,
        admin_headers,
        employee["id"],
        weekday_shift["id"],
        overrides={"5": {"required_minutes": 300}},
    )
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/assignments/{assignment['id']}", json=fields, headers=admin_headers
    )

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before


def test_missing_assignment_not_found(client, admin_headers):
    response = client.patch(
        "/api/v1/assignments/999999", json={"end_date": "2026-12-31"}, headers=admin_headers
    )

    assert response.status_code == 404
    assert error_code(response) == "assignment_not_found"


def _retire(client, headers, shift):
    response = client.post(f"/api/v1/shifts/{shift['id']}/retire", headers=headers)
    assert response.status_code == 200


def test_retired_shift_rejects_new_assignment(client, admin_headers, employee, weekday_shift):
    _retire(client, admin_headers, weekday_shift)
    before = stored_state(client)

    response = client.post(
        "/api/v1/assignments",
        json=assignment_body(employee["id"], weekday_shift["id"]),
        headers=admin_headers,
    )

    assert response.status_code == 409
    assert error_code(response) == "shift_retired"
    assert stored_state(client) == before


def test_retired_shift_rejects_move_to_it(
    client, admin_headers, employee, weekday_shift, weekend_shift
):
    assignment = create_assignment(client, admin_headers, employee["id"], weekend_shift["id"])
    _retire(client, admin_headers, weekday_shift)
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/assignments/{assignment['id']}",
        json={"shift_id": weekday_shift["id"]},
        headers=admin_headers,
    )

    assert response.status_code == 409
    assert error_code(response) == "shift_retired"
    assert stored_state(client) == before


def test_retired_shift_rejects_extension(client, admin_headers, employee, weekday_shift):
    assignment = create_assignment(
        client, admin_headers, employee["id"], weekday_shift["id"], end_date="2026-03-31"
    )
    _retire(client, admin_headers, weekday_shift)
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/assignments/{assignment['id']}",
        json={"end_date": "2026-12-31"},
        headers=admin_headers,
    )

    assert response.status_code == 409
    assert error_code(response) == "shift_retired"
    assert stored_state(client) == before


def test_retired_shift_assignment_can_end(client, admin_headers, employee, weekday_shift):
    assignment = create_assignment(client, admin_headers, employee["id"], weekday_shift["id"])
    _retire(client, admin_headers, weekday_shift)

    response = client.patch(
        f"/api/v1/assignments/{assignment['id']}",
        json={"end_date": "2026-02-28"},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["end_date"] == "2026-02-28"
