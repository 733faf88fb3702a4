"""One error tree: each error has a stable code, an HTTP status and a translatable message."""

from __future__ import annotations

from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from asistencia.core.i18n import negotiate_locale, translate
from asistencia.core.logging import get_logger
from asistencia.core.validation_messages import describe_errors, field_name

log = get_logger(__name__)


class AppError(Exception):
    """Base error; subclasses set ``code``, ``status_code`` and an English ``msgid``."""

    code: ClassVar[str] = "internal_error"
    status_code: ClassVar[int] = 500
    msgid: ClassVar[str] = "An internal error occurred."

    def __init__(self, **params: Any) -> None:
        super().__init__(self.msgid.format(**params) if params else self.msgid)
        self.params = params

    def message(self, locale: str) -> str:
        return translate(self.msgid, locale, **self.params)

    def body(self, locale: str) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message(locale)}
        details = self.details()
        if details:
            error["details"] = details
        return {"error": error}

    def details(self) -> dict[str, Any]:
        """Machine-readable fields a client may need besides the message."""
        return {}


class NotFoundError(AppError):
    code = "not_found"
    status_code = 404
    msgid = "The requested resource was not found."


class ConflictError(AppError):
    code = "conflict"
    status_code = 409
    msgid = "The request conflicts with the current state."


class ValidationFailed(AppError):
    code = "validation_error"
    status_code = 422
    msgid = "The request is invalid: {detail}"

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(detail="")
        self.errors = errors

    def message(self, locale: str) -> str:
        return translate(self.msgid, locale, detail=describe_errors(self.errors, locale))

    def details(self) -> dict[str, Any]:
        fields = sorted({field_name(error.get("loc", ())) for error in self.errors})
        return {"fields": fields}


class AuthenticationRequired(AppError):
    code = "not_authenticated"
    status_code = 401
    msgid = "Sign in to use this endpoint."


class InvalidCredentials(AppError):
    code = "invalid_credentials"
    status_code = 401
    msgid = "The email or password is incorrect."


class InvalidToken(AppError):
    code = "invalid_token"
    status_code = 401
    msgid = "The access token is invalid or has expired; sign in again."


class PermissionDenied(AppError):
    code = "permission_denied"
    status_code = 403
    msgid = "Your role does not allow this action."


class InvalidValue(AppError):
    code = "invalid_value"
    status_code = 422
    msgid = "A value in the request cannot be stored (out of range or containing invalid characters)."


class StoredConflict(AppError):
    code = "conflict"
    status_code = 409
    msgid = "The request conflicts with data stored meanwhile; reload and try again."


class ServiceUnavailable(AppError):
    code = "service_unavailable"
    status_code = 503
    msgid = "The server is not ready yet; try again in a few seconds."


def _locale_of(request: Request) -> str:
    return negotiate_locale(request.headers.get("accept-language"))


def _error_response(request: Request, error: AppError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.status_code == 401 else None
    return JSONResponse(
        error.body(_locale_of(request)),
        status_code=error.status_code,
        headers=headers,
        media_type="application/json; charset=utf-8",
    )


class MethodNotAllowed(AppError):
    code = "method_not_allowed"
    status_code = 405
    msgid = "This HTTP method is not allowed on this URL."


class PayloadTooLarge(AppError):
    code = "payload_too_large"
    status_code = 413
    msgid = "The request body is too large."


class HTTPFailure(AppError):
    code = "http_error"
    status_code = 400
    msgid = "The request failed: {detail}"


_HTTP_STATUS_ERRORS: dict[int, type[AppError]] = {
    404: NotFoundError,
    405: MethodNotAllowed,
    413: PayloadTooLarge,
}


def install_error_handlers(app: FastAPI) -> None:
    """Register handlers that turn every error into ``{"error": {"code", "message"}}``."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        if exc.status_code >= 500:
            log.error("request.failed", code=exc.code, path=request.url.path)
        return _error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error_response(request, ValidationFailed(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        error_class = _HTTP_STATUS_ERRORS.get(exc.status_code)
        error = error_class() if error_class else HTTPFailure(detail=exc.detail)
        return JSONResponse(
            error.body(_locale_of(request)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(DataError)
    @app.exception_handler(OverflowError)
    async def _data_error(request: Request, exc: Exception) -> JSONResponse:
        # The database or its driver rejected a value that passed validation, such as an id
        # beyond the integer range (DataError on PostgreSQL, OverflowError from sqlite3) or
        # a NUL character in text on PostgreSQL: the client's input is wrong.
        log.warning("request.invalid_value", path=request.url.path, error=type(exc).__name__)
        return _error_response(request, InvalidValue())

    @app.exception_handler(IntegrityError)
    async def _integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
        # Services check uniqueness first; this is a concurrent request winning the race.
        log.warning("request.integrity_conflict", path=request.url.path, error=type(exc.orig).__name__)
        return _error_response(request, StoredConflict())

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("request.unhandled_error", path=request.url.path)
        return _error_response(request, AppError())
