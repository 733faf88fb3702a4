"""Message catalogue: English message ids translated to Spanish (the default) and English.

The catalogue lives in ``asistencia/locale/<lang>/LC_MESSAGES/messages.po`` and is read
with Babel at first use, so no compile step is needed. Messages use ``str.format`` fields.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

SUPPORTED_LOCALES = ("es", "en")
DEFAULT_LOCALE = "es"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_current_locale: ContextVar[str] = ContextVar("asistencia_locale", default=DEFAULT_LOCALE)


@lru_cache
def _catalogue(locale: str) -> dict[str, str]:
    path = LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def translate(msgid: str, locale: str | None = None, **params: object) -> str:
    """Translate ``msgid`` into ``locale`` (the current one by default) and format it."""
    text = _catalogue(locale or _current_locale.get()).get(msgid, msgid)
    return text.format(**params) if params else text


_ = translate


def get_locale() -> str:
    return _current_locale.get()


def set_locale(locale: str) -> None:
    _current_locale.set(normalize_locale(locale))


def normalize_locale(value: str | None) -> str:
    """Map a tag such as ``en-GB`` or ``es_PE`` to a supported locale, else the default."""
    if not value:
        return DEFAULT_LOCALE
    try:
        language = Locale.parse(value.replace("-", "_")).language
    except (UnknownLocaleError, ValueError):
        return DEFAULT_LOCALE
    return language if language in SUPPORTED_LOCALES else DEFAULT_LOCALE


def negotiate_locale(accept_language: str | None) -> str:
    """Pick the supported locale the ``Accept-Language`` header prefers most."""
    if not accept_language:
        return DEFAULT_LOCALE
    candidates: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and quality > 0:
            candidates.append((-quality, position, tag))
    for _quality, _position, tag in sorted(candidates):
        if tag == "*":
            return DEFAULT_LOCALE
        language = tag.split("-")[0].split("_")[0].lower()
        if language in SUPPORTED_LOCALES:
            return language
    return DEFAULT_LOCALE
