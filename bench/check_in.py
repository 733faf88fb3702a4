"""Benchmark face check-in over HTTP: latency, throughput and server memory.

Run from the repository root: ``.venv/bin/python bench/check_in.py`` (all three parts) or
``--parts latency`` to repeat one. Each part starts its own ``asistencia serve`` on a free
port of 127.0.0.1 with a fresh temporary SQLite data directory, enrols obama.jpg for one
employee and checks in with a 1280x720 JPEG of obama2.jpg's person, built in a temporary
directory. The duplicate window is 0 s, so every check-in stores a new event. Each part
rewrites its own section of BENCHMARKS.md unless ``--no-write`` is given.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import (  # noqa: E402
    SHARED_MACHINE_NOTE,
    machine_line,
    median,
    percentile,
    table,
    today,
    versus_aim,
    write_section,
)
from server import RunningServer, running_server  # noqa: E402

FACES_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "faces"
ENROLMENT_PHOTO = FACES_DIR / "obama.jpg"
PROBE_SOURCE = FACES_DIR / "obama2.jpg"
PROBE_SIZE = (1280, 720)
SERVER_ENV = {"ASISTENCIA_DUPLICATE_WINDOW_SECONDS": "0"}
REQUEST_TIMEOUT_SECONDS = 60.0
LATENCY_AIM_MS = 150.0
RSS_AIM_MB = 350.0
# Memory counts as flat when RSS grows by less than this between the first and last sample.
FLAT_GROWTH_FRACTION = 0.05
MB = 1024 * 1024

LATENCY_TITLE = "## Check-in latency over HTTP"
THROUGHPUT_TITLE = "## Check-in throughput over HTTP"
MEMORY_TITLE = "## Server memory over 2,000 check-ins"


def make_probe_photo(directory: Path) -> Path:
    """Write a 1280x720 JPEG with obama2.jpg scaled to the full height and centred on grey."""
    with Image.open(PROBE_SOURCE) as source:
        person = source.convert("RGB")
    scale = PROBE_SIZE[1] / person.height
    person = person.resize(
        (round(person.width * scale), PROBE_SIZE[1]), Image.Resampling.LANCZOS
    )
    canvas = Image.new("RGB", PROBE_SIZE, (128, 128, 128))
    canvas.paste(person, ((PROBE_SIZE[0] - person.width) // 2, 0))
    path = directory / "probe-1280x720.jpg"
    canvas.save(path, "JPEG", quality=90)
    return path


@dataclass(frozen=True)
class CheckInSetup:
    """Server, bearer header, probe photo bytes and employee id shared by the benchmark clients."""

    server: RunningServer
    headers: dict[str, str]
    probe: bytes
    employee_id: int


def prepare(server: RunningServer, probe_path: Path) -> CheckInSetup:
    """Create one employee, enrol obama.jpg and check that the probe photo is recognised."""
    with httpx.Client(base_url=server.base_url, timeout=REQUEST_TIMEOUT_SECONDS) as client:
        headers = {"Authorization": f"Bearer {server.token(client)}"}
        created = client.post(
            "/api/v1/employees",
            json={"employee_code": "BENCH-001", "full_name": "Benchmark Employee"},
            headers=headers,
        )
        created.raise_for_status()
        employee_id = int(created.json()["id"])
        enrolled = client.post(
            f"/api/v1/employees/{employee_id}/faces",
            files={"file": (ENROLMENT_PHOTO.name, ENROLMENT_PHOTO.read_bytes(), "image/jpeg")},
            headers=headers,
        )
        enrolled.raise_for_status()

        probe = probe_path.read_bytes()
        checked = post_check_in(client, headers, probe)
        if checked.status_code != 201 or checked.json()["employee"]["id"] != employee_id:
            raise RuntimeError(
                f"probe check-in returned {checked.status_code}: {checked.text[:500]}"
            )
    return CheckInSetup(server=server, headers=headers, probe=probe, employee_id=employee_id)


def post_check_in(client: httpx.Client, headers: dict[str, str], probe: bytes) -> httpx.Response:
    return client.post(
        "/api/v1/check-ins",
        files={"file": ("probe.jpg", probe, "image/jpeg")},
        headers=headers,
    )


def timed_check_ins(session: CheckInSetup, count: int) -> tuple[list[float], Counter[str]]:
    """Send ``count`` sequential check-ins on one connection and return latencies and statuses."""
    seconds: list[float] = []
    statuses: Counter[str] = Counter()
    with httpx.Client(base_url=session.server.base_url, timeout=REQUEST_TIMEOUT_SECONDS) as client:
        for _ in range(count):
            started = time.perf_counter()
            response = post_check_in(client, session.headers, session.probe)
            seconds.append(time.perf_counter() - started)
            statuses[str(response.status_code)] += 1
    return seconds, statuses


def concurrent_check_ins(
    session: CheckInSetup, total: int, clients: int
) -> tuple[float, list[float], Counter[str]]:
    """Send ``total`` check-ins from ``clients`` threads and return wall seconds, latencies, statuses."""
    remaining = [total]
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: Counter[str] = Counter()

    def take_one() -> bool:
        with lock:
            if remaining[0] == 0:
                return False
            remaining[0] -= 1
            return True

    def worker() -> None:
        with httpx.Client(
            base_url=session.server.base_url, timeout=REQUEST_TIMEOUT_SECONDS
        ) as client:
            while take_one():
                started = time.perf_counter()
                try:
                    outcome = str(post_check_in(client, session.headers, session.probe).status_code)
                except httpx.TransportError as error:
                    outcome = type(error).__name__
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[outcome] += 1

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, statuses


def status_text(statuses: Counter[str]) -> str:
    return ", ".join(f"{count} x {status}" for status, count in sorted(statuses.items()))


def keep_log_if_failed(server: RunningServer, statuses: Counter[str]) -> str:
    """Copy the server log out of the data directory when a check-in was not a 201."""
    if set(statuses) <= {"201"}:
        return ""
    log_copy = Path(tempfile.gettempdir()) / f"asistencia-bench-{server.pid}.log"
    shutil.copyfile(server.log_path, log_copy)
    print(f"server log with failed check-ins kept at {log_copy}", file=sys.stderr)
    return f" Server log kept at {log_copy}."


def run_latency(probe_path: Path, warmups: int, count: int) -> str:
    machine = machine_line()
    with running_server(SERVER_ENV) as server:
        session = prepare(server, probe_path)
        timed_check_ins(session, warmups)
        cpu_before = server.cpu_seconds()
        seconds, statuses = timed_check_ins(session, count)
        server_cpu_ms = (server.cpu_seconds() - cpu_before) / count * 1000
        log_note = keep_log_if_failed(server, statuses)
    milliseconds = [value * 1000 for value in seconds]
    p50 = percentile(milliseconds, 0.50)
    rows = [
        ["p50", f"{p50:.0f} ms", f"{LATENCY_AIM_MS:.0f} ms", versus_aim(p50, LATENCY_AIM_MS, "ms")],
        ["p95", f"{percentile(milliseconds, 0.95):.0f} ms", "", ""],
        ["p99", f"{percentile(milliseconds, 0.99):.0f} ms", "", ""],
        ["min / max", f"{min(milliseconds):.0f} / {max(milliseconds):.0f} ms", "", ""],
        ["server CPU per check-in", f"{server_cpu_ms:.0f} ms", "", ""],
    ]
    lines = [
        LATENCY_TITLE,
        "",
        "Command: `.venv/bin/python bench/check_in.py --parts latency`.",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        f"One client, {count} sequential `POST /api/v1/check-ins` after {warmups} warm-ups, on"
        " one keep-alive connection, against `asistencia serve` (SQLite, default"
        " `ASISTENCIA_FACE_WORKERS=2`, log level INFO). The photo is a 1280x720 JPEG of"
        f" obama2.jpg's person ({len(session.probe) / 1024:.0f} KiB); one employee is enrolled with obama.jpg."
        f" Responses: {status_text(statuses)}.{log_note}",
        "",
        *table(["measure", "value", "aim", "result"], rows),
        "",
        "Latency is measured by the client, from sending the request to reading the whole"
        " response. The server CPU time per check-in is the server process's user plus system"
        f" time over the timed requests, divided by {count}.",
        SHARED_MACHINE_NOTE,
        "",
    ]
    return "\n".join(lines)


def run_throughput(probe_path: Path, levels: list[int], count: int) -> str:
    machine = machine_line()
    rows = []
    all_statuses: Counter[str] = Counter()
    with running_server(SERVER_ENV) as server:
        session = prepare(server, probe_path)
        timed_check_ins(session, 5)
        for clients in levels:
            wall, latencies, statuses = concurrent_check_ins(session, count, clients)
            all_statuses.update(statuses)
            milliseconds = [value * 1000 for value in latencies]
            rows.append(
                [
                    clients,
                    f"{count / wall:.1f}",
                    f"{median(milliseconds):.0f} ms",
                    f"{percentile(milliseconds, 0.95):.0f} ms",
                    status_text(statuses),
                ]
            )
        log_note = keep_log_if_failed(server, all_statuses)
    lines = [
        THROUGHPUT_TITLE,
        "",
        "Command: `.venv/bin/python bench/check_in.py --parts throughput`.",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        f"{count} check-ins per level, shared between the given number of client threads (one"
        " connection each), same server, photo and enrolment as the latency run. The clients"
        f" run on the same 2 cores as the server.{log_note}",
        "",
        *table(["clients", "check-ins per second", "p50", "p95", "responses"], rows),
        "",
        SHARED_MACHINE_NOTE,
        "",
    ]
    return "\n".join(lines)


def run_memory(probe_path: Path, total: int, step: int, clients: int) -> str:
    machine = machine_line()
    samples: list[tuple[str, float]] = []
    statuses: Counter[str] = Counter()
    with running_server(SERVER_ENV) as server:
        samples.append(("after start-up", server.rss_bytes() / MB))
        session = prepare(server, probe_path)
        samples.append(("after enrolment and 1 check-in", server.rss_bytes() / MB))
        done = 0
        while done < total:
            batch = min(step, total - done)
            _, _, batch_statuses = concurrent_check_ins(session, batch, clients)
            statuses.update(batch_statuses)
            done += batch
            samples.append((f"after {done:,} check-ins", server.rss_bytes() / MB))
        peak = server.peak_rss_bytes()
        log_note = keep_log_if_failed(server, statuses)
        database_mb = sum(
            path.stat().st_size for path in server.data_dir.glob("asistencia.db*")
        ) / MB

    final = samples[-1][1]
    first_loaded = samples[2][1]
    growth = final - first_loaded
    flat = growth < FLAT_GROWTH_FRACTION * first_loaded
    rows = [[label, f"{value:.0f} MB"] for label, value in samples]
    if peak is not None:
        rows.append(["peak (VmHWM)", f"{peak / MB:.0f} MB"])
    lines = [
        MEMORY_TITLE,
        "",
        "Command: `.venv/bin/python bench/check_in.py --parts memory`.",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        f"Resident set size (psutil RSS) of the `asistencia serve` process, sampled every"
        f" {step:,} check-ins from {clients} client threads; same photo and enrolment as the"
        f" latency run. Responses: {status_text(statuses)}. SQLite files at the end:"
        f" {database_mb:.1f} MB.{log_note}",
        "",
        *table(["when", "RSS"], rows),
        "",
        *table(
            ["aim", "value", "result"],
            [
                [f"RSS at most {RSS_AIM_MB:.0f} MB", f"{final:.0f} MB", versus_aim(final, RSS_AIM_MB, "MB")],
                [
                    f"flat: growth after the first {step:,} check-ins under"
                    f" {FLAT_GROWTH_FRACTION:.0%}",
                    f"{growth:+.1f} MB ({growth / first_loaded:+.1%})",
                    "met" if flat else "missed",
                ],
            ],
        ),
        "",
        SHARED_MACHINE_NOTE,
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--parts",
        default="latency,throughput,memory",
        help="comma-separated parts to run: latency, throughput, memory",
    )
    parser.add_argument("--warmups", type=int, default=5, help="untimed check-ins first")
    parser.add_argument("--count", type=int, default=200, help="timed sequential check-ins")
    parser.add_argument(
        "--throughput-count", type=int, default=100, help="check-ins per concurrency level"
    )
    parser.add_argument(
        "--levels", default="1,2,4", help="comma-separated numbers of concurrent clients"
    )
    parser.add_argument("--memory-total", type=int, default=2000, help="check-ins in the memory run")
    parser.add_argument("--memory-step", type=int, default=500, help="check-ins between RSS samples")
    parser.add_argument("--memory-clients", type=int, default=2, help="client threads in the memory run")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    args = parser.parse_args()

    parts = [part.strip() for part in args.parts.split(",") if part.strip()]
    unknown = set(parts) - {"latency", "throughput", "memory"}
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")

    with tempfile.TemporaryDirectory(prefix="asistencia-probe-") as directory:
        probe_path = make_probe_photo(Path(directory))
        for part in parts:
            if part == "latency":
                title, text = LATENCY_TITLE, run_latency(probe_path, args.warmups, args.count)
            elif part == "throughput":
                levels = [int(level) for level in args.levels.split(",")]
                title, text = THROUGHPUT_TITLE, run_throughput(
                    probe_path, levels, args.throughput_count
                )
            else:
                title, text = MEMORY_TITLE, run_memory(
                    probe_path, args.memory_total, args.memory_step, args.memory_clients
                )
            print(text, flush=True)
            if not args.no_write:
                write_section(title, text)


if __name__ == "__main__":
    main()
