"""Decode uploaded photos into an RGB working copy for face detection."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from asistencia.faces.errors import ImageCorrupt, ImageEmpty, ImageTooLarge, ImageUnsupported

pillow_heif.register_heif_opener()
Image.init()
# MPO (multi-picture JPEG from phones) is a format of its own in older Pillow releases.
ACCEPTED_FORMATS = tuple(
    name for name in ("JPEG", "MPO", "PNG", "WEBP", "HEIF") if name in Image.OPEN
)

# Pillow's own decompression-bomb guard is replaced by the explicit pixel limit below.
Image.MAX_IMAGE_PIXELS = None


@dataclass(frozen=True, slots=True)
class DecodedImage:
    """RGB pixels (height x width x 3, uint8) scaled so the longer side fits the limit."""

    pixels: np.ndarray
    original_width: int
    original_height: int
    format: str

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


def decode_image(data: bytes, *, max_pixels: int, max_side: int) -> DecodedImage:
    """Decode ``data``, apply the EXIF orientation and return an RGB copy at most ``max_side`` px.

    Raises ImageEmpty, ImageUnsupported, ImageTooLarge or ImageCorrupt; the pixel limit is
    checked from the header, before the pixels are decoded.
    """
    if not data:
        raise ImageEmpty()

    try:
        image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except UnidentifiedImageError as exc:
        raise ImageUnsupported() from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageCorrupt() from exc

    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageCorrupt()
    if width * height > max_pixels:
        raise ImageTooLarge(
            megapixels=round(width * height / 1_000_000, 1), limit=round(max_pixels / 1_000_000, 1)
        )

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pixels = _working_copy(image, max_side)
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageCorrupt() from exc
    finally:
        image.close()

    return DecodedImage(
        pixels=pixels, original_width=width, original_height=height, format=image.format or ""
    )


def _working_copy(image: Image.Image, max_side: int) -> np.ndarray:
    # JPEG can decode straight to a reduced scale, which is much faster for large photos.
    if image.format == "JPEG" and max(image.size) > 2 * max_side:
        image.draft("RGB", (max_side, max_side))
    image.load()
    image = ImageOps.exif_transpose(image)
    image = _to_rgb(image)
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _to_rgb(image: Image.Image) -> Image.Image:
    """Convert any mode (16-bit, greyscale, palette, alpha, CMYK) to 8-bit RGB."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        values = np.asarray(image, dtype=np.float64)
        peak = 65535.0 if mode.startswith("I;16") or values.max(initial=0) > 255 else 255.0
        grey = np.clip(values / peak * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(grey, mode="L").convert("RGB")
    if mode == "F":
        values = np.asarray(image, dtype=np.float64)
        peak = values.max(initial=1.0) or 1.0
        grey = np.clip(values / peak * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(grey, mode="L").convert("RGB")
    if mode == "P" or mode == "PA":
        image = image.convert("RGBA")
        mode = "RGBA"
    if mode in ("RGBA", "LA", "RGBa", "La"):
        # Transparent areas become white instead of whatever colour the pixels hold.
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if mode != "RGB":
        return image.convert("RGB")
    return image
