from typing import Annotated

from fastapi import APIRouter, File, Query, Request, Response, UploadFile, status
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from asistencia.accounts.dependencies import AdminUser
from asistencia.core.dependencies import SessionDep, SettingsDep
from asistencia.core.errors import AppError
from asistencia.employees.service import get_employee
from asistencia.faces import errors, repository, service
from asistencia.faces.dependencies import FaceProcessorDep, TemplateIndexDep
from asistencia.faces.schemas import EnrolmentResponse, TemplateRead
from asistencia.faces.service import AnalysedPhoto
from asistencia.faces.uploads import read_upload

router = APIRouter(prefix="/api/v1/employees/{employee_id}/faces", tags=["faces"])

ENROLMENT_ERRORS = {
    404: {"description": "employee_not_found"},
    409: {"description": "face_already_enrolled, too_many_templates, employee_inactive"},
    413: {"description": "image_too_large, upload_too_large"},
    415: {"description": "image_unsupported"},
    422: {"description": "no_face_detected, multiple_faces, face_too_small, image_corrupt, image_empty"},
}


@router.post("", status_code=status.HTTP_201_CREATED, responses=ENROLMENT_ERRORS)
async def enrol_faces(
    request: Request,
    employee_id: int,
    file: Annotated[list[UploadFile], File(description="One or more photos; repeat the field")],
    session: SessionDep,
    settings: SettingsDep,
    processor: FaceProcessorDep,
    index: TemplateIndexDep,
    user: AdminUser,
    allow_duplicate: Annotated[bool, Query(description="Enrol even if the face matches another employee")] = False,
) -> EnrolmentResponse:
    """Enrol one face template per photo; each photo is reported on its own."""
    await run_in_threadpool(_check_employee, request.state.session_factory, employee_id)
    photos = []
    for upload in file:
        try:
            data = await read_upload(upload, max_bytes=settings.max_upload_bytes)
            photos.append(AnalysedPhoto(upload.filename, await processor.analyze(data), None))
        except (errors.FaceEngineBusy,):
            raise
        except AppError as error:
            photos.append(AnalysedPhoto(upload.filename, None, error))

    return await run_in_threadpool(
        lambda: service.enrol_photos(
            session, index, settings,
            employee_id=employee_id,
            photos=photos,
            allow_duplicate=allow_duplicate,
            model_name=processor.engine.model_name,
            model_version=processor.engine.model_version,
            actor_id=user.id,
        )
    )


def _check_employee(factory: sessionmaker[Session], employee_id: int) -> None:
    """Fail fast on an unknown employee, in a short session so that no transaction (and on
    SQLite no write lock) stays open while the photos are analysed."""
    with factory() as session:
        get_employee(session, employee_id)


@router.get("", response_model=list[TemplateRead])
def list_templates(employee_id: int, session: SessionDep, _user: AdminUser) -> list[TemplateRead]:
    get_employee(session, employee_id)
    return [service.template_to_read(template) for template in repository.list_for_employee(session, employee_id)]


@router.delete("/{template_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_template(
    employee_id: int, template_id: int, session: SessionDep, index: TemplateIndexDep, user: AdminUser
) -> Response:
    service.delete_template(session, index, employee_id=employee_id, template_id=template_id, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete("", status_code=status.HTTP_204_NO_CONTENT)
def delete_all_templates(
    employee_id: int, session: SessionDep, index: TemplateIndexDep, user: AdminUser
) -> Response:
    """Erase every face template of the employee (biometric data removal)."""
    service.delete_all_templates(session, index, employee_id=employee_id, actor_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
