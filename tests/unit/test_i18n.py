"""The message catalogue: every message has Spanish, locale negotiation follows the header."""

import pytest

from asistencia.core.i18n import negotiate_locale, translate
from asistencia.tools.catalogue import missing


def test_every_message_has_spanish_translation():
    assert missing("es") == []


def test_translation_keeps_format_fields():
    assert translate("Employee {employee} was not found.", "es", employee="E7") == "No se encontró el empleado E7."


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "es"),
        ("", "es"),
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("es-PE,es;q=0.9,en;q=0.8", "es"),
        ("fr-FR,en;q=0.5", "en"),
        ("fr-FR", "es"),
        ("en;q=0.2,es;q=0.8", "es"),
        ("en;q=0", "es"),
        ("*", "es"),
        ("garbage;;;q=abc", "es"),
    ],
)
def test_negotiate_locale(header, expected):
    assert negotiate_locale(header) == expected


def test_validation_error_in_spanish(client, admin_headers):
    response = client.post("/api/v1/employees", json={"employee_code": "E1"}, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["message"] == "La solicitud no es válida: full_name: obligatorio"
    assert response.json()["error"]["details"]["fields"] == ["full_name"]


def test_validation_error_in_english(client, admin_headers):
    response = client.post(
        "/api/v1/employees",
        json={"employee_code": "E1", "full_name": "Ana\nQuispe"},
        headers={**admin_headers, "Accept-Language": "en"},
    )

    assert response.json()["error"]["message"] == (
        "The request is invalid: full_name: must not contain control characters"
    )
