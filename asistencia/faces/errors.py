"""Errors raised while reading photos and matching faces."""

from typing import Any

from asistencia.core.errors import AppError


class ImageEmpty(AppError):
    code = "image_empty"
    status_code = 422
    msgid = "The uploaded file is empty; send a photo."


class ImageUnsupported(AppError):
    code = "image_unsupported"
    status_code = 415
    msgid = "The file is not a supported image; send a JPEG, PNG, WebP or HEIC photo."


class ImageCorrupt(AppError):
    code = "image_corrupt"
    status_code = 422
    msgid = "The image could not be decoded because it is damaged or incomplete."


class ImageTooLarge(AppError):
    code = "image_too_large"
    status_code = 413
    msgid = "The image has {megapixels} megapixels; the maximum is {limit} megapixels."


class UploadTooLarge(AppError):
    code = "upload_too_large"
    status_code = 413
    msgid = "The file is {size_mb} MB; the maximum is {limit_mb} MB."


class NoFaceDetected(AppError):
    code = "no_face_detected"
    status_code = 422
    msgid = "No face was found in the photo; face the camera with good lighting."


class MultipleFaces(AppError):
    code = "multiple_faces"
    status_code = 422
    msgid = "The photo shows {count} faces of similar size; only one person may be in front of the camera."


class FaceTooSmall(AppError):
    code = "face_too_small"
    status_code = 422
    msgid = "The face is too small ({size} px, minimum {minimum} px); move closer to the camera."


class FaceNotRecognized(AppError):
    code = "face_not_recognized"
    status_code = 422
    msgid = "The face does not match any enrolled employee."


class AmbiguousMatch(AppError):
    code = "ambiguous_match"
    status_code = 422
    msgid = "The face is too similar to more than one employee; try again or enter your employee code."


class FaceMismatch(AppError):
    code = "face_mismatch"
    status_code = 422
    msgid = "The face does not match employee {employee_code}."


class FaceAlreadyEnrolled(AppError):
    code = "face_already_enrolled"
    status_code = 409
    msgid = "This face is already enrolled for employee {employee_code}."

    def details(self) -> dict[str, Any]:
        return {"employee_code": self.params["employee_code"]}


class TooManyTemplates(AppError):
    code = "too_many_templates"
    status_code = 409
    msgid = "Employee {employee_code} already has {count} face photos; the maximum is {limit}."


class NoPhotos(AppError):
    code = "no_photos"
    status_code = 422
    msgid = "Send at least one photo in the form field 'file'."


class FaceEngineBusy(AppError):
    code = "face_engine_busy"
    status_code = 503
    msgid = "The face engine is busy; try again in a few seconds."


class ModelFileMissing(AppError):
    code = "model_file_missing"
    status_code = 503
    msgid = "The face model file {path} is missing; reinstall the face_recognition_models package."
