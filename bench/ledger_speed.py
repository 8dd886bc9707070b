"""Payments ledger speed: 10,000 and 50,000 rows from a database, side by side with
LibreOffice Calc printing the same rows from an xlsx.

Targets (issue 6): 50,000 rows ≤ 5.5 × the time of 10,000 rows (linear); peak memory
≤ 400 MB; 50,000 rows ≤ 0.7 × the time LibreOffice (headless ``--convert-to pdf``) takes
for an xlsx of the same rows with a repeated header row. The LibreOffice part is skipped
with a message when it is not installed (``apt-get install libreoffice-calc``).

Every row is a different household (unique names, ID numbers and accounts: the worst case
for the text cache), all in one township, one program per size, period 2018-11. Each size
is measured in a fresh process (time from the query to the saved file, and peak RSS).

    uv run python bench/ledger_speed.py [--keep DIR] [--no-libreoffice]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = (10_000, 50_000)
VILLAGES, GROUPS = 40, 10
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "建国华明丽军平秀英玉兰志强文红梅海燕桂芳春生德成林永福荣金凤国庆小云勇辉杰斌超俊峰家宝伟娟霞敏"
NOTES = ("", "", "", "", "", "含2个月", "新增对象", "提标补差", "重新核定补助标准，按新标准发放", "银行退回后重新发放")


def _program_code(size: int) -> str:
    return f"bench{size // 1000}k"


def build_database(path: Path) -> None:
    """Areas, 50,000 households and the payments of every size, with executemany."""
    from suining_desk.db import close_database, open_database
    from suining_desk.db.models import Area, Program
    from suining_desk.domain.idnumber import make_id_number

    db = open_database(path)
    rng = random.Random(2018)
    with db.atomic():
        county = Area.create(code="430527", name="绥宁县", level=1)
        town = Area.create(code="430527100", name="长铺镇", level=2, parent=county)
        groups = []
        for v in range(VILLAGES):
            village = Area.create(code=f"430527100{v + 1:03d}", name=f"{GIVEN[v % len(GIVEN)]}{SURNAMES[v]}村",
                                  level=3, parent=town, sort_order=v)
            for g in range(GROUPS):
                group = Area.create(code=f"{village.code}{g + 1:02d}", name=f"{'一二三四五六七八九十'[g]}组",
                                    level=4, parent=village, sort_order=g)
                groups.append((village.id, group.id))
        programs = {size: Program.create(code=_program_code(size), name=f"低保{size // 1000}k",
                                         basis="person", frequency="monthly") for size in SIZES}
        count = max(SIZES)
        households = []
        for i in range(count):
            village_id, group_id = groups[i * len(groups) // count]
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(27_000))
            id_number = make_id_number("430527", birth, i % 500, rng.random() < 0.5)
            account = f"81030000{i:011d}"
            households.append((f"B{i:06d}", town.id, village_id, group_id, name, id_number, account))
        db.cursor().executemany(
            "INSERT INTO household (household_no, township_id, village_id, group_id, head_name, head_id_number, "
            "bank_account, address, phone, status, main_cause, other_causes, dibao, tekun, bank_name, "
            "removal_reason, member_count) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', 'poor', '', '', 1, 0, '', '', 3)",
            households)
        first_id = db.execute_sql("SELECT MIN(id) FROM household").fetchone()[0]
        payments = []
        for size, program in programs.items():
            for i in range(size):
                _, town_id, village_id, _, name, id_number, account = households[i]
                people = rng.randint(1, 6)
                standard = rng.choice((16500, 24500, 32000))
                payments.append((program.id, first_id + i, town_id, village_id, people, standard,
                                 people * standard, name, id_number, account, rng.choice(NOTES)))
        db.cursor().executemany(
            "INSERT INTO payment (program_id, household_id, township_id, village_id, period, category, "
            "people, months, standard_fen, amount_fen, payee_name, payee_id_number, bank_account, paid_date, "
            "reason, posted, created_by, created_at) VALUES (?, ?, ?, ?, '2018-11', '', ?, 1, ?, ?, ?, ?, ?, "
            "'2018-11-10', ?, 1, 'bench', '2018-11-04 09:00:00')", payments)
    close_database()


def measure(db_path: Path, size: int, out: Path) -> dict[str, float]:
    """One ledger, in this process: seconds from the query to the saved file, peak RSS."""
    from suining_desk.db import open_database
    from suining_desk.ledgers import make_spec, write_ledger

    open_database(db_path)
    start, cpu_start = time.perf_counter(), time.process_time()
    spec = make_spec("payments", {"program": _program_code(size), "year": 2018, "month": 11,
                                  "township": "长铺镇"}, date=dt.date(2018, 12, 1))
    result = write_ledger(spec, out, username="bench")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "pages": result.pages, "rows": result.rows}


def measure_in_child(db_path: Path, size: int, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--measure", str(size), "--db", str(db_path),
                           "--out", str(out)], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def write_xlsx(db_path: Path, size: int, path: Path) -> None:
    """The same rows as the ledger, as a spreadsheet set up to print like it."""
    from openpyxl import Workbook

    from suining_desk.db import open_database
    from suining_desk.ledgers import make_spec, prepare

    open_database(db_path)
    spec = make_spec("payments", {"program": _program_code(size), "year": 2018, "month": 11,
                                  "township": "长铺镇"}, date=dt.date(2018, 12, 1))
    content = prepare(spec).document.content
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append([c.title for c in content.columns])
    for row in content.rows:
        ws.append(list(row.cells))
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    for letter, width in zip("ABCDEFGHIJK", (6, 10, 6, 10, 20, 6, 9, 10, 11, 21, 24), strict=True):
        ws.column_dimensions[letter].width = width
    wb.save(path)


def libreoffice_seconds(xlsx: Path, workdir: Path) -> float | None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None
    profile = f"-env:UserInstallation=file://{workdir / 'lo-profile'}"
    warm = workdir / "warm.csv"
    warm.write_text("a,b\n1,2\n", encoding="utf-8")
    command = [office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(workdir / "lo")]
    subprocess.run([*command, str(warm)], check=True, capture_output=True)  # first run sets up the profile
    start = time.perf_counter()
    subprocess.run([*command, str(xlsx)], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="folder to keep the database and PDFs in")
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.db, args.measure, args.out)))
        return

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "ledger-bench.sqlite3"
    if not db_path.exists():
        start = time.perf_counter()
        build_database(db_path)
        print(f"database: {max(SIZES):,} households, {sum(SIZES):,} payments in "
              f"{time.perf_counter() - start:.1f} s ({db_path})")
    results = {}
    for size in SIZES:
        runs = [measure_in_child(db_path, size, workdir / f"ledger-{size}.pdf") for _ in range(3)]
        best = min(runs, key=lambda r: r["seconds"])
        results[size] = best
        print(f"{size:>6,} rows: {best['seconds']:6.2f} s (cpu {best['cpu']:.2f} s), {int(best['pages']):>5} pages, "
              f"peak {best['peak_mb']:.0f} MB")
    small, large = results[SIZES[0]], results[SIZES[-1]]
    ratio = large["seconds"] / small["seconds"]
    cpu_ratio = large["cpu"] / small["cpu"]
    peak = max(r["peak_mb"] for r in results.values())
    print(f"linearity: 50k / 10k = {ratio:.2f} wall, {cpu_ratio:.2f} cpu (target ≤ 5.5) "
          f"{'OK' if ratio <= 5.5 else 'FAIL'}")
    print(f"peak memory: {peak:.0f} MB (target ≤ 400) {'OK' if peak <= 400 else 'FAIL'}")
    if args.no_libreoffice:
        return
    if not (shutil.which("libreoffice") or shutil.which("soffice")):
        print("LibreOffice not installed: side-by-side skipped (apt-get install libreoffice-calc to measure)")
        return
    xlsx = workdir / f"ledger-{SIZES[-1]}.xlsx"
    write_xlsx(db_path, SIZES[-1], xlsx)
    office = libreoffice_seconds(xlsx, workdir)
    if office is None:
        return
    share = large["seconds"] / office
    print(f"LibreOffice Calc, xlsx → pdf, {SIZES[-1]:,} rows: {office:.2f} s")
    print(f"ours / LibreOffice = {share:.2f} (target ≤ 0.7) {'OK' if share <= 0.7 else 'FAIL'}")


if __name__ == "__main__":
    main()
