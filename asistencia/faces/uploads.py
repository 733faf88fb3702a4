"""Read uploaded photos with a size limit."""

from __future__ import annotations

from fastapi import UploadFile

from asistencia.faces.errors import UploadTooLarge

CHUNK_SIZE = 1024 * 1024


async def read_upload(upload: UploadFile, *, max_bytes: int) -> bytes:
    """Return the upload's bytes; raise UploadTooLarge as soon as it passes ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            raise UploadTooLarge(size_mb=_megabytes(size), limit_mb=_megabytes(max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"
