"""Fixtures for attendance days stored in the database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from asistencia.attendance.jobs import CLOSE_JOB_ID


@pytest.fixture(autouse=True)
def paused_close_job(client: TestClient) -> Iterator[None]:
    """Pause the periodic closing job so it cannot write days while a test runs."""
    scheduler = client.app_state["scheduler"].scheduler  # type: ignore[attr-defined]
    scheduler.pause_job(CLOSE_JOB_ID)
    yield
    scheduler.resume_job(CLOSE_JOB_ID)


@pytest.fixture()
def session(client: TestClient) -> Iterator[Session]:
    """A session on the test database; the test commits what the API must see."""
    factory = client.app_state["session_factory"]  # type: ignore[attr-defined]
    with factory() as db_session:
        db_session.info["settings"] = client.app_state["settings"]  # type: ignore[attr-defined]
        yield db_session
        db_session.rollback()
