"""File names that came from somewhere else, made safe to write on this PC.

An attachment's name was typed by whoever attached it — or written into a database received
from another office by anyone. ``../../../tmp/x.pdf``, ``/etc/passwd.pdf``,
``C:\\Windows\\x.pdf``, ``CON.pdf`` or 300 characters must never choose where a file goes,
nor fail to be written. :func:`safe_file_name` keeps the last part of the name only, puts
``_`` for what Windows forbids in a name (``< > : " / \\ | ? *`` and control characters),
drops leading and trailing dots and spaces (a hidden file, or a name Windows cuts short),
puts ``_`` before a device name (CON, NUL, COM1 … — also with an extension), and shortens
the name, keeping its extension, to :data:`MAX_CHARS` characters and :data:`MAX_BYTES` bytes
of UTF-8 (Linux allows 255 bytes a name; a Chinese character takes 3). Invisible format
characters are removed: a right-to-left override makes ``scan\u202efdp.exe`` *look* like
``scanexe.pdf``.

A name never chooses which program opens a file either: on Windows the extension does.
:func:`typed_name` gives a file written out for another program the extension of what it
really is — one of :data:`TYPES` (PDF scans and photos), as the stored MIME type says *and*
the content's first bytes show (:func:`sniff`) — and refuses anything else (``发票.exe``,
``invoice.pdf.lnk``, ``a.bat``, ``x.hta``, ``run.js``, or a "PDF" whose bytes are not one).
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 100
MAX_BYTES = 200
MAX_SUFFIX = 10  # ".jpeg", ".tiff": an extension longer than this is part of the name
FALLBACK = "附件"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]')
# What may be attached and written out for a viewer: extension -> MIME type (the first
# extension of a type is the one a file of that type is given).
TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
         ".bmp": "image/bmp", ".gif": "image/gif", ".tif": "image/tiff", ".tiff": "image/tiff",
         ".webp": "image/webp"}
_EXTENSION = {mime: ext for ext, mime in reversed(TYPES.items())}
_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"GIF87a", "image/gif"),
          (b"GIF89a", "image/gif"), (b"BM", "image/bmp"), (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))
PDF_HEAD = 1024  # readers accept "%PDF-" anywhere in the first kilobyte
_SUFFIX = re.compile(rf"^\.[0-9A-Za-z]{{1,{MAX_SUFFIX - 1}}}$")
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)


def _fits(text: str, chars: int, size: int) -> str:
    text = text[:chars]
    while len(text.encode("utf-8")) > size:
        text = text[:-1]
    return text


def _visible(text: str) -> str:
    """Without format characters (category Cf: bidirectional overrides and isolates,
    zero-width spaces and joiners, the byte-order mark), which change how a name looks."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def safe_file_name(name: str, *, fallback: str = FALLBACK) -> str:
    """A plain file name (no folder) that any Windows, Linux or macOS PC can write."""
    base = re.split(r"[/\\]", _visible(unicodedata.normalize("NFC", name or "")))[-1]
    base = _FORBIDDEN.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot or not _SUFFIX.match("." + suffix) or not stem.strip(" ."):
        stem, suffix = base, ""
    suffix = f".{suffix}" if suffix else ""
    stem = stem.strip(" .") or fallback
    if stem.split(".")[0].rstrip(" ").upper() in _DEVICES:
        stem = "_" + stem
    stem = _fits(stem, MAX_CHARS - len(suffix), MAX_BYTES - len(suffix)).rstrip(" .") or fallback
    return stem + suffix


class UnsafeType(ValueError):
    """Content that is not one of :data:`TYPES`, or not the type it is stored as."""


def sniff(data: bytes) -> str | None:
    """The MIME type of ``data`` among :data:`TYPES`, by its first bytes; ``None`` for any other."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    return "application/pdf" if b"%PDF-" in data[:PDF_HEAD] else None


def typed_name(name: str, mime: str, data: bytes) -> str:
    """``name`` made safe, with the extension of the file's type: ``mime`` must be one of
    :data:`TYPES` and the content must be of that type, else :class:`UnsafeType`.
    ``发票.exe`` holding a PDF becomes ``发票.pdf``; ``invoice.pdf.lnk`` becomes ``invoice.pdf``."""
    if mime not in _EXTENSION or sniff(data) != mime:
        raise UnsafeType(mime)
    safe = safe_file_name(name)
    if _of_type(safe, mime):
        return safe
    stem, dot, _suffix = safe.rpartition(".")
    if dot and stem:  # a foreign extension goes; the one before it may be right already
        if _of_type(stem, mime):
            return stem
        safe = stem
    return safe_file_name(safe + _EXTENSION[mime])


def _of_type(name: str, mime: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    return bool(dot and stem) and TYPES.get("." + suffix.lower()) == mime
