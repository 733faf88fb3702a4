"""Time Asistencia's face pipeline against the face_recognition library's default pipeline.

Both run in this process on the same photos (every image in ``FACES_DIR``):

- face_recognition 1.3.0: ``load_image_file`` (full resolution), ``face_locations`` (HOG,
  upsampled once) and ``face_encodings`` (5-point landmarks, no jitter);
- Asistencia: ``decode_image`` (scaled to a longer side of 800 px) and
  ``FaceEngine.analyze`` (HOG without upsampling, retried upsampled only when no face).

Both use the same dlib models from face_recognition_models, so the descriptors can also
be compared. face_recognition is not a project dependency; install it into the venv first::

    .venv/bin/pip install --no-deps face_recognition==1.3.0
    .venv/bin/pip install Click setuptools   # only if missing: its CLI needs Click and
                                             # face_recognition_models imports pkg_resources

(``--no-deps`` because its ``dlib`` requirement would compile dlib from source, and the
``dlib-bin`` package already provides the ``dlib`` module.)

Run from the repository root: ``.venv/bin/python bench/face_recognition_compare.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import SHARED_MACHINE_NOTE, machine_line, table, today, write_section  # noqa: E402

from asistencia.core.errors import AppError  # noqa: E402
from asistencia.core.settings import Settings  # noqa: E402
from asistencia.faces.decoding import decode_image  # noqa: E402
from asistencia.faces.engine import load_engine  # noqa: E402

FACES_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "faces"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png"}
SECTION_TITLE = "## Face pipeline: Asistencia versus face_recognition"


def import_face_recognition():  # type: ignore[no-untyped-def]
    """Import face_recognition, or exit with the install command when it is missing."""
    try:
        with warnings.catch_warnings():
            # face_recognition_models imports pkg_resources, which warns that it is deprecated.
            warnings.simplefilter("ignore")
            import face_recognition
    except ImportError as exc:
        sys.exit(
            f"face_recognition is not importable ({exc}); install it with:\n"
            "  .venv/bin/pip install --no-deps face_recognition==1.3.0\n"
            "and, if the error names them, Click and setuptools."
        )
    return face_recognition


def photos() -> list[Path]:
    return sorted(path for path in FACES_DIR.iterdir() if path.suffix.lower() in PHOTO_SUFFIXES)


def time_face_recognition(library, path: Path, repeats: int):  # type: ignore[no-untyped-def]
    """Return the median seconds, the face count and the first encoding (or None)."""
    timings = []
    encodings: list[np.ndarray] = []
    for _ in range(repeats):
        started = time.perf_counter()
        image = library.load_image_file(str(path))
        locations = library.face_locations(image)
        encodings = library.face_encodings(image, locations)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), len(encodings), (encodings[0] if encodings else None)


def time_asistencia(engine, settings: Settings, path: Path, repeats: int):  # type: ignore[no-untyped-def]
    """Return the median seconds, the outcome (face or error code) and the descriptor."""
    timings = []
    outcome = ""
    descriptor = None
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            image = decode_image(
                path.read_bytes(),
                max_pixels=settings.max_image_pixels,
                max_side=settings.detection_max_side,
            )
            analysis = engine.analyze(image.pixels)
            descriptor = analysis.descriptor
            outcome = "1 face, upsampled" if analysis.upsampled else "1 face"
        except AppError as error:
            outcome = error.code
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), outcome, descriptor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per photo; the median is kept")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    args = parser.parse_args()

    machine = machine_line()
    library = import_face_recognition()
    settings = Settings()
    engine = load_engine(min_face_size=40)

    rows = []
    library_total = 0.0
    asistencia_total = 0.0
    # Totals over the photos where both pipelines computed a descriptor.
    library_matched = 0.0
    asistencia_matched = 0.0
    descriptor_distances: list[float] = []
    for path in photos():
        library_seconds, faces, encoding = time_face_recognition(library, path, args.repeats)
        asistencia_seconds, outcome, descriptor = time_asistencia(engine, settings, path, args.repeats)
        library_total += library_seconds
        asistencia_total += asistencia_seconds
        same_face = ""
        if encoding is not None and descriptor is not None:
            descriptor_distances.append(float(np.linalg.norm(encoding - descriptor)))
            same_face = f"{descriptor_distances[-1]:.3f}"
            library_matched += library_seconds
            asistencia_matched += asistencia_seconds
        rows.append(
            [
                path.name,
                f"{library_seconds * 1000:.0f} ms",
                faces,
                f"{asistencia_seconds * 1000:.0f} ms",
                outcome,
                f"{library_seconds / asistencia_seconds:.1f}x",
                same_face,
            ]
        )
    rows.append(
        [
            "**total, photos with one descriptor each**",
            f"{library_matched * 1000:.0f} ms",
            "",
            f"{asistencia_matched * 1000:.0f} ms",
            "",
            f"{library_matched / asistencia_matched:.1f}x",
            "",
        ]
    )
    rows.append(
        [
            "**total, all photos**",
            f"{library_total * 1000:.0f} ms",
            "",
            f"{asistencia_total * 1000:.0f} ms",
            "",
            f"{library_total / asistencia_total:.1f}x",
            "",
        ]
    )

    lines = [
        SECTION_TITLE,
        "",
        "Command: `.venv/bin/python bench/face_recognition_compare.py` (after"
        " `.venv/bin/pip install --no-deps face_recognition==1.3.0`).",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        "Per photo, median of"
        f" {args.repeats} runs in one process, file read included. face_recognition 1.3.0 runs"
        " its defaults: `load_image_file` at full resolution, `face_locations` (HOG, upsampled"
        " once), `face_encodings` (5-point landmarks, no jitter). Asistencia runs"
        " `decode_image` (longer side scaled to"
        f" {settings.detection_max_side} px) and `FaceEngine.analyze` (HOG at the working size,"
        " upsampled only when no face is found). Both use the same dlib models."
        " The last column is the Euclidean distance between the two pipelines' descriptors of"
        " the first face found. It is at most"
        f" {max(descriptor_distances, default=float('nan')):.3f} here, against a match threshold"
        f" of {settings.match_threshold}.",
        "",
        *table(
            [
                "photo",
                "face_recognition",
                "faces found",
                "Asistencia",
                "Asistencia outcome",
                "ratio",
                "descriptor distance",
            ],
            rows,
        ),
        "",
        "The ratio is face_recognition's time divided by Asistencia's. Asistencia rejects"
        " two_people.jpg on purpose (`multiple_faces`: a check-in photo must show one person),"
        " after detection, so its time there covers decoding and detection only.",
        SHARED_MACHINE_NOTE,
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(SECTION_TITLE, text)


if __name__ == "__main__":
    main()
