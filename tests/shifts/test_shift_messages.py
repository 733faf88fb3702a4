"""Error messages of the shift catalogue in Spanish (the default) and English."""

from __future__ import annotations

from shift_helpers import error_code


def test_unsupported_country_in_spanish(client, admin_headers):
    response = client.post(
        "/api/v1/holidays/import", json={"country_code": "ZZ", "year": 2026}, headers=admin_headers
    )

    assert error_code(response) == "unsupported_country"
    assert response.json()["error"]["message"] == (
        "El calendario de feriados no tiene datos para el código de país ZZ; "
        "registre sus feriados uno por uno."
    )


def test_unsupported_country_in_english(client, admin_headers):
    response = client.post(
        "/api/v1/holidays/import",
        json={"country_code": "ZZ", "year": 2026},
        headers={**admin_headers, "Accept-Language": "en-US,en;q=0.9"},
    )

    assert error_code(response) == "unsupported_country"
    assert response.json()["error"]["message"] == (
        "The holiday calendar has no data for the country code ZZ; enter its holidays one by one."
    )


def test_invalid_timezone_in_spanish(client, admin_headers):
    response = client.post(
        "/api/v1/sites", json={"name": "Sede", "timezone": "Lima/Peru"}, headers=admin_headers
    )

    assert response.json()["error"]["message"] == (
        "La zona horaria Lima/Peru no es un nombre IANA válido; use un nombre como America/Lima."
    )
