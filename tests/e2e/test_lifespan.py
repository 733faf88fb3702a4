"""Start-up, health and the once-per-process face engine, in the test process."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from structlog.testing import capture_logs

from asistencia.core.settings import Settings
from asistencia.faces.engine import engine_load_count, load_engine, loaded_engine
from asistencia.scheduler import SchedulerState
from helpers import check_in, create_employee, enrol

pytestmark = pytest.mark.e2e


def test_engine_loaded_once_after_requests(client, admin_headers, faces_dir):
    employee = create_employee(client, admin_headers)
    enrol(client, admin_headers, employee["id"], faces_dir / "obama.jpg")
    for name in ("obama2.jpg", "biden.jpg", "two_people.jpg", "obama_small.jpg"):
        check_in(client, admin_headers, (faces_dir / name).read_bytes())

    assert engine_load_count() == 1
    assert client.get("/health").json()["checks"]["face_engine"]["load_count"] == 1


def test_second_engine_load_is_noop(client):
    first = loaded_engine()

    with capture_logs() as logs:
        again = load_engine(min_face_size=40)

    assert again is first
    assert engine_load_count() == 1
    assert [entry["log_level"] for entry in logs if entry["event"] == "face_engine.load.skipped"] == ["warning"]


def test_health_ok_when_all_ready(client):
    response = client.get("/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "face_engine": "ok",
        "scheduler": "ok",
    }


def test_health_names_stopped_scheduler(client):
    state = client.app_state
    running = state["scheduler"]
    state["scheduler"] = SchedulerState("UTC")
    try:
        response = client.get("/health")
    finally:
        state["scheduler"] = running

    assert response.status_code == 503
    assert response.json()["failing"] == ["scheduler"]


def test_health_names_unreachable_database(client, tmp_path):
    from asistencia.core.database import create_db_engine

    state = client.app_state
    working = state["db_engine"]
    state["db_engine"] = create_db_engine(f"sqlite:///{tmp_path}/missing/dir/db.sqlite")
    try:
        response = client.get("/health")
    finally:
        state["db_engine"] = working

    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]


def test_liveness(client):
    assert client.get("/health/live").status_code == 200


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]

    for path in (
        "/health",
        "/health/live",
        "/api/v1/auth/token",
        "/api/v1/employees",
        "/api/v1/employees/{employee_id}",
        "/api/v1/employees/{employee_id}/faces",
        "/api/v1/check-ins",
    ):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_seed_is_idempotent(client, test_settings):
    from asistencia.core.database import session_scope
    from asistencia.seed import seed_database

    with session_scope(client.app_state["session_factory"]) as session:
        result = seed_database(session, test_settings)

    assert (result.roles_created, result.shifts_created, result.admin_created) == (0, 0, False)


@pytest.mark.parametrize("secret", ["", "changeme", "dev-insecure-secret-key"])
def test_placeholder_secret_rejected_in_production(secret):
    with pytest.raises(ValidationError, match="ASISTENCIA_SECRET_KEY"):
        Settings(environment="production", secret_key=secret)


def test_unknown_timezone_rejected():
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        Settings(timezone="Mars/Olympus")


def test_wrong_password_rejected(client):
    response = client.post("/api/v1/auth/token", data={"username": "admin@test.example", "password": "nope"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"


def test_employee_routes_need_admin(client):
    response = client.get("/api/v1/employees", headers={"Authorization": "Bearer not-a-token"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_id_beyond_integer_range(client, admin_headers):
    response = client.get("/api/v1/employees/99999999999", headers=admin_headers)

    assert response.status_code in (404, 422)
    assert response.json()["error"]["code"] in ("employee_not_found", "invalid_value")


def test_nul_character_in_name(client, admin_headers):
    response = client.post(
        "/api/v1/employees", json={"employee_code": "E777", "full_name": "Ana\u0000Quispe"}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert client.get("/api/v1/employees", headers=admin_headers).json()["total"] == 0
