"""Reach the face processor and the template index created by the lifespan."""

from typing import Annotated

from fastapi import Depends, Request

from asistencia.core.errors import ServiceUnavailable
from asistencia.faces.matcher import TemplateIndex
from asistencia.faces.processor import FaceProcessor


def get_face_processor(request: Request) -> FaceProcessor:
    processor = getattr(request.state, "face_processor", None)
    if processor is None:
        raise ServiceUnavailable()
    return processor


def get_template_index(request: Request) -> TemplateIndex:
    return request.state.template_index


FaceProcessorDep = Annotated[FaceProcessor, Depends(get_face_processor)]
TemplateIndexDep = Annotated[TemplateIndex, Depends(get_template_index)]
