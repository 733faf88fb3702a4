"""Builders for test objects and photo variants."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select

from asistencia.attendance.models import AttendanceEvent
from asistencia.employees.models import Employee
from asistencia.faces.models import FaceTemplate

ADMIN_EMAIL = "admin@test.example"
ADMIN_PASSWORD = "test-admin-password"
TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"


def create_employee(
    client: TestClient, headers: dict[str, str], *, code: str = "E001", name: str = "Empleado Uno", **extra: object
) -> dict:
    response = client.post(
        "/api/v1/employees", json={"employee_code": code, "full_name": name, **extra}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def enrol(client: TestClient, headers: dict[str, str], employee_id: int, *photos: Path, **params: object):
    files = [("file", (path.name, path.read_bytes(), "image/jpeg")) for path in photos]
    return client.post(f"/api/v1/employees/{employee_id}/faces", files=files, headers=headers, params=params)


def check_in(client: TestClient, headers: dict[str, str], data: bytes, filename: str = "photo.jpg", **form: str):
    return client.post(
        "/api/v1/check-ins", files={"file": (filename, data, "application/octet-stream")}, data=form, headers=headers
    )


def row_counts(client: TestClient) -> dict[str, int]:
    factory = client.app_state["session_factory"]  # type: ignore[attr-defined]
    with factory() as session:
        return {
            "employees": session.scalar(select(func.count()).select_from(Employee)) or 0,
            "templates": session.scalar(select(func.count()).select_from(FaceTemplate)) or 0,
            "events": session.scalar(select(func.count()).select_from(AttendanceEvent)) or 0,
        }


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


# Orientation tag -> the transpose that turns the upright photo into the stored pixels,
# so that a viewer applying the tag shows it upright again.
STORED_TRANSPOSE = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


def with_orientation(path: Path, orientation: int) -> bytes:
    """JPEG of ``path`` with its pixels rotated and the EXIF Orientation tag set to undo it."""
    with Image.open(path) as image:
        stored = image.convert("RGB").transpose(STORED_TRANSPOSE[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(stored, "JPEG", quality=92, exif=exif.tobytes())


def rotated_without_tag(path: Path, orientation: int) -> bytes:
    with Image.open(path) as image:
        stored = image.convert("RGB").transpose(STORED_TRANSPOSE[orientation])
    return encode(stored, "JPEG", quality=92)


def cmyk_jpeg(path: Path) -> bytes:
    with Image.open(path) as image:
        return encode(image.convert("CMYK"), "JPEG", quality=92)


def greyscale_png(path: Path) -> bytes:
    with Image.open(path) as image:
        return encode(image.convert("L"), "PNG")


def sixteen_bit_png(path: Path) -> bytes:
    """16-bit greyscale PNG using the whole 0-65535 range."""
    with Image.open(path) as image:
        grey = np.asarray(image.convert("L"), dtype=np.uint16) * 257
    return encode(Image.fromarray(grey), "PNG")


def palette_png(path: Path) -> bytes:
    with Image.open(path) as image:
        return encode(image.convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE), "PNG")


def converted(path: Path, fmt: str, **options: object) -> bytes:
    with Image.open(path) as image:
        return encode(image.convert("RGB"), fmt, **options)


def huge_png(width: int = 8000, height: int = 6000) -> bytes:
    """A tiny file whose header declares width x height pixels."""
    return encode(Image.new("L", (width, height)), "PNG")


def tiny_face(path: Path, scale: float = 0.12) -> bytes:
    """JPEG with the photo shrunk by ``scale`` onto an 800x600 grey canvas."""
    with Image.open(path) as image:
        small = image.convert("RGB").resize((int(image.width * scale), int(image.height * scale)))
    canvas = Image.new("RGB", (800, 600), (200, 200, 200))
    canvas.paste(small, (300, 200))
    return encode(canvas, "JPEG", quality=95)


def large_and_small_face(large: Path, small: Path) -> bytes:
    """JPEG with ``large`` at full size and ``small`` shrunk to a third beside it."""
    with Image.open(large) as first, Image.open(small) as second:
        big = first.convert("RGB")
        little = second.convert("RGB").resize((second.width // 3, second.height // 3))
    canvas = Image.new("RGB", (big.width + little.width, max(big.height, little.height)), (255, 255, 255))
    canvas.paste(big, (0, 0))
    canvas.paste(little, (big.width, 0))
    return encode(canvas, "JPEG", quality=92)
