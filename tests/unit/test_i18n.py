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
