"""Fixtures for the leave tests: one employee, with a signed-in employee user."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from helpers import create_employee
from leave_helpers import user_headers


@pytest.fixture()
def employee(client: TestClient, admin_headers: dict[str, str]) -> dict:
    return create_employee(client, admin_headers, code="L001", name="Lucía Paredes")


@pytest.fixture()
def employee_headers(client: TestClient, employee: dict) -> dict[str, str]:
    return user_headers(client, email="lucia@test.example", employee_id=employee["id"])
