"""The pictures of the household file (一户一档) in docs/ledgers/, from the small demo county.

The demo has no photos, so two invented ones (drawn here) are attached to the relocated
household with the most payments, and one member's departure is recorded; then the file
is printed and its pages rendered at 80 dpi (the first three and the last).

    uv run python scripts/ledger_household_doc.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATE = dt.date.today()  # the photos are attached today: the 填报日期 may not be earlier


def house(width: int, height: int, wall: tuple[int, int, int], roof: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (width, height), (150, 200, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, int(height * .7), width, height], fill=(90, 150, 70))
    draw.rectangle([int(width * .25), int(height * .4), int(width * .75), int(height * .8)], fill=wall)
    draw.polygon([(int(width * .2), int(height * .42)), (width // 2, int(height * .15)),
                  (int(width * .8), int(height * .42))], fill=roof)
    draw.rectangle([int(width * .45), int(height * .6), int(width * .55), int(height * .8)], fill=(100, 60, 30))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def main() -> None:
    from suining_desk.db import open_database
    from suining_desk.db.models import Household, Person, Relocation, database
    from suining_desk.demo.generate import generate_demo
    from suining_desk.ledgers import make_spec, write_ledger
    from suining_desk.services.attachments import attach_bytes
    from suining_desk.services.households import record_member_exit

    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="folder to keep the database and the PDF in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="household-doc-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "demo.sqlite3"
    db_path.unlink(missing_ok=True)
    db = open_database(db_path)
    generate_demo(db, scale="small", seed=2018, progress=None, cancel=threading.Event())
    household_id = database.execute_sql(
        "SELECT r.household_id FROM relocation r ORDER BY (SELECT COUNT(*) FROM payment p "
        "WHERE p.household_id = r.household_id AND p.posted = 1) DESC, r.household_id LIMIT 1").fetchone()[0]
    relocation = Relocation.get(Relocation.household == household_id)
    attach_bytes("relocation", relocation.id, "旧房.jpg", house(1600, 1200, (160, 140, 120), (90, 70, 60)),
                 kind="before", user="luru")
    attach_bytes("relocation", relocation.id, "新房.jpg", house(3000, 2000, (240, 240, 235), (180, 60, 50)),
                 kind="after", user="luru")
    leaving = Person.select().where((Person.household == household_id) & (Person.relation == "女")).first()
    record_member_exit(leaving.id, kind="married_out", date=dt.date(2018, 11, 20), reason="嫁至武阳镇",
                       user="luru", today=DATE)
    number = Household.get_by_id(household_id).household_no
    pdf = folder / "household.pdf"
    spec = make_spec("household", {"household": number}, date=DATE, preparer="李会计", reviewer="王审核",
                     head="张镇长")
    result = write_ledger(spec, pdf, username="doc")
    out = ROOT / "docs" / "ledgers"
    shown = [(1, "household-page1"), (2, "household-page2"), (result.pages, "household-last")]
    if result.pages > 3:  # the photos fill a page of their own; the signatures follow
        shown.insert(2, (3, "household-page3"))
    for page, name in shown:
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                        str(pdf), str(out / name)], check=True)
    print(f"{pdf}: 户编号 {number}, {result.pages} 页, 校验码 {result.code}")


if __name__ == "__main__":
    main()
