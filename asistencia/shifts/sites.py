"""Site management: workplaces with their own IANA time zone."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from zoneinfo import available_timezones

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from asistencia.core.audit import record_audit
from asistencia.core.logging import get_logger
from asistencia.shifts import repository
from asistencia.shifts.errors import (
    FieldRequired,
    InvalidTimezone,
    SiteInUse,
    SiteNameTaken,
    SiteNotFound,
)
from asistencia.shifts.models import Site
from asistencia.shifts.schemas import SiteCreate, SiteUpdate
from asistencia.shifts.validation import check_text, clean_name

log = get_logger(__name__)

# Entries of the tz database that are not place names.
_NOT_PLACE_ZONES = frozenset({"Factory", "localtime", "posixrules"})


@lru_cache(maxsize=1)
def _known_timezones() -> frozenset[str]:
    return frozenset(available_timezones()) - _NOT_PLACE_ZONES


def check_timezone(value: str) -> str:
    """Return the IANA time zone name, raising when it is not one."""
    if value not in _known_timezones():
        raise InvalidTimezone(timezone=value)
    return value


def snapshot(site: Site) -> dict[str, Any]:
    return {
        "name": site.name,
        "timezone": site.timezone,
        "address": site.address,
        "country_code": site.country_code,
        "is_active": site.is_active,
    }


def get_site(session: Session, site_id: int) -> Site:
    site = repository.get_site(session, site_id)
    if site is None:
        raise SiteNotFound(site_id=site_id)
    return site


def list_sites(session: Session, *, active: bool | None) -> list[Site]:
    return repository.list_sites(session, active=active)


def create_site(session: Session, data: SiteCreate, *, actor_id: int | None) -> Site:
    name = clean_name(data.name)
    timezone = check_timezone(data.timezone.strip())
    _check_name_free(session, name, current=None)

    site = Site(
        name=name,
        timezone=timezone,
        address=check_text(data.address, "address") if data.address else data.address,
        country_code=data.country_code.upper() if data.country_code else None,
    )
    session.add(site)
    _flush_name(session, name)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="site.created",
        entity="site",
        entity_id=site.id,
        after=snapshot(site),
    )
    log.info("site.created", site_id=site.id)
    return site


def update_site(session: Session, site_id: int, data: SiteUpdate, *, actor_id: int | None) -> Site:
    site = get_site(session, site_id)
    changes = data.model_dump(exclude_unset=True)
    for field in ("name", "timezone", "is_active"):
        if field in changes and changes[field] is None:
            raise FieldRequired(field=field)
    if "name" in changes:
        changes["name"] = clean_name(changes["name"])
        if changes["name"].lower() != site.name.lower():
            _check_name_free(session, changes["name"], current=site.id)
    if changes.get("address"):
        check_text(changes["address"], "address")
    if "timezone" in changes:
        changes["timezone"] = check_timezone(changes["timezone"].strip())
    if changes.get("country_code"):
        changes["country_code"] = changes["country_code"].upper()

    before = snapshot(site)
    for field, value in changes.items():
        setattr(site, field, value)
    _flush_name(session, site.name)

    record_audit(
        session,
        actor_user_id=actor_id,
        action="site.updated",
        entity="site",
        entity_id=site.id,
        before=before,
        after=snapshot(site),
    )
    log.info("site.updated", site_id=site.id, fields=sorted(changes))
    return site


def delete_site(session: Session, site_id: int, *, actor_id: int | None) -> None:
    """Delete a site that no employee or attendance day uses; its own holidays go with it."""
    site = get_site(session, site_id)
    employees, days = repository.site_usage(session, site_id)
    if employees or days:
        raise SiteInUse(name=site.name, employees=employees, days=days)

    before = snapshot(site)
    holidays = repository.list_site_holidays(session, site_id)
    before["holidays"] = [
        {"day": holiday.day.isoformat(), "name": holiday.name} for holiday in holidays
    ]
    for holiday in holidays:
        session.delete(holiday)
    session.delete(site)
    session.flush()

    record_audit(
        session,
        actor_user_id=actor_id,
        action="site.deleted",
        entity="site",
        entity_id=site_id,
        before=before,
    )
    log.info("site.deleted", site_id=site_id)


def _check_name_free(session: Session, name: str, *, current: int | None) -> None:
    existing = repository.get_site_by_name(session, name)
    if existing is not None and existing.id != current:
        raise SiteNameTaken(name=name)


def _flush_name(session: Session, name: str) -> None:
    # A concurrent request may take the name between the check and the insert.
    try:
        session.flush()
    except IntegrityError:
        raise SiteNameTaken(name=name) from None
