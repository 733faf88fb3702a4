"""Start and stop ``asistencia serve`` as a user would, for the HTTP benchmarks.

The server runs as a subprocess of ``.venv/bin/asistencia serve`` on a free port of
127.0.0.1 with a fresh temporary data directory (SQLite), so a benchmark never touches
``./data`` or any other server.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
EXECUTABLE = ROOT / ".venv" / "bin" / "asistencia"
HOST = "127.0.0.1"
ADMIN_EMAIL = "bench-admin@example.com"
ADMIN_PASSWORD = "bench-password-2026"
READY_PATTERN = re.compile(r"startup\.ready\s.*?total_ms=([0-9.]+)")
HEALTH_POLL_SECONDS = 0.01
STOP_TIMEOUT_SECONDS = 20.0


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningServer:
    """One ``asistencia serve`` subprocess with its data directory and log file."""

    process: subprocess.Popen[bytes]
    base_url: str
    data_dir: Path
    log_path: Path
    launched_at: float
    # Seconds from Popen to the first 200 of GET /health.
    seconds_to_healthy: float = 0.0
    _psutil: psutil.Process | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def ready_total_ms(self) -> float | None:
        """Return ``total_ms`` of the server's ``startup.ready`` log line, if it was written."""
        found = READY_PATTERN.search(self.log_text())
        return float(found.group(1)) if found else None

    def resource(self) -> psutil.Process:
        if self._psutil is None:
            self._psutil = psutil.Process(self.pid)
        return self._psutil

    def rss_bytes(self) -> int:
        """Resident set size of the server process and its children, in bytes."""
        process = self.resource()
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            total += child.memory_info().rss
        return total

    def peak_rss_bytes(self) -> int | None:
        """Peak resident set size of the server process (Linux ``VmHWM``), in bytes."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return None

    def cpu_seconds(self) -> float:
        """User plus system CPU time the server process has used so far."""
        times = self.resource().cpu_times()
        return times.user + times.system

    def token(self, client: httpx.Client) -> str:
        """Sign in as the benchmark administrator and return the bearer token."""
        response = client.post(
            f"{self.base_url}/api/v1/auth/token",
            data={"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
        )
        response.raise_for_status()
        return str(response.json()["access_token"])


def server_environment(data_dir: Path, port: int, extra: dict[str, str] | None) -> dict[str, str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("ASISTENCIA_")
    }
    environment.update(
        {
            "ASISTENCIA_HOST": HOST,
            "ASISTENCIA_PORT": str(port),
            "ASISTENCIA_DATA_DIR": str(data_dir),
            # Empty means SQLite inside the data directory, even when a local .env file sets a URL.
            "ASISTENCIA_DATABASE_URL": "",
            "ASISTENCIA_ADMIN_EMAIL": ADMIN_EMAIL,
            "ASISTENCIA_ADMIN_PASSWORD": ADMIN_PASSWORD,
        }
    )
    environment.update(extra or {})
    return environment


def wait_until_healthy(server: RunningServer, timeout: float) -> float:
    """Poll GET /health until it returns 200 and return the seconds since launch.

    Raises RuntimeError with the log tail when the process exits or ``timeout`` passes.
    """
    deadline = server.launched_at + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.perf_counter() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(
                    f"server exited with status {server.process.returncode} before it was "
                    f"healthy; log tail:\n{server.log_text()[-2000:]}"
                )
            try:
                if client.get(f"{server.base_url}/health").status_code == 200:
                    return time.perf_counter() - server.launched_at
            except httpx.TransportError:
                pass
            time.sleep(HEALTH_POLL_SECONDS)
    raise RuntimeError(
        f"server was not healthy within {timeout:.0f} s; log tail:\n{server.log_text()[-2000:]}"
    )


def stop_server(server: RunningServer) -> int:
    """Send SIGINT (uvicorn's Ctrl+C), wait for a clean exit, and kill only on timeout."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    return int(server.process.returncode)


@contextmanager
def running_server(
    extra_env: dict[str, str] | None = None,
    *,
    timeout: float = 60.0,
    data_dir: Path | None = None,
) -> Iterator[RunningServer]:
    """Start a server, wait for GET /health to return 200, yield it, then stop it.

    A fresh temporary data directory is created and removed unless ``data_dir`` is given,
    in which case it is reused (a restart on existing data).
    """
    owned_dir = data_dir is None
    directory = Path(tempfile.mkdtemp(prefix="asistencia-bench-")) if owned_dir else data_dir
    assert directory is not None
    port = free_port()
    log_path = directory / f"server-{port}.log"
    log_file = log_path.open("wb")
    launched_at = time.perf_counter()
    process = subprocess.Popen(
        [str(EXECUTABLE), "serve"],
        cwd=ROOT,
        env=server_environment(directory, port, extra_env),
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    server = RunningServer(
        process=process,
        base_url=f"http://{HOST}:{port}",
        data_dir=directory,
        log_path=log_path,
        launched_at=launched_at,
    )
    try:
        server.seconds_to_healthy = wait_until_healthy(server, timeout)
        yield server
    finally:
        stop_server(server)
        log_file.close()
        if owned_dir:
            shutil.rmtree(directory, ignore_errors=True)
