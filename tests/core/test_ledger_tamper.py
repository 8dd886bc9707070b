"""verify reads a ledger file as a PDF reader does, and refuses pages that are not the ones
its record was written with: another ledger's payload appended or put into a new document
information dictionary, a printed amount edited with the payload kept."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db.models import Payment, Program
from suining_desk.ledgers import make_spec, write_ledger
from suining_desk.ledgers import stamp as stamp_module
from suining_desk.ledgers.pdfmeta import DRAWN_KEY, drawn_digest, read_record
from suining_desk.ledgers.pdfread import PdfFile, Ref
from tests.ledger_pdf import DATE, cli_login


@pytest.fixture
def demo(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli_login(monkeypatch)
    return small_demo


def _ledger(out: Path) -> Path:
    raw = {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"}
    write_ledger(make_spec("payments", raw, date=DATE), out, username="tester")
    return out


def _reverse_one() -> None:
    original = Payment.get((Payment.period == "2018-11") & (Payment.program == Program.get(name="低保").id)
                           & (Payment.amount_fen > 0) & Payment.posted)
    fields = ("program", "household", "person", "township", "village", "period", "people", "standard_fen",
              "payee_name", "payee_id_number", "bank_account", "paid_date")
    Payment.create(**{f: getattr(original, f) for f in fields}, posted=True, amount_fen=-original.amount_fen,
                   reverses=original, reason="x")


def _payload_bytes(pdf: bytes) -> bytes:
    found = re.findall(rb"/SuiningLedger\s*\([^)]*\)", pdf)
    assert len(found) == 1
    return found[0]


def _incremental_update(data: bytes, replacements: dict[int, bytes]) -> bytes:
    """``data`` with objects replaced the way a PDF editor saves: new objects, a new
    cross-reference table and a trailer pointing back to the old one (/Prev)."""
    pdf = PdfFile(data)
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data)
    offsets = {}
    for number, body in replacements.items():
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number, offset in sorted(offsets.items()):
        out += f"{number} 1\n{offset:010d} 00000 n \n".encode()
    root, info = pdf.trailer["Root"], pdf.trailer["Info"]
    assert isinstance(root, Ref) and isinstance(info, Ref)
    out += (f"trailer\n<< /Size {max(pdf.offsets) + 1} /Root {root.number} 0 R /Info {info.number} 0 R "
            f"/Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def _verify(pdf: Path, demo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["verify", str(pdf), "--db", str(demo)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_fresh_payload_appended_as_a_comment_is_not_read(demo: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    old = _ledger(tmp_path / "p.pdf").read_bytes()
    _reverse_one()
    fresh = _ledger(tmp_path / "fresh.pdf").read_bytes()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(old + b"\n% " + _payload_bytes(fresh) + b"\n")
    code, out = _verify(forged, demo, capsys)
    assert code == 1 and "核验通过" not in out
    assert "行数不同" in out  # the old payload was read: the file shows the ledger before the reversal


def test_a_fresh_payload_in_a_new_information_dictionary_is_refused(demo: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    old = _ledger(tmp_path / "p.pdf").read_bytes()
    _reverse_one()
    fresh_bytes = _ledger(tmp_path / "fresh.pdf").read_bytes()
    fresh = PdfFile(fresh_bytes)
    info_ref = fresh.trailer["Info"]
    assert isinstance(info_ref, Ref)
    start = fresh.offsets[info_ref.number]
    fresh_info = fresh_bytes[fresh_bytes.index(b"<<", start):fresh_bytes.index(b"endobj", start)]
    old_info = PdfFile(old).trailer["Info"]
    assert isinstance(old_info, Ref)
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(_incremental_update(old, {old_info.number: fresh_info}))
    record = read_record(forged.read_bytes())
    assert record is not None and record.payload.encode() in fresh_bytes  # a reader sees the fresh record
    code, out = _verify(forged, demo, capsys)
    assert code == 1 and "已被改动" in out and "核验通过" not in out


def test_an_edited_amount_with_the_payload_kept_is_refused(demo: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = _ledger(tmp_path / "p.pdf")
    assert _verify(path, demo, capsys)[0] == 0
    data = path.read_bytes()
    pdf = PdfFile(data)
    page = pdf.pages()[0]
    contents = page["Contents"]
    assert isinstance(contents, Ref)
    drawn = pdf.decoded(contents)
    amount = re.search(rb"\((\d+)\.00\) Tj", drawn)
    assert amount is not None
    edited = drawn.replace(amount.group(0), b"(9" + amount.group(1) + b".00) Tj", 1)
    body = zlib.compress(edited)
    stream = f"<< /Filter [ /FlateDecode ] /Length {len(body)} >>\nstream\n".encode() + body + b"endstream"
    forged = tmp_path / "edited.pdf"
    forged.write_bytes(_incremental_update(data, {contents.number: stream}))
    assert PdfFile(forged.read_bytes()).decoded(PdfFile(forged.read_bytes()).pages()[0]["Contents"]) == edited
    code, out = _verify(forged, demo, capsys)
    assert code == 1 and "已被改动" in out


def test_the_drawn_digest_is_that_of_the_pages_and_generation_stays_byte_identical(demo: Path,
                                                                                   tmp_path: Path) -> None:
    first = _ledger(tmp_path / "a.pdf").read_bytes()
    assert first == _ledger(tmp_path / "b.pdf").read_bytes()
    record = read_record(first)
    assert record is not None
    assert record.drawn == drawn_digest(PdfFile(first))[0] and record.drawn != "0" * 64


def test_a_ledger_printed_before_drawn_digests_still_verifies(demo: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A version 1 payload and no drawn digest (as printed before): the code on the pages is
    still checked, and the file still verifies."""
    monkeypatch.setattr(stamp_module, "PAYLOAD_VERSION", 1)
    path = _ledger(tmp_path / "v1.pdf")
    data = path.read_bytes()
    old_style = re.sub(rb"/" + DRAWN_KEY.encode() + rb" \([0-9a-f]{64}\)", lambda m: b" " * len(m.group(0)), data)
    assert old_style != data
    path.write_bytes(old_style)
    assert _verify(path, demo, capsys)[0] == 0
    # The same file with a version 2 payload must carry a drawn digest.
    monkeypatch.setattr(stamp_module, "PAYLOAD_VERSION", 2)
    v2 = _ledger(tmp_path / "v2.pdf").read_bytes()
    stripped = tmp_path / "stripped.pdf"
    stripped.write_bytes(re.sub(rb"/" + DRAWN_KEY.encode() + rb" \([0-9a-f]{64}\)",
                                lambda m: b" " * len(m.group(0)), v2))
    code, out = _verify(stripped, demo, capsys)
    assert code == 1 and "已被改动" in out


