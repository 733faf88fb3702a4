"""CLI commands: serve, migrate, seed, doctor, enroll and check-in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asistencia.cli.common import console, error_console, load_settings, t
from asistencia.cli.doctor import run_doctor
from asistencia.cli.photos import check_in_photo, enroll_photos

app = typer.Typer(help=t("Asistencia: attendance with face-recognition check-in."), no_args_is_help=True)


@app.command("serve", help=t("Start the server: migrations, face engine, seed data, scheduler, then HTTP."))
def serve(
    host: Annotated[str | None, typer.Option(help=t("Address to listen on (ASISTENCIA_HOST)"))] = None,
    port: Annotated[int | None, typer.Option(help=t("TCP port (ASISTENCIA_PORT)"))] = None,
) -> None:
    """Start the server: migrations, face engine, seed data, scheduler, then HTTP."""
    import uvicorn

    from asistencia.app import create_asgi_app

    settings = load_settings()
    if host:
        settings.host = host
    if port:
        settings.port = port
    console.print(t("Starting Asistencia at http://{host}:{port}", host=settings.host, port=settings.port))
    uvicorn.run(
        create_asgi_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
    )


@app.command("migrate", help=t("Apply database migrations (alembic upgrade head)."))
def migrate() -> None:
    """Apply database migrations (alembic upgrade head)."""
    from asistencia.core.database import create_db_engine
    from asistencia.migrate import current_revision, upgrade_to_head

    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_db_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    console.print(t("Database is at revision {revision}.", revision=current_revision(engine)))


@app.command("seed", help=t("Create the default roles, shifts and admin user if they are missing."))
def seed() -> None:
    """Create the default roles, shifts and admin user if they are missing."""
    from asistencia.core.database import create_db_engine, create_session_factory, session_scope
    from asistencia.migrate import upgrade_to_head
    from asistencia.seed import seed_database

    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_db_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    with session_scope(create_session_factory(engine)) as session:
        result = seed_database(session, settings)
    console.print(
        t(
            "Seed data: {roles} roles and {shifts} shifts created; administrator created: {admin}.",
            roles=result.roles_created,
            shifts=result.shifts_created,
            admin=t("yes") if result.admin_created else t("no"),
        )
    )
    if result.generated_password:
        console.print(
            t(
                "Administrator account created: {email} with password {password} (shown only once; change it after signing in).",
                email=settings.admin_email,
                password=result.generated_password,
            )
        )


@app.command("doctor", help=t("Check the installation; exits non-zero when any check fails."))
def doctor() -> None:
    """Check the installation; exits non-zero when any check fails."""
    raise typer.Exit(code=run_doctor())


@app.command("enroll", help=t("Enrol face photos for an employee."))
def enroll(
    employee_code: Annotated[str, typer.Argument(help=t("The employee's code"))],
    photos: Annotated[list[Path], typer.Argument(help=t("One or more photos of the employee"), exists=False)],
    allow_duplicate: Annotated[bool, typer.Option(help=t("Enrol even if the face matches another employee"))] = False,
    name: Annotated[str | None, typer.Option(help=t("Create the employee with this full name if the code is new"))] = None,
) -> None:
    """Enrol face photos for an employee."""
    raise typer.Exit(code=enroll_photos(employee_code, photos, allow_duplicate=allow_duplicate, full_name=name))


@app.command("check-in", help=t("Identify the face in a photo and record a check-in or check-out."))
def check_in(
    photo: Annotated[Path, typer.Argument(help=t("A photo of the person checking in"))],
    employee_code: Annotated[str | None, typer.Option(help=t("Verify against this employee (1:1)"))] = None,
) -> None:
    """Identify the face in a photo and record a check-in or check-out."""
    raise typer.Exit(code=check_in_photo(photo, employee_code=employee_code))


def main() -> None:  # pragma: no cover - console entry point
    try:
        app()
    except KeyboardInterrupt:
        error_console.print(t("Interrupted."))
