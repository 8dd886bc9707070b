"""Photos and scans as they are stored: large photos reduced, every image a thumbnail.

A phone photo of a new house is 4,000 px and 5 MB; the ledger needs a clear picture,
not the original. Images wider or taller than :data:`MAX_SIDE`, or bigger than
:data:`MAX_BYTES`, are reduced (turned upright as the camera says, EXIF dropped) and
stored as JPEG. Reduction is deterministic, so the same photo imported twice gives the
same bytes and is stored once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath

from PIL import Image, ImageOps, UnidentifiedImageError

from suining_desk.domain.file_names import TYPES, UnsafeType, sniff, typed_name

MAX_SIDE = 2000
MAX_BYTES = 1_500_000
THUMB_SIDE = 200
JPEG_QUALITY = 85
PRINT_SIDE = 800  # a photo printed about 9 cm wide: 800 px is over 200 dpi
PRINT_QUALITY = 80
IMAGE_TYPES = {ext: mime for ext, mime in TYPES.items() if mime.startswith("image/")}
OTHER_TYPES = {ext: mime for ext, mime in TYPES.items() if not mime.startswith("image/")}

Image.MAX_IMAGE_PIXELS = 120_000_000  # a scanner at 600 dpi, not a decompression bomb


@dataclass(frozen=True)
class Prepared:
    data: bytes
    file_name: str
    mime: str
    thumbnail: bytes | None
    reduced: bool


class NotAnImage(ValueError):
    pass


class NotItsType(ValueError):
    """The content is not what the name says (a "PDF" that is a program, a "photo" that is not one)."""


def mime_for(file_name: str) -> str | None:
    suffix = PurePath(file_name).suffix.lower()
    return IMAGE_TYPES.get(suffix) or OTHER_TYPES.get(suffix)


def _jpeg(image: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    out = io.BytesIO()
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def thumbnail(image: Image.Image) -> bytes:
    small = image.copy()
    small.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return _jpeg(small, 80)


def prepare(file_name: str, data: bytes) -> Prepared:
    """What to store of an imported file; raises :class:`NotAnImage` for an unreadable image,
    :class:`NotItsType` for content that is no PDF or photo. The type stored is the one the
    content shows (its first bytes), and the name gets its extension: a PNG named ``x.jpg``
    is stored as ``x.png``, ``image/png``."""
    named = mime_for(file_name) or "application/octet-stream"
    mime = sniff(data)
    if mime is None and named.startswith("image/"):
        raise NotAnImage(file_name)
    if mime is None or mime.startswith("image/") != named.startswith("image/"):
        raise NotItsType(file_name)
    try:
        file_name = typed_name(file_name, mime, data)
    except UnsafeType as exc:  # cannot happen once sniffed; never store an unchecked type
        raise NotItsType(file_name) from exc
    if not mime.startswith("image/"):
        return Prepared(data, file_name, mime, None, False)
    try:
        with Image.open(io.BytesIO(data)) as opened:
            width, height = opened.size
            if opened.format == "JPEG" and max(width, height) > MAX_SIDE:
                ratio = MAX_SIDE / max(width, height)  # decode at a smaller scale: 4x faster
                opened.draft("RGB", (max(1, int(width * ratio)), max(1, int(height * ratio))))
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise NotAnImage(file_name) from exc
    if max(image.size) > MAX_SIDE or len(data) > MAX_BYTES:
        reduced = image.copy()
        reduced.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        stem = PurePath(file_name).stem
        return Prepared(_jpeg(reduced), f"{stem}.jpg", "image/jpeg", thumbnail(reduced), True)
    return Prepared(data, file_name, mime, thumbnail(image), False)


@dataclass(frozen=True)
class PrintCopy:
    data: bytes  # JPEG
    width: int
    height: int


def print_copy(data: bytes, max_side: int = PRINT_SIDE) -> PrintCopy:
    """A stored image made small enough to print (upright, JPEG); the same image always gives
    the same bytes. Raises :class:`NotAnImage` if it cannot be read."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.format == "JPEG":
                opened.draft("RGB", (max_side, max_side))  # decode a large photo at a smaller scale
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise NotAnImage("stored image") from exc
    small = image.copy()
    small.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return PrintCopy(_jpeg(small, PRINT_QUALITY), small.width, small.height)
