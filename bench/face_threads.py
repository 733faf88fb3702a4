"""Measure whether dlib's detector and descriptor network run in parallel from two threads.

The server analyses photos in ``ASISTENCIA_FACE_WORKERS`` threads of one process, so its
check-in throughput on two cores depends on dlib releasing the GIL. This script times 20
calls in one thread, then 20 calls in each of two threads (each thread with its own
model objects), and 20 calls in each of two forked processes for comparison.

Run from the repository root: ``.venv/bin/python bench/face_threads.py``. It rewrites its
section of BENCHMARKS.md unless ``--no-write`` is given.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import SHARED_MACHINE_NOTE, machine_line, table, today, write_section  # noqa: E402

from asistencia.core.settings import Settings  # noqa: E402
from asistencia.faces.decoding import decode_image  # noqa: E402
from asistencia.faces.engine import model_files  # noqa: E402

PHOTO = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "faces" / "obama.jpg"
SECTION_TITLE = "## Face engine: two threads versus two processes"


def load_pixels():  # type: ignore[no-untyped-def]
    settings = Settings()
    return decode_image(
        PHOTO.read_bytes(), max_pixels=settings.max_image_pixels, max_side=settings.detection_max_side
    ).pixels


def detect_calls(count: int) -> None:
    import dlib

    pixels = load_pixels()
    detector = dlib.get_frontal_face_detector()
    for _ in range(count):
        detector(pixels, 0)


def descriptor_calls(count: int) -> None:
    import dlib

    pixels = load_pixels()
    files = model_files()
    shape = dlib.shape_predictor(str(files["landmarks"]))(
        pixels, dlib.get_frontal_face_detector()(pixels, 0)[0]
    )
    network = dlib.face_recognition_model_v1(str(files["recognition"]))
    for _ in range(count):
        network.compute_face_descriptor(pixels, shape)


def wall_seconds(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def in_threads(function: Callable[[int], None], count: int, workers: int) -> None:
    threads = [threading.Thread(target=function, args=(count,)) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def in_processes(function: Callable[[int], None], count: int, workers: int) -> None:
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=function, args=(count,)) for _ in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20, help="calls per thread or process")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    args = parser.parse_args()

    machine = machine_line()
    rows = []
    for step_name, function in (("HOG detector", detect_calls), ("descriptor network", descriptor_calls)):
        function(1)
        # Model loading is part of every timing, so it is measured once and subtracted.
        # NOTE: two threads or processes load their models side by side, so this is approximate.
        setup = wall_seconds(lambda: function(0))
        one = wall_seconds(lambda: function(args.calls)) - setup
        threads = wall_seconds(lambda: in_threads(function, args.calls, 2)) - setup
        processes = wall_seconds(lambda: in_processes(function, args.calls, 2)) - setup
        rows.append(
            [
                step_name,
                f"{one / args.calls * 1000:.0f} ms",
                f"{2 * one / threads:.2f}x",
                f"{2 * one / processes:.2f}x",
            ]
        )

    lines = [
        SECTION_TITLE,
        "",
        "Command: `.venv/bin/python bench/face_threads.py`.",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        f"obama.jpg at the working size, {args.calls} calls per thread or process. Speed-up is"
        " twice the one-thread time divided by the wall time of two threads (or two forked"
        " processes) doing the same calls each: 2.00x is perfect parallelism, 1.00x none."
        " Model loading is measured once and subtracted.",
        "",
        *table(["step", "time per call, one thread", "speed-up, 2 threads", "speed-up, 2 processes"], rows),
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
