"""Employees belong to a site, whose time zone their days use."""

from helpers import create_employee, row_counts


def create_site(client, headers, name="Sede Santiago", timezone="America/Santiago"):
    response = client.post("/api/v1/sites", json={"name": name, "timezone": timezone}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_employee_created_in_site(client, admin_headers):
    site = create_site(client, admin_headers)

    employee = create_employee(client, admin_headers, site_id=site["id"])

    assert employee["site_id"] == site["id"]


def test_employee_moved_to_site(client, admin_headers):
    site = create_site(client, admin_headers)
    employee = create_employee(client, admin_headers)

    response = client.patch(f"/api/v1/employees/{employee['id']}", json={"site_id": site["id"]}, headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["site_id"] == site["id"]


def test_unknown_site_rejected(client, admin_headers):
    response = client.post(
        "/api/v1/employees", json={"employee_code": "E1", "full_name": "Ana", "site_id": 4242}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "site_not_found"
    assert row_counts(client)["employees"] == 0


def test_site_with_employees_not_deleted(client, admin_headers):
    site = create_site(client, admin_headers)
    create_employee(client, admin_headers, site_id=site["id"])

    response = client.delete(f"/api/v1/sites/{site['id']}", headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "site_in_use"


def test_days_use_site_time_zone(client, admin_headers):
    site = create_site(client, admin_headers)
    employee = create_employee(client, admin_headers, site_id=site["id"], shift_id=None)
    shift = client.get("/api/v1/shifts", headers=admin_headers).json()
    morning = next(item for item in shift if item["name"] == "Mañana")
    client.post(
        "/api/v1/assignments",
        json={"employee_id": employee["id"], "shift_id": morning["id"], "start_date": "2026-11-02"},
        headers=admin_headers,
    )
    # 08:00 in Santiago (UTC-3 in November) is 11:00 UTC.
    for at, kind in (("2026-11-02T11:00:00+00:00", "in"), ("2026-11-02T19:00:00+00:00", "out")):
        added = client.post(
            "/api/v1/attendance/punches",
            json={"employee_id": employee["id"], "recorded_at": at, "kind": kind, "reason": "reloj averiado"},
            headers=admin_headers,
        )
        assert added.status_code == 201, added.text

    days = client.get(
        "/api/v1/attendance/days",
        params={"employee_id": employee["id"], "from": "2026-11-02", "to": "2026-11-02"},
        headers=admin_headers,
    ).json()

    day = days["items"][0] if isinstance(days, dict) else days[0]
    assert day["status"] == "present"
    assert day["late_minutes"] == 0
    assert day["first_in"].endswith("-03:00")
