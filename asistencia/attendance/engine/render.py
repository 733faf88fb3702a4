"""Rendering of explanation steps and labels through the project's message catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from asistencia.core.i18n import translate

from .messages import LEAVE_KIND_LABELS, STATUS_LABELS
from .types import LeaveKind, Status, Step


def status_label(status: Status | str, locale: str | None = None) -> str:
    """Translate the label of an attendance status."""
    return translate(STATUS_LABELS[Status(status)], locale)


def leave_kind_label(kind: LeaveKind | str, locale: str | None = None) -> str:
    """Translate the label of a leave kind."""
    return translate(LEAVE_KIND_LABELS[LeaveKind(kind)], locale)


def render_step(step: Step, locale: str | None = None) -> str:
    """Translate one step, translating its ``status`` and ``kind`` parameters as labels."""
    params = dict(step.params)
    if "status" in params:
        params["status"] = status_label(params["status"], locale)
    if "kind" in params:
        params["kind"] = leave_kind_label(params["kind"], locale)
    return translate(step.msgid, locale, **params)


def render_explanation(steps: Iterable[Step], locale: str | None = None) -> list[str]:
    """Translate every step of an explanation into ``locale`` (the current locale by default)."""
    return [render_step(step, locale) for step in steps]
