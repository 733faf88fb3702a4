"""Who may file, see, change and decide leave requests."""

from __future__ import annotations

from helpers import create_employee
from leave_helpers import create_leave, leave_body, leave_count, stored_leave, user_headers


def test_employee_files_own_request(client, employee_headers, employee):
    response = client.post("/api/v1/leave", json=leave_body(employee["id"]), headers=employee_headers)

    assert response.status_code == 201
    assert response.json()["employee_id"] == employee["id"]


def test_employee_for_someone_else_forbidden(client, admin_headers, employee_headers):
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")

    response = client.post("/api/v1/leave", json=leave_body(other["id"]), headers=employee_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "leave_forbidden"
    assert leave_count(client) == 0


def test_unlinked_employee_user_forbidden(client, employee):
    headers = user_headers(client, email="sin-ficha@test.example")

    response = client.post("/api/v1/leave", json=leave_body(employee["id"]), headers=headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "account_not_linked"
    assert leave_count(client) == 0


def test_supervisor_files_for_anyone(client, employee):
    headers = user_headers(client, email="supervisora@test.example", role="supervisor")

    response = client.post("/api/v1/leave", json=leave_body(employee["id"]), headers=headers)

    assert response.status_code == 201


def test_employee_cannot_read_others_request(client, admin_headers, employee_headers):
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")
    leave = create_leave(client, admin_headers, other["id"])

    response = client.get(f"/api/v1/leave/{leave['id']}", headers=employee_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "leave_not_found"


def test_employee_list_shows_only_own(client, admin_headers, employee_headers, employee):
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")
    own = create_leave(client, admin_headers, employee["id"])
    create_leave(client, admin_headers, other["id"])

    body = client.get("/api/v1/leave", headers=employee_headers).json()

    assert body["total"] == 1
    assert [item["id"] for item in body["items"]] == [own["id"]]


def test_employee_list_other_employee_forbidden(client, admin_headers, employee_headers):
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")

    response = client.get("/api/v1/leave", params={"employee_id": other["id"]}, headers=employee_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "leave_forbidden"


def test_employee_cannot_approve(client, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/approve", headers=employee_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert stored_leave(client, leave["id"]).status == "pending"


def test_employee_cannot_reject(client, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])

    response = client.post(
        f"/api/v1/leave/{leave['id']}/reject", json={"comment": "No"}, headers=employee_headers
    )

    assert response.status_code == 403
    assert stored_leave(client, leave["id"]).status == "pending"


def test_supervisor_cannot_approve_own(client, employee):
    headers = user_headers(
        client, email="jefa@test.example", role="supervisor", employee_id=employee["id"]
    )
    leave = create_leave(client, headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/approve", headers=headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "leave_self_review"
    assert stored_leave(client, leave["id"]).status == "pending"


def test_supervisor_cannot_reject_own(client, employee):
    headers = user_headers(
        client, email="jefa@test.example", role="supervisor", employee_id=employee["id"]
    )
    leave = create_leave(client, headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/reject", json={"comment": "No"}, headers=headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "leave_self_review"


def test_supervisor_approves_others_request(client, employee_headers, employee):
    headers = user_headers(client, email="supervisora@test.example", role="supervisor")
    leave = create_leave(client, employee_headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/approve", headers=headers)

    assert response.status_code == 200
    assert response.json()["status"] == "approved"


def test_staff_cannot_cancel_others_request(client, admin_headers, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/cancel", headers=admin_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "leave_forbidden"
    assert stored_leave(client, leave["id"]).status == "pending"


def test_employee_cancels_request_filed_for_them(client, admin_headers, employee_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/cancel", headers=employee_headers)

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


def test_requester_cancels_own_filing(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/cancel", headers=admin_headers)

    assert response.status_code == 200


def test_employee_cannot_edit_request_filed_by_staff(client, admin_headers, employee_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = client.patch(
        f"/api/v1/leave/{leave['id']}", json={"reason": "Cambio el motivo"}, headers=employee_headers
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "leave_forbidden"
    assert stored_leave(client, leave["id"]).reason == leave["reason"]


def test_staff_edits_employee_request(client, admin_headers, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])

    response = client.patch(f"/api/v1/leave/{leave['id']}", json={"kind": "family"}, headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["kind"] == "family"


def test_other_employee_cannot_cancel(client, admin_headers, employee_headers, employee):
    other = create_employee(client, admin_headers, code="L002", name="Mario Quispe")
    other_headers = user_headers(client, email="mario@test.example", employee_id=other["id"])
    leave = create_leave(client, employee_headers, employee["id"])

    response = client.post(f"/api/v1/leave/{leave['id']}/cancel", headers=other_headers)

    assert response.status_code == 404
    assert stored_leave(client, leave["id"]).status == "pending"
