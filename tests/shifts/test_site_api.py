"""Sites API: CRUD, time zone and country code checks, and the in-use delete guard."""

from __future__ import annotations

import pytest
from helpers import create_employee
from shift_helpers import (
    create_shift,
    create_site,
    error_code,
    insert_attendance_day,
    last_audit,
    set_employee_site,
    stored_state,
)


def test_create_site_upper_cases_country(client, admin_headers):
    site = create_site(client, admin_headers, country_code="pe", address="Av. Arequipa 123")

    assert site["country_code"] == "PE"
    assert site["timezone"] == "America/Lima"
    assert site["is_active"] is True
    assert last_audit(client, "site.created").after["country_code"] == "PE"


def test_list_and_read_sites(client, admin_headers):
    lima = create_site(client, admin_headers)
    madrid = create_site(client, admin_headers, "Sede Madrid", "Europe/Madrid")
    client.patch(f"/api/v1/sites/{madrid['id']}", json={"is_active": False}, headers=admin_headers)

    active = client.get("/api/v1/sites", params={"active": "true"}, headers=admin_headers).json()
    read = client.get(f"/api/v1/sites/{madrid['id']}", headers=admin_headers).json()

    assert [site["id"] for site in active] == [lima["id"]]
    assert read["is_active"] is False


def test_update_site_changes_timezone(client, admin_headers):
    site = create_site(client, admin_headers)

    response = client.patch(
        f"/api/v1/sites/{site['id']}",
        json={"timezone": "America/Bogota", "country_code": "co"},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["timezone"] == "America/Bogota"
    assert response.json()["country_code"] == "CO"
    entry = last_audit(client, "site.updated")
    assert entry.before["timezone"] == "America/Lima"
    assert entry.after["timezone"] == "America/Bogota"


@pytest.mark.parametrize(
    "zone", ["Mars/Olympus", "america/lima", "localtime", "../etc/passwd", "UTC+5"]
)
def test_create_site_rejects_invalid_timezone(client, admin_headers, zone):
    before = stored_state(client)

    response = client.post(
        "/api/v1/sites",
        json={"name": "Sede X", "timezone": zone},
        headers={**admin_headers, "Accept-Language": "en"},
    )

    assert response.status_code == 422
    assert error_code(response) == "invalid_timezone"
    assert zone in response.json()["error"]["message"]
    assert stored_state(client) == before


def test_update_site_rejects_invalid_timezone(client, admin_headers):
    site = create_site(client, admin_headers)
    before = stored_state(client)

    response = client.patch(
        f"/api/v1/sites/{site['id']}", json={"timezone": "Lima"}, headers=admin_headers
    )

    assert response.status_code == 422
    assert error_code(response) == "invalid_timezone"
    assert stored_state(client) == before


SITE_ERRORS = [
    pytest.param(
        "post",
        {"name": "Sede Lima", "timezone": "America/Lima"},
        409,
        "site_name_taken",
        id="name-taken",
    ),
    pytest.param(
        "post",
        {"name": "SEDE LIMA", "timezone": "America/Lima"},
        409,
        "site_name_taken",
        id="name-other-case",
    ),
    pytest.param(
        "post",
        {"name": "Sede B", "timezone": "America/Lima", "country_code": "PER"},
        422,
        "validation_error",
        id="three-letter-country",
    ),
    pytest.param(
        "post", {"name": "  ", "timezone": "America/Lima"}, 422, "name_blank", id="blank-name"
    ),
    pytest.param("patch", {"name": None}, 422, "field_required", id="null-name"),
    pytest.param("patch", {"timezone": None}, 422, "field_required", id="null-timezone"),
    pytest.param("patch", {"is_active": None}, 422, "field_required", id="null-active"),
]


@pytest.mark.parametrize(("method", "body", "status", "code"), SITE_ERRORS)
def test_site_rejects_invalid(client, admin_headers, method, body, status, code):
    site = create_site(client, admin_headers)
    before = stored_state(client)

    if method == "post":
        response = client.post("/api/v1/sites", json=body, headers=admin_headers)
    else:
        response = client.patch(f"/api/v1/sites/{site['id']}", json=body, headers=admin_headers)

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before


def test_delete_unused_site_with_holidays(client, admin_headers):
    site = create_site(client, admin_headers)
    client.post(
        "/api/v1/holidays",
        json={"day": "2026-01-18", "name": "Fundación de Lima", "site_id": site["id"]},
        headers=admin_headers,
    )

    response = client.delete(f"/api/v1/sites/{site['id']}", headers=admin_headers)

    assert response.status_code == 204
    assert client.get(f"/api/v1/sites/{site['id']}", headers=admin_headers).status_code == 404
    assert client.get("/api/v1/holidays", headers=admin_headers).json() == []
    assert last_audit(client, "site.deleted").before["holidays"] == [
        {"day": "2026-01-18", "name": "Fundación de Lima"}
    ]


def test_delete_site_with_employees_rejected(client, admin_headers):
    site = create_site(client, admin_headers)
    employee = create_employee(client, admin_headers, code="S001")
    set_employee_site(client, employee["id"], site["id"])
    before = stored_state(client)

    response = client.delete(f"/api/v1/sites/{site['id']}", headers=admin_headers)

    assert response.status_code == 409
    assert error_code(response) == "site_in_use"
    assert stored_state(client) == before


def test_delete_site_with_attendance_days_rejected(client, admin_headers):
    site = create_site(client, admin_headers)
    shift = create_shift(client, admin_headers)
    employee = create_employee(client, admin_headers, code="S002")
    insert_attendance_day(
        client, employee_id=employee["id"], shift_id=shift["id"], site_id=site["id"]
    )
    before = stored_state(client)

    response = client.delete(f"/api/v1/sites/{site['id']}", headers=admin_headers)

    assert response.status_code == 409
    assert error_code(response) == "site_in_use"
    assert stored_state(client) == before


def test_read_missing_site_not_found(client, admin_headers):
    response = client.get("/api/v1/sites/424242", headers=admin_headers)

    assert response.status_code == 404
    assert error_code(response) == "site_not_found"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "Sede\u0000Norte", "timezone": "America/Lima"}, "invalid_text"),
        (
            {"name": "Sede Norte", "timezone": "America/Lima", "address": "Jr.\u0000 Lima"},
            "invalid_text",
        ),
        ({"name": "Sede Norte", "timezone": "America/\u0000Lima"}, "invalid_timezone"),
    ],
    ids=["nul-in-name", "nul-in-address", "nul-in-timezone"],
)
def test_create_site_rejects_nul(client, admin_headers, body, code):
    before = stored_state(client)

    response = client.post("/api/v1/sites", json=body, headers=admin_headers)

    assert response.status_code == 422
    assert error_code(response) == code
    assert stored_state(client) == before


def test_site_id_beyond_integer_range(client, admin_headers):
    response = client.get(f"/api/v1/sites/{2**31}", headers=admin_headers)

    assert response.status_code == 422
    assert error_code(response) == "validation_error"
