"""Translate pydantic validation errors into catalogue messages, one per invalid field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from asistencia.core.i18n import translate

# pydantic error type -> English message id; fields come from the error's ``ctx``.
MESSAGES: dict[str, str] = {
    "missing": "{field}: required",
    "string_too_short": "{field}: at least {min_length} characters",
    "string_too_long": "{field}: at most {max_length} characters",
    "too_short": "{field}: at least {min_length} items",
    "too_long": "{field}: at most {max_length} items",
    "string_pattern_mismatch": "{field}: not in the expected format",
    "greater_than_equal": "{field}: must be at least {ge}",
    "greater_than": "{field}: must be greater than {gt}",
    "less_than_equal": "{field}: must be at most {le}",
    "less_than": "{field}: must be less than {lt}",
    "int_parsing": "{field}: must be a whole number",
    "int_type": "{field}: must be a whole number",
    "int_from_float": "{field}: must be a whole number",
    "float_parsing": "{field}: must be a number",
    "float_type": "{field}: must be a number",
    "bool_parsing": "{field}: must be true or false",
    "bool_type": "{field}: must be true or false",
    "string_type": "{field}: must be text",
    "date_parsing": "{field}: must be a date such as 2026-03-31",
    "date_from_datetime_parsing": "{field}: must be a date such as 2026-03-31",
    "date_type": "{field}: must be a date such as 2026-03-31",
    "datetime_parsing": "{field}: must be a date and time such as 2026-03-31T08:00:00-05:00",
    "datetime_from_date_parsing": "{field}: must be a date and time such as 2026-03-31T08:00:00-05:00",
    "datetime_type": "{field}: must be a date and time such as 2026-03-31T08:00:00-05:00",
    "time_parsing": "{field}: must be a time such as 08:30",
    "time_type": "{field}: must be a time such as 08:30",
    "enum": "{field}: must be one of {expected}",
    "literal_error": "{field}: must be one of {expected}",
    "list_type": "{field}: must be a list",
    "dict_type": "{field}: must be an object",
    "model_attributes_type": "{field}: must be an object",
    "model_type": "{field}: must be an object",
    "json_invalid": "the request body is not valid JSON",
    "extra_forbidden": "{field}: unknown field",
    "value_error": "{field}: {reason}",
}
FALLBACK = "{field}: invalid value"
# Reasons raised as ValueError by the project's own validators; translated on output.
CONTROL_CHARACTERS = "must not contain control characters"
VALIDATOR_REASONS = (CONTROL_CHARACTERS,)
REQUEST_SECTIONS = {"body", "query", "path", "header", "cookie", "form"}


def field_name(location: Iterable[Any]) -> str:
    parts = [str(part) for part in location]
    if parts and parts[0] in REQUEST_SECTIONS:
        parts = parts[1:]
    return ".".join(parts) or "body"


def describe_errors(errors: Iterable[Mapping[str, Any]], locale: str) -> str:
    """Join one translated sentence per error, e.g. ``full_name: obligatorio``."""
    described = []
    for error in errors:
        context = dict(error.get("ctx") or {})
        params: dict[str, Any] = {key: value for key, value in context.items() if key != "error"}
        params["field"] = field_name(error.get("loc", ()))
        if "error" in context:
            # Our own validators raise ValueError with an English sentence from the catalogue.
            params["reason"] = translate(str(context["error"]), locale)
        msgid = MESSAGES.get(str(error.get("type")), FALLBACK)
        try:
            described.append(translate(msgid, locale, **params))
        except (KeyError, IndexError):
            described.append(translate(FALLBACK, locale, field=params["field"]))
    return "; ".join(described)
