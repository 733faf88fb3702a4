"""Start `asistencia serve` as a separate process, as a user would, for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from helpers import ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET

STARTUP_TIMEOUT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def live_database_url(tmp_path: Path, suffix: str = "live") -> str:
    """SQLite in a temp folder, or a fresh PostgreSQL database beside the test one."""
    base = os.environ.get("ASISTENCIA_TEST_DATABASE_URL")
    if not base:
        return f"sqlite:///{tmp_path}/{suffix}.db"
    url = make_url(base)
    name = f"{url.database}_{suffix}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


class LiveServer:
    def __init__(self, base_url: str, process: subprocess.Popen, log_path: Path) -> None:
        self.base_url = base_url
        self.process = process
        self.log_path = log_path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def token(self) -> str:
        response = httpx.post(
            f"{self.base_url}/api/v1/auth/token", data={"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}


@contextmanager
def running_server(data_dir: Path, database_url: str, log_path: Path) -> Iterator[LiveServer]:
    """Run `python -m asistencia serve` until the block ends; wait for /health to be 200."""
    port = free_port()
    env = {
        **os.environ,
        "ASISTENCIA_ENVIRONMENT": "production",
        "ASISTENCIA_SECRET_KEY": TEST_SECRET,
        "ASISTENCIA_DATA_DIR": str(data_dir),
        "ASISTENCIA_DATABASE_URL": database_url,
        "ASISTENCIA_PORT": str(port),
        "ASISTENCIA_ADMIN_EMAIL": ADMIN_EMAIL,
        "ASISTENCIA_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "ASISTENCIA_LOG_LEVEL": "INFO",
    }
    with log_path.open("ab") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "asistencia", "serve"], env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    server = LiveServer(f"http://127.0.0.1:{port}", process, log_path)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            assert process.poll() is None, server.log()
            try:
                if httpx.get(f"{server.base_url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, server.log()
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=20)
