"""Supporting documents of leave requests: type detection, storage and download headers."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import unicodedata
import warnings
from pathlib import Path
from urllib.parse import quote

import pillow_heif
from fastapi import UploadFile
from PIL import Image, UnidentifiedImageError

from asistencia.core.logging import get_logger
from asistencia.leave.errors import AttachmentEmpty, AttachmentTooLarge, AttachmentUnsupported

log = get_logger(__name__)

ATTACHMENTS_DIR = "attachments"
CHUNK_SIZE = 1024 * 1024
MAX_NAME_LENGTH = 255

pillow_heif.register_heif_opener()
Image.init()
# Pillow format name -> the content type stored and sent back on download.
IMAGE_TYPES = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "HEIF": "image/heif",
}
ACCEPTED_IMAGE_FORMATS = tuple(name for name in IMAGE_TYPES if name in Image.OPEN)
PDF_TYPE = "application/pdf"


async def read_attachment(upload: UploadFile, *, max_bytes: int) -> bytes:
    """Return the upload's bytes; raise AttachmentTooLarge as soon as it passes ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            raise AttachmentTooLarge(limit_mb=f"{max_bytes / (1024 * 1024):g}")
        chunks.append(chunk)
    return b"".join(chunks)


def detect_content_type(data: bytes) -> str:
    """Return the content type found in the bytes themselves, never in the name or headers.

    A PDF is recognised by its ``%PDF-`` header and an image by Pillow reading its header.
    Raises AttachmentEmpty or AttachmentUnsupported.
    """
    if not data:
        raise AttachmentEmpty()
    # NOTE: only the header is checked, so a truncated PDF is still accepted.
    if data.startswith(b"%PDF-"):
        return PDF_TYPE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=ACCEPTED_IMAGE_FORMATS) as image:
                image_format = image.format or ""
                width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise AttachmentUnsupported() from exc
    if image_format not in IMAGE_TYPES or width <= 0 or height <= 0:
        raise AttachmentUnsupported()
    return IMAGE_TYPES[image_format]


def store_attachment(data_dir: Path, data: bytes) -> str:
    """Write the bytes under DATA_DIR/attachments, named by their SHA-256, and return the
    path relative to DATA_DIR. Identical content is stored once."""
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{ATTACHMENTS_DIR}/{digest}"
    target = data_dir / relative
    if target.is_file():
        return relative

    target.parent.mkdir(parents=True, exist_ok=True)
    # Write to a temporary file and rename it, so a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return relative


def resolve_attachment(data_dir: Path, relative: str) -> Path | None:
    """Return the absolute path of a stored attachment, or None if it is missing or outside
    DATA_DIR/attachments."""
    root = (data_dir / ATTACHMENTS_DIR).resolve()
    path = (data_dir / relative).resolve()
    if path.parent != root or not path.is_file():
        return None
    return path


def remove_attachment(data_dir: Path, relative: str) -> None:
    """Delete a stored attachment; a file that is already gone is logged, not raised."""
    path = resolve_attachment(data_dir, relative)
    if path is None:
        log.warning("leave.attachment.missing_on_remove", attachment_path=relative)
        return
    try:
        path.unlink()
    except OSError as exc:
        log.error("leave.attachment.remove_failed", attachment_path=relative, error=str(exc))
        return
    log.info("leave.attachment.removed", attachment_path=relative)


def clean_filename(name: str | None, content_type: str) -> str:
    """Keep the last path part of the client's file name without control characters,
    at most 255 characters; a missing name becomes ``attachment`` with an extension."""
    # Browsers and httpx send a double quote, CR and LF in a multipart file name as
    # %22, %0D and %0A (HTML multipart/form-data encoding), and the parser keeps them.
    text = name or ""
    for escaped, char in (("%22", '"'), ("%0D", "\r"), ("%0A", "\n")):
        text = text.replace(escaped, char)
    base = text.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(char for char in base if unicodedata.category(char)[0] != "C").strip()
    if not base.strip("."):
        return "attachment" + _extension(content_type)
    if len(base) <= MAX_NAME_LENGTH:
        return base
    stem, dot, suffix = base.rpartition(".")
    if dot and 0 < len(suffix) <= 10:
        return stem[: MAX_NAME_LENGTH - len(suffix) - 1] + "." + suffix
    return base[:MAX_NAME_LENGTH]


def content_disposition(name: str) -> str:
    """Build an ``attachment`` header value with an ASCII fallback and the UTF-8 name (RFC 6266)."""
    fallback = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    fallback = "".join(char if char.isprintable() and char not in '"\\' else "_" for char in fallback)
    fallback = fallback.strip() or "attachment"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _extension(content_type: str) -> str:
    return {
        PDF_TYPE: ".pdf",
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
        "image/heif": ".heic",
    }.get(content_type, "")
