"""Filing leave requests: defaults, stored fields, validation and overlap."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import create_employee
from leave_helpers import BASE_DATE, create_leave, leave_body, leave_count

from asistencia.leave.service import MAX_LEAVE_DAYS


def test_create_stores_pending_request(client, admin_headers, employee):
    response = client.post("/api/v1/leave", json=leave_body(employee["id"]), headers=admin_headers)

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "pending"
    assert body["employee_id"] == employee["id"]
    assert body["start_date"] == BASE_DATE.isoformat()
    assert body["end_date"] == (BASE_DATE + timedelta(days=1)).isoformat()
    assert body["start_time"] is None
    assert body["reviewed_by_user_id"] is None
    assert body["attachment"] is None
    assert leave_count(client) == 1


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("medical", True),
        ("personal", True),
        ("family", True),
        ("academic", True),
        ("authorised_permission", True),
        ("other", True),
        ("vacation", False),
        ("licence", False),
    ],
)
def test_create_justification_default_per_kind(client, admin_headers, employee, kind, expected):
    body = create_leave(client, admin_headers, employee["id"], kind=kind)

    assert body["justification"] is expected


def test_create_explicit_justification_kept(client, admin_headers, employee):
    body = create_leave(client, admin_headers, employee["id"], kind="vacation", justification=True)

    assert body["justification"] is True


def test_create_reason_trimmed(client, admin_headers, employee):
    body = create_leave(client, admin_headers, employee["id"], reason="   Trámite notarial  \n")

    assert body["reason"] == "Trámite notarial"


def test_create_kind_label_follows_language(client, admin_headers, employee):
    english = {**admin_headers, "Accept-Language": "en"}
    created = create_leave(client, admin_headers, employee["id"], kind="family")

    spanish_label = created["kind_label"]
    english_label = client.get(f"/api/v1/leave/{created['id']}", headers=english).json()["kind_label"]

    assert created["kind"] == "family"
    assert spanish_label == "familiar"
    assert english_label == "Family"


def test_create_part_of_day(client, admin_headers, employee):
    body = create_leave(
        client, admin_headers, employee["id"],
        end_date=BASE_DATE.isoformat(), start_time="09:00", end_time="11:30",
    )

    assert body["start_time"] == "09:00:00"
    assert body["end_time"] == "11:30:00"


def test_create_longest_range_accepted(client, admin_headers, employee):
    last = BASE_DATE + timedelta(days=MAX_LEAVE_DAYS - 1)

    body = create_leave(client, admin_headers, employee["id"], end_date=last.isoformat())

    assert body["end_date"] == last.isoformat()


INVALID_BODIES = [
    ("end_before_start", {"end_date": (BASE_DATE - timedelta(days=1)).isoformat()}, "leave_dates_invalid"),
    ("start_time_only", {"end_date": BASE_DATE.isoformat(), "start_time": "09:00"}, "leave_times_invalid"),
    ("end_time_only", {"end_date": BASE_DATE.isoformat(), "end_time": "10:00"}, "leave_times_invalid"),
    (
        "end_time_not_after_start",
        {"end_date": BASE_DATE.isoformat(), "start_time": "10:00", "end_time": "10:00"},
        "leave_times_invalid",
    ),
    ("part_day_over_two_dates", {"start_time": "09:00", "end_time": "10:00"}, "leave_times_invalid"),
    (
        "range_too_long",
        {"end_date": (BASE_DATE + timedelta(days=MAX_LEAVE_DAYS)).isoformat()},
        "leave_range_too_long",
    ),
    ("reason_blank_after_trim", {"reason": "  a  "}, "validation_error"),
    ("reason_too_long", {"reason": "x" * 2001}, "validation_error"),
    ("reason_null", {"reason": None}, "validation_error"),
    ("unknown_kind", {"kind": "holiday"}, "validation_error"),
    ("malformed_date", {"start_date": "2024-02-30"}, "validation_error"),
    ("malformed_time", {"end_date": BASE_DATE.isoformat(), "start_time": "25:00", "end_time": "26:00"},
     "validation_error"),
]


@pytest.mark.parametrize(("case", "overrides", "code"), INVALID_BODIES, ids=[row[0] for row in INVALID_BODIES])
def test_create_invalid_body_rejected(client, admin_headers, employee, case, overrides, code):
    response = client.post("/api/v1/leave", json=leave_body(employee["id"], **overrides), headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert leave_count(client) == 0


def test_create_missing_reason_rejected(client, admin_headers, employee):
    body = leave_body(employee["id"])
    del body["reason"]

    response = client.post("/api/v1/leave", json=body, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert leave_count(client) == 0


def test_create_unknown_employee_rejected(client, admin_headers, employee):
    response = client.post("/api/v1/leave", json=leave_body(employee["id"] + 999), headers=admin_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "employee_not_found"
    assert leave_count(client) == 0


def test_create_range_error_names_days(client, admin_headers, employee):
    last = BASE_DATE + timedelta(days=MAX_LEAVE_DAYS)
    english = {**admin_headers, "Accept-Language": "en"}

    response = client.post("/api/v1/leave", json=leave_body(employee["id"], end_date=last.isoformat()), headers=english)

    assert str(MAX_LEAVE_DAYS + 1) in response.json()["error"]["message"]


def test_overlap_with_pending_rejected(client, admin_headers, employee):
    first = create_leave(client, admin_headers, employee["id"])
    later = (BASE_DATE + timedelta(days=1)).isoformat()

    response = client.post(
        "/api/v1/leave",
        json=leave_body(employee["id"], start_date=later, end_date=later, kind="personal"),
        headers=admin_headers,
    )

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "leave_overlap"
    assert error["details"]["leave_id"] == first["id"]
    assert str(first["id"]) in error["message"]
    assert leave_count(client) == 1


def test_overlap_whole_day_with_part_day(client, admin_headers, employee):
    day = BASE_DATE.isoformat()
    create_leave(client, admin_headers, employee["id"], end_date=day, start_time="08:00", end_time="09:00")

    response = client.post("/api/v1/leave", json=leave_body(employee["id"]), headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_overlap"
    assert leave_count(client) == 1


def test_overlap_part_day_times_intersect(client, admin_headers, employee):
    day = BASE_DATE.isoformat()
    create_leave(client, admin_headers, employee["id"], end_date=day, start_time="08:00", end_time="10:00")

    response = client.post(
        "/api/v1/leave",
        json=leave_body(employee["id"], end_date=day, start_time="09:59", end_time="11:00"),
        headers=admin_headers,
    )

    assert response.status_code == 409
    assert leave_count(client) == 1


def test_part_day_disjoint_times_allowed(client, admin_headers, employee):
    day = BASE_DATE.isoformat()
    create_leave(client, admin_headers, employee["id"], end_date=day, start_time="08:00", end_time="10:00")

    create_leave(client, admin_headers, employee["id"], end_date=day, start_time="10:00", end_time="11:00")

    assert leave_count(client) == 2


def test_overlap_ignores_rejected_and_cancelled(client, admin_headers, employee_headers, employee):
    rejected = create_leave(client, admin_headers, employee["id"])
    client.post(f"/api/v1/leave/{rejected['id']}/reject", json={"comment": "Sin sustento"}, headers=admin_headers)
    cancelled = create_leave(client, employee_headers, employee["id"])
    client.post(f"/api/v1/leave/{cancelled['id']}/cancel", headers=employee_headers)

    create_leave(client, admin_headers, employee["id"])

    assert leave_count(client) == 3


def test_overlap_other_employee_allowed(client, admin_headers, employee):
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")
    create_leave(client, admin_headers, employee["id"])

    create_leave(client, admin_headers, other["id"])

    assert leave_count(client) == 2


def test_create_requires_sign_in(client, employee):
    response = client.post("/api/v1/leave", json=leave_body(employee["id"]))

    assert response.status_code == 401
    assert leave_count(client) == 0
