"""Check-in end to end: real dlib models, real photos, the real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from helpers import (
    check_in,
    cmyk_jpeg,
    converted,
    create_employee,
    enrol,
    greyscale_png,
    large_and_small_face,
    palette_png,
    rotated_without_tag,
    row_counts,
    sixteen_bit_png,
    tiny_face,
    with_orientation,
)

pytestmark = pytest.mark.e2e


@pytest.fixture()
def obama(client: TestClient, admin_headers: dict[str, str], faces_dir: Path) -> dict:
    employee = create_employee(client, admin_headers, code="E001", name="Barack Obama")
    response = enrol(client, admin_headers, employee["id"], faces_dir / "obama.jpg")
    assert response.status_code == 201, response.text
    return employee


def test_check_in_recognises_enrolled_employee(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["employee"] == {"id": obama["id"], "employee_code": "E001", "full_name": "Barack Obama"}
    assert body["event"]["kind"] == "in"
    assert body["event"]["recorded_at"].endswith("-05:00")
    assert body["match"]["distance"] < 0.5
    assert body["duplicate"] is False


def test_check_in_again_at_once_is_duplicate(client, admin_headers, faces_dir, obama):
    first = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())
    second = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())

    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["duplicate"] is True
    assert second.json()["event"]["id"] == first.json()["event"]["id"]
    assert row_counts(client)["events"] == 1


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda d: (d / "obama_rgba.png").read_bytes(), id="rgba-png"),
        pytest.param(lambda d: with_orientation(d / "obama.jpg", 3), id="exif-orientation-3"),
        pytest.param(lambda d: with_orientation(d / "obama.jpg", 6), id="exif-orientation-6"),
        pytest.param(lambda d: with_orientation(d / "obama.jpg", 8), id="exif-orientation-8"),
        pytest.param(lambda d: cmyk_jpeg(d / "obama2.jpg"), id="cmyk-jpeg"),
        pytest.param(lambda d: sixteen_bit_png(d / "obama2.jpg"), id="16-bit-png"),
        pytest.param(lambda d: greyscale_png(d / "obama2.jpg"), id="greyscale-png"),
        pytest.param(lambda d: palette_png(d / "obama2.jpg"), id="palette-png"),
        pytest.param(lambda d: converted(d / "obama2.jpg", "WEBP", quality=90), id="webp"),
        pytest.param(lambda d: converted(d / "obama2.jpg", "HEIF", quality=90), id="heic"),
        pytest.param(lambda d: (d / "obama_small.jpg").read_bytes(), id="small-320x240"),
        pytest.param(lambda d: (d / "obama3.jpg").read_bytes(), id="full-body"),
    ],
)
def test_check_in_accepts_photo_variant(client, admin_headers, faces_dir, obama, variant):
    response = check_in(client, admin_headers, variant(faces_dir))

    assert response.status_code == 201, response.text
    assert response.json()["employee"]["employee_code"] == "E001"


def test_upside_down_photo_without_tag_finds_no_face(client, admin_headers, faces_dir, obama):
    # Shows that the orientation-3 case above passes because the tag is applied.
    response = check_in(client, admin_headers, rotated_without_tag(faces_dir / "obama.jpg", 3))

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "no_face_detected"


def test_dominant_face_is_used(client, admin_headers, faces_dir, obama):
    photo = large_and_small_face(faces_dir / "obama2.jpg", faces_dir / "biden2.jpg")

    response = check_in(client, admin_headers, photo)

    assert response.status_code == 201, response.text
    assert response.json()["employee"]["employee_code"] == "E001"


def test_tiny_face_is_too_small(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, tiny_face(faces_dir / "obama.jpg"))

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "face_too_small"
    assert row_counts(client)["events"] == 0


def test_unknown_face_is_not_recognised(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, (faces_dir / "biden.jpg").read_bytes())

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "face_not_recognized"
    assert row_counts(client)["events"] == 0


def test_two_people_give_multiple_faces(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, (faces_dir / "two_people.jpg").read_bytes())

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "multiple_faces"
    assert row_counts(client)["events"] == 0


def test_error_message_follows_accept_language(client, admin_headers, faces_dir, obama):
    photo = (faces_dir / "biden.jpg").read_bytes()
    spanish = check_in(client, admin_headers, photo)
    english = check_in(client, {**admin_headers, "Accept-Language": "en-US,en;q=0.9"}, photo)

    assert spanish.json()["error"]["message"] == "El rostro no coincide con ningún empleado registrado."
    assert english.json()["error"]["message"] == "The face does not match any enrolled employee."


def test_verify_with_employee_code(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes(), employee_code="E001")

    assert response.status_code == 201, response.text
    assert response.json()["match"]["mode"] == "verify"


def test_verify_with_wrong_face_is_mismatch(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, (faces_dir / "biden.jpg").read_bytes(), employee_code="E001")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "face_mismatch"
    assert row_counts(client)["events"] == 0


def test_verify_with_unknown_code(client, admin_headers, faces_dir, obama):
    response = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes(), employee_code="NOPE")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "employee_not_found"


def test_two_employees_are_told_apart(client, admin_headers, faces_dir, obama):
    biden = create_employee(client, admin_headers, code="E002", name="Joe Biden")
    assert enrol(client, admin_headers, biden["id"], faces_dir / "biden.jpg").status_code == 201

    as_obama = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())
    as_biden = check_in(client, admin_headers, (faces_dir / "biden2.jpg").read_bytes())

    assert as_obama.json()["employee"]["employee_code"] == "E001"
    assert as_biden.json()["employee"]["employee_code"] == "E002"
    assert as_biden.json()["match"]["margin"] > 0.3


def test_same_face_on_two_employees_is_ambiguous(client, admin_headers, faces_dir, obama):
    twin = create_employee(client, admin_headers, code="E009", name="Doble")
    forced = enrol(client, admin_headers, twin["id"], faces_dir / "obama_small.jpg", allow_duplicate="true")
    assert forced.status_code == 201, forced.text

    response = check_in(client, admin_headers, (faces_dir / "obama.jpg").read_bytes())

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "ambiguous_match"


def test_deactivated_employee_is_not_recognised(client, admin_headers, faces_dir, obama):
    assert client.post(f"/api/v1/employees/{obama['id']}/deactivate", headers=admin_headers).status_code == 200

    response = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "face_not_recognized"


def test_reactivated_employee_is_recognised_again(client, admin_headers, faces_dir, obama):
    client.post(f"/api/v1/employees/{obama['id']}/deactivate", headers=admin_headers)
    client.post(f"/api/v1/employees/{obama['id']}/activate", headers=admin_headers)

    response = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())

    assert response.status_code == 201, response.text


def test_deleted_employee_leaves_matcher(client, admin_headers, faces_dir, obama):
    deleted = client.delete(f"/api/v1/employees/{obama['id']}", headers=admin_headers)

    response = check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())

    assert deleted.status_code == 204
    assert row_counts(client)["templates"] == 0
    assert client.app_state["template_index"].employee_ids() == set()
    assert response.json()["error"]["code"] == "face_not_recognized"


def test_delete_with_attendance_needs_purge(client, admin_headers, faces_dir, obama):
    check_in(client, admin_headers, (faces_dir / "obama2.jpg").read_bytes())

    rejected = client.delete(f"/api/v1/employees/{obama['id']}", headers=admin_headers)
    purged = client.delete(f"/api/v1/employees/{obama['id']}", params={"purge": "true"}, headers=admin_headers)

    assert rejected.status_code == 409
    assert rejected.json()["error"]["code"] == "employee_has_attendance"
    assert purged.status_code == 204
    assert row_counts(client) == {"employees": 0, "templates": 0, "events": 0}


def test_check_in_needs_sign_in(client, faces_dir, obama):
    response = check_in(client, {}, (faces_dir / "obama2.jpg").read_bytes())

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
