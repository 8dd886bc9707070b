"""Every window fits the screen it opens on, and a text cut short says itself in a tooltip.

A township PC often has 1366×768 at 125 % scaling: about 1093×614 logical pixels, less a
taskbar. :class:`ScreenFit`, installed on the application, acts on every window as it is
shown — the main window, each dialog, the import wizard, a message box:

* the window is made no larger than the screen's free area (a title bar and borders allowed
  for) and moved onto it — a remembered size from a bigger screen too;
* a placeholder wider than its field widens the field (up to a limit) or becomes its tooltip;

and on every list, tree and table (and their column titles) a text drawn cut short (…) shows
whole in a tooltip when the pointer rests on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit, QToolTip, QWidget

FRAME = QMargins(8, 31, 8, 8)  # a Windows 10/11 title bar and resize borders, in logical pixels
TEXT_MARGINS = 6  # an item's text margins, both sides (the style's focus frame margin + 1, twice)
PLACEHOLDER_MAX = 360  # a field grows to show its placeholder up to this width; beyond, a tooltip
_FITTED = "screen_fit_placeholders"


def free_area(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by taskbars, less a window frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() - FRAME


def fit_to_screen(widget: QWidget) -> None:
    """No larger than the free area, and on it (the window's minimum size wins, which is why
    every dialog keeps its minimum within 1093×614: tests/ui/test_screen_fit.py)."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    area = free_area(widget)
    size = widget.size().boundedTo(area.size()).expandedTo(widget.minimumSize())
    if size != widget.size():
        widget.resize(size)
    x = min(max(widget.x(), area.left() - FRAME.left()), area.right() + 1 - size.width() - FRAME.left())
    y = min(max(widget.y(), area.top() - FRAME.top()), area.bottom() + 1 - size.height() - FRAME.top())
    if QPoint(x, y) != widget.pos():
        widget.move(max(x, area.left() - FRAME.left()), max(y, area.top() - FRAME.top()))


def fit_placeholders(window: QWidget) -> None:
    """Each field wide enough for its placeholder, or (a long one) saying it in a tooltip."""
    for edit in window.findChildren(QLineEdit):
        text = edit.placeholderText()
        if not text or edit.text():
            continue
        need = QFontMetrics(edit.font()).horizontalAdvance(text) + 16  # the frame's text margins
        if need <= PLACEHOLDER_MAX:
            if edit.minimumWidth() < need:
                edit.setMinimumWidth(need)
        elif not edit.toolTip():
            edit.setToolTip(text)


def _view_of(watched: QObject) -> QAbstractItemView | None:
    parent = watched.parent()
    if isinstance(parent, QAbstractItemView) and watched is parent.viewport():
        return parent
    return None


def elided_tooltip(view: QAbstractItemView, pos: QPoint) -> str:
    """The whole text of the item (or column title) at ``pos`` if it is drawn cut short."""
    if isinstance(view, QHeaderView):
        section = view.logicalIndexAt(pos)
        model = view.model()
        if section < 0 or model is None:
            return ""
        text = str(model.headerData(section, view.orientation()) or "")
        room = view.sectionSize(section) - 12  # the title's margins and the sort arrow's gap
    else:
        index = view.indexAt(pos)
        if not index.isValid():
            return ""
        text = str(index.data() or "")
        room = view.visualRect(index).width() - TEXT_MARGINS
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            room -= view.iconSize().width() + 4
    return text if is_cut(view.fontMetrics(), text, room) else ""


def is_cut(metrics: QFontMetrics, text: str, room: int) -> bool:
    """Whether Qt draws ``text`` cut short (…) in ``room`` pixels (a single line)."""
    return bool(text) and "\n" not in text and metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) != text


class ScreenFit(QObject):
    """The application's watcher (installed by :func:`ui.app.create_app`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            if not watched.property(_FITTED):
                watched.setProperty(_FITTED, True)
                fit_placeholders(watched)
                if (layout := watched.layout()) is not None:
                    layout.activate()
            fit_to_screen(watched)
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and (view := _view_of(watched)):
            model = view.model()
            own = None
            if model is not None and not isinstance(view, QHeaderView):
                index = view.indexAt(event.pos())
                own = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            if not own and (text := elided_tooltip(view, event.pos())):
                QToolTip.showText(event.globalPos(), text, view.viewport())
                return True
        return False


def install(app: QApplication) -> ScreenFit:
    watcher = ScreenFit(app)
    app.installEventFilter(watcher)
    return watcher


def room_for(widget: QWidget) -> QSize:
    """The largest size a window may have on the widget's screen."""
    return free_area(widget).size()
