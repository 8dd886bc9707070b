"""Issue 13, item 3, through what a clerk clicks: 查看 on a scan or a photo whose stored name is
``../../../x.pdf``, ``/etc/passwd.pdf`` or 300 characters long (a received database) writes
the file only into a private temporary folder, under a safe name; 另存为 suggests the safe
name in the home folder; a failed save is said in Chinese, not raised."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Attachment
from suining_desk.domain.file_names import safe_file_name
from suining_desk.rules.housing import RenovationInput
from suining_desk.services import attachments
from suining_desk.services.attachments import attach_bytes, attachments_of
from suining_desk.services.renovations import create_renovation
from tests.county import build_county
from tests.housing import TODAY, register_family
from tests.ui.housing_helpers import write_photo
from ui.widgets.attachment_strip import AttachmentStrip
from ui.widgets.image_viewer import ImageViewer

PDF = b"%PDF-1.4\n% a scan\n%%EOF\n"


@pytest.fixture
def renovation(tmp_path: Path) -> Iterator[int]:
    open_database(tmp_path / "ui.sqlite3")
    county = build_county()
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    yield create_renovation(RenovationInput(household_id=hid, year=2017, beneficiary_type="建档立卡贫困户", grade="D",
                                            method="拆除重建"), user="luru", today=TODAY)
    close_database()


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "deep" / "er" / "tmp"
    root.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.setattr(attachments, "_VIEWING", [])
    return root


def _strip(qtbot, renovation: int) -> AttachmentStrip:  # type: ignore[no-untyped-def]
    strip = AttachmentStrip("renovation", user="luru")
    qtbot.addWidget(strip)
    strip.show()
    strip.show_attachments(renovation, attachments_of("renovation", renovation))
    return strip


@pytest.mark.parametrize("name", ["../../../x.pdf", "/etc/passwd.pdf", "..\\..\\x.pdf", "CON.pdf", "曾" * 300 + ".pdf"])
def test_viewing_a_scan_writes_only_a_private_copy(qtbot, renovation: int, private_temp: Path,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   name: str) -> None:
    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")
    Attachment.update(file_name=name).where(Attachment.id == attachment_id).execute()  # a received database
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    strip = _strip(qtbot, renovation)
    strip.list.setCurrentRow(0)
    qtbot.mouseClick(strip.view_button, Qt.MouseButton.LeftButton)

    [url] = opened
    copy = Path(url.toLocalFile())
    assert copy.name == safe_file_name(name) and copy.read_bytes() == PDF
    assert copy.resolve().is_relative_to(private_temp.resolve())
    assert [p for p in tmp_path.rglob("*.pdf") if not p.resolve().is_relative_to(private_temp.resolve())] == []
    assert strip.problems.text() == ""


def test_a_photo_s_save_as_suggests_the_safe_name(qtbot, renovation: int, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    photo = write_photo(tmp_path / "旧房.jpg", "#a86").read_bytes()
    attachment_id = attach_bytes("renovation", renovation, "旧房.jpg", photo, kind="before", user="luru")
    Attachment.update(file_name="../../../etc/旧房.jpg").where(Attachment.id == attachment_id).execute()
    strip = _strip(qtbot, renovation)
    strip.list.setCurrentRow(0)
    qtbot.mouseClick(strip.view_button, Qt.MouseButton.LeftButton)
    viewer = strip.viewer
    assert isinstance(viewer, ImageViewer) and viewer.isVisible()

    asked: list[str] = []
    target = tmp_path / "no such folder" / "旧房.jpg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), (str(target), ""))[1])
    viewer.save_as()  # the chosen folder does not exist: said, not raised
    assert asked == [str(Path.home() / "旧房.jpg")]
    assert isinstance(viewer.error, QMessageBox)
    assert viewer.error.text() == f"无法读写“{target}”：文件或文件夹不存在"
    viewer.error.close()

    saved = tmp_path / "copy.jpg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    viewer.save_as()
    assert saved.read_bytes() == photo
    viewer.reject()


@pytest.mark.parametrize(("name", "mime", "data"), [
    ("发票.exe", "application/x-msdownload", b"MZ\x90\x00 a program"),
    ("scan\u202efdp.exe", "application/pdf", b"MZ\x90\x00 a program"),  # shown as "scanexe.pdf" before
    ("run.js", "image/jpeg", b"WScript.Shell"),
])
def test_viewing_something_that_is_no_scan_or_photo_opens_nothing(  # type: ignore[no-untyped-def]
        qtbot, renovation: int, private_temp: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, mime: str, data: bytes) -> None:
    from suining_desk.db.models import Blob

    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")
    Blob.insert(sha256="e" * 64, data=data, size=len(data)).execute()  # a received database
    Attachment.update(file_name=name, mime=mime, blob="e" * 64).where(Attachment.id == attachment_id).execute()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    strip = _strip(qtbot, renovation)
    assert "\u202e" not in strip.list.item(0).text()
    strip.list.setCurrentRow(0)
    qtbot.mouseClick(strip.view_button, Qt.MouseButton.LeftButton)
    assert opened == [] and strip.viewer is None
    assert "不是 PDF 扫描件或照片" in strip.problems.text()
    assert [p for p in private_temp.rglob("*") if p.is_file()] == []


def test_a_received_pdf_named_as_a_program_opens_as_a_pdf(  # type: ignore[no-untyped-def]
        qtbot, renovation: int, private_temp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attachment_id = attach_bytes("renovation", renovation, "验收表.pdf", PDF, kind="acceptance", user="luru")
    Attachment.update(file_name="发票.exe").where(Attachment.id == attachment_id).execute()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    strip = _strip(qtbot, renovation)
    strip.list.setCurrentRow(0)
    qtbot.mouseClick(strip.view_button, Qt.MouseButton.LeftButton)
    [url] = opened
    assert Path(url.toLocalFile()).name == "发票.pdf"
