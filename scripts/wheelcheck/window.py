"""Open the installed program's window offscreen on a demo database and close it again
(run by scripts/check-wheel with the throwaway environment's Python, outside the checkout).

    python window.py DATABASE PNG

Prints the window's package and title; exit 0 when the main window showed and closed."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from suining_desk import app


def main(database: Path, picture: Path) -> int:
    startup = app.window_module("startup")
    print(f"window package: {startup.__name__} ({Path(startup.__file__ or '').parent})", flush=True)
    qapp = app.window_module("app").create_app()
    shown: list[QWidget] = []

    def look() -> None:
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible()]
        if not found:
            QTimer.singleShot(200, look)
            return
        shown.append(found[0])
        QTimer.singleShot(1500, close)

    def close() -> None:
        window = shown[0]
        window.grab().save(str(picture))
        print(f"title: {window.windowTitle()}", flush=True)
        window.close()  # the last window: the event loop ends

    QTimer.singleShot(0, look)
    code = app.open_window(database, demo=True, username="")
    qapp.processEvents()
    return code if shown else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
