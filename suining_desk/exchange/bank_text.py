"""The small pieces a bank profile's files are made of: amounts in 元 or 分, dates, the
header and totals lines (templates such as ``合计|{count}|{total}``, written and read back),
and fixed-width fields counted in bytes of the file's encoding (a Chinese character is two
bytes in GBK, three in UTF-8).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from string import Formatter

from suining_desk.domain.money import check_amount, fen_to_yuan_str

_FEN = re.compile(r"^[+]?\d+$")


def amount_text(fen: int, unit: str) -> str:
    """``96000`` fen as ``960.00`` (元) or ``96000`` (分)."""
    return fen_to_yuan_str(fen) if unit == "yuan" else str(fen)


def parse_amount(text: str, unit: str) -> int | None:
    """Fen from a return file's amount, written as the profile says (元 as a clerk or a bank
    writes it: ``1,234.50``, ``¥960``; 分 as a whole number); None if it is not."""
    value = text.strip()
    if unit == "fen":
        return int(value) if _FEN.match(value) else None
    fen, problems = check_amount(value)
    return None if fen is None or problems else fen


def parse_date(text: str, fmt: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text.strip(), fmt).date()
    except ValueError:
        return None


def render(template: str, values: Mapping[str, object]) -> str:
    """A header or totals line with its placeholders filled (``{count:0>8}`` pads to 8)."""
    return template.format_map({k: str(v) for k, v in values.items()})


_FIELD_PATTERNS = {"count": r"[0-9]+", "total": r"[0-9][0-9,]*(?:\.[0-9]{1,2})?"}
_WIDTH = re.compile(r"(\d+)$")


def pattern(template: str) -> re.Pattern[str]:
    """What a line written from ``template`` looks like, the count and total captured. A
    placeholder with a width (``{count:0>6}``) takes exactly that many characters, as in a
    fixed-width file; without one, padding (spaces or zeros before a number) is allowed."""
    parts = []
    seen: set[str] = set()
    for literal, name, spec, _conv in Formatter().parse(template):
        text = re.escape(literal.strip()) if literal.strip() else ""
        parts.append(r"\s*" + text + r"\s*" if literal != literal.strip() else text)
        if name is None:
            continue
        key = name.split(":")[0].split("!")[0]
        width = _WIDTH.search((spec or "").split(".")[0])
        if key in _FIELD_PATTERNS and key not in seen:
            seen.add(key)
            if width:  # exactly that many characters, padding included
                parts.append(rf"(?P<{key}_cell>[ 0-9.,]{{{width.group(1)}}})")
            else:
                parts.append(rf"\s*[ 0]*(?P<{key}>{_FIELD_PATTERNS[key]})\s*")
        else:
            parts.append(rf".{{{width.group(1)}}}" if width else r".*?")
    return re.compile(r"^\s*" + "".join(parts) + r"\s*$")


def captured(found: re.Match[str], key: str) -> str | None:
    """A count or total a :func:`pattern` captured, without its padding."""
    groups = found.groupdict()
    if groups.get(key) is not None:
        return groups[key]
    cell = groups.get(f"{key}_cell")
    if cell is None:
        return None
    return cell.strip().lstrip("0") or "0"


def fit(value: str, width: int, encoding: str, align: str, fill: str) -> str | None:
    """``value`` padded to ``width`` bytes of ``encoding``; None if it does not fit."""
    size = len(value.encode(encoding))
    if size > width:
        return None
    pad = fill * (width - size)  # the fill is one ASCII character: one byte each
    return pad + value if align == "right" else value + pad


def slice_fields(line: str, widths: list[int], encoding: str) -> tuple[list[str], int] | int:
    """The fields of a fixed-width line, cut by byte widths; or the 1-based field number at
    which a character is cut in two (the widths do not fit this file)."""
    raw = line.encode(encoding)
    fields, start = [], 0
    for number, width in enumerate(widths, start=1):
        chunk = raw[start:start + width]
        try:
            fields.append(chunk.decode(encoding))
        except UnicodeDecodeError:
            return number
        start += width
    return fields, len(raw)
