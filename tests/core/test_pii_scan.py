"""The suite's own check for personal numbers in what it produced (tests/pii_scan.py) finds
them: a public notice (公示) with a full ID number is caught, the clerks' own ledger is not."""

from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from suining_desk.ledgers.fonts import register_font
from tests.county import id_number
from tests.pii_scan import file_text, findings, scan


def _pdf(path: Path, *lines: str) -> Path:
    font = register_font()
    canvas = Canvas(str(path))
    canvas.setFont(font, 12)
    for i, line in enumerate(lines):
        canvas.drawString(72, 720 - 20 * i, line)
    canvas.save()
    return path


def test_a_full_id_number_in_a_public_notice_is_found() -> None:
    with tempfile.TemporaryDirectory() as folder:  # not in the run's folder, which the scan itself reads
        _check(Path(folder))


def _check(tmp_path: Path) -> None:
    number = id_number("1950-01-05", 301, male=False)
    _pdf(tmp_path / "notice.pdf", "绥宁县低保资金发放公示", f"杨桂花 {number} 300.00")
    _pdf(tmp_path / "ledger.pdf", "绥宁县低保资金发放台账", f"杨桂花 {number} 300.00")
    (tmp_path / "masked.txt.log").write_text(f"杨桂花 {number[:6]}********{number[-4:]}", encoding="utf-8")
    assert [(path.name, hits) for path, hits in scan(tmp_path)] == [("notice.pdf", ["ID 430527…"])]
    text = file_text(tmp_path / "notice.pdf")
    assert text is not None and "公示" in text and findings(text) == ["ID 430527…"]
    assert file_text(tmp_path / "ledger.pdf") is None  # the clerks' own ledger holds full numbers
