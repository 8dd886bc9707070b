"""The pictures of the one-table ledgers in docs/ledgers/, from the small demo county.

Makes the demo, sets the office's notice telephones and objection office (台账设置), prints
each kind — internal and 公示 — with the command line a clerk would use, checks each with
``verify``, and renders the pages named in docs/ledgers/README.md at 80 dpi.

    uv run python scripts/ledger_forms_doc.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "ledgers"
DATE = "2019-01-10"  # after the demo's last record: a 填报日期 may not be earlier
SIGNED = ["--preparer", "李会计", "--reviewer", "王审核", "--deputy", "赵副镇长", "--head", "张镇长"]
LEDGERS: tuple[tuple[str, list[str], list[tuple[int | str, str]]], ...] = (
    ("payments", ["payments", "--program", "低保", "--year", "2018", "--month", "11", "--township", "长铺镇",
                  *SIGNED], [(1, "payments-page1"), ("last", "payments-last")]),
    ("public", ["payments", "--program", "低保", "--year", "2018", "--month", "11", "--township", "长铺镇",
                "--public"], [(1, "public-page1"), ("last", "public-last")]),
    ("person", ["payments", "--program", "残疾人两项补贴", "--year", "2017", "--month", "10", "--township", "长铺镇",
                *SIGNED], [(1, "payments-person-page1")]),
    ("medical", ["payments", "--program", "医疗救助", "--year", "2018", "--township", "长铺镇", *SIGNED],
     [(1, "medical-page1")]),
    ("medical-public", ["payments", "--program", "医疗救助", "--year", "2018", "--township", "长铺镇", "--public"],
     [(1, "medical-public-page1")]),
    ("summary", ["summary", "--year", "2018", "--township", "长铺镇", *SIGNED],
     [(1, "summary-page1"), ("last", "summary-last")]),
    ("relocations", ["relocations", "--year", "2017", "--township", "长铺镇", *SIGNED],
     [(1, "relocations-page1")]),
    ("relocations-portrait", ["relocations", "--year", "2017", "--portrait", *SIGNED],
     [(1, "relocations-portrait-page1")]),
    ("relocations-public", ["relocations", "--year", "2017", "--township", "长铺镇", "--public", "--working-days"],
     [(1, "relocations-public-page1")]),
    ("renovations", ["renovations", "--year", "2018", "--township", "长铺镇", *SIGNED],
     [(1, "renovations-page1"), ("last", "renovations-last")]),
    ("renovations-public", ["renovations", "--year", "2018", "--township", "长铺镇", "--public"],
     [(1, "renovations-public-page1")]),
)


def cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "suining_desk", *args], check=True, capture_output=True,
                          text=True, cwd=ROOT)
    return done.stdout + done.stderr


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="folder to keep the database and the PDFs in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ledger-doc-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SUINING_HOME", str(folder / "home"))
    os.environ.update(SUINING_USER="admin", SUINING_PASSWORD="suining2018")  # a demo account
    db = folder / "demo.sqlite3"
    db.unlink(missing_ok=True)
    cli("demo", "--db", str(db))
    sys.path.insert(0, str(ROOT))
    from suining_desk.db import close_database, open_database
    from suining_desk.services.ledger_settings import save_ledger_settings

    open_database(db)
    save_ledger_settings({"notice.phone": "0739-7621234", "notice.report_phone": "12317",
                          "notice.office": "长铺镇人民政府（民政办）",
                          "notice.address": "镇便民服务中心二楼民政窗口，或来电、来信"}, user="admin")
    close_database()
    for name, command, shown in LEDGERS:
        pdf = folder / f"{name}.pdf"
        print(cli("ledger", *command, "--date", DATE, "--out", str(pdf), "--db", str(db)).strip())
        print(cli("verify", str(pdf), "--db", str(db)).strip())
        for page, png in shown:
            number = pages(pdf) if page == "last" else int(page)
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(number), "-l", str(number), "-singlefile",
                            str(pdf), str(OUT / png)], check=True)


if __name__ == "__main__":
    main()
