"""Save PNGs of the 新增项目 and 新增标准 dialogs, part filled in with a mistake each shows
inline (Save disabled), for docs/ and for checking that Chinese renders.

    xvfb-run -a uv run python scripts/screenshot_program_dialogs.py DATABASE docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    database, folder = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ.setdefault("SUINING_HOME", tempfile.mkdtemp(prefix="suining-shot-"))
    sys.path.insert(0, str(REPO))
    import datetime as dt

    from PySide6.QtCore import QTimer

    from suining_desk.db import open_database
    from suining_desk.services.programs import find_program
    from ui.app import create_app
    from ui.dialogs.program_dialogs import ProgramDialog, StandardDialog

    open_database(database)
    app = create_app([sys.argv[0]])
    program = ProgramDialog(user="admin")
    program.code.setText("Water-aid")  # not a valid code: the message shows under the form
    program.name.setText("饮水安全补助")
    program.frequency.setCurrentIndex(program.frequency.findData("yearly"))
    program.funding.setText("县级财政")
    standard = StandardDialog(find_program("dibao"), user="admin", today=dt.date(2018, 12, 20))
    standard.category.setCurrentText("A")
    standard.amount.setText("345.00")
    standard.date.setDate(dt.date(2018, 7, 1))  # A already has a standard from that day
    shots = {"program-dialog.png": program, "standard-dialog.png": standard}
    for dialog in shots.values():
        dialog.show()

    def grab() -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, dialog in shots.items():
            dialog.grab().save(str(folder / name))
            print(f"saved {folder / name}")
        app.quit()

    QTimer.singleShot(600, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
