"""PNGs of the 易地搬迁 and 危房改造 pages and of a renovation's detail with photos.

The database is copied first (the photos are attached to the copy), so the source stays
as it was. Run under a display::

    xvfb-run -a -s "-screen 0 1400x900x24" uv run python scripts/screenshot_housing.py \\
        DATABASE docs/screenshots --area 长铺镇
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def house_photo(old: bool) -> bytes:
    """A drawn stand-in for a clerk's photo: a tumbledown house, or the rebuilt one."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (2400, 1800), "#9cc3e0")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 1250, 2400, 1800), fill="#6d8b3a")
    if old:
        draw.polygon([(500, 800), (1200, 380), (1900, 820)], fill="#5a4632")
        draw.polygon([(600, 800), (1820, 830), (1790, 1380), (640, 1350)], fill="#8b7355")
        draw.line((700, 900, 1500, 1300), fill="#3b2f23", width=18)
        draw.rectangle((1050, 1050, 1250, 1360), fill="#3b2f23")
    else:
        draw.polygon([(450, 760), (1200, 360), (1950, 760)], fill="#8c2d19")
        draw.rectangle((560, 760, 1840, 1380), fill="#f2efe6", outline="#999", width=6)
        for x in (700, 1500):
            draw.rectangle((x, 900, x + 220, 1100), fill="#7fa7c9", outline="#555", width=6)
        draw.rectangle((1080, 1020, 1320, 1380), fill="#7a4b2a")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def acceptance_scan() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(REPO / "resources" / "fonts" / "wqy-microhei.ttc"), 56, index=0)
    small = ImageFont.truetype(str(REPO / "resources" / "fonts" / "wqy-microhei.ttc"), 36, index=0)
    draw.text((250, 120), "农村危房改造竣工验收表", font=font, fill=20)
    for row in range(12):
        y = 300 + row * 100
        draw.line((100, y, 1140, y), fill=60, width=3)
    for i, text in enumerate(("户主姓名", "危房等级  D级", "改造方式  拆除重建", "验收结论  合格", "验收人（签字）")):
        draw.text((130, 325 + i * 100), text, font=small, fill=30)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--area", default="长铺镇")
    parser.add_argument("--size", default="1360x860")
    args = parser.parse_args(argv)
    os.environ.setdefault("SUINING_HOME", tempfile.mkdtemp(prefix="suining-shot-"))
    sys.path.insert(0, str(REPO))

    copy = Path(tempfile.mkdtemp(prefix="suining-shot-db-")) / "shots.sqlite3"
    source, target = sqlite3.connect(args.database), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()

    from PySide6.QtCore import Qt, QTimer

    from suining_desk.db import open_database
    from suining_desk.db.models import Area, Renovation
    from suining_desk.services.attachments import attach_bytes
    from ui.app import create_app
    from ui.main_window import MainWindow

    open_database(copy)
    town = Area.get((Area.name == args.area) & (Area.level == 2))
    record = (Renovation.select().where((Renovation.township == town.id) & (Renovation.grade == "D")
                                        & (Renovation.status == "accepted")).order_by(Renovation.id).first())
    for name, data, kind in (("改造前-正面.jpg", house_photo(True), "before"),
                             ("竣工-正面.jpg", house_photo(False), "after"),
                             ("竣工验收表.png", acceptance_scan(), "acceptance")):
        attach_bytes("renovation", record.id, name, data, kind=kind, user="luru")

    app = create_app([sys.argv[0]])
    window = MainWindow(copy, demo=True, user_label="luru（演示）")
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    tree = window.area_tree
    found = tree.area_model.findItems(args.area, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    tree.setCurrentIndex(found[0].index())
    args.outdir.mkdir(parents=True, exist_ok=True)
    shots = []

    def shoot(name: str) -> None:
        path = args.outdir / name
        ok = window.grab().save(str(path), "PNG")
        shots.append(f"{'saved' if ok else 'FAILED'} {path}")

    def relocations() -> None:
        window.show_page("relocations")
        QTimer.singleShot(500, lambda: (shoot("relocations-page.png"), renovations()))

    def renovations() -> None:
        window.show_page("renovations")
        page = window.current_page()
        page.select_record(record.id)  # type: ignore[union-attr]
        page.detail.tabs.setCurrentIndex(0)  # type: ignore[union-attr]
        page.splitter.setSizes([300, 550])  # type: ignore[union-attr]  # room for the photos
        QTimer.singleShot(500, lambda: (shoot("renovation-detail-photos.png"), refusal()))

    def refusal() -> None:
        from suining_desk.db.models import Household, Relocation
        from ui.dialogs.renovation_dialog import RenovationDialog

        moved = (Household.select().join(Relocation, on=(Relocation.household == Household.id))
                 .where(Household.township == town.id).order_by(Household.id).first())
        label = f"{moved.head_name}户　户编号 {moved.household_no}"
        dialog = RenovationDialog(user="luru", household=(moved.id, label), parent=window)
        dialog.year.setValue(2018)
        dialog.area.setText("85")
        dialog.show()

        def grab() -> None:
            ok = dialog.grab().save(str(args.outdir / "renovation-double-benefit.png"), "PNG")
            shots.append(f"{'saved' if ok else 'FAILED'} {args.outdir / 'renovation-double-benefit.png'}")
            dialog.reject()
            finish()

        QTimer.singleShot(400, grab)

    def finish() -> None:
        print("\n".join(shots))
        app.exit(0)

    QTimer.singleShot(600, relocations)
    try:
        return int(app.exec())
    finally:
        window.close()
        from suining_desk.db import close_database

        close_database()
        shutil.rmtree(copy.parent, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
