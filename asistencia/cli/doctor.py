"""``asistencia doctor``: check the installation and print one row per check."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rich.table import Table

from asistencia.cli.common import console, load_settings, t
from asistencia.core.settings import Settings

Check = tuple[bool, str]


def _python() -> Check:
    version = ".".join(str(part) for part in sys.version_info[:3])
    return sys.version_info[:2] == (3, 11), version


def _model_files() -> Check:
    from asistencia.core.errors import AppError
    from asistencia.faces.engine import check_model_files

    try:
        files = check_model_files()
    except AppError as error:
        return False, error.message(console_locale())
    return True, ", ".join(path.name for path in files.values())


def _database(settings: Settings) -> Check:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from asistencia.core.database import create_db_engine
    from asistencia.migrate import current_revision, head_revision

    url = make_url(settings.resolved_database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        return False, t("{path} does not exist; run: asistencia migrate", path=url.database)
    try:
        engine = create_db_engine(settings.resolved_database_url)
        current = current_revision(engine)
        engine.dispose()
    except (SQLAlchemyError, OSError) as exc:
        return False, t("cannot connect: {error}", error=type(exc).__name__)
    head = head_revision()
    if current != head:
        return False, t("revision {current}, expected {head}; run: asistencia migrate", current=current, head=head)
    return True, t("reachable, revision {revision}", revision=current)


def _data_dir(settings: Settings) -> Check:
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=settings.data_dir):
            pass
    except OSError as exc:
        return False, f"{settings.data_dir}: {exc.strerror}"
    return True, str(settings.data_dir.resolve())


def _timezone(settings: Settings) -> Check:
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return False, settings.timezone
    return True, settings.timezone


def console_locale() -> str:
    from asistencia.cli.common import cli_locale

    return cli_locale()


def run_doctor() -> int:
    """Print the checks as a table; return 0 when all pass, 1 otherwise."""
    settings = load_settings()
    checks: list[tuple[str, Callable[[], Check]]] = [
        (t("Python version"), _python),
        (t("Face model files"), _model_files),
        (t("Data directory writable"), lambda: _data_dir(settings)),
        (t("Database"), lambda: _database(settings)),
        (t("Time zone"), lambda: _timezone(settings)),
    ]
    table = Table(t("Check"), t("Result"), t("Detail"))
    failures = 0
    for name, check in checks:
        passed, detail = check()
        failures += not passed
        table.add_row(name, f"[green]{t('ok')}[/]" if passed else f"[red]{t('failed')}[/]", detail)
    console.print(table)
    return 1 if failures else 0
