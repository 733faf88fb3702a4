"""Holiday calendar: manual holidays and import from the `holidays` package."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from asistencia.core.audit import record_audit
from asistencia.core.logging import get_logger
from asistencia.shifts import repository
from asistencia.shifts.errors import (
    HolidayExists,
    HolidayExistsForAllSites,
    HolidayNotFound,
    InvalidDateRange,
    NoSubdivisions,
    ReferencedSiteNotFound,
    UnsupportedCountry,
    UnsupportedSubdivision,
)
from asistencia.shifts.models import Holiday
from asistencia.shifts.schemas import HolidayCreate, HolidayImport, HolidayImportResult, HolidayRead
from asistencia.shifts.validation import clean_name

log = get_logger(__name__)

NAME_MAX_LENGTH = 200
# Language requested from the package for countries it has names in; others use its default.
PREFERRED_LANGUAGE = "es"


def snapshot(holiday: Holiday) -> dict[str, Any]:
    return {
        "day": holiday.day.isoformat(),
        "name": holiday.name,
        "site_id": holiday.site_id,
        "country_code": holiday.country_code,
    }


def list_holidays(
    session: Session,
    *,
    year: int | None,
    date_from: date | None,
    date_to: date | None,
    site_id: int | None,
) -> list[Holiday]:
    """Return holidays within every given bound; with ``site_id``, those that apply at that site."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise InvalidDateRange(start=date_from.isoformat(), end=date_to.isoformat())
    first, last = date_from, date_to
    if year is not None:
        first = max(first, date(year, 1, 1)) if first else date(year, 1, 1)
        last = min(last, date(year, 12, 31)) if last else date(year, 12, 31)
    if site_id is not None:
        _check_site(session, site_id)
    return repository.list_holidays(session, first=first, last=last, site_id=site_id)


def create_holiday(session: Session, data: HolidayCreate, *, actor_id: int | None) -> Holiday:
    name = clean_name(data.name)
    if data.site_id is not None:
        _check_site(session, data.site_id)
    existing = repository.find_holiday(session, data.day, data.site_id)
    if existing is not None:
        raise _exists_error(existing)

    holiday = Holiday(day=data.day, name=name, site_id=data.site_id)
    session.add(holiday)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="holiday.created",
        entity="holiday",
        entity_id=holiday.id,
        after=snapshot(holiday),
    )
    log.info("holiday.created", holiday_id=holiday.id, day=holiday.day.isoformat())
    return holiday


def delete_holiday(session: Session, holiday_id: int, *, actor_id: int | None) -> None:
    holiday = repository.get_holiday(session, holiday_id)
    if holiday is None:
        raise HolidayNotFound(holiday_id=holiday_id)
    before = snapshot(holiday)
    session.delete(holiday)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="holiday.deleted",
        entity="holiday",
        entity_id=holiday_id,
        before=before,
    )
    log.info("holiday.deleted", holiday_id=holiday_id)


def import_holidays(
    session: Session, data: HolidayImport, *, actor_id: int | None
) -> HolidayImportResult:
    """Add one year of the country's holidays, skipping days that already have a holiday
    for the same site scope."""
    country_code = data.country_code.upper()
    subdivision = _check_subdivision(country_code, data.subdivision)
    if data.site_id is not None:
        _check_site(session, data.site_id)

    calendar = _calendar(country_code, subdivision, data.year)
    existing_days = repository.holiday_days(
        session, date(data.year, 1, 1), date(data.year, 12, 31), data.site_id
    )
    created: list[Holiday] = []
    for day in sorted(calendar):
        if day in existing_days:
            continue
        name = "; ".join(calendar.get_list(day))[:NAME_MAX_LENGTH]
        holiday = Holiday(day=day, name=name, site_id=data.site_id, country_code=country_code)
        session.add(holiday)
        created.append(holiday)
    session.flush()

    reason = f"import {country_code} {data.year}" + (f" {subdivision}" if subdivision else "")
    for holiday in created:
        record_audit(
            session,
            actor_user_id=actor_id,
            action="holiday.imported",
            entity="holiday",
            entity_id=holiday.id,
            after=snapshot(holiday),
            reason=reason,
        )
    skipped = len(calendar) - len(created)
    log.info(
        "holiday.imported",
        country_code=country_code,
        year=data.year,
        subdivision=subdivision,
        site_id=data.site_id,
        created=len(created),
        skipped=skipped,
    )
    return HolidayImportResult(
        country_code=country_code,
        year=data.year,
        subdivision=subdivision,
        site_id=data.site_id,
        created=len(created),
        skipped=skipped,
        holidays=[HolidayRead.model_validate(holiday) for holiday in created],
    )


def _holiday_data():  # type: ignore[no-untyped-def]
    """Import the ``holidays`` package on first use; importing it costs about 0.1 s of start-up."""
    import holidays

    return holidays


def _calendar(country_code: str, subdivision: str | None, year: int):  # type: ignore[no-untyped-def]
    holiday_data = _holiday_data()
    languages = holiday_data.list_localized_countries().get(country_code, [])
    language = PREFERRED_LANGUAGE if PREFERRED_LANGUAGE in languages else None
    return holiday_data.country_holidays(
        country_code, subdiv=subdivision, years=year, language=language
    )


def _check_subdivision(country_code: str, subdivision: str | None) -> str | None:
    """Return the package's spelling of the subdivision code; raise for an unknown country
    or subdivision."""
    supported = _holiday_data().list_supported_countries()
    if country_code not in supported:
        raise UnsupportedCountry(country_code=country_code)
    if subdivision is None or not subdivision.strip():
        return None
    known = {code.upper(): code for code in supported[country_code]}
    if not known:
        raise NoSubdivisions(country_code=country_code)
    requested = subdivision.strip().upper()
    if requested not in known:
        raise UnsupportedSubdivision(
            country_code=country_code,
            subdivision=subdivision,
            supported=", ".join(sorted(known.values())),
        )
    return known[requested]


def _check_site(session: Session, site_id: int) -> None:
    if repository.get_site(session, site_id) is None:
        raise ReferencedSiteNotFound(site_id=site_id)


def _exists_error(existing: Holiday) -> HolidayExists:
    day = existing.day.isoformat()
    if existing.site_id is None:
        return HolidayExistsForAllSites(day=day, name=existing.name)
    return HolidayExists(site=existing.site_id, day=day, name=existing.name)
