"""Enrolment: turn analysed photos into stored face templates."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from asistencia.core.audit import record_audit
from asistencia.core.database import after_commit
from asistencia.core.errors import AppError
from asistencia.core.i18n import get_locale
from asistencia.core.logging import get_logger
from asistencia.core.settings import Settings
from asistencia.employees import repository as employees_repository
from asistencia.employees.errors import EmployeeInactive, EmployeeNotFound
from asistencia.faces import repository
from asistencia.faces.engine import FaceAnalysis
from asistencia.faces.errors import FaceAlreadyEnrolled, NoPhotos, TooManyTemplates
from asistencia.faces.matcher import TemplateIndex, descriptor_to_bytes
from asistencia.faces.models import FaceTemplate
from asistencia.faces.schemas import EnrolmentResponse, FaceBoxRead, PhotoResult, TemplateRead

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class AnalysedPhoto:
    """One uploaded photo after analysis: either a face or the error that stopped it."""

    filename: str | None
    analysis: FaceAnalysis | None
    error: AppError | None


class EnrolmentRejected(AppError):
    """No photo of the request was enrolled; carries the first photo error's code and status."""

    def __init__(self, first: AppError, results: list[PhotoResult]) -> None:
        super().__init__(**first.params)
        self.code = first.code  # type: ignore[misc]
        self.status_code = first.status_code  # type: ignore[misc]
        self.msgid = first.msgid  # type: ignore[misc]
        self._first = first
        self._results = results

    def details(self) -> dict[str, object]:
        details = dict(self._first.details())
        details["results"] = [result.model_dump(mode="json") for result in self._results]
        return details


def template_to_read(template: FaceTemplate) -> TemplateRead:
    return TemplateRead(
        id=template.id,
        employee_id=template.employee_id,
        model_name=template.model_name,
        model_version=template.model_version,
        box=FaceBoxRead(
            left=template.box_left, top=template.box_top,
            width=template.box_width, height=template.box_height,
        ),
        image_width=template.image_width,
        image_height=template.image_height,
        created_at=template.created_at,
    )


def enrol_photos(
    session: Session,
    index: TemplateIndex,
    settings: Settings,
    *,
    employee_id: int,
    photos: list[AnalysedPhoto],
    allow_duplicate: bool,
    model_name: str,
    model_version: str,
    actor_id: int | None,
) -> EnrolmentResponse:
    """Store one template per usable photo and report every photo on its own.

    Raises EnrolmentRejected when no photo could be enrolled.
    """
    employee = employees_repository.get(session, employee_id)
    if employee is None:
        raise EmployeeNotFound(employee=employee_id)
    if not employee.is_active:
        raise EmployeeInactive(employee_code=employee.employee_code)
    if not photos:
        raise NoPhotos()

    existing = repository.count_for_employee(session, employee_id)
    results: list[PhotoResult] = []
    stored: list[tuple[FaceTemplate, FaceAnalysis]] = []
    errors: list[AppError] = []
    for photo in photos:
        error = photo.error or _enrolment_conflict(
            session, index, settings, photo, employee_id, existing + len(stored), allow_duplicate
        )
        if error is not None:
            errors.append(error)
            results.append(_rejected(photo, error))
            continue
        assert photo.analysis is not None
        template = _build_template(employee_id, photo.analysis, model_name, model_version, actor_id)
        session.add(template)
        stored.append((template, photo.analysis))
        results.append(PhotoResult(filename=photo.filename, status="enrolled"))

    if not stored:
        raise EnrolmentRejected(errors[0], results)

    session.flush()
    position = 0
    for result in results:
        if result.status == "enrolled":
            result.template = template_to_read(stored[position][0])
            position += 1
    record_audit(
        session, actor_user_id=actor_id, action="face.enrolled", entity="employee", entity_id=employee_id,
        after={"template_ids": [template.id for template, _ in stored]},
    )

    additions = [(template.id, employee_id, analysis.descriptor) for template, analysis in stored]

    def _add_to_index() -> None:
        for template_id, owner_id, descriptor in additions:
            index.add(template_id, owner_id, descriptor)

    after_commit(session, _add_to_index)
    log.info("face.enrolled", employee_id=employee_id, templates=len(stored), rejected=len(errors))
    return EnrolmentResponse(
        employee_id=employee_id,
        enrolled=len(stored),
        rejected=len(errors),
        total_templates=existing + len(stored),
        results=results,
    )


def delete_template(
    session: Session, index: TemplateIndex, *, employee_id: int, template_id: int, actor_id: int | None
) -> None:
    template = session.get(FaceTemplate, template_id)
    if template is None or template.employee_id != employee_id:
        raise TemplateNotFound(template_id=template_id)
    session.delete(template)
    record_audit(
        session, actor_user_id=actor_id, action="face.deleted", entity="employee", entity_id=employee_id,
        before={"template_id": template_id},
    )
    after_commit(session, lambda: index.remove_templates([template_id]))


def delete_all_templates(
    session: Session, index: TemplateIndex, *, employee_id: int, actor_id: int | None
) -> int:
    if employees_repository.get(session, employee_id) is None:
        raise EmployeeNotFound(employee=employee_id)
    count = repository.count_for_employee(session, employee_id)
    session.execute(delete(FaceTemplate).where(FaceTemplate.employee_id == employee_id))
    record_audit(
        session, actor_user_id=actor_id, action="face.deleted_all", entity="employee",
        entity_id=employee_id, before={"templates": count},
    )
    after_commit(session, lambda: index.remove_employee(employee_id))
    return count


class TemplateNotFound(AppError):
    code = "template_not_found"
    status_code = 404
    msgid = "Face template {template_id} was not found for this employee."


def _enrolment_conflict(
    session: Session,
    index: TemplateIndex,
    settings: Settings,
    photo: AnalysedPhoto,
    employee_id: int,
    templates_so_far: int,
    allow_duplicate: bool,
) -> AppError | None:
    assert photo.analysis is not None
    if templates_so_far >= settings.max_templates_per_employee:
        employee = employees_repository.get(session, employee_id)
        return TooManyTemplates(
            employee_code=employee.employee_code if employee else employee_id,
            count=templates_so_far,
            limit=settings.max_templates_per_employee,
        )
    if allow_duplicate:
        return None
    match = index.search(photo.analysis.descriptor, exclude_employee=employee_id)
    if match.best is not None and match.best.distance <= settings.match_threshold:
        other = employees_repository.get(session, match.best.employee_id)
        code = other.employee_code if other else str(match.best.employee_id)
        log.info("face.enrolment.duplicate", employee_id=employee_id, other_employee_id=match.best.employee_id)
        return FaceAlreadyEnrolled(employee_code=code)
    return None


def _rejected(photo: AnalysedPhoto, error: AppError) -> PhotoResult:
    body = {"code": error.code, "message": error.message(get_locale())}
    body.update(error.details())
    return PhotoResult(filename=photo.filename, status="rejected", error=body)


def _build_template(
    employee_id: int, analysis: FaceAnalysis, model_name: str, model_version: str, actor_id: int | None
) -> FaceTemplate:
    return FaceTemplate(
        employee_id=employee_id,
        descriptor=descriptor_to_bytes(analysis.descriptor),
        model_name=model_name,
        model_version=model_version,
        box_left=analysis.box.left,
        box_top=analysis.box.top,
        box_width=analysis.box.width,
        box_height=analysis.box.height,
        image_width=analysis.image_width,
        image_height=analysis.image_height,
        created_by_user_id=actor_id,
    )
