"""The English translation is complete, keeps every placeholder, matches its compiled .qm,
and reaches the text built outside a class's own tr() (exports, the file menu, page filters).

When a test here fails after a UI change: run ``bash scripts/update_translations.sh``,
translate the new messages in resources/translations/suining_desk_en.ts, run it again.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DemoCounty
from ui.app import install_translators, translations_dir
from ui.main_window import MainWindow

TS = translations_dir() / "suining_desk_en.ts"
NAMED = re.compile(r"\{(\w*)[^{}]*\}")  # {name} and {s:.1f}: str.format fields
NUMBERED = re.compile(r"%\d+")  # %1: QString.arg
ACCELERATOR = re.compile(r"&(?!&)\w")  # &F, not a literal &&


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r} → {self.translation!r}"


def messages() -> list[Message]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(Message(name, message.findtext("source") or "", translation.text or "",
                                 translation.get("type") in ("unfinished", "vanished", "obsolete")))
    return found


def test_every_message_is_translated() -> None:
    untranslated = [str(m) for m in messages() if m.unfinished or not m.translation.strip()]
    assert untranslated == []


def test_translations_keep_placeholders_accelerators_and_ellipses() -> None:
    wrong = []
    for m in messages():
        if sorted(NAMED.findall(m.source)) != sorted(NAMED.findall(m.translation)):
            wrong.append(f"placeholders {m}")
        if sorted(NUMBERED.findall(m.source)) != sorted(NUMBERED.findall(m.translation)):
            wrong.append(f"%-arguments {m}")
        if len(ACCELERATOR.findall(m.source)) != len(ACCELERATOR.findall(m.translation)):
            wrong.append(f"accelerator {m}")
        if m.source.endswith("…") != m.translation.endswith("…"):
            wrong.append(f"ellipsis {m}")
        if re.search(r"[\u4e00-\u9fff]", m.translation):
            wrong.append(f"Chinese left in {m}")
    assert wrong == []


def test_compiled_qm_matches_the_ts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "suining_desk_en.qm"))
    stale = [str(m) for m in messages() if translator.translate(m.context, m.source) != m.translation]
    assert stale == []  # run scripts/update_translations.sh to compile the .qm again


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_text_built_outside_tr_reaches_the_english_window(
    qtbot: QtBot, english: None, demo_db: DemoCounty
) -> None:
    window = MainWindow(demo_db.path, demo=True, user_label="admin")
    qtbot.addWidget(window)
    # Module-level helpers: the file menu's Excel entries (context ExchangeMenu).
    assert window.import_action.text() == "&Import Spreadsheet…"  # type: ignore[attr-defined]
    assert window.export_action.text() == "&Export Current List…"  # type: ignore[attr-defined]
    window.show_page("households")
    page = window.current_page()
    assert page is not None
    # Built with the class's tr() before the QWidget exists, and a detail view's own strings.
    assert page.new_button.text() == "&New household"  # type: ignore[attr-defined]
    detail = page.household_detail  # type: ignore[attr-defined]
    assert [detail.tabs.tabText(i) for i in range(3)] == ["Members", "Member changes", "Status changes"]
    assert detail.members.horizontalHeaderItem(0).text() == "Name"
    window.show_page("batches")
    batches = window.current_page()
    assert batches is not None
    table = batches.table  # type: ignore[attr-defined]
    assert table.model().headerData(0, table.horizontalHeader().orientation()) == "Batch no."
