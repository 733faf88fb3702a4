"""CLI enrolment and check-in, through the same services as the API."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from asistencia.cli.common import cli_locale, console, error_console, load_settings, t
from asistencia.core.errors import AppError


def _open_services():  # type: ignore[no-untyped-def]
    """Migrate, load the face engine once for this process and fill the template index."""
    from asistencia.core.database import create_db_engine, create_session_factory, session_scope
    from asistencia.faces import repository as faces_repository
    from asistencia.faces.engine import load_engine
    from asistencia.faces.matcher import TemplateIndex
    from asistencia.faces.processor import FaceProcessor
    from asistencia.migrate import upgrade_to_head

    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_db_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    factory = create_session_factory(engine)
    face_engine = load_engine(min_face_size=settings.min_face_size)
    processor = FaceProcessor(
        face_engine, workers=1, max_pixels=settings.max_image_pixels, max_side=settings.detection_max_side
    )
    index = TemplateIndex()
    with session_scope(factory) as session:
        index.replace_all(faces_repository.iter_active_descriptors(session))
    return settings, factory, processor, index


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileUnreadable(path=str(path), reason=exc.strerror or type(exc).__name__) from exc


class FileUnreadable(AppError):
    code = "file_unreadable"
    status_code = 422
    msgid = "Cannot read {path}: {reason}."


def enroll_photos(
    employee_code: str, photos: list[Path], *, allow_duplicate: bool, full_name: str | None = None
) -> int:
    from asistencia.core.database import session_scope
    from asistencia.employees import repository as employees_repository
    from asistencia.employees.errors import EmployeeNotFound
    from asistencia.employees.schemas import EmployeeCreate
    from asistencia.employees.service import create_employee
    from asistencia.faces.service import AnalysedPhoto, EnrolmentRejected, enrol_photos

    settings, factory, processor, index = _open_services()
    analysed = []
    for path in photos:
        try:
            analysed.append(AnalysedPhoto(path.name, processor.analyze_bytes(_read(path)), None))
        except AppError as error:
            analysed.append(AnalysedPhoto(path.name, None, error))

    try:
        with session_scope(factory) as session:
            employee = employees_repository.get_by_code(session, employee_code)
            if employee is None and full_name:
                employee = create_employee(
                    session, EmployeeCreate(employee_code=employee_code, full_name=full_name), actor_id=None
                )
            if employee is None:
                raise EmployeeNotFound(employee=employee_code)
            result = enrol_photos(
                session, index, settings,
                employee_id=employee.id,
                photos=analysed,
                allow_duplicate=allow_duplicate,
                model_name=processor.engine.model_name,
                model_version=processor.engine.model_version,
                actor_id=None,
            )
    except EnrolmentRejected as error:
        _print_photo_table([(p.filename, p.error) for p in analysed], rejected=error)
        return 1
    except AppError as error:
        error_console.print(f"[red]{error.code}[/]: {error.message(cli_locale())}")
        return 1

    table = Table(t("Photo"), t("Result"), t("Detail"))
    for item in result.results:
        if item.status == "enrolled":
            table.add_row(item.filename or "", f"[green]{t('enrolled')}[/]", "")
        else:
            error = item.error or {}
            table.add_row(item.filename or "", f"[red]{t('rejected')}[/]", f"{error.get('code')}: {error.get('message')}")
    console.print(table)
    console.print(t("Photos enrolled for {employee_code}: {count}.", count=result.enrolled, employee_code=employee_code))
    return 0 if result.rejected == 0 else 1


def _print_photo_table(rows, *, rejected: AppError) -> None:  # type: ignore[no-untyped-def]
    locale = cli_locale()
    table = Table(t("Photo"), t("Result"), t("Detail"))
    results = rejected.details().get("results", [])
    for row in results:
        error = row.get("error") or {}
        table.add_row(row.get("filename") or "", f"[red]{t('rejected')}[/]", f"{error.get('code')}: {error.get('message')}")
    error_console.print(table)
    error_console.print(f"[red]{rejected.code}[/]: {rejected.message(locale)}")


def check_in_photo(photo: Path, *, employee_code: str | None) -> int:
    from asistencia.attendance.service import record_check_in
    from asistencia.core.database import session_scope

    settings, factory, processor, index = _open_services()
    try:
        analysis = processor.analyze_bytes(_read(photo))
        with session_scope(factory) as session:
            result, created = record_check_in(
                session, index, settings, analysis=analysis, employee_code=employee_code, actor_id=None
            )
    except AppError as error:
        error_console.print(f"[red]{error.code}[/]: {error.message(cli_locale())}")
        return 1

    checked_in = result.event.kind == "in"
    fields = {
        "name": result.employee.full_name,
        "employee_code": result.employee.employee_code,
        "time": result.event.recorded_at.isoformat(timespec="seconds"),
    }
    if created and checked_in:
        message = t("Check-in recorded for {name} ({employee_code}) at {time}.", **fields)
    elif created:
        message = t("Check-out recorded for {name} ({employee_code}) at {time}.", **fields)
    elif checked_in:
        message = t("Already recorded: check-in for {name} ({employee_code}) at {time}.", **fields)
    else:
        message = t("Already recorded: check-out for {name} ({employee_code}) at {time}.", **fields)
    console.print(message)
    if created:
        console.print(t("Descriptor distance: {distance}", distance=f"{result.match.distance:.3f}"))
    return 0
