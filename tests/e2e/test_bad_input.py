"""Bad photos get a 4xx with a stable code and leave the database unchanged."""

from __future__ import annotations

import os

import pytest

from helpers import check_in, create_employee, enrol, huge_png, row_counts

pytestmark = pytest.mark.e2e

BAD_INPUTS = [
    pytest.param(lambda d: b"", 422, "image_empty", id="empty"),
    pytest.param(lambda d: (d / "obama.jpg").read_bytes()[:20_000], 422, "image_corrupt", id="truncated-jpeg"),
    pytest.param(lambda d: (d / "obama_rgba.png").read_bytes()[:50_000], 422, "image_corrupt", id="truncated-png"),
    pytest.param(lambda d: os.urandom(4096), 415, "image_unsupported", id="random-bytes"),
    pytest.param(lambda d: "hola, esto no es una foto\n".encode() * 40, 415, "image_unsupported", id="text"),
    pytest.param(lambda d: b"GIF89a" + os.urandom(64), 415, "image_unsupported", id="gif-header"),
    pytest.param(lambda d: huge_png(), 413, "image_too_large", id="48-megapixels"),
    pytest.param(lambda d: (d / "obama.jpg").read_bytes()[:600] + b"\x00" * 3000, 422, "image_corrupt", id="jpeg-header-only"),
]


@pytest.fixture()
def enrolled(client, admin_headers, faces_dir):
    employee = create_employee(client, admin_headers, code="E001", name="Barack Obama")
    assert enrol(client, admin_headers, employee["id"], faces_dir / "obama.jpg").status_code == 201
    check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())
    return employee


@pytest.mark.parametrize(("make", "status", "code"), BAD_INPUTS)
def test_check_in_rejects_bad_input(client, admin_headers, faces_dir, enrolled, make, status, code):
    before = row_counts(client)

    response = check_in(client, admin_headers, make(faces_dir))

    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]
    assert row_counts(client) == before


@pytest.mark.parametrize(("make", "status", "code"), BAD_INPUTS)
def test_enrolment_rejects_bad_input(client, admin_headers, faces_dir, enrolled, make, status, code):
    before = row_counts(client)
    files = {"file": ("bad.bin", make(faces_dir), "application/octet-stream")}

    response = client.post(f"/api/v1/employees/{enrolled['id']}/faces", files=files, headers=admin_headers)

    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert row_counts(client) == before


def test_check_in_without_file_field(client, admin_headers, enrolled):
    before = row_counts(client)

    response = client.post("/api/v1/check-ins", data={"employee_code": "E001"}, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert row_counts(client) == before


def test_upload_over_byte_limit(client, admin_headers, enrolled, test_settings):
    before = row_counts(client)
    data = b"\xff\xd8" + b"\x00" * (test_settings.max_upload_bytes + 10)

    response = check_in(client, admin_headers, data)

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "upload_too_large"
    assert row_counts(client) == before
