"""Command-line interface (Typer): ``asistencia --help``."""

from asistencia.cli.main import app

__all__ = ["app"]
