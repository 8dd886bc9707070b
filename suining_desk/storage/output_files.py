"""Where an output may go: never over the file being read, never over a file of another kind.

A clerk who prints ``ledger … --out 台账.pdf`` twice expects the second ledger to replace the
first; one who mistypes ``--out`` with the database's name, gives the sheet being imported as
its own ``--report``, or saves a PDF over a spreadsheet expects nothing to be lost. So an
existing file is replaced only when it already holds what is written — a PDF by a PDF, an
Excel workbook by a workbook, a text (CSV) file by a CSV — or is empty. What a file holds
is read from its first bytes, not its name (a database renamed ``x.xlsx`` is still one), and
the same file is recognised however it is spelled (a link, ``./``, another case on Windows).
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from suining_desk.domain.problems import InvalidInput, Problem

KIND_NAMES = {
    "pdf": "PDF 文件", "xlsx": "Excel 表格（.xlsx）", "csv": "文本表格（.csv）",
    "sqlite": "数据库文件", "xls": "旧版 Excel、Word 或 WPS 文件", "zip": "压缩包或 Word 等其他文件",
    "other": "其他类型的文件",
}
SAMPLE = 1 << 16
PDF_MARK_WITHIN = 1024  # where PDF readers look for %PDF- (so a file holding it there is a PDF)


def kind_of(path: Path) -> str:
    """What an existing file holds: ``empty``, ``pdf``, ``xlsx``, ``sqlite``, ``xls``, ``zip``,
    ``csv`` (text) or ``other``."""
    with path.open("rb") as fh:
        head = fh.read(SAMPLE)
    if not head:
        return "empty"
    if b"%PDF-" in head[:PDF_MARK_WITHIN]:  # readers open a PDF whose mark comes after a BOM or junk
        return "pdf"
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        return "xlsx" if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names) else "zip"
    if b"\x00" not in head and _text(head):
        return "csv"
    return "other"


def _text(head: bytes) -> bool:
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start > len(head) - 4:  # a character cut by the sample's end
                return True
            continue
        return True
    return False


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_output(path: Path | str, kind: str, *, inputs: Iterable[Path | str] = ()) -> None:
    """Refuse (InvalidInput) to write ``kind`` to ``path`` when that would destroy something:
    ``path`` is one of ``inputs``, a folder, or an existing file holding something else."""
    path = Path(path)
    for source in inputs:
        if path.exists() and same_file(path, Path(source)):
            raise InvalidInput([Problem("out_is_input", {"path": str(path), "input": str(source)})])
    if not path.exists():
        return
    if path.is_dir():
        raise InvalidInput([Problem("out_is_folder", {"path": str(path)})])
    try:
        found = kind_of(path)
    except OSError:
        found = "other"  # what cannot be read cannot be known to be safe to replace
    if found not in ("empty", kind):
        raise InvalidInput([Problem("out_other_kind", {"path": str(path), "found": KIND_NAMES[found],
                                                       "kind": KIND_NAMES[kind]})])
