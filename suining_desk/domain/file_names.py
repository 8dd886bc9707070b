"""File names that came from somewhere else, made safe to write on this PC.

An attachment's name was typed by whoever attached it — or written into a database received
from another office by anyone. ``../../../tmp/x.pdf``, ``/etc/passwd.pdf``,
``C:\\Windows\\x.pdf``, ``CON.pdf`` or 300 characters must never choose where a file goes,
nor fail to be written. :func:`safe_file_name` keeps the last part of the name only, puts
``_`` for what Windows forbids in a name (``< > : " / \\ | ? *`` and control characters),
drops leading and trailing dots and spaces (a hidden file, or a name Windows cuts short),
puts ``_`` before a device name (CON, NUL, COM1 … — also with an extension), and shortens
the name, keeping its extension, to :data:`MAX_CHARS` characters and :data:`MAX_BYTES` bytes
of UTF-8 (Linux allows 255 bytes a name; a Chinese character takes 3).
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 100
MAX_BYTES = 200
MAX_SUFFIX = 10  # ".jpeg", ".tiff": an extension longer than this is part of the name
FALLBACK = "附件"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
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


def safe_file_name(name: str, *, fallback: str = FALLBACK) -> str:
    """A plain file name (no folder) that any Windows, Linux or macOS PC can write."""
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", name or ""))[-1]
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
