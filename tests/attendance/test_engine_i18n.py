"""Explanations of the attendance engine render in Spanish and English through the catalogue."""

from __future__ import annotations

import string

import pytest
from babel.messages.pofile import read_po
from test_engine_scenarios import CASES, run_case

from asistencia.attendance.engine import (
    LEAVE_KIND_LABELS,
    STATUS_LABELS,
    LeaveKind,
    Status,
    all_msgids,
    leave_kind_label,
    render_explanation,
    status_label,
)
from asistencia.core.i18n import LOCALE_DIR, translate


def spanish_catalogue() -> dict[str, str]:
    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="es")
    return {str(message.id): str(message.string) for message in catalog if message.id}


def format_fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("msgid", all_msgids())
def test_msgid_translated_to_spanish(msgid: str) -> None:
    catalogue = spanish_catalogue()

    assert msgid in catalogue
    assert catalogue[msgid]
    assert format_fields(catalogue[msgid]) == format_fields(msgid)


def test_scenario_steps_render_in_spanish() -> None:
    used = set()
    for name, case in CASES.items():
        day, _punches = run_case(case)
        english = render_explanation(day.explanation, "en")
        spanish = render_explanation(day.explanation, "es")
        used.update(step.msgid for step in day.explanation)

        assert len(spanish) == len(day.explanation), name
        for english_line, spanish_line in zip(english, spanish, strict=True):
            assert spanish_line != english_line, f"{name}: untranslated {english_line!r}"

    assert used <= set(all_msgids())


def test_late_step_renders_both_languages() -> None:
    day, _punches = run_case(CASES["late beyond grace counts from start"])
    spanish = render_explanation(day.explanation, "es")
    english = render_explanation(day.explanation, "en")

    assert any("Entrada a las 08:20, 20 minutos" in line for line in spanish)
    assert any(
        "Checked in at 08:20, 20 minutes after the start at 08:00" in line for line in english
    )
    assert spanish[-1] == "Estado: Atrasado."
    assert english[-1] == "Status: Late."


def test_labels_cover_every_value() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert set(LEAVE_KIND_LABELS) == set(LeaveKind)


def test_leave_kind_rendered_in_spanish() -> None:
    day, _punches = run_case(CASES["full-day vacation"])
    spanish = render_explanation(day.explanation, "es")

    assert "Un permiso aprobado (vacaciones) cubre todo el turno." in spanish
    assert leave_kind_label(LeaveKind.AUTHORISED_PERMISSION, "es") == "permiso autorizado"
    assert status_label(Status.HALF_DAY, "es") == "Media jornada"
    assert translate(STATUS_LABELS[Status.ON_LEAVE], "en") == "On leave"
