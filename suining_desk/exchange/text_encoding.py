"""Which encoding a text file (CSV, TXT, a bank's return file) is written in.

Chinese offices write text files in a handful of encodings: UTF-8 with or without a byte-order
mark (WPS, newer Excel, web systems), GB18030/GBK (older Excel's "CSV", most bank systems) and
UTF-16 with a mark (Excel's "Unicode 文本", tab-separated). The file says it first by its
byte-order mark; then a file that is valid UTF-8 is UTF-8; then a declared encoding (a bank
profile's) is taken if the text decodes with it; otherwise charset-normalizer chooses among
the encodings such offices use — limited to those, since on a short GBK sample an open choice
guesses Korean or Japanese code pages.
"""

from __future__ import annotations

import codecs
from pathlib import Path

SAMPLE_BYTES = 1 << 16
# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What charset-normalizer may choose from (UTF-8 is recognised before it is asked).
CANDIDATES = ("gb18030", "utf_16_le", "utf_16_be", "big5")
# Names a profile or a detector may give, as Python's codecs read them: GBK and GB2312 are
# subsets of GB18030, so a file that strays beyond them (a rare name character) still reads.
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "utf_8": "utf-8", "utf8": "utf-8",
            "utf-8-bom": "utf-8-sig", "utf_8_sig": "utf-8-sig", "utf_16_le": "utf-16-le",
            "utf_16_be": "utf-16-be", "utf16": "utf-16"}
LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8（带BOM）", "gb18030": "GB18030/GBK", "utf-16": "UTF-16（带BOM）",
          "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "utf-32": "UTF-32", "big5": "Big5"}


class NotText(ValueError):
    """The bytes are not text in any encoding looked for (a spreadsheet renamed .csv, say)."""


def canonical(name: str) -> str:
    """An encoding name as this module returns it (``GBK`` → ``gb18030``)."""
    key = name.strip().lower().replace(" ", "")
    return _ALIASES.get(key, _ALIASES.get(key.replace("-", "_"), key))


def bom_encoding(sample: bytes) -> str | None:
    for mark, encoding in BOMS:
        if sample.startswith(mark):
            return encoding
    return None


def _decodes(sample: bytes, encoding: str, *, whole: bool) -> bool:
    """``sample`` decodes; a character cut at the end of a partial sample does not count."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final=whole)
    except UnicodeDecodeError:
        return False
    return True


def detect(sample: bytes, declared: str | None = None, *, whole: bool = False) -> str:
    """The encoding of a file that starts with ``sample`` (``whole``: the sample is the whole
    file). Raises :class:`NotText` for binary data."""
    marked = bom_encoding(sample)
    if marked is not None:
        return marked
    if _decodes(sample, "utf-8", whole=whole) and b"\x00" not in sample:
        return "utf-8"
    if declared and canonical(declared) not in ("auto", "") and b"\x00" not in sample:
        wanted = canonical(declared)
        if _decodes(sample, wanted.removesuffix("-sig"), whole=whole):
            return wanted.removesuffix("-sig") if wanted == "utf-8-sig" else wanted
    from charset_normalizer import from_bytes  # only when the file is neither marked nor UTF-8

    best = from_bytes(sample, cp_isolation=list(CANDIDATES)).best()
    if best is None:
        if b"\x00" in sample:
            raise NotText()
        return "gb18030"  # what old Chinese Windows programs write
    found = canonical(best.encoding)
    if b"\x00" in sample and not found.startswith("utf-16"):
        raise NotText()
    return found


def detect_file(path: Path, declared: str | None = None) -> str:
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
        whole = not fh.read(1)
    return detect(sample, declared, whole=whole)


def label(encoding: str) -> str:
    return LABELS.get(encoding, encoding.upper())
