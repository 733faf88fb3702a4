"""The approval state machine: approve, reject, cancel, edit, and decisions that stick."""

from __future__ import annotations

from datetime import timedelta

import pytest
from leave_helpers import BASE_DATE, audit_actions, create_leave, stored_leave

def approve(client, headers, leave_id, **body):
    return client.post(f"/api/v1/leave/{leave_id}/approve", json=body or None, headers=headers)


def reject(client, headers, leave_id, comment="Falta el certificado"):
    body = {"comment": comment} if comment is not None else None
    return client.post(f"/api/v1/leave/{leave_id}/reject", json=body, headers=headers)


def cancel(client, headers, leave_id):
    return client.post(f"/api/v1/leave/{leave_id}/cancel", headers=headers)


def test_approve_records_reviewer(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = approve(client, admin_headers, leave["id"], comment="  Conforme  ")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "approved"
    assert body["reviewed_by_user_id"] is not None
    assert body["reviewed_at"] is not None
    assert body["review_comment"] == "Conforme"
    assert audit_actions(client, leave["id"]) == ["leave.created", "leave.approved"]


def test_approve_twice_conflicts(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    approve(client, admin_headers, leave["id"])

    response = approve(client, admin_headers, leave["id"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert response.json()["error"]["details"]["status"] == "approved"


def test_cancel_after_approval_conflicts(client, admin_headers, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])
    approve(client, admin_headers, leave["id"])

    response = cancel(client, employee_headers, leave["id"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).cancelled_at is None


def test_edit_after_approval_conflicts(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    approve(client, admin_headers, leave["id"])

    response = client.patch(f"/api/v1/leave/{leave['id']}", json={"reason": "Otro motivo"}, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).reason == leave["reason"]


def test_reject_with_comment(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = reject(client, admin_headers, leave["id"], comment="Sin certificado médico")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "rejected"
    assert body["review_comment"] == "Sin certificado médico"
    assert body["reviewed_by_user_id"] is not None
    assert body["reviewed_at"] is not None
    assert audit_actions(client, leave["id"]) == ["leave.created", "leave.rejected"]


@pytest.mark.parametrize("comment", [None, "", "   "], ids=["no_body", "empty", "blank"])
def test_reject_without_comment_refused(client, admin_headers, employee, comment):
    leave = create_leave(client, admin_headers, employee["id"])

    response = reject(client, admin_headers, leave["id"], comment=comment)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "comment_required"
    assert stored_leave(client, leave["id"]).status == "pending"
    assert audit_actions(client, leave["id"]) == ["leave.created"]


def test_reject_twice_conflicts(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    reject(client, admin_headers, leave["id"], comment="Primera decisión")

    response = reject(client, admin_headers, leave["id"], comment="Segunda decisión")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).review_comment == "Primera decisión"


def test_approve_after_rejection_conflicts(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    reject(client, admin_headers, leave["id"])

    response = approve(client, admin_headers, leave["id"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).status == "rejected"


def test_decided_message_names_status(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    reject(client, admin_headers, leave["id"])

    spanish = approve(client, admin_headers, leave["id"]).json()["error"]["message"]
    english = approve(client, {**admin_headers, "Accept-Language": "en"}, leave["id"]).json()["error"]["message"]

    assert "rechazada" in spanish
    assert "rejected" in english


def test_cancel_by_employee(client, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])

    response = cancel(client, employee_headers, leave["id"])

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["cancelled_at"] is not None
    assert audit_actions(client, leave["id"]) == ["leave.created", "leave.cancelled"]


def test_cancel_twice_conflicts(client, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])
    cancel(client, employee_headers, leave["id"])

    response = cancel(client, employee_headers, leave["id"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"


def test_reject_after_cancel_conflicts(client, admin_headers, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])
    cancel(client, employee_headers, leave["id"])

    response = reject(client, admin_headers, leave["id"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).reviewed_by_user_id is None


def test_edit_after_rejection_conflicts(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    reject(client, admin_headers, leave["id"])

    response = client.patch(f"/api/v1/leave/{leave['id']}", json={"reason": "Otro motivo"}, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "leave_already_decided"
    assert stored_leave(client, leave["id"]).reason == leave["reason"]


def test_edit_pending_changes_fields(client, employee_headers, employee):
    leave = create_leave(client, employee_headers, employee["id"])
    new_end = (BASE_DATE + timedelta(days=4)).isoformat()

    response = client.patch(
        f"/api/v1/leave/{leave['id']}", json={"end_date": new_end, "reason": " Reposo ampliado "},
        headers=employee_headers,
    )

    assert response.status_code == 200
    assert response.json()["end_date"] == new_end
    assert response.json()["reason"] == "Reposo ampliado"
    assert audit_actions(client, leave["id"]) == ["leave.created", "leave.updated"]


def test_edit_kind_resets_justification(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"], kind="medical")

    response = client.patch(f"/api/v1/leave/{leave['id']}", json={"kind": "vacation"}, headers=admin_headers)

    assert response.json()["justification"] is False
    assert response.json()["kind_label"] == "vacaciones"


def test_edit_to_part_day_needs_same_date(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = client.patch(
        f"/api/v1/leave/{leave['id']}", json={"start_time": "09:00", "end_time": "10:00"}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "leave_times_invalid"
    assert stored_leave(client, leave["id"]).start_time is None


def test_edit_null_reason_refused(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = client.patch(f"/api/v1/leave/{leave['id']}", json={"reason": None}, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert stored_leave(client, leave["id"]).reason == leave["reason"]


def test_edit_keeps_own_dates_without_overlap(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    response = client.patch(
        f"/api/v1/leave/{leave['id']}", json={"start_date": BASE_DATE.isoformat()}, headers=admin_headers
    )

    assert response.status_code == 200


def test_edit_into_other_request_overlaps(client, admin_headers, employee):
    first = create_leave(client, admin_headers, employee["id"])
    later = (BASE_DATE + timedelta(days=5)).isoformat()
    second = create_leave(client, admin_headers, employee["id"], start_date=later, end_date=later)

    response = client.patch(
        f"/api/v1/leave/{second['id']}", json={"start_date": first["end_date"]}, headers=admin_headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["details"]["leave_id"] == first["id"]
    assert stored_leave(client, second["id"]).start_date.isoformat() == later


def test_unknown_request_not_found(client, admin_headers, employee):
    response = client.get("/api/v1/leave/999999", headers=admin_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "leave_not_found"


def test_list_filters_and_pages(client, admin_headers, employee):
    dates = [BASE_DATE + timedelta(days=offset * 3) for offset in range(4)]
    created = [
        create_leave(client, admin_headers, employee["id"], start_date=day.isoformat(), end_date=day.isoformat(),
                     kind="personal" if index % 2 else "medical")
        for index, day in enumerate(dates)
    ]
    reject(client, admin_headers, created[0]["id"])

    medical = client.get("/api/v1/leave", params={"kind": "medical"}, headers=admin_headers).json()
    pending = client.get("/api/v1/leave", params={"status": "pending"}, headers=admin_headers).json()
    in_range = client.get(
        "/api/v1/leave", params={"from": dates[1].isoformat(), "to": dates[2].isoformat()}, headers=admin_headers
    ).json()
    page = client.get("/api/v1/leave", params={"limit": 2, "offset": 1}, headers=admin_headers).json()

    assert medical["total"] == 2
    assert pending["total"] == 3
    assert [item["id"] for item in in_range["items"]] == [created[2]["id"], created[1]["id"]]
    assert page["total"] == 4
    assert [item["id"] for item in page["items"]] == [created[2]["id"], created[1]["id"]]


def test_list_unknown_status_refused(client, admin_headers, employee):
    response = client.get("/api/v1/leave", params={"status": "done"}, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
