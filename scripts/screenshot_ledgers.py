"""A PNG of the 台账 page with a generated ledger in its preview.

The database is copied first (generating a ledger writes to the audit log), so the source
stays as it was. Run under a display::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python scripts/screenshot_ledgers.py \\
        DATABASE docs/screenshots/ledgers.png --area 长铺镇 --program 低保 --year 2018 --month 11
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--area", default="长铺镇")
    parser.add_argument("--program", default="低保")
    parser.add_argument("--year", default="2018")
    parser.add_argument("--month", type=int, default=11)
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args(argv)
    os.environ.setdefault("SUINING_HOME", tempfile.mkdtemp(prefix="suining-shot-"))
    sys.path.insert(0, str(REPO))

    copy = Path(tempfile.mkdtemp(prefix="suining-shot-db-")) / "shots.sqlite3"
    source, target = sqlite3.connect(args.database), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()

    from PySide6.QtCore import Qt, QTimer

    import ui.tasks
    from suining_desk.db import open_database
    from suining_desk.services.access import account_of
    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.pages.ledgers import LedgersPage

    open_database(copy)
    ui.tasks.SYNCHRONOUS = True  # the picture waits for the ledger
    app = create_app([sys.argv[0]])
    window = MainWindow(copy, demo=True, account=account_of("luru"), auto_backup=False)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    tree = window.area_tree
    found = tree.area_model.findItems(args.area, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    tree.setCurrentIndex(found[0].index())
    window.show_page("ledgers")
    page = window.current_page()
    assert isinstance(page, LedgersPage)
    page.kind.setCurrentIndex(page.kind.findData("payments"))
    page.program.setCurrentIndex(page.program.findData(args.program))
    page.year.setText(args.year)
    page.month.setCurrentIndex(page.month.findData(args.month))
    page.reviewer.setText("审核员")
    page.head.setText("张镇长")

    def generate() -> None:
        page.generate()
        QTimer.singleShot(500, shoot)

    def shoot() -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(args.output), "PNG")
        print(f"{'saved' if ok else 'FAILED'} {args.output}: {page.status.text()}")
        page.preview.clear()
        app.exit(0 if ok else 1)

    QTimer.singleShot(300, generate)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
