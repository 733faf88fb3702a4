"""Enrolment with real photos: templates, duplicates across employees, limits."""

from __future__ import annotations

import pytest

from helpers import create_employee, enrol, row_counts

pytestmark = pytest.mark.e2e


def test_enrolment_stores_template(client, admin_headers, faces_dir):
    employee = create_employee(client, admin_headers)

    response = enrol(client, admin_headers, employee["id"], faces_dir / "obama.jpg")

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["enrolled"] == 1
    template = body["results"][0]["template"]
    assert template["model_name"] == "dlib_face_recognition_resnet_model_v1"
    assert template["model_version"]
    assert template["box"]["width"] > 100
    assert (template["image_width"], template["image_height"]) == (640, 800)
    assert client.app_state["template_index"].employee_ids() == {employee["id"]}


def test_several_photos_reported_one_by_one(client, admin_headers, faces_dir):
    employee = create_employee(client, admin_headers)

    response = enrol(
        client, admin_headers, employee["id"],
        faces_dir / "obama.jpg", faces_dir / "two_people.jpg", faces_dir / "obama2.jpg",
    )

    assert response.status_code == 201, response.text
    results = response.json()["results"]
    assert [item["status"] for item in results] == ["enrolled", "rejected", "enrolled"]
    assert results[1]["error"]["code"] == "multiple_faces"
    assert row_counts(client)["templates"] == 2


def test_face_of_other_employee_is_refused(client, admin_headers, faces_dir):
    first = create_employee(client, admin_headers, code="E001")
    second = create_employee(client, admin_headers, code="E002")
    enrol(client, admin_headers, first["id"], faces_dir / "obama.jpg")

    response = enrol(client, admin_headers, second["id"], faces_dir / "obama2.jpg")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "face_already_enrolled"
    assert response.json()["error"]["details"]["employee_code"] == "E001"
    assert "E001" in response.json()["error"]["message"]
    assert row_counts(client)["templates"] == 1


def test_admin_override_allows_duplicate(client, admin_headers, faces_dir):
    first = create_employee(client, admin_headers, code="E001")
    second = create_employee(client, admin_headers, code="E002")
    enrol(client, admin_headers, first["id"], faces_dir / "obama.jpg")

    response = enrol(client, admin_headers, second["id"], faces_dir / "obama2.jpg", allow_duplicate="true")

    assert response.status_code == 201


def test_template_limit(client, admin_headers, faces_dir, test_settings):
    employee = create_employee(client, admin_headers)
    limit = test_settings.max_templates_per_employee
    photos = [faces_dir / "obama.jpg"] * (limit + 1)

    response = enrol(client, admin_headers, employee["id"], *photos)

    assert response.status_code == 201
    assert response.json()["enrolled"] == limit
    assert response.json()["results"][-1]["error"]["code"] == "too_many_templates"


def test_enrol_unknown_employee(client, admin_headers, faces_dir):
    response = enrol(client, admin_headers, 999_999, faces_dir / "obama.jpg")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "employee_not_found"


def test_delete_one_template(client, admin_headers, faces_dir):
    employee = create_employee(client, admin_headers)
    body = enrol(client, admin_headers, employee["id"], faces_dir / "obama.jpg", faces_dir / "obama2.jpg").json()
    template_id = body["results"][0]["template"]["id"]

    response = client.delete(f"/api/v1/employees/{employee['id']}/faces/{template_id}", headers=admin_headers)

    assert response.status_code == 204
    assert row_counts(client)["templates"] == 1
    assert len(client.app_state["template_index"]) == 1
