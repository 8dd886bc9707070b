"""概况: how many areas, households, people and works, and the money paid per program."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.money import format_fen
from suining_desk.services.areas import area_path
from suining_desk.services.stats import Stats, collect_stats

from ..session import Session

RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the number behind the text (fen, count)
COUNT_COLUMNS = 4
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# The area cards shown under an area of each level: only the levels below it.
AREA_CARDS = {None: ("townships", "villages", "groups"), AreaLevel.COUNTY: ("townships", "villages", "groups"),
              AreaLevel.TOWNSHIP: ("villages", "groups"), AreaLevel.VILLAGE: ("groups",), AreaLevel.GROUP: ()}


class OverviewPage(QWidget):
    """The figures of the area chosen in the tree (the county when none is): the areas below
    it, households on the register (as the households list counts them), people, works and
    the money paid per program."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_page")
        self.session = session
        self._area_id: int | None = None
        self.stats: Stats | None = None

        self.heading = QLabel(objectName="overview_heading")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.area_note = QLabel(objectName="area_note")
        self.area_note.setStyleSheet("color: palette(mid);")
        self.updated = QLabel(objectName="updated")
        self.refresh_button = QPushButton(self.tr("刷新"), objectName="refresh_button")
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_button.setToolTip("F5")
        self.refresh_button.clicked.connect(self.refresh)

        captions = {
            "townships": self.tr("乡镇"),
            "villages": self.tr("行政村"),
            "groups": self.tr("村民小组"),
            "households": self.tr("户数"),
            "people": self.tr("人数"),
            "relocations": self.tr("搬迁"),
            "renovations": self.tr("危改"),
            "payments": self.tr("发放笔数"),
        }
        self.count_labels: dict[str, QLabel] = {}
        self._card_headers: dict[str, QHBoxLayout] = {}
        self.cards: dict[str, QFrame] = {key: self._count_card(key, caption) for key, caption in captions.items()}
        self.removed_note = QLabel(objectName="removed_note")  # beside 户数, so the figures stay in line
        self.removed_note.setStyleSheet("color: palette(mid);")
        self._card_headers["households"].addWidget(self.removed_note)
        self.counts = QGridLayout()

        self.programs = QTableWidget(0, 3, objectName="program_table")
        self.programs.setHorizontalHeaderLabels(
            [self.tr("项目"), self.tr("笔数"), self.tr("金额（元）")]
        )
        for column in (1, 2):
            item = self.programs.horizontalHeaderItem(column)
            assert item is not None  # set just above
            item.setTextAlignment(RIGHT)
        header = self.programs.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        digits = self.fontMetrics()
        for column, widest in ((1, "0,000,000"), (2, "000,000,000.00")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, digits.horizontalAdvance(widest) + 32)
        rows = self.programs.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(digits.height() + 12)
        self.programs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.programs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.programs.setAlternatingRowColors(True)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.area_note, 1)
        top.addWidget(self.updated)
        top.addWidget(self.refresh_button)
        money_title = QLabel(self.tr("资金发放（已发放，含冲销）"))
        title_font = QFont(money_title.font())
        title_font.setBold(True)
        money_title.setFont(title_font)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.counts)
        layout.addSpacing(8)
        layout.addWidget(money_title)
        layout.addWidget(self.programs, 100)  # all the room it needs, up to its height cap
        layout.addStretch(1)
        self.refresh()

    def _count_card(self, key: str, caption: str) -> QFrame:
        card = QFrame(objectName=f"card_{key}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        value = QLabel("—", objectName=f"count_{key}")
        value.setAlignment(RIGHT)
        value_font = QFont(value.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 1.5)
        value.setFont(value_font)
        self.count_labels[key] = value
        header = self._card_headers[key] = QHBoxLayout()
        header.addWidget(QLabel(caption))
        header.addStretch(1)
        box = QVBoxLayout(card)
        box.addLayout(header)
        box.addWidget(value)
        return card

    # --- page protocol (ui.navigation) ---
    def set_area(self, area_id: int | None) -> None:
        self._area_id = area_id
        self.refresh()

    def refresh(self) -> None:
        self.stats = collect_stats(self._area_id)
        self._show_heading()
        self._show_counts(self.stats)
        self._show_programs(self.stats)
        self.updated.setText(
            self.tr("统计时间：{time}").format(
                time=QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss")
            )
        )

    # --- display ---
    def _show_heading(self) -> None:
        path = area_path(self._area_id) if self._area_id is not None else []
        name = "".join(a.name for a in path if a.level <= AreaLevel.VILLAGE) or self.tr("全县")
        if path and path[-1].level == AreaLevel.GROUP:
            name += path[-1].name
        self.heading.setText(self.tr("{area}概况").format(area=name))
        self.area_note.clear()

    def _show_counts(self, stats: Stats) -> None:
        level = AreaLevel(area_path(self._area_id)[-1].level) if self._area_id is not None else None
        shown = [key for key in self.cards if key not in AREA_CARDS[None] or key in AREA_CARDS[level]]
        for card in self.cards.values():  # laid out again: no hole where a hidden card was
            self.counts.removeWidget(card)
            card.setVisible(False)
        for n, key in enumerate(shown):
            self.counts.addWidget(self.cards[key], n // COUNT_COLUMNS, n % COUNT_COLUMNS)
            self.cards[key].setVisible(True)
        for key, label in self.count_labels.items():
            label.setText(f"{getattr(stats, key):,}")
        self.removed_note.setText(self.tr("另有清退 {count} 户").format(count=f"{stats.removed_households:,}")
                                  if stats.removed_households else "")
        self.removed_note.setVisible(bool(stats.removed_households))

    def _show_programs(self, stats: Stats) -> None:
        rows = [(p.name, p.payments, p.total_fen) for p in stats.programs]
        rows.append((self.tr("合计"), stats.payments, stats.total_fen))
        self.programs.setRowCount(len(rows))
        bold = QFont(self.programs.font())
        bold.setBold(True)
        for row, (name, count, fen) in enumerate(rows):
            cells = [
                (name, name, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                (f"{count:,}", count, RIGHT),
                (format_fen(fen), fen, RIGHT),
            ]
            for column, (text, raw, alignment) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(RAW_VALUE_ROLE, raw)
                item.setTextAlignment(alignment)
                if row == len(rows) - 1:
                    item.setFont(bold)
                self.programs.setItem(row, column, item)
        self._fit_table_height()

    def _fit_table_height(self) -> None:
        table = self.programs  # as tall as its rows: the totals row ends it, no empty grid
        rows = table.verticalHeader().defaultSectionSize() * table.rowCount()
        header = table.horizontalHeader().sizeHint().height()
        table.setMaximumHeight(header + rows + 2 * table.frameWidth() + 2)
