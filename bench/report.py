"""Shared pieces of the benchmark reports: machine line, tables and BENCHMARKS.md sections."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_FILE = ROOT / "BENCHMARKS.md"
SHARED_MACHINE_NOTE = (
    "The machine was shared with other developers' test runs during the measurement, so "
    "the load average is given and timings can be slower than on an idle machine."
)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def machine_line() -> str:
    """Describe cores, CPU model, RAM, Python version and the current 1-minute load."""
    ram = memory_gib()
    ram_text = f"{ram:.0f} GiB RAM" if ram is not None else "RAM unknown"
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cores (nproc), {cpu_model()}, {ram_text}, "
        f"Python {platform.python_version()}; 1-minute load average {load:.2f} at the start"
    )


def today() -> str:
    return datetime.now(UTC).date().isoformat()


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear-interpolated percentile of ``values`` (``fraction`` from 0 to 1)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of an empty sequence")
    position = (len(ordered) - 1) * fraction
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """Render a Markdown table as a list of lines."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines.extend("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)
    return lines


def versus_aim(value: float, aim: float, unit: str, *, decimals: int = 0) -> str:
    """Return "met" when ``value`` is at most ``aim``, else by how much it misses."""
    if value <= aim:
        return "met"
    gap = value - aim
    return f"missed by {gap:,.{decimals}f} {unit} ({gap / aim:.0%})"


def write_section(title: str, text: str, path: Path = BENCHMARKS_FILE) -> None:
    """Replace the section headed ``title`` in ``path``, or append it; other sections stay."""
    if not path.exists():
        path.write_text(f"# Benchmarks\n\n{text}")
        return
    content = path.read_text()
    start = content.find(title + "\n")
    if start < 0:
        path.write_text(content.rstrip("\n") + "\n\n" + text)
        return
    end = content.find("\n## ", start + len(title))
    rest = content[end + 1 :] if end >= 0 else ""
    path.write_text(content[:start] + text + ("\n" + rest if rest else ""))
