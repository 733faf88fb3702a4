"""Holidays API: create, list filters, the one-per-day-and-site rule and import from the package."""

from __future__ import annotations

import holidays as holiday_data
import pytest
from shift_helpers import create_site, error_code, last_audit, stored_state


def add_holiday(client, headers, day, name, site_id=None):
    response = client.post(
        "/api/v1/holidays", json={"day": day, "name": name, "site_id": site_id}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_create_holiday_for_every_site(client, admin_headers):
    holiday = add_holiday(client, admin_headers, "2026-05-01", "  Día del Trabajo ")

    assert holiday["name"] == "Día del Trabajo"
    assert holiday["site_id"] is None
    assert last_audit(client, "holiday.created").after["day"] == "2026-05-01"


def test_same_day_other_site_allowed(client, admin_headers):
    lima = create_site(client, admin_headers)
    cusco = create_site(client, admin_headers, "Sede Cusco")
    add_holiday(client, admin_headers, "2026-06-24", "Inti Raymi", cusco["id"])

    response = client.post(
        "/api/v1/holidays",
        json={"day": "2026-06-24", "name": "Aniversario", "site_id": lima["id"]},
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text


@pytest.mark.parametrize("scope", ["every-site", "one-site"])
def test_duplicate_holiday_rejected(client, admin_headers, scope):
    site_id = create_site(client, admin_headers)["id"] if scope == "one-site" else None
    add_holiday(client, admin_headers, "2026-12-08", "Inmaculada Concepción", site_id)
    before = stored_state(client)

    response = client.post(
        "/api/v1/holidays",
        json={"day": "2026-12-08", "name": "Otro nombre", "site_id": site_id},
        headers=admin_headers,
    )

    assert response.status_code == 409
    assert error_code(response) == "holiday_exists"
    assert stored_state(client) == before


CREATE_ERRORS = [
    pytest.param(
        {"day": "2026-01-01", "name": "Año Nuevo", "site_id": 999999},
        422,
        "site_not_found",
        id="missing-site",
    ),
    pytest.param({"day": "2026-01-01", "name": "   "}, 422, "name_blank", id="blank-name"),
    pytest.param(
        {"day": "2026-01-01", "name": "Año\u0000Nuevo"}, 422, "invalid_text", id="nul-in-name"
    ),
    pytest.param(
        {"day": "2026-02-30", "name": "Nunca"}, 422, "validation_error", id="impossible-date"
    ),
]


@pytest.mark.parametrize(("body", "status", "code"), CREATE_ERRORS)
def test_create_holiday_rejects_invalid(client, admin_headers, body, status, code):
    before = stored_state(client)

    response = client.post("/api/v1/holidays", json=body, headers=admin_headers)

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before


def test_list_holidays_filters(client, admin_headers):
    lima = create_site(client, admin_headers)
    cusco = create_site(client, admin_headers, "Sede Cusco")
    new_year = add_holiday(client, admin_headers, "2026-01-01", "Año Nuevo")
    lima_day = add_holiday(client, admin_headers, "2026-01-18", "Fundación de Lima", lima["id"])
    cusco_day = add_holiday(client, admin_headers, "2026-06-24", "Inti Raymi", cusco["id"])
    next_year = add_holiday(client, admin_headers, "2027-01-01", "Año Nuevo")

    def ids(**params):
        response = client.get("/api/v1/holidays", params=params, headers=admin_headers)
        assert response.status_code == 200, response.text
        return [row["id"] for row in response.json()]

    assert ids(year=2026) == [new_year["id"], lima_day["id"], cusco_day["id"]]
    assert ids(site_id=lima["id"]) == [new_year["id"], lima_day["id"], next_year["id"]]
    assert ids(date_from="2026-01-10", date_to="2026-12-31") == [lima_day["id"], cusco_day["id"]]
    assert ids(year=2026, date_from="2026-06-01") == [cusco_day["id"]]


def test_list_holidays_rejects_reversed_range(client, admin_headers):
    response = client.get(
        "/api/v1/holidays",
        params={"date_from": "2026-12-31", "date_to": "2026-01-01"},
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert error_code(response) == "invalid_date_range"


def test_delete_holiday(client, admin_headers):
    holiday = add_holiday(client, admin_headers, "2026-10-08", "Combate de Angamos")

    response = client.delete(f"/api/v1/holidays/{holiday['id']}", headers=admin_headers)

    assert response.status_code == 204
    assert client.get("/api/v1/holidays", headers=admin_headers).json() == []
    assert last_audit(client, "holiday.deleted").before["name"] == "Combate de Angamos"


def test_delete_missing_holiday_not_found(client, admin_headers):
    response = client.delete("/api/v1/holidays/999999", headers=admin_headers)

    assert response.status_code == 404
    assert error_code(response) == "holiday_not_found"


def test_import_peru_2026(client, admin_headers):
    expected = holiday_data.country_holidays("PE", years=2026)

    response = client.post(
        "/api/v1/holidays/import", json={"country_code": "pe", "year": 2026}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    result = response.json()
    assert result["country_code"] == "PE"
    assert result["created"] == len(expected)
    assert result["skipped"] == 0
    stored = {
        row["day"]: row
        for row in client.get(
            "/api/v1/holidays", params={"year": 2026}, headers=admin_headers
        ).json()
    }
    assert stored["2026-07-28"]["name"] == "Día de la Independencia"
    assert stored["2026-07-28"]["country_code"] == "PE"
    assert stored["2026-07-28"]["site_id"] is None
    assert last_audit(client, "holiday.imported").reason == "import PE 2026"


def test_import_twice_is_idempotent(client, admin_headers):
    body = {"country_code": "PE", "year": 2026}
    first = client.post("/api/v1/holidays/import", json=body, headers=admin_headers).json()
    before = stored_state(client)

    second = client.post("/api/v1/holidays/import", json=body, headers=admin_headers)

    assert second.status_code == 200
    assert second.json()["created"] == 0
    assert second.json()["skipped"] == first["created"]
    assert stored_state(client) == before


def test_import_skips_manual_holiday(client, admin_headers):
    add_holiday(client, admin_headers, "2026-07-28", "Fiestas Patrias")

    result = client.post(
        "/api/v1/holidays/import", json={"country_code": "PE", "year": 2026}, headers=admin_headers
    ).json()

    assert result["skipped"] == 1
    assert "2026-07-28" not in [row["day"] for row in result["holidays"]]


def test_import_for_site_with_subdivision(client, admin_headers):
    site = create_site(client, admin_headers, "Sede Madrid", "Europe/Madrid", country_code="ES")
    expected = holiday_data.country_holidays("ES", subdiv="MD", years=2026)

    response = client.post(
        "/api/v1/holidays/import",
        json={"country_code": "ES", "year": 2026, "subdivision": "md", "site_id": site["id"]},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["subdivision"] == "MD"
    assert response.json()["created"] == len(expected)
    assert {row["site_id"] for row in response.json()["holidays"]} == {site["id"]}


@pytest.mark.parametrize("country", ["MX", "CO", "CL", "AR", "EC"])
def test_import_names_in_spanish(client, admin_headers, country):
    response = client.post(
        "/api/v1/holidays/import",
        json={"country_code": country, "year": 2026},
        headers=admin_headers,
    )

    assert response.status_code == 200, response.text
    names = {row["day"]: row["name"] for row in response.json()["holidays"]}
    assert names["2026-01-01"] == "Año Nuevo"


def test_import_country_without_spanish_names(client, admin_headers):
    expected = holiday_data.country_holidays("DE", years=2026)

    response = client.post(
        "/api/v1/holidays/import", json={"country_code": "DE", "year": 2026}, headers=admin_headers
    )

    names = {row["day"]: row["name"] for row in response.json()["holidays"]}
    assert names["2026-01-01"] == expected.get("2026-01-01")


IMPORT_ERRORS = [
    pytest.param(
        {"country_code": "ZZ", "year": 2026}, 422, "unsupported_country", id="unknown-country"
    ),
    pytest.param(
        {"country_code": "ES", "year": 2026, "subdivision": "XX"},
        422,
        "unsupported_subdivision",
        id="unknown-subdivision",
    ),
    pytest.param(
        {"country_code": "PE", "year": 2026, "subdivision": "LIM"},
        422,
        "unsupported_subdivision",
        id="country-without-subdivisions",
    ),
    pytest.param(
        {"country_code": "PE", "year": 2026, "site_id": 999999},
        422,
        "site_not_found",
        id="missing-site",
    ),
    pytest.param(
        {"country_code": "PE", "year": 1999}, 422, "validation_error", id="year-out-of-range"
    ),
    pytest.param(
        {"country_code": "PER", "year": 2026}, 422, "validation_error", id="three-letters"
    ),
]


@pytest.mark.parametrize(("body", "status", "code"), IMPORT_ERRORS)
def test_import_rejects_invalid(client, admin_headers, body, status, code):
    before = stored_state(client)

    response = client.post("/api/v1/holidays/import", json=body, headers=admin_headers)

    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert stored_state(client) == before
