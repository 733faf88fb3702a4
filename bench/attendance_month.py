"""Benchmark the attendance engine on one month (2026-03, Madrid) for 1,000 employees.

Run: ``PYTHONPATH=. python bench/attendance_month.py`` from the repository root. It prints
the timings and writes them into the attendance section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time as clock
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from asistencia.attendance.engine import (
    FixedSchedule,
    Leave,
    LeaveKind,
    Punch,
    ShiftRules,
    ShiftSegment,
    compute_period,
)

SECTION_TITLE = "## Attendance engine: one month, 1,000 employees"
ROOT = Path(__file__).resolve().parent.parent
TIME_ZONE = "Europe/Madrid"
FIRST_DATE = date(2026, 3, 1)
LAST_DATE = date(2026, 3, 31)
HOLIDAYS = frozenset({date(2026, 3, 19)})
NOW = datetime(2026, 4, 2, tzinfo=UTC)
WEEKDAYS = frozenset(range(5))

SHIFTS = [
    ShiftRules(
        1,
        "Day",
        (ShiftSegment(time(8), time(17)),),
        weekdays=WEEKDAYS,
        grace_in_minutes=5,
        grace_out_minutes=5,
        break_minutes=60,
        overtime_after_minutes=30,
        tolerance_minutes=10,
    ),
    ShiftRules(
        2,
        "Night",
        (ShiftSegment(time(22), time(6)),),
        weekdays=WEEKDAYS,
        grace_in_minutes=5,
        grace_out_minutes=5,
        overtime_after_minutes=30,
    ),
    ShiftRules(
        3,
        "Split",
        (ShiftSegment(time(8), time(12)), ShiftSegment(time(14), time(18))),
        weekdays=WEEKDAYS,
        grace_in_minutes=10,
        min_full_minutes=420,
        min_half_minutes=200,
        tolerance_minutes=10,
    ),
    ShiftRules(
        4,
        "Office",
        (ShiftSegment(time(9), time(18)),),
        weekdays=WEEKDAYS,
        break_window=(time(13, 30), time(14, 30)),
        overtime_before_allowed=True,
    ),
]
SHIFT_WEIGHTS = [55, 20, 15, 10]


@dataclass(frozen=True, slots=True)
class Employee:
    """Generated input of one employee for the month."""

    rules: ShiftRules
    punches: list[Punch]
    leaves: list[Leave]


def _utc(local_date: date, wall: time, tz: ZoneInfo, minutes: float) -> datetime:
    local = datetime.combine(local_date, wall).replace(tzinfo=tz)
    return (local + timedelta(minutes=minutes)).astimezone(UTC)


def generate_employee(rng: random.Random, tz: ZoneInfo, next_id: list[int]) -> Employee:
    """Generate a month of punches: jitter, late arrivals, absences, repeats, missing check-outs."""
    rules = rng.choices(SHIFTS, SHIFT_WEIGHTS)[0]
    punches: list[Punch] = []

    def add(at: datetime) -> None:
        next_id[0] += 1
        punches.append(Punch(next_id[0], at))

    current = FIRST_DATE
    while current <= LAST_DATE:
        if current.weekday() in rules.weekdays and rng.random() >= 0.03:
            for index, segment in enumerate(rules.segments):
                late = rng.uniform(10, 45) if index == 0 and rng.random() < 0.10 else 0.0
                check_in = _utc(current, segment.start, tz, rng.gauss(-4, 4) + late)
                end_day = current + timedelta(days=1) if segment.crosses_midnight else current
                check_out = _utc(end_day, segment.end, tz, rng.gauss(3, 6))
                add(check_in)
                if rng.random() < 0.05:
                    add(check_in + timedelta(seconds=rng.randint(1, 50)))
                if rng.random() >= 0.03:
                    add(check_out)
        current += timedelta(days=1)

    leaves: list[Leave] = []
    if rng.random() < 0.03:
        start_day = FIRST_DATE + timedelta(days=rng.randint(0, 20))
        leaves.append(
            Leave(
                next_id[0],
                LeaveKind.VACATION,
                _utc(start_day, time(0), tz, 0),
                _utc(start_day + timedelta(days=5), time(0), tz, 0),
            )
        )
    rng.shuffle(punches)
    return Employee(rules, punches, leaves)


def run_month(employees: list[Employee]) -> int:
    """Compute the month for every employee and return the number of days produced."""
    total = 0
    for employee in employees:
        days = compute_period(
            FIRST_DATE,
            LAST_DATE,
            FixedSchedule(employee.rules),
            TIME_ZONE,
            employee.punches,
            now=NOW,
            holidays=HOLIDAYS,
            leaves=employee.leaves,
        )
        total += len(days)
    return total


def machine_description() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc), {model}, Python {platform.python_version()}"


def write_section(text: str, path: Path) -> None:
    """Replace this benchmark's section of ``path``, or append it; other sections are kept."""
    if not path.exists():
        path.write_text(f"# Benchmarks\n\n{text}")
        return
    content = path.read_text()
    start = content.find(SECTION_TITLE)
    if start < 0:
        path.write_text(content.rstrip("\n") + "\n\n" + text)
        return
    end = content.find("\n## ", start + len(SECTION_TITLE))
    rest = content[end + 1 :] if end >= 0 else ""
    path.write_text(content[:start] + text + ("\n" + rest if rest else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=1000, help="number of employees")
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed runs; best and median are kept"
    )
    parser.add_argument("--seed", type=int, default=20260301, help="random seed of the punches")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    tz = ZoneInfo(TIME_ZONE)
    next_id = [0]
    employees = [generate_employee(rng, tz, next_id) for _ in range(args.employees)]
    punch_count = sum(len(employee.punches) for employee in employees)

    timings: list[float] = []
    days = 0
    for _ in range(args.repeats):
        started = clock.perf_counter()
        days = run_month(employees)
        timings.append(clock.perf_counter() - started)
    best = min(timings)
    median = statistics.median(timings)

    command = "PYTHONPATH=. python bench/attendance_month.py"
    lines = [
        SECTION_TITLE,
        "",
        f"Command: `{command}` (seed {args.seed}).",
        f"Machine: {machine_description()}.",
        f"Date: {datetime.now(UTC).date().isoformat()}.",
        "",
        f"Input: {args.employees} employees, {FIRST_DATE} to {LAST_DATE} in {TIME_ZONE} (clocks go"
        f" forward on 2026-03-29), {punch_count} punches; day, night, split and office shifts"
        " with late arrivals, absences, repeated punches and missing check-outs.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| attendance days computed | {days} |",
        f"| wall time, best of {args.repeats} | {best:.2f} s |",
        f"| wall time, median of {args.repeats} | {median:.2f} s |",
        f"| days per second (best) | {days / best:,.0f} |",
        "",
        "One process on one core; the engine is pure Python with no I/O.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text, ROOT / "BENCHMARKS.md")


if __name__ == "__main__":
    main()
