"""Ids beyond the database's integer range get a 4xx, never a 500."""

import pytest

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/employees/{HUGE}",
        f"/api/v1/employees/{HUGE}/faces",
        f"/api/v1/shifts/{HUGE}",
        f"/api/v1/sites/{HUGE}",
        f"/api/v1/leave/{HUGE}",
        f"/api/v1/attendance/days/{HUGE}",
    ],
)
def test_huge_id_is_client_error(client, admin_headers, path):
    response = client.get(path, headers=admin_headers)

    assert response.status_code in (404, 422), response.text
    assert response.json()["error"]["code"]
