"""Run every benchmark and rewrite their sections of BENCHMARKS.md (``make bench``).

Each benchmark runs as its own subprocess, one after the other, so they do not compete
for the two cores. The order is server start-up, check-in over HTTP, the thread test of the face engine,
the face_recognition comparison, the match-threshold measurement and the attendance
engine. A failing benchmark is reported and the others still run; the exit status is 1
if any failed.

The face_recognition comparison needs ``face_recognition`` in the venv (see that script's
docstring); without it, that step fails with the install command and the others run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
BENCHMARKS = [
    ["bench/startup.py"],
    ["bench/check_in.py"],
    ["bench/face_threads.py"],
    ["bench/face_recognition_compare.py"],
    ["bench/threshold.py"],
    ["bench/attendance_month.py"],
]


def main() -> int:
    python = str(PYTHON if PYTHON.exists() else Path(sys.executable))
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(ROOT), environment.get("PYTHONPATH", "")) if part
    )
    failed = []
    for command in BENCHMARKS:
        print(f"== {' '.join(command)}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([python, *command], cwd=ROOT, env=environment, check=False)
        elapsed = time.perf_counter() - started
        print(f"== {' '.join(command)}: exit status {result.returncode} after {elapsed:.0f} s", flush=True)
        if result.returncode != 0:
            failed.append(command[0])
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("BENCHMARKS.md updated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
