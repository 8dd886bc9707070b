"""Open the real main window offscreen on a demo database, visit every page and save a PNG
of each; say which font draws Chinese. Run by scripts/check-windows-build under Wine with
the bundle's own Python (and by the Linux build's smoke test):

    python window_tour.py OUT_FOLDER DATABASE [--manual]

Exit 0 when every page was saved and the application font has the Chinese glyphs (and, with
--manual, 帮助 → 用户手册 opened the rendered manual the bundle carries).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app: object, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def main(argv: list[str]) -> int:
    out, database = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtGui import QFontInfo, QFontMetrics

    from suining_desk.app import window_module  # suining_desk_ui in the bundle, ui in a checkout
    from suining_desk.db import open_database
    from suining_desk.services.accounts import login
    from suining_desk.storage import paths

    create_app = window_module("app").create_app
    MainWindow = window_module("main_window").MainWindow  # noqa: N806 - the class, by its name

    print(f"data folder: {paths.data_dir()}", flush=True)
    app = create_app([argv[0]])
    open_database(database)
    account = login("admin", os.environ.get("SUINING_PASSWORD", "suining2018"), via="demo")
    window = MainWindow(database, demo=True, account=account, auto_backup=False)
    window.resize(1280, 800)
    window.show()
    saved = 0
    for number, spec in enumerate(window.page_specs, start=1):
        window.show_page(spec.key)
        settle(app, 1.5)
        path = out / f"{number:02d}-{spec.key}.png"
        if window.grab().save(str(path), "PNG"):
            saved += 1
        print(f"page {spec.key}: {path.name}", flush=True)
    manual_ok = True
    if "--manual" in argv:  # 帮助 → 用户手册: the copy the bundle carries, drawn
        window.show_manual()
        dialog = window.manual_dialog
        manual_ok = dialog is not None and dialog.manual.file is not None
        if dialog is not None:
            settle(app, 1.5)
            dialog.grab().save(str(out / "manual.png"), "PNG")
            dialog.close()
        print(f"manual: {dialog.manual.file if dialog is not None else 'NONE'}", flush=True)
    font = app.font()  # type: ignore[attr-defined]
    chinese = all(QFontMetrics(font).inFontUcs4(ord(c)) for c in "绥宁扶贫台账")
    print(f"font: {QFontInfo(font).family()}; Chinese glyphs: {'yes' if chinese else 'NO'}", flush=True)
    print(f"pages: {saved} of {len(window.page_specs)}", flush=True)
    window.close()
    return 0 if saved == len(window.page_specs) and chinese and manual_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
