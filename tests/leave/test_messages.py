"""Leave errors in Spanish (the default) and English."""

from __future__ import annotations

from leave_helpers import create_leave


def reject_without_comment(client, headers, leave_id):
    return client.post(f"/api/v1/leave/{leave_id}/reject", json={}, headers=headers)


def test_comment_required_in_spanish(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])

    message = reject_without_comment(client, admin_headers, leave["id"]).json()["error"]["message"]

    assert message == (
        "Para rechazar una solicitud de permiso se requiere un comentario; indique el motivo del rechazo."
    )


def test_comment_required_in_english(client, admin_headers, employee):
    leave = create_leave(client, admin_headers, employee["id"])
    headers = {**admin_headers, "Accept-Language": "en-US,en;q=0.9"}

    message = reject_without_comment(client, headers, leave["id"]).json()["error"]["message"]

    assert message == "A comment is required to reject a leave request; say why it is rejected."


def test_overlap_status_translated(client, admin_headers, employee):
    first = create_leave(client, admin_headers, employee["id"])
    body = {key: first[key] for key in ("employee_id", "kind", "start_date", "end_date")}
    body["reason"] = "Solicitud repetida"

    spanish = client.post("/api/v1/leave", json=body, headers=admin_headers).json()["error"]["message"]
    english = client.post(
        "/api/v1/leave", json=body, headers={**admin_headers, "Accept-Language": "en"}
    ).json()["error"]["message"]

    assert "(pendiente," in spanish
    assert "(pending," in english
