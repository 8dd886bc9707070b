"""帮助 → 用户手册: the clerk's manual opens from the window, offline, and its build is whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

import ui.manual as manual_module
import ui.window.help as window_help
from suining_desk import __version__
from tests.ui.conftest import DemoCounty
from ui.main_window import MainWindow
from ui.manual import CHECKOUT_SOURCE, ManualDialog, find_manual
from ui.manual_render import build, chapters

TITLE = "绥宁扶贫台账用户手册"


@pytest.fixture
def window(qtbot, demo_db: DemoCounty) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db.path, demo=True, user_label="luru")
    qtbot.addWidget(window)
    window.show()
    yield window


def plain(text: str) -> str:
    """A menu or action text as the clerk reads it: 用户手册(&M) → 用户手册."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def anchors(document: QTextDocument) -> set[str]:
    names: set[str] = set()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            names.update(fragments.fragment().charFormat().anchorNames())
            fragments += 1
        block = block.next()
    return names


def manual_action(window: MainWindow):  # type: ignore[no-untyped-def]
    found = [a for a in window.help_menu.actions() if plain(a.text()) == "用户手册"]
    assert len(found) == 1
    return found[0]


def test_help_manual_opens_the_manual_at_its_first_heading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    manual_action(window).trigger()
    dialog = window.manual_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.browser.toPlainText().startswith(TITLE)
    assert dialog.browser.verticalScrollBar().value() == 0
    dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # the same manual, shown again
    assert window.manual_dialog is dialog and dialog.isVisible()


def test_the_table_of_contents_leads_to_every_chapter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_manual()
    dialog = window.manual_dialog
    assert dialog is not None
    html = dialog.manual.html
    targets = re.findall(r'<li><a href="#([^"]+)">', html)
    headings = re.findall(r"^## (.+)$", "\n".join(p.read_text(encoding="utf-8") for p in chapters(CHECKOUT_SOURCE)),
                          re.MULTILINE)
    assert len(targets) == len(headings) >= 10
    assert set(targets) <= anchors(dialog.browser.document())
    bar = dialog.browser.verticalScrollBar()
    dialog.browser.setSource(QUrl(f"#{targets[-1]}"))
    assert bar.value() > 0


def test_an_installed_manual_is_shown_and_opens_in_a_browser(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    built = tmp_path / "SuiningDesk" / "manual"
    build(CHECKOUT_SOURCE, built, version="9.9.9")
    monkeypatch.setattr(manual_module, "installed_folders", lambda: [tmp_path / "elsewhere", built])
    found = find_manual()
    assert found is not None and found.file == built / "index.html"
    dialog = ManualDialog(found)
    qtbot.addWidget(dialog)
    assert "适用于绥宁扶贫台账 9.9.9" in dialog.browser.toPlainText()  # the bundle's copy, not the checkout's
    image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("images/first-run.png"))
    assert image is not None and not image.isNull()
    opened: list[QUrl] = []
    monkeypatch.setattr(manual_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert dialog.browser_button is not None
    qtbot.mouseClick(dialog.browser_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(built / "index.html"))]


def test_a_checkout_renders_the_manual_with_no_browser_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    found = find_manual()
    assert found is not None and found.file is None and found.folder == CHECKOUT_SOURCE
    assert f"适用于绥宁扶贫台账 {__version__}" in found.html
    dialog = ManualDialog(found)
    qtbot.addWidget(dialog)
    assert dialog.browser_button is None


def test_a_missing_manual_is_said_in_chinese(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_help, "find_manual", lambda: None)
    manual_action(window).trigger()
    box = window.error_box
    assert isinstance(box, QMessageBox) and box.objectName() == "manual_missing"
    assert "找不到用户手册" in box.text()
    assert window.manual_dialog is None


def test_the_build_carries_every_picture_and_only_those(tmp_path: Path) -> None:
    manual = build(CHECKOUT_SOURCE, tmp_path / "out", version=__version__)
    shown = {p.name for p in manual.images}
    on_disk = {p.name for p in (CHECKOUT_SOURCE / "images").glob("*.png")}
    assert shown == on_disk  # a picture no chapter shows is stale: drop it from the screenshot script
    assert {p.name for p in (tmp_path / "out" / "images").iterdir()} == shown
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page and f"<title>{TITLE}</title>" in page


def test_the_menu_paths_the_manual_names_are_the_windows(window: MainWindow) -> None:
    menus = {plain(m.title()): {plain(a.text()) for a in m.actions() if a.text()}
             for m in (window.file_menu, window.help_menu)}
    text = "\n".join(p.read_text(encoding="utf-8") for p in chapters(CHECKOUT_SOURCE))
    named = re.findall(r"\*\*(\S+?) → (.+?)\*\*", text)
    assert len(named) >= 8
    for menu, action in named:
        assert action in menus.get(menu, set()), f"{menu} → {action}"
