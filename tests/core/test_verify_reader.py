"""verify's reader follows the cross-reference table and nothing else (issue 19, item 4: why it
stays hand-written — bench/pdf_pypdf.py). A forged page content appended after the end, with
the table's entry moved off the real object, is what poppler shows; a reader that searches for
the object (pypdf, even in strict mode) finds the original and would call the file unchanged."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.ledgers import make_spec, write_ledger
from suining_desk.ledgers.pdfread import PdfFile, PdfUnreadable, Ref
from tests.ledger_pdf import DATE, cli_login


@pytest.fixture
def demo(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli_login(monkeypatch)
    return small_demo


def _forged(data: bytes) -> bytes:
    pdf = PdfFile(data)
    ref = pdf.pages()[0]["Contents"]
    assert isinstance(ref, Ref)
    drawn = pdf.decoded(ref)
    amount = re.search(rb"\((\d+)\.00\) Tj", drawn)
    assert amount is not None
    body = zlib.compress(drawn.replace(amount.group(0), b"(9" + amount.group(1) + b".00) Tj", 1))
    obj = (f"{ref.number} 0 obj\n<< /Filter [ /FlateDecode ] /Length {len(body)} >>\nstream\n".encode() + body
           + b"endstream\nendobj\n")
    table = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    entry = f"{pdf.offsets[ref.number]:010d} 00000 n".encode()
    at = data.index(entry, table)
    moved = f"{pdf.offsets[ref.number] - 9:010d} 00000 n".encode()
    return data[:at] + moved + data[at + len(entry):] + obj


def test_a_forged_object_behind_a_broken_table_is_refused(demo: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    raw = {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"}
    path = tmp_path / "p.pdf"
    write_ledger(make_spec("payments", raw, date=DATE), path, username="tester")
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(_forged(path.read_bytes()))
    with pytest.raises(PdfUnreadable):
        PdfFile(forged.read_bytes()).pages()[0] and PdfFile(forged.read_bytes()).decoded(
            PdfFile(forged.read_bytes()).pages()[0]["Contents"])
    capsys.readouterr()
    code = main(["verify", str(forged), "--db", str(demo)])
    out = capsys.readouterr()
    assert code == 1 and "已被改动" in out.out + out.err and "核验通过" not in out.out
