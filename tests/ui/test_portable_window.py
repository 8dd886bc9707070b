"""The window's side of the Windows package: settings in an ini file that travels with a
portable copy, the USB-stick warning said once, and Chinese even where the system has no
Chinese font (Wine, a bare Windows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox

from suining_desk.domain.problems import Problem
from suining_desk.storage import paths
from ui import app as app_module
from ui import startup
from ui.settings import app_settings


def test_a_portable_copy_keeps_its_settings_in_its_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "SuiningDesk"
    program.mkdir()
    (program / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.delenv("SUINING_HOME")
    monkeypatch.setenv(paths.APP_DIR_ENV, str(program))
    settings = app_settings()
    settings.setValue("window/test", "便携")
    settings.sync()
    assert Path(settings.fileName()) == program / "data" / "settings.ini"
    assert "window" in (program / "data" / "settings.ini").read_text(encoding="utf-8")


def test_a_data_folder_on_a_usb_stick_is_told_once(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    stick = Problem("data_on_removable", {"root": "E:\\", "fs": "FAT32"})
    monkeypatch.setattr(startup, "storage_warning", lambda folder: stick if "U盘" in str(folder) else None)
    startup.warn_about_storage(tmp_path / "硬盘")
    assert told == []
    startup.warn_about_storage(tmp_path / "U盘")
    startup.warn_about_storage(tmp_path / "U盘")  # the next start: not again
    assert len(told) == 1 and "可移动磁盘" in told[0] and "E:\\" in told[0] and "备份" in told[0]
    startup.warn_about_storage(tmp_path / "另一个U盘")  # another stick: told again
    assert len(told) == 2


def test_the_bundled_font_is_registered_where_no_chinese_font_is_installed(
    qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["Arial", "Tahoma"]))
    assert app_module.ensure_chinese_font()
    monkeypatch.undo()
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert not app_module.ensure_chinese_font()  # a system with a Chinese font: nothing to do
