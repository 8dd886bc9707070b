"""Make the upgrade test's fixture: a small database built by a RELEASED version's own
code through its command line, dumped as SQL text (tests/fixtures/upgrade/).

    uv run python scripts/make_upgrade_fixture.py --rev v0.1.0   # or a commit; default: main

The old code is taken with ``git archive`` and run from a temporary folder, so the
database has exactly that version's schema, triggers and audit chain. Make one at each
release; tests/core/test_upgrade.py opens every dump with the current code (backup, then
migrations), compares the data and runs ``audit verify``.
"""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.county import id_number  # noqa: E402 - the repository's own test helper

PASSWORD = "suining2018"
FIXTURES = REPO / "tests" / "fixtures" / "upgrade"
HOUSEHOLDS = [  # (户编号, village, [(name, birth, seq, male, relation)])
    ("43052710009901001", "升级村", [("杨升", "1962-03-04", 901, True, "户主"),
                                    ("刘级", "1964-05-06", 902, False, "配偶"),
                                    ("杨小升", "1990-07-08", 903, True, "子")]),
    ("43052710009901002", "升级村", [("龙测", "1950-01-02", 904, True, "户主")]),
    ("43052710009902001", "试验村", [("蒲验", "1971-11-12", 905, False, "户主"),
                                    ("蒲小验", "2001-02-03", 906, False, "女")]),
]


def old_code(rev: str, into: Path) -> str:
    """The tree of ``rev`` (its suining_desk package and resources); returns the commit."""
    commit = subprocess.run(["git", "rev-parse", rev], cwd=REPO, check=True, capture_output=True,
                            text=True).stdout.strip()
    blob = subprocess.run(["git", "archive", "--format=tar", commit, "suining_desk", "resources"], cwd=REPO,
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return commit


def run_old(tree: Path, home: Path, *args: str) -> str:
    code = f"import sys; sys.path.insert(0, {str(tree)!r}); from suining_desk.cli import main; sys.exit(main())"
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=tree, capture_output=True, text=True,
                            env=dict(os.environ, SUINING_HOME=str(home), SUINING_PASSWORD=PASSWORD,
                                                     SUINING_NEW_PASSWORD=PASSWORD))
    if result.returncode != 0:
        raise SystemExit(f"old suining-desk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def register_sheet(template: Path, out: Path) -> None:
    book = load_workbook(template)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = 2
    for household_no, village, people in HOUSEHOLDS:
        for index, (name, birth, seq, male, relation) in enumerate(people):
            values: dict[str, object] = {"户编号": household_no, "姓名": name, "证件号码": id_number(birth, seq, male),
                                         "与户主关系": relation}
            if index == 0:
                values.update({"乡镇": "长铺镇", "行政村": village, "村民小组": "一组", "主要致贫原因": "因病",
                               "建档日期": "2016-03-01", "银行卡号": f"62170000{seq:011d}"})
            for key, value in values.items():
                sheet.cell(row=row, column=header.index(key) + 1, value=value)
            row += 1
    book.save(out)


def build(tree: Path, work: Path) -> Path:
    db = work / "old.sqlite3"
    home = work / "home"

    def old(*args: str) -> str:
        return run_old(tree, home, *args, "--db", str(db))

    old("init", "--admin", "admin", "--name", "管理员")
    old("user", "add", "shenhe", "--role", "reviewer", "--name", "审核员", "--user", "admin")
    template, sheet = work / "template.xlsx", work / "register.xlsx"
    old("template", "households", "--out", str(template))
    register_sheet(template, sheet)
    old("import", "households", str(sheet), "--create-areas", "--user", "admin")
    old("program", "add-standard", "低保", "--category", "A", "--amount", "265", "--from", "2017-07-01",
        "--user", "admin")
    for household_no, people in (("43052710009901001", "3"), ("43052710009902001", "2")):
        old("program", "enrol", "低保", "--household", household_no, "--people", people, "--category", "A",
            "--from", "2018-01-01", "--user", "admin")
    for month in ("2018-01", "2018-02"):
        old("batch", "create", "--program", "低保", "--period", month, "--area", "长铺镇",
            "--pay-date", f"{month}-20", "--user", "admin")
    for number in ("1", "2"):
        old("batch", "submit", number, "--user", "admin")
        old("batch", "approve", number, "--user", "shenhe")
    old("batch", "post", "1", "--date", "2018-01-20", "--user", "admin")  # the second stays approved
    return db


def dump(db: Path, commit: str, rev: str) -> Path:
    conn = sqlite3.connect(db)
    version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    out = FIXTURES / f"schema-v{version}.sql"
    head = (f"-- Suining Desk database at schema version {version}, made by {rev} ({commit[:12]})\n"
            f"-- with scripts/make_upgrade_fixture.py: do not edit; make it again instead.\n")
    body = "\n".join(conn.iterdump())
    conn.close()
    FIXTURES.mkdir(parents=True, exist_ok=True)
    out.write_text(head + body + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main", help="the released version (a tag or commit)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        tree = work / "old"
        tree.mkdir()
        commit = old_code(args.rev, tree)
        out = dump(build(tree, work), commit, args.rev)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
