"""Issue 13, item 3: an attachment's name never chooses where its file is written.

The attack: an attachment stored as ``../../../tmp/x.pdf`` or ``/etc/passwd.pdf`` (through
the service, or in a received database whose rows someone else wrote) was written to that
path when a clerk viewed it; a 300-character name raised an uncaught OSError. Names are
made safe when stored and again when written out, always into a private folder.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from suining_desk.db.models import Attachment, AuditEntry
from suining_desk.domain.file_names import MAX_BYTES, MAX_CHARS, safe_file_name
from suining_desk.rules.housing import RenovationInput
from suining_desk.services import attachments
from suining_desk.services.attachments import attach_bytes, attachments_of, viewing_copy
from suining_desk.services.renovations import create_renovation
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY, register_family

PDF = b"%PDF-1.4\n% a scan\n%%EOF\n"
EVIL = ["../../../tmp/x.pdf", "/etc/passwd.pdf", "C:\\Windows\\System32\\x.pdf", "..\\..\\x.pdf",
        "CON.pdf", "nul .pdf", "a<b>:c|d?.pdf", "曾" * 300 + ".pdf", "x" * 300 + ".pdf", "./.hidden.pdf"]


@pytest.fixture
def county(db: object) -> FixtureCounty:
    return build_county()


@pytest.fixture
def renovation(county: FixtureCounty) -> int:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    return create_renovation(RenovationInput(household_id=hid, year=2017, beneficiary_type="建档立卡贫困户", grade="D",
                                             method="拆除重建"), user="luru", today=TODAY)


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the copies go under, watched by the test."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.setattr(attachments, "_VIEWING", [])
    return root


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


@pytest.mark.parametrize("name", EVIL)
def test_names_are_made_safe_when_stored(renovation: int, name: str) -> None:
    attachment_id = attach_bytes("renovation", renovation, name, PDF + name.encode(), kind="acceptance", user="luru")
    stored = Attachment.get_by_id(attachment_id).file_name
    assert stored == safe_file_name(name)
    assert "/" not in stored and "\\" not in stored and not stored.startswith(".")
    assert stored.endswith(".pdf") and len(stored) <= MAX_CHARS and len(stored.encode()) <= MAX_BYTES
    assert stored.split(".")[0].upper() not in ("CON", "NUL")
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    logged = json.loads(entry.after)
    assert logged["original_name"] == name[:255] and logged["file_name"] == stored  # as given, in the log


@pytest.mark.parametrize("name", EVIL)
def test_a_received_database_s_names_are_made_safe_when_written_out(
        renovation: int, private_temp: Path, tmp_path: Path, name: str) -> None:
    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")
    Attachment.update(file_name=name).where(Attachment.id == attachment_id).execute()  # as someone else wrote it
    assert Attachment.get_by_id(attachment_id).file_name == name
    assert attachments_of("renovation", renovation)[0].file_name == safe_file_name(name)  # shown made safe

    copy = viewing_copy(attachment_id)
    assert copy.read_bytes() == PDF
    assert copy.name == safe_file_name(name) and _inside(copy, private_temp)
    assert [p for p in tmp_path.rglob("*") if p.is_file() and not _inside(p, private_temp)
            and p.suffix == ".pdf"] == []  # nothing written beside it, above it or elsewhere
    if sys.platform != "win32":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(copy.parent.parent.stat().st_mode) == 0o700


def test_two_copies_of_one_name_never_meet_and_the_folder_goes_at_exit(
        renovation: int, private_temp: Path) -> None:
    first = attach_bytes("renovation", renovation, "a.pdf", PDF, kind="acceptance", user="luru")
    second = attach_bytes("renovation", renovation, "b.pdf", PDF + b"2", kind="acceptance", user="luru")
    Attachment.update(file_name="same.pdf").execute()
    one, two = viewing_copy(first), viewing_copy(second)
    assert one != two and one.name == two.name == "same.pdf"
    assert one.parent.parent == two.parent.parent == attachments._VIEWING[0]


def test_a_copy_that_cannot_be_written_is_said_in_chinese(renovation: int, private_temp: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.domain.messages import describe
    from suining_desk.domain.problems import InvalidInput

    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")

    def full(*_args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "open", full)
    with pytest.raises(InvalidInput) as refused:
        viewing_copy(attachment_id)
    assert describe(refused.value.problems[0]) == "无法打开附件“验收表.pdf”：写入临时文件时出错（磁盘已满）"


@pytest.mark.parametrize(("name", "safe"), [
    ("../../../tmp/x.pdf", "x.pdf"), ("/etc/passwd.pdf", "passwd.pdf"), ("C:\\Windows\\x.pdf", "x.pdf"),
    ("CON.pdf", "_CON.pdf"), ("com1.tar.gz", "_com1.tar.gz"), ("nul .pdf", "_nul.pdf"), ("..", "附件"),
    ("", "附件"), ("a<b>:c|d?.pdf", "a_b__c_d_.pdf"), ("旧房.JPG", "旧房.JPG"), (" 验收表 .pdf ", "验收表.pdf"),
    ("tab\there.jpg", "tab_here.jpg"),
])
def test_safe_file_names(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_long_names_keep_their_extension() -> None:
    for name in ("曾" * 300 + ".jpeg", "x" * 300 + ".pdf", "x" * 300):
        safe = safe_file_name(name)
        assert len(safe) <= MAX_CHARS and len(safe.encode()) <= MAX_BYTES
        assert safe.endswith(name[-5:] if "." in name else "x")


# --- the outside tester's variants: a name never chooses the program either ---------------

EXE = b"MZ\x90\x00\x03\x00\x00\x00 a Windows program"
RUNNABLE = ["发票.exe", "scan\u202efdp.exe", "invoice.pdf.lnk", "a.bat", "x.hta", "run.js", "scan.pdf\u200b.exe"]


@pytest.mark.parametrize("name", RUNNABLE)
def test_a_received_pdf_is_written_out_as_a_pdf_whatever_its_name(
        renovation: int, private_temp: Path, tmp_path: Path, name: str) -> None:
    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")
    Attachment.update(file_name=name).where(Attachment.id == attachment_id).execute()  # a received database
    copy = viewing_copy(attachment_id)
    assert copy.suffix == ".pdf" and copy.read_bytes() == PDF
    assert [p.name for p in private_temp.rglob("*") if p.is_file()] == [copy.name]
    shown = attachments_of("renovation", renovation)[0].file_name
    assert not any(ch in shown for ch in "\u202e\u200b")  # never displayed reversed or hidden


@pytest.mark.parametrize(("mime", "data"), [
    ("application/x-msdownload", EXE),  # what it says it is: a program
    ("application/pdf", EXE),  # a "PDF" whose bytes are a program
    ("image/jpeg", PDF),  # a "photo" that is not one
    ("text/html", b"<html><script>alert(1)</script>"),
])
@pytest.mark.parametrize("name", ["发票.exe", "scan\u202efdp.exe", "x.pdf"])
def test_a_received_attachment_of_another_type_is_never_written_out(
        renovation: int, private_temp: Path, tmp_path: Path, mime: str, data: bytes, name: str) -> None:
    from suining_desk.db.models import Blob
    from suining_desk.domain.messages import describe
    from suining_desk.domain.problems import InvalidInput

    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")
    digest = "f" * 64
    Blob.insert(sha256=digest, data=data, size=len(data)).execute()
    Attachment.update(file_name=name, mime=mime, blob=digest).where(Attachment.id == attachment_id).execute()
    with pytest.raises(InvalidInput) as refused:
        viewing_copy(attachment_id)
    [problem] = refused.value.problems
    assert problem.code == "attachment_unsafe_type"
    assert "为了安全不打开" in describe(problem) and "\u202e" not in describe(problem)
    assert [p for p in private_temp.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(("name", "data"), [("发票.pdf", EXE), ("照片.jpg", PDF), ("扫描.pdf", b"\x89PNG\r\n\x1a\n")])
def test_content_that_is_not_its_type_is_not_attached(renovation: int, name: str, data: bytes) -> None:
    from suining_desk.domain.problems import InvalidInput

    with pytest.raises(InvalidInput) as refused:
        attach_bytes("renovation", renovation, name, data, kind="acceptance", user="luru")
    assert refused.value.problems[0].code in ("attachment_not_its_type", "attachment_not_image")
    assert Attachment.select().count() == 0


def test_a_photo_is_stored_as_the_type_its_bytes_show(renovation: int, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "旧房.png"
    Image.new("RGB", (40, 30), "red").save(png)
    attachment_id = attach_bytes("renovation", renovation, "旧房.jpg", png.read_bytes(), kind="acceptance",
                                 user="luru")
    stored = Attachment.get_by_id(attachment_id)
    assert (stored.file_name, stored.mime) == ("旧房.png", "image/png")


@pytest.mark.parametrize(("name", "safe"), [
    ("scan\u202efdp.exe", "scanfdp.exe"), ("a\u2066b\u2069.pdf", "ab.pdf"), ("\ufeff发票.pdf", "发票.pdf"),
    ("x\u0085y.pdf", "x_y.pdf"), ("x\u2028y.pdf", "x_y.pdf"),
])
def test_format_and_control_characters_leave_names(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


@pytest.mark.parametrize(("name", "typed"), [
    ("发票.exe", "发票.pdf"), ("invoice.pdf.lnk", "invoice.pdf"), ("验收表.PDF", "验收表.PDF"), ("a.b.c", "a.b.pdf"),
    ("", "附件.pdf"), ("x" * 300 + ".exe", "x" * 96 + ".pdf"),
])
def test_a_file_written_out_is_named_by_its_type(name: str, typed: str) -> None:
    from suining_desk.domain.file_names import typed_name

    assert typed_name(name, "application/pdf", PDF) == typed
