from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, Response, UploadFile, status
from starlette.concurrency import run_in_threadpool

from asistencia.accounts.dependencies import CurrentUser
from asistencia.attendance import service
from asistencia.attendance.schemas import CheckInResponse
from asistencia.core.dependencies import SessionDep, SettingsDep
from asistencia.faces.dependencies import FaceProcessorDep, TemplateIndexDep
from asistencia.faces.uploads import read_upload
from asistencia.realtime.server import publish_attendance

router = APIRouter(prefix="/api/v1", tags=["attendance"])

CHECK_IN_ERRORS = {
    200: {"description": "Duplicate within the window: the stored event, with duplicate=true"},
    404: {"description": "employee_not_found (1:1 with an unknown employee_code)"},
    413: {"description": "image_too_large, upload_too_large"},
    415: {"description": "image_unsupported"},
    422: {
        "description": "no_face_detected, multiple_faces, face_too_small, face_not_recognized, "
        "ambiguous_match, face_mismatch, image_corrupt, image_empty"
    },
}


@router.post(
    "/check-ins", status_code=status.HTTP_201_CREATED, response_model=CheckInResponse,
    responses=CHECK_IN_ERRORS,
)
async def check_in(
    request: Request,
    response: Response,
    file: Annotated[UploadFile, File(description="A photo of the person checking in")],
    session: SessionDep,
    settings: SettingsDep,
    processor: FaceProcessorDep,
    index: TemplateIndexDep,
    user: CurrentUser,
    employee_code: Annotated[str | None, Form(max_length=32, description="Verify 1:1 against this employee")] = None,
    kind: Annotated[
        Literal["in", "out"] | None,
        Form(description="Direction chosen on the kiosk; omitted, it follows the shift"),
    ] = None,
) -> CheckInResponse:
    """Identify the face in the photo and record a check-in or check-out."""
    data = await read_upload(file, max_bytes=settings.max_upload_bytes)
    analysis = await processor.analyze(data)
    sio = request.state.sio

    async def publish(payload: dict[str, object]) -> None:
        await publish_attendance(sio, payload)

    result, created = await run_in_threadpool(
        lambda: service.record_check_in(
            session, index, settings,
            analysis=analysis,
            employee_code=employee_code.strip() if employee_code else None,
            actor_id=user.id,
            publish=publish,
            kind=kind,
        )
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return result
