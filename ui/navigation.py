"""The pages of the main window, in the order the navigation list shows them.

Adding a page is one line in :data:`PAGES`: a key (for settings and tests), the title
(Chinese source text, translated in the ``Navigation`` context) and a factory that
builds the page from the :class:`~ui.session.Session`. List only pages that work.

A page is a ``QWidget``; the window calls these methods when the page has them:

- ``set_area(area_id: int | None)``: the clerk picked an area in the tree (called when
  the page is shown and the area changed since it last saw one);
- ``refresh()``: the page is shown again, or the data changed under it;
- ``save_layout()``: the window is closing (remember column widths, splitters).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.pages.households import HouseholdsPage
from ui.pages.overview import OverviewPage
from ui.session import Session

CONTEXT = "Navigation"  # literal in each QT_TRANSLATE_NOOP: lupdate reads no variables


@dataclass(frozen=True)
class PageSpec:
    key: str
    source_title: str  # untranslated; use :attr:`title`
    factory: Callable[[Session], QWidget]

    @property
    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_title)


PAGES: list[PageSpec] = [
    PageSpec("overview", str(QT_TRANSLATE_NOOP("Navigation", "概况")), OverviewPage),
    PageSpec("households", str(QT_TRANSLATE_NOOP("Navigation", "建档立卡户")), HouseholdsPage),
]

