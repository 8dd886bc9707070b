"""Save a PNG of the main window on a database, for docs and for checking that Chinese renders.

Run it under a display, e.g. on a server::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python scripts/screenshot.py \\
        DATABASE docs/screenshots/main-window.png --demo --area 长铺镇

The settings folder is a fresh temporary one (unless SUINING_HOME is set), so the picture
does not depend on, or change, a clerk's remembered window layout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path, help="an existing database file")
    parser.add_argument("output", type=Path, help="the PNG to write")
    parser.add_argument("--page", default="overview", help="navigation key (default: overview)")
    parser.add_argument("--area", default="", help="select this area (its name) in the tree")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--demo", action="store_true", help="mark the title as demo data")
    parser.add_argument("--user", default="admin（演示）", help="the user shown in the status bar")
    parser.add_argument("--delay", type=int, default=600, help="ms to let the window settle")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.database.is_file():
        print(f"no database at {args.database} (build one: uv run suining-desk demo --db PATH)",
              file=sys.stderr)
        return 2
    os.environ.setdefault("SUINING_HOME", tempfile.mkdtemp(prefix="suining-shot-"))
    sys.path.insert(0, str(REPO))  # `ui` beside `suining_desk` in a checkout

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QFontInfo

    from suining_desk.db import open_database
    from ui.app import create_app
    from ui.main_window import MainWindow

    open_database(args.database)
    app = create_app([sys.argv[0]])
    window = MainWindow(args.database.resolve(), demo=args.demo, user_label=args.user)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.show_page(args.page)
    if args.area:
        tree = window.area_tree
        flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        found = tree.area_model.findItems(args.area, flags)
        if not found:
            print(f"no area named {args.area}", file=sys.stderr)
            return 2
        tree.setCurrentIndex(found[0].index())
        tree.expand(found[0].index())

    def shoot() -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(args.output), "PNG")
        font = QFontInfo(app.font())
        print(f"{'saved' if saved else 'FAILED'} {args.output} "
              f"({window.width()}×{window.height()}, font: {font.family()})")
        app.exit(0 if saved else 1)

    QTimer.singleShot(args.delay, shoot)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
