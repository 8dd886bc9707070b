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

from .pages.audit import AuditPage
from .pages.backups import BackupsPage
from .pages.batches import BatchesPage
from .pages.checks import ChecksPage
from .pages.enrolments import EnrolmentsPage
from .pages.households import HouseholdsPage
from .pages.ledgers import LedgersPage
from .pages.overview import OverviewPage
from .pages.payments import PaymentsPage
from .pages.programs import ProgramsPage
from .pages.relocations import RelocationsPage
from .pages.renovations import RenovationsPage
from .pages.settings import SettingsPage
from .pages.users import UsersPage
from .session import Session

CONTEXT = "Navigation"  # literal in each QT_TRANSLATE_NOOP: lupdate reads no variables


@dataclass(frozen=True)
class PageSpec:
    key: str
    source_title: str  # untranslated; use :attr:`title`
    factory: Callable[[Session], QWidget]
    min_role: str = "clerk"  # the page is listed for this role and above (the core checks again)

    @property
    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_title)


PAGES: list[PageSpec] = [
    PageSpec("overview", str(QT_TRANSLATE_NOOP("Navigation", "概况")), OverviewPage),
    PageSpec("households", str(QT_TRANSLATE_NOOP("Navigation", "建档立卡户")), HouseholdsPage),
    PageSpec("relocations", str(QT_TRANSLATE_NOOP("Navigation", "易地搬迁")), RelocationsPage),
    PageSpec("renovations", str(QT_TRANSLATE_NOOP("Navigation", "危房改造")), RenovationsPage),
    PageSpec("programs", str(QT_TRANSLATE_NOOP("Navigation", "项目与标准")), ProgramsPage),
    PageSpec("enrolments", str(QT_TRANSLATE_NOOP("Navigation", "享受名单")), EnrolmentsPage),
    PageSpec("batches", str(QT_TRANSLATE_NOOP("Navigation", "发放批次")), BatchesPage),
    PageSpec("payments", str(QT_TRANSLATE_NOOP("Navigation", "资金发放")), PaymentsPage),
    PageSpec("ledgers", str(QT_TRANSLATE_NOOP("Navigation", "台账")), LedgersPage),
    PageSpec("checks", str(QT_TRANSLATE_NOOP("Navigation", "审计检查")), ChecksPage),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Navigation", "设置")), SettingsPage),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("Navigation", "审计日志")), AuditPage, "reviewer"),
    PageSpec("backups", str(QT_TRANSLATE_NOOP("Navigation", "数据备份")), BackupsPage),
    PageSpec("users", str(QT_TRANSLATE_NOOP("Navigation", "用户管理")), UsersPage, "admin"),
]