def test_damaged_files_are_refused_in_chinese_without_a_traceback(demo: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import random

    data = _ledger(tmp_path / "p.pdf").read_bytes()
    rng = random.Random(2018)
    damaged = [data[:cut] for cut in (10, len(data) // 3, len(data) - 200, len(data) - 20)]
    for _ in range(12):
        flipped = bytearray(data)
        for _ in range(40):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        damaged.append(bytes(flipped))
    damaged.append(data.replace(b"startxref", b"startxreF"))
    for number, bad in enumerate(damaged):
        path = tmp_path / f"bad{number}.pdf"
        path.write_bytes(bad)
        code, out = _verify(path, demo, capsys)
        assert code in (1, 2), out
        assert "Traceback" not in out and ("已被改动" in out or "不是本软件生成的台账" in out
                                           or "核验不通过" in out or "不符" in out), out


def test_a_changed_font_or_an_annotation_over_a_page_is_refused(demo: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """What a reader shows comes from more than the content: the embedded font (a glyph drawn
    as another digit) and annotations laid over the page count too."""
    data = _ledger(tmp_path / "p.pdf").read_bytes()
    pdf = PdfFile(data)
    page_ref = pdf.dictionary(pdf.trailer["Root"])["Pages"]
    kids = pdf.dictionary(page_ref)["Kids"]
    assert isinstance(kids, list) and isinstance(kids[0], Ref)
    number = kids[0].number
    start = pdf.offsets[number]
    body = data[data.index(b"<<", start):data.index(b"endobj", start)].rstrip()
    annotated = body[:-2] + b" /Annots [ << /Type /Annot /Subtype /FreeText /Rect [ 0 0 100 20 ] " \
                            b"/Contents (0.00) >> ] >>"
    forged = tmp_path / "annotated.pdf"
    forged.write_bytes(_incremental_update(data, {number: annotated}))
    code, out = _verify(forged, demo, capsys)
    assert code == 1 and "已被改动" in out

    font = next(n for n in sorted(pdf.offsets) if "FontFile2" in pdf.dictionary(Ref(n, 0)))  # a descriptor
    descriptor = data[data.index(b"<<", pdf.offsets[font]):data.index(b"endobj", pdf.offsets[font])].rstrip()
    swapped = tmp_path / "font.pdf"
    swapped.write_bytes(_incremental_update(data, {font: descriptor.replace(b"/Flags 4", b"/Flags 32")}))
    code, out = _verify(swapped, demo, capsys)
    assert code == 1 and "已被改动" in out


def test_an_altered_or_cut_short_file_fails_verification_without_a_comparison(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every altered file is exit 1 (核验不通过), whether the reader can follow it or not, and
    says that it was not compared with the database; a file cut short is called damaged."""
    data = _ledger(tmp_path / "p.pdf").read_bytes()
    unfollowable = tmp_path / "unfollowable.pdf"  # our record is there, the structure is broken
    unfollowable.write_bytes(data.replace(b"startxref", b"startxreF"))
    code, out = _verify(unfollowable, demo, capsys)
    assert code == 1 and out.startswith("核验不通过：unfollowable.pdf 未与数据库比对") and "已被改动" in out
    assert "与数据库现在的数据不一致" not in out
    for cut in (len(data) // 2, len(data) - 30):
        short = tmp_path / "short.pdf"
        short.write_bytes(data[:cut])
        code, out = _verify(short, demo, capsys)
        assert code == 1 and "不完整或已损坏" in out and "不是本软件生成的台账" not in out, out
    other = tmp_path / "other.pdf"  # a whole PDF of someone else's: still not ours, exit 2
    other.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    code, out = _verify(other, demo, capsys)
    assert code == 2 and "不是本软件生成的台账" in out
