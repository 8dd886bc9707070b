"""Save a PNG of the register-household dialog, filled in as a clerk would, for docs/.

    xvfb-run -a uv run python scripts/screenshot_dialog.py DATABASE docs/screenshots/household-dialog.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    database, output = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ.setdefault("SUINING_HOME", tempfile.mkdtemp(prefix="suining-shot-"))
    sys.path.insert(0, str(REPO))
    import datetime as dt

    from PySide6.QtCore import QTimer

    from suining_desk.db import open_database
    from suining_desk.domain.idnumber import make_id_number
    from suining_desk.services.areas import group_choices
    from ui.app import create_app
    from ui.dialogs.household_dialog import HouseholdDialog

    open_database(database)
    app = create_app([sys.argv[0]])
    dialog = HouseholdDialog(group_choices(None), user="luru")
    form = dialog.household_form
    form.household_no.setText("430527100001019901")
    form.phone.setText("138073912")  # an unfinished mobile number shows its inline message
    form.main_cause.setCurrentText("因病")
    dialog.person_form.name.setText("曾伟")
    dialog.person_form.id_number.setText(make_id_number("430527", dt.date(1968, 3, 12), 321, True))
    dialog.add_pending_member()
    dialog.person_form.name.setText("李秀英")
    typed = make_id_number("430527", dt.date(1970, 7, 1), 322, False)
    dialog.person_form.id_number.setText(typed[:-1] + ("1" if typed[-1] == "0" else "0"))  # a typo
    dialog.person_form.relation.setCurrentText("配偶")
    dialog.resize(1100, 820)
    dialog.show()

    def grab() -> None:
        output.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(output))
        print(f"saved {output}")
        app.quit()

    QTimer.singleShot(600, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
