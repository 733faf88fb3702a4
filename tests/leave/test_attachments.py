"""Supporting documents: accepted types by content, size limit, storage and download."""

from __future__ import annotations

import hashlib
import io
from urllib.parse import unquote

import pytest
from helpers import create_employee
from leave_helpers import audit_actions, create_leave, stored_leave, user_headers
from PIL import Image


PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def image_bytes(fmt: str, colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(client, headers, leave_id, data, name="certificado.pdf", content_type="application/pdf"):
    return client.post(
        f"/api/v1/leave/{leave_id}/attachment", files={"file": (name, data, content_type)}, headers=headers
    )


@pytest.fixture()
def leave(client, employee_headers, employee) -> dict:
    return create_leave(client, employee_headers, employee["id"])


def test_pdf_attachment_stored(client, employee_headers, leave, test_settings):
    response = upload(client, employee_headers, leave["id"], PDF)

    assert response.status_code == 200
    assert response.json()["attachment"] == {
        "name": "certificado.pdf", "content_type": "application/pdf", "size": len(PDF),
    }
    stored = stored_leave(client, leave["id"])
    assert stored.attachment_path == f"attachments/{hashlib.sha256(PDF).hexdigest()}"
    assert (test_settings.data_dir / stored.attachment_path).read_bytes() == PDF
    assert audit_actions(client, leave["id"]) == ["leave.created", "leave.attachment_stored"]


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp"), ("HEIF", "image/heif")],
)
def test_image_attachment_type_detected(client, employee_headers, leave, fmt, content_type):
    data = image_bytes(fmt)

    response = upload(client, employee_headers, leave["id"], data, name="foto", content_type="text/plain")

    assert response.status_code == 200
    assert response.json()["attachment"]["content_type"] == content_type


def test_text_renamed_pdf_unsupported(client, employee_headers, leave):
    data = b"Constancia de asistencia al hospital, firmada.\n"

    response = upload(client, employee_headers, leave["id"], data, name="constancia.pdf")

    assert response.status_code == 415
    assert response.json()["error"]["code"] == "attachment_unsupported"
    assert stored_leave(client, leave["id"]).attachment_path is None


def test_gif_image_unsupported(client, employee_headers, leave):
    response = upload(client, employee_headers, leave["id"], image_bytes("GIF"), name="foto.png")

    assert response.status_code == 415
    assert stored_leave(client, leave["id"]).attachment_path is None


def test_oversize_attachment_rejected(client, employee_headers, leave, test_settings):
    data = PDF + b"0" * (test_settings.max_attachment_bytes + 1 - len(PDF))

    response = upload(client, employee_headers, leave["id"], data)

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "attachment_too_large"
    assert stored_leave(client, leave["id"]).attachment_path is None


def test_attachment_at_limit_accepted(client, employee_headers, leave, test_settings):
    data = PDF + b"1" * (test_settings.max_attachment_bytes - len(PDF))

    response = upload(client, employee_headers, leave["id"], data)

    assert response.status_code == 200
    assert response.json()["attachment"]["size"] == test_settings.max_attachment_bytes


def test_empty_attachment_rejected(client, employee_headers, leave):
    response = upload(client, employee_headers, leave["id"], b"")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "attachment_empty"
    assert stored_leave(client, leave["id"]).attachment_path is None


def test_download_returns_same_bytes(client, employee_headers, leave):
    data = image_bytes("PNG", colour=(10, 120, 240))
    upload(client, employee_headers, leave["id"], data, name="receta.png", content_type="image/png")

    response = client.get(f"/api/v1/leave/{leave['id']}/attachment", headers=employee_headers)

    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "image/png"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_download_keeps_non_ascii_name(client, admin_headers, employee_headers, leave):
    name = 'Descanso "médico" ñandú.pdf'
    upload(client, employee_headers, leave["id"], PDF, name=name)

    disposition = client.get(f"/api/v1/leave/{leave['id']}/attachment", headers=admin_headers).headers[
        "content-disposition"
    ]

    assert disposition.startswith('attachment; filename="Descanso _medico_ nandu.pdf"')
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name


def test_upload_name_path_dropped(client, employee_headers, leave):
    response = upload(client, employee_headers, leave["id"], PDF, name="../../etc/constancia\r\n.pdf")

    assert response.json()["attachment"]["name"] == "constancia.pdf"


def test_replacing_removes_old_file_after_commit(client, employee_headers, leave, test_settings):
    first = PDF + b"% primera version\n"
    second = PDF + b"% segunda version\n"
    upload(client, employee_headers, leave["id"], first)
    first_path = test_settings.data_dir / stored_leave(client, leave["id"]).attachment_path

    response = upload(client, employee_headers, leave["id"], second)

    assert response.status_code == 200
    assert not first_path.exists()
    assert (test_settings.data_dir / stored_leave(client, leave["id"]).attachment_path).read_bytes() == second


def test_replacing_keeps_file_shared_by_other_request(client, admin_headers, employee_headers, employee, test_settings):
    shared = PDF + b"% compartido\n"
    other_employee = create_employee(client, admin_headers, code="L002", name="Mario Quispe")
    first = create_leave(client, admin_headers, employee["id"])
    second = create_leave(client, admin_headers, other_employee["id"])
    upload(client, admin_headers, first["id"], shared)
    upload(client, admin_headers, second["id"], shared)

    upload(client, admin_headers, first["id"], PDF + b"% reemplazo\n")

    assert (test_settings.data_dir / stored_leave(client, second["id"]).attachment_path).read_bytes() == shared


def test_failed_replacement_keeps_old_file(client, employee_headers, leave, test_settings):
    original = PDF + b"% original\n"
    upload(client, employee_headers, leave["id"], original)

    upload(client, employee_headers, leave["id"], b"no es un documento")

    assert (test_settings.data_dir / stored_leave(client, leave["id"]).attachment_path).read_bytes() == original


def test_upload_after_decision_conflicts(client, admin_headers, employee_headers, leave):
    client.post(f"/api/v1/leave/{leave['id']}/reject", json={"comment": "Sin sustento"}, headers=admin_headers)

    response = upload(client, employee_headers, leave["id"], PDF)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).attachment_path is None


def test_staff_uploads_for_employee(client, admin_headers, leave):
    response = upload(client, admin_headers, leave["id"], PDF)

    assert response.status_code == 200


def test_other_employee_cannot_upload_or_download(client, admin_headers, employee_headers, leave):
    upload(client, employee_headers, leave["id"], PDF)
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")
    other_headers = user_headers(client, email="mario@test.example", employee_id=other["id"])

    upload_response = upload(client, other_headers, leave["id"], PDF + b"% ajeno\n")
    download_response = client.get(f"/api/v1/leave/{leave['id']}/attachment", headers=other_headers)

    assert upload_response.status_code == 404
    assert download_response.status_code == 404
    assert stored_leave(client, leave["id"]).attachment_size == len(PDF)


def test_download_without_attachment_not_found(client, employee_headers, leave):
    response = client.get(f"/api/v1/leave/{leave['id']}/attachment", headers=employee_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "attachment_not_found"


def test_download_missing_file_not_found(client, employee_headers, leave, test_settings):
    data = PDF + b"% se borrara\n"
    upload(client, employee_headers, leave["id"], data)
    (test_settings.data_dir / stored_leave(client, leave["id"]).attachment_path).unlink()

    response = client.get(f"/api/v1/leave/{leave['id']}/attachment", headers=employee_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "attachment_not_found"
