"""The window stays responsive while a county-scale backup runs (issue 17, item 4).

A 10 ms timer on the GUI thread records how late each tick comes while the daily automatic
backup (full check) and then the backup on close (quick check) run in the background; the
longest gap is the worst stall a clerk could feel (target ≤ 100 ms). Baseline: the longest
gap of the same timer over two idle seconds in the same run. The backups' own times are
printed too.

    uv run python bench/backup_stalls.py [--db out/county.sqlite3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import county_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = county_database(args.db)
    home = tempfile.mkdtemp(prefix="suining-bench-")
    os.environ["SUINING_HOME"] = home  # a fresh backups folder: the backup is not skipped

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from suining_desk.db import open_database
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    open_database(path)
    window = MainWindow(path, demo=False, user_label="bench", auto_backup=False)
    window.show()
    window.show_page("households")
    app.processEvents()
    runner = window.security.backups

    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10, timeout=tick)

    def measure(start: object) -> tuple[float, int]:
        gaps.clear()
        clock.start()
        last[0] = 0
        timer.start()
        began = time.perf_counter()
        loop = QEventLoop()
        if start is None:
            QTimer.singleShot(2000, loop.quit)
        else:
            runner.idle.connect(loop.quit)
            start()  # type: ignore[operator]
        loop.exec()
        timer.stop()
        if start is not None:
            runner.idle.disconnect(loop.quit)
        return time.perf_counter() - began, max(gaps[1:] or [0])

    _, idle_gap = measure(None)
    full_s, full_gap = measure(lambda: runner.automatic(path, kind="daily"))
    from suining_desk.demo.generate import DEMO_PASSWORD
    from suining_desk.services import accounts

    accounts.login("admin", DEMO_PASSWORD)  # something new in the audit log: the backup on close is due
    quick_s, quick_gap = measure(lambda: runner.automatic(path, kind="close"))
    size_mb = path.stat().st_size / 1048576
    print(f"database: {size_mb:.0f} MB")
    print(f"idle:                    longest gap {idle_gap} ms (baseline)")
    print(f"daily backup (full check): {full_s:.1f} s, longest gap {full_gap} ms "
          f"({full_gap / max(idle_gap, 1):.1f}× baseline)")
    print(f"backup on close (quick):  {quick_s:.1f} s, longest gap {quick_gap} ms "
          f"({quick_gap / max(idle_gap, 1):.1f}× baseline)")
    window.security.auto_backup = False
    window.close()


if __name__ == "__main__":
    main()
