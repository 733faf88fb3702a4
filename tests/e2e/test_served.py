"""The server as a user runs it: a separate `asistencia serve` process over HTTP and Socket.IO."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import socketio

from live_server import LiveServer, live_database_url, running_server

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp_path = tmp_path_factory.mktemp("live")
    with running_server(tmp_path / "data", live_database_url(tmp_path), tmp_path / "server.log") as server:
        yield server


def _post_photo(server: LiveServer, token: str, path: str, photo: Path, **form: str) -> httpx.Response:
    return httpx.post(
        f"{server.base_url}{path}",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": (photo.name, photo.read_bytes(), "image/jpeg")},
        data=form,
        timeout=60,
    )


def _create_employee(server: LiveServer, token: str, code: str, name: str) -> int:
    response = httpx.post(
        f"{server.base_url}/api/v1/employees",
        json={"employee_code": code, "full_name": name},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _remove_all_employees(server: LiveServer, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    for employee in httpx.get(f"{server.base_url}/api/v1/employees", headers=headers).json()["items"]:
        httpx.delete(f"{server.base_url}/api/v1/employees/{employee['id']}?purge=true", headers=headers)


def test_served_check_in_start_to_finish(live_server, faces_dir):
    token = live_server.token()
    _remove_all_employees(live_server, token)
    employee_id = _create_employee(live_server, token, "E100", "Barack Obama")

    enrolled = _post_photo(live_server, token, f"/api/v1/employees/{employee_id}/faces", faces_dir / "obama.jpg")
    first = _post_photo(live_server, token, "/api/v1/check-ins", faces_dir / "obama2.jpg")
    again = _post_photo(live_server, token, "/api/v1/check-ins", faces_dir / "obama2.jpg")
    stranger = _post_photo(live_server, token, "/api/v1/check-ins", faces_dir / "biden.jpg")
    crowd = _post_photo(live_server, token, "/api/v1/check-ins", faces_dir / "two_people.jpg")
    health = httpx.get(f"{live_server.base_url}/health")

    assert enrolled.status_code == 201
    assert first.status_code == 201
    assert first.json()["event"]["kind"] == "in"
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert stranger.status_code == 422
    assert stranger.json()["error"]["code"] == "face_not_recognized"
    assert crowd.status_code == 422
    assert crowd.json()["error"]["code"] == "multiple_faces"
    assert health.status_code == 200
    assert live_server.log().count("face_engine.loaded") == 1


def test_socketio_client_receives_check_in(live_server, faces_dir):
    token = live_server.token()
    _remove_all_employees(live_server, token)
    employee_id = _create_employee(live_server, token, "E200", "Joe Biden")
    _post_photo(live_server, token, f"/api/v1/employees/{employee_id}/faces", faces_dir / "biden.jpg")

    async def listen_while_checking_in() -> tuple[dict, httpx.Response]:
        client = socketio.AsyncClient(reconnection=False)
        received: asyncio.Queue[dict] = asyncio.Queue()
        client.on("attendance.recorded", received.put_nowait)
        await client.connect(live_server.base_url, auth={"token": token}, transports=["websocket"])
        try:
            response = await asyncio.to_thread(
                _post_photo, live_server, token, "/api/v1/check-ins", faces_dir / "biden2.jpg"
            )
            payload = await asyncio.wait_for(received.get(), timeout=20)
        finally:
            await client.disconnect()
        return payload, response

    payload, response = asyncio.run(listen_while_checking_in())

    assert response.status_code == 201, response.text
    assert payload["employee"]["employee_code"] == "E200"
    assert payload["event"]["id"] == response.json()["event"]["id"]
    assert payload["event"]["kind"] == "in"


def test_socketio_refuses_client_without_token(live_server):
    async def connect() -> None:
        client = socketio.AsyncClient(reconnection=False)
        try:
            await client.connect(live_server.base_url, transports=["websocket"], wait_timeout=10)
        finally:
            await client.disconnect()

    with pytest.raises(socketio.exceptions.ConnectionError):
        asyncio.run(connect())


def test_concurrent_check_ins_keep_their_own_results(live_server, faces_dir):
    token = live_server.token()
    _remove_all_employees(live_server, token)
    obama = _create_employee(live_server, token, "E301", "Barack Obama")
    biden = _create_employee(live_server, token, "E302", "Joe Biden")
    _post_photo(live_server, token, f"/api/v1/employees/{obama}/faces", faces_dir / "obama.jpg")
    _post_photo(live_server, token, f"/api/v1/employees/{biden}/faces", faces_dir / "biden.jpg")
    photos = [("obama2.jpg", "E301"), ("biden2.jpg", "E302"), ("obama3.jpg", "E301"), ("biden.jpg", "E302")] * 4

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [
            pool.submit(_post_photo, live_server, token, "/api/v1/check-ins", faces_dir / name) for name, _ in photos
        ]
        # The event loop must keep serving requests while the face workers are busy.
        live = httpx.get(f"{live_server.base_url}/health/live", timeout=30)
        responses = [future.result() for future in futures]

    assert live.status_code == 200
    assert [response.status_code in (200, 201) for response in responses] == [True] * len(photos)
    assert [response.json()["employee"]["employee_code"] for response in responses] == [code for _, code in photos]
    created = [response for response in responses if response.status_code == 201]
    assert sorted(response.json()["employee"]["employee_code"] for response in created) == ["E301", "E302"]
