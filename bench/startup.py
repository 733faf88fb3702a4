"""Benchmark server start-up: launch of ``asistencia serve`` to the first 200 of GET /health.

Each fresh start gets a new temporary SQLite data directory, so it includes the
migrations and the seed. Each restart reuses one data directory that was created first.

Run from the repository root: ``.venv/bin/python bench/startup.py``. It rewrites its
section of BENCHMARKS.md unless ``--no-write`` is given.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import (  # noqa: E402
    SHARED_MACHINE_NOTE,
    machine_line,
    median,
    table,
    today,
    versus_aim,
    write_section,
)
from server import running_server  # noqa: E402

SECTION_TITLE = "## Server start-up"
READY_AIM_SECONDS = 1.5
MB = 1024 * 1024


def measure(data_dir: Path | None) -> tuple[float, float, float]:
    """Start and stop one server; return seconds to healthy, ``startup.ready`` ms and RSS MB."""
    with running_server(data_dir=data_dir) as server:
        ready_ms = server.ready_total_ms()
        if ready_ms is None:
            raise RuntimeError("the server log has no startup.ready line")
        return server.seconds_to_healthy, ready_ms, server.rss_bytes() / MB


def summary_row(label: str, runs: list[tuple[float, float, float]]) -> list[str]:
    healthy = [run[0] for run in runs]
    ready = [run[1] for run in runs]
    rss = [run[2] for run in runs]
    middle = median(healthy)
    return [
        label,
        str(len(runs)),
        f"{middle:.2f} s ({min(healthy):.2f}-{max(healthy):.2f})",
        f"{median(ready):.0f} ms ({min(ready):.0f}-{max(ready):.0f})",
        f"{median(rss):.0f} MB",
        versus_aim(middle, READY_AIM_SECONDS, "s", decimals=2),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", type=int, default=5, help="starts on a new data directory")
    parser.add_argument("--restarts", type=int, default=3, help="starts on existing data")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    args = parser.parse_args()

    machine = machine_line()
    fresh = []
    restarts = []
    restart_dir = Path(tempfile.mkdtemp(prefix="asistencia-bench-restart-"))
    try:
        for _ in range(args.fresh):
            fresh.append(measure(None))
        # The first start here creates the database, so it is not counted as a restart.
        measure(restart_dir)
        for _ in range(args.restarts):
            restarts.append(measure(restart_dir))
    finally:
        shutil.rmtree(restart_dir, ignore_errors=True)

    lines = [
        SECTION_TITLE,
        "",
        "Command: `.venv/bin/python bench/startup.py`.",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        "`asistencia serve` is launched as a subprocess on a free port of 127.0.0.1 with SQLite"
        " in a temporary data directory. \"To healthy\" is the time from launching the process"
        " to the first 200 of `GET /health` (polled every 10 ms), so it includes starting"
        " Python, importing the application and binding the port. \"startup.ready\" is the"
        " `total_ms` that the server itself logs for the lifespan steps (migrations, face"
        " models and warm-up, seed, template index, scheduler). A fresh start creates the"
        " database; a restart finds it migrated and seeded. Median (min-max).",
        "",
        f"The median gap between the two, {median([run[0] for run in fresh]) - median([run[1] for run in fresh]) / 1000:.2f} s"
        " on a fresh start, is outside the lifespan: mostly importing the application, which"
        " `.venv/bin/python -X importtime -c 'import asistencia.app'` breaks down by module.",
        "",
        *table(
            ["start", "runs", "to healthy", "startup.ready", "RSS when healthy", f"aim {READY_AIM_SECONDS} s"],
            [summary_row("fresh data directory", fresh), summary_row("restart on existing data", restarts)],
        ),
        "",
        SHARED_MACHINE_NOTE,
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(SECTION_TITLE, text)


if __name__ == "__main__":
    main()
