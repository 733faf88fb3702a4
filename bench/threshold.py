"""Measure descriptor distances on the shared test photos to check the match defaults.

Every photo goes through Asistencia's own pipeline (``decode_image`` with the default
settings, then ``FaceEngine.analyze``). two_people.jpg contains both people, so each of its
two HOG detections is cropped with padding and analysed on its own. The left face is
person A and the right one person B (checked by eye). The script prints the distance
matrix, the same-person and different-person ranges, the margins that a 1:N search over
the other photos would see, and error counts for a range of thresholds.

Run from the repository root: ``.venv/bin/python bench/threshold.py``. It rewrites its
section of BENCHMARKS.md unless ``--no-write`` is given.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import machine_line, table, today, write_section  # noqa: E402

from asistencia.core.settings import Settings  # noqa: E402
from asistencia.faces.decoding import decode_image  # noqa: E402
from asistencia.faces.engine import FaceEngine, load_engine  # noqa: E402

FACES_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "faces"
SECTION_TITLE = "## Match threshold: distances on the shared photos"
# Person of each single-face photo, as listed with the photos: A and B are two people.
SINGLE_FACE_PHOTOS = {
    "obama.jpg": "A",
    "obama2.jpg": "A",
    "obama3.jpg": "A",
    "obama_small.jpg": "A",
    "obama_partial_face.jpg": "A",
    "obama_rgba.png": "A",
    "biden.jpg": "B",
    "biden2.jpg": "B",
}
TWO_FACE_PHOTO = "two_people.jpg"
TWO_FACE_PEOPLE = ("A", "B")  # from left to right
# Each face crop keeps this many face widths of context on every side.
CROP_PADDING = 1.0
SWEEP = [round(0.30 + 0.05 * step, 2) for step in range(11)]


@dataclass(frozen=True)
class Face:
    label: str
    person: str
    descriptor: np.ndarray


def analyse_file(engine: FaceEngine, settings: Settings, path: Path) -> np.ndarray:
    image = decode_image(
        path.read_bytes(), max_pixels=settings.max_image_pixels, max_side=settings.detection_max_side
    )
    return engine.analyze(image.pixels).descriptor


def analyse_two_faces(engine: FaceEngine, settings: Settings, path: Path) -> list[np.ndarray]:
    """Crop each detected face with padding and analyse the crops from left to right."""
    import dlib

    pixels = decode_image(
        path.read_bytes(), max_pixels=settings.max_image_pixels, max_side=settings.detection_max_side
    ).pixels
    detections = sorted(dlib.get_frontal_face_detector()(pixels, 1), key=lambda rect: rect.left())
    if len(detections) != len(TWO_FACE_PEOPLE):
        raise RuntimeError(f"{path.name}: expected 2 faces, found {len(detections)}")
    height, width = pixels.shape[:2]
    descriptors = []
    for rect in detections:
        pad = int(rect.width() * CROP_PADDING)
        top, bottom = max(0, rect.top() - pad), min(height, rect.bottom() + pad)
        left, right = max(0, rect.left() - pad), min(width, rect.right() + pad)
        crop = np.ascontiguousarray(pixels[top:bottom, left:right])
        descriptors.append(engine.analyze(crop).descriptor)
    return descriptors


def load_faces(engine: FaceEngine, settings: Settings) -> list[Face]:
    faces = [
        Face(name, person, analyse_file(engine, settings, FACES_DIR / name))
        for name, person in SINGLE_FACE_PHOTOS.items()
    ]
    two = analyse_two_faces(engine, settings, FACES_DIR / TWO_FACE_PHOTO)
    for side, person, descriptor in zip(("left", "right"), TWO_FACE_PEOPLE, two, strict=True):
        faces.append(Face(f"{TWO_FACE_PHOTO} ({side})", person, descriptor))
    return faces


def distance(first: Face, second: Face) -> float:
    return float(np.linalg.norm(first.descriptor - second.descriptor))


def leave_one_out_search(faces: list[Face], probe: Face) -> tuple[str, float, float | None]:
    """Search ``probe`` among the other faces grouped by person, as the server's index does.

    Returns the nearest person, their distance and the margin to the nearest other person.
    """
    nearest: dict[str, float] = {}
    for face in faces:
        if face is probe:
            continue
        value = distance(probe, face)
        nearest[face.person] = min(value, nearest.get(face.person, np.inf))
    ranked = sorted(nearest.items(), key=lambda item: item[1])
    best_person, best_distance = ranked[0]
    margin = ranked[1][1] - best_distance if len(ranked) > 1 else None
    return best_person, best_distance, margin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    args = parser.parse_args()

    machine = machine_line()
    settings = Settings()
    engine = load_engine(min_face_size=settings.min_face_size)
    faces = load_faces(engine, settings)

    same = [(a, b, distance(a, b)) for a, b in combinations(faces, 2) if a.person == b.person]
    different = [(a, b, distance(a, b)) for a, b in combinations(faces, 2) if a.person != b.person]
    same_values = [value for _, _, value in same]
    different_values = [value for _, _, value in different]

    matrix_rows = [
        [f"{face.label} ({face.person})"] + [f"{distance(face, other):.2f}" for other in faces]
        for face in faces
    ]
    header = ["photo (person)"] + [str(index + 1) for index in range(len(faces))]
    matrix_rows = [[f"{index + 1}. {row[0]}"] + row[1:] for index, row in enumerate(matrix_rows)]

    summary_rows = []
    for person in sorted({face.person for face in faces}):
        values = [value for a, _, value in same if a.person == person]
        summary_rows.append([f"same person ({person}-{person})", len(values), f"{min(values):.3f}", f"{max(values):.3f}"])
    summary_rows.append(
        ["different people (A-B)", len(different_values), f"{min(different_values):.3f}", f"{max(different_values):.3f}"]
    )

    search_rows = []
    margins = []
    for probe in faces:
        person, best, margin = leave_one_out_search(faces, probe)
        accepted = best <= settings.match_threshold and (margin is None or margin >= settings.match_margin)
        if margin is not None:
            margins.append(margin)
        if not accepted:
            verdict = "rejected"
        elif person == probe.person:
            verdict = "correct"
        else:
            verdict = "WRONG PERSON"
        search_rows.append(
            [probe.label, probe.person, person, f"{best:.3f}", f"{margin:.3f}" if margin is not None else "-", verdict]
        )

    sweep_rows = []
    for threshold in SWEEP:
        false_rejects = sum(value > threshold for value in same_values)
        false_accepts = sum(value <= threshold for value in different_values)
        sweep_rows.append([f"{threshold:.2f}", f"{false_rejects} of {len(same_values)}", f"{false_accepts} of {len(different_values)}"])

    lines = [
        SECTION_TITLE,
        "",
        "Command: `.venv/bin/python bench/threshold.py`.",
        f"Machine: {machine}.",
        f"Date: {today()}.",
        "",
        f"{len(faces)} faces from the shared photos of two people (A and B), analysed by"
        f" Asistencia's pipeline with the default settings (longer side {settings.detection_max_side} px,"
        " dlib HOG detector, 5-point alignment, dlib ResNet descriptor). The two faces of"
        f" {TWO_FACE_PHOTO} are cropped and analysed one by one. Euclidean distances:",
        "",
        *table(["pairs", "count", "min", "max"], summary_rows),
        "",
        f"Gap between the largest same-person and the smallest different-person distance:"
        f" {min(different_values) - max(same_values):.3f}.",
        "",
        "Distance matrix:",
        "",
        *table(header, matrix_rows),
        "",
        "Leave-one-out 1:N search (each face against all the others, grouped by person as the"
        f" server's index groups templates by employee), judged with match_threshold"
        f" {settings.match_threshold} and match_margin {settings.match_margin}. Margins range from"
        f" {min(margins):.3f} to {max(margins):.3f} (median {float(np.median(margins)):.3f}).",
        "",
        *table(["probe", "person", "nearest person", "distance", "margin", "verdict"], search_rows),
        "",
        "Errors of a plain threshold over all pairs (no margin):",
        "",
        *table(["threshold", "same-person pairs rejected", "different-person pairs accepted"], sweep_rows),
        "",
        "Two people are far too few to estimate error rates: these figures only show that the"
        " pipeline separates these photos and where the defaults sit. docs/matching.md"
        " explains the choice.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(SECTION_TITLE, text)


if __name__ == "__main__":
    main()
