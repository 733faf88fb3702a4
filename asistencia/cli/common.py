"""Shared helpers for CLI commands: locale, console and settings loading."""

from __future__ import annotations

import os

import typer
from pydantic import ValidationError
from rich.console import Console

from asistencia.core.i18n import normalize_locale, set_locale, translate
from asistencia.core.settings import Settings

console = Console()
error_console = Console(stderr=True)


def cli_locale() -> str:
    """Locale from ASISTENCIA_LOCALE, LC_ALL, LC_MESSAGES or LANG; Spanish by default."""
    for name in ("ASISTENCIA_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return normalize_locale(value.split(".")[0])
    return normalize_locale(None)


def t(msgid: str, **params: object) -> str:
    return translate(msgid, cli_locale(), **params)


def load_settings() -> Settings:
    """Validate the settings, or print each problem and exit with status 2."""
    set_locale(cli_locale())
    try:
        return Settings()
    except ValidationError as exc:
        error_console.print(f"[bold red]{t('Invalid configuration:')}[/]")
        for item in exc.errors():
            error_console.print(f"  {_describe_error(item)}")
        raise typer.Exit(code=2) from exc


def _describe_error(item: dict) -> str:  # type: ignore[type-arg]
    field = ".".join(str(part) for part in item.get("loc", ()))
    message = str(item.get("msg", ""))
    if "SECRET_KEY" in message:
        return t(
            "ASISTENCIA_SECRET_KEY is missing or a placeholder; set a long random value, "
            "for example the output of: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    if field == "timezone":
        return t("ASISTENCIA_TIMEZONE is not a known IANA time zone name, such as America/Lima.")
    return t("ASISTENCIA_{name} is invalid: {detail}", name=field.upper(), detail=message)
