"""Shared fixtures: one migrated database and one app (one face engine) per test session.

Set ASISTENCIA_TEST_DATABASE_URL to run the suite on PostgreSQL; the default is SQLite.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, delete, text

from asistencia.app import create_app
from asistencia.core.settings import Settings
from asistencia.models import Base, Shift, User
from asistencia.seed import DEFAULT_SHIFTS
from helpers import ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET

ROOT = Path(__file__).resolve().parent.parent
FACES_DIR = Path(os.environ.get("ASISTENCIA_TEST_FACES", ROOT.parent / "shared" / "testdata" / "faces"))
DEFAULT_SHIFT_NAMES = [name for name, _start, _end in DEFAULT_SHIFTS]


def pytest_configure(config: pytest.Config) -> None:
    if not (FACES_DIR / "obama.jpg").is_file():
        raise pytest.UsageError(
            f"Test photos not found in {FACES_DIR}; set ASISTENCIA_TEST_FACES to the folder with obama.jpg"
        )


def pytest_report_header(config: pytest.Config) -> str:
    return f"asistencia database: {database_url_for_tests('<tmp>')}"


def database_url_for_tests(data_dir: str) -> str:
    return os.environ.get("ASISTENCIA_TEST_DATABASE_URL") or f"sqlite:///{data_dir}/test.db"


def reset_database(url: str) -> None:
    """Start from an empty database so that the migrations build the whole schema."""
    if not url.startswith("postgresql"):
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def faces_dir() -> Path:
    return FACES_DIR


@pytest.fixture(scope="session")
def test_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data_dir = tmp_path_factory.mktemp("data")
    url = database_url_for_tests(str(data_dir))
    reset_database(url)
    return Settings(
        environment="test",
        data_dir=data_dir,
        database_url=url,
        secret_key=TEST_SECRET,
        admin_email=ADMIN_EMAIL,
        admin_password=ADMIN_PASSWORD,
        timezone="America/Lima",
        log_level="WARNING",
    )


@pytest.fixture(scope="session")
def app_client(test_settings: Settings) -> Iterator[TestClient]:
    app = create_app(test_settings)
    with TestClient(app) as client:
        yield client


@pytest.fixture()
def client(app_client: TestClient) -> Iterator[TestClient]:
    """The session's client, with every table but the seed data emptied after the test."""
    yield app_client
    clean_database(app_client)


# Seed rows that survive between tests; every other row of every table is deleted.
KEPT_TABLES = {"roles", "alembic_version"}


def clean_database(client: TestClient) -> None:
    state = client.app_state  # type: ignore[attr-defined]
    with state["session_factory"]() as session:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in KEPT_TABLES:
                continue
            if table is User.__table__:
                session.execute(delete(User).where(User.email != ADMIN_EMAIL))
            elif table is Shift.__table__:
                session.execute(delete(Shift).where(Shift.name.not_in(DEFAULT_SHIFT_NAMES)))
            else:
                session.execute(delete(table))
        session.commit()
    state["template_index"].replace_all([])


@pytest.fixture(scope="session")
def admin_token(app_client: TestClient) -> str:
    response = app_client.post(
        "/api/v1/auth/token", data={"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.fixture()
def admin_headers(admin_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {admin_token}"}
