"""A PDF shown one page at a time inside the window: page turning and zoom.

Pages are drawn by :class:`ui.pdf_pages.PdfPages` when shown, so a ledger of hundreds of
pages costs one page's pixels at a time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..pdf_pages import POINTS_PER_INCH, PdfPages

SCREEN_DPI = 96  # "100%": the paper at its real size on an ordinary screen
FIT_WIDTH = 0.0
ZOOMS = (FIT_WIDTH, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
PAGE_MARGIN = 12


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.pages: PdfPages | None = None
        self.current = 0
        self.previous_button = QPushButton(self.tr("上一页"), objectName="previous_page")
        self.next_button = QPushButton(self.tr("下一页"), objectName="next_page")
        self.previous_button.setToolTip("PageUp")
        self.next_button.setToolTip("PageDown")
        self.page_spin = QSpinBox(objectName="page_number")
        self.page_spin.setPrefix(self.tr("第 "))
        self.page_count_label = QLabel(objectName="page_count")
        self.zoom = QComboBox(objectName="zoom")
        for factor in ZOOMS:
            self.zoom.addItem(self.tr("适合宽度") if factor == FIT_WIDTH else f"{factor:.0%}", factor)
        self.zoom.setToolTip(self.tr("缩放（Ctrl+加号 放大，Ctrl+减号 缩小）"))
        self.page_label = QLabel(objectName="page_image")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea(objectName="preview_scroll")
        self.scroll_area.setWidget(self.page_label)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setStyleSheet(
            "QScrollArea { background: #808080; } QLabel#page_image { background: #808080; }")
        self.empty_label = QLabel(self.tr("生成台账后在这里预览"), objectName="preview_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.previous_button, self.page_spin, self.page_count_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("缩放：")))
        bar.addWidget(self.zoom)
        self.bar = QWidget()
        self.bar.setLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.empty_label, 1)

        self.previous_button.clicked.connect(lambda: self.show_page(self.current - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.current + 1))
        self.page_spin.valueChanged.connect(lambda n: self.show_page(n - 1))
        self.zoom.currentIndexChanged.connect(lambda _: self._draw())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, step in ((QKeySequence.StandardKey.MoveToPreviousPage, -1),
                           (QKeySequence.StandardKey.MoveToNextPage, 1)):
            QShortcut(keys, self, lambda s=step: self.show_page(self.current + s), context=context)
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1), (QKeySequence.StandardKey.ZoomOut, -1)):
            QShortcut(keys, self, lambda s=step: self.step_zoom(s), context=context)
        self._redraw = QTimer(self, singleShot=True, interval=80)  # while the window is being resized
        self._redraw.timeout.connect(self._draw)
        self.clear()

    # --- the document ---
    def load(self, pages: PdfPages) -> None:
        self.clear()
        self.pages = pages
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, len(pages))
        self.page_spin.blockSignals(False)
        self.page_count_label.setText(self.tr("页，共 {count} 页").format(count=len(pages)))
        self.bar.setEnabled(True)
        self.scroll_area.setVisible(True)
        self.empty_label.setVisible(False)
        self.show_page(0)

    def clear(self, note: str = "") -> None:
        """Show no document (and close the one shown)."""
        if self.pages is not None:
            self.pages.close()
        self.pages = None
        self.current = 0
        self.page_label.clear()
        self.page_count_label.setText("")
        self.bar.setEnabled(False)
        self.scroll_area.setVisible(False)
        self.empty_label.setText(note or self.tr("生成台账后在这里预览"))
        self.empty_label.setVisible(True)

    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def show_page(self, index: int) -> None:
        if self.pages is None:
            return
        self.current = max(0, min(index, len(self.pages) - 1))
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(self.current + 1)
        self.page_spin.blockSignals(False)
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(self.pages) - 1)
        self._draw()

    # --- zoom ---
    def step_zoom(self, step: int) -> None:
        self.zoom.setCurrentIndex(max(0, min(self.zoom.currentIndex() + step, self.zoom.count() - 1)))

    def scale(self) -> float:
        """Pixels per point of the page shown."""
        factor = float(self.zoom.currentData())
        if factor != FIT_WIDTH or self.pages is None:
            return (factor or 1.0) * SCREEN_DPI / POINTS_PER_INCH
        width, _ = self.pages.size_points(self.current)
        room = self.scroll_area.viewport().width() - 2 * PAGE_MARGIN
        return max(room, 100) / width

    def _draw(self) -> None:
        if self.pages is None:
            return
        ratio = self.devicePixelRatioF()
        image = self.pages.image(self.current, self.scale() * ratio)
        image.setDevicePixelRatio(ratio)
        self.page_label.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.pages is not None and self.zoom.currentData() == FIT_WIDTH:
            self._redraw.start()
