"""Issue 19, item 6 — python-calamine as the one spreadsheet reader? Measured here against
today's reader (the workbook opened by openpyxl after xlsx_guard's checks, the sheet's cells
read by exchange/fast_xlsx.py's expat pass) and openpyxl's own read-only rows:

- a register of 100,000 households (402,000 person rows, 20 columns, shared strings as Excel
  writes them): seconds to read every cell, and the process's peak memory;
- two files built to exhaust the PC that pass the zip's declared-size checks (so only the
  readers' own limits stand between them and the memory): one cell holding a 120-million-
  character inline string, and 30 million small cells. Today's reader refuses both as it
  streams (limits.py); a reader that loads the sheet first has already spent the memory.

Each measurement runs in a fresh process (peak memory = that child's VmHWM).

    uv run --with python-calamine python bench/spreadsheet_readers.py [--households 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COLUMNS = ("户编号", "人编号", "姓名", "证件号码", "与户主关系", "性别", "民族", "文化程度", "健康状况",
           "劳动技能", "务工状况", "乡镇", "行政村", "村民小组", "户状态", "主要致贫原因", "脱贫年度", "联系电话",
           "银行卡号", "建档日期")


def build_register(path: Path, households: int) -> int:
    """A register like a county's (shared strings, as Excel saves): returns the rows written."""
    from openpyxl import Workbook

    rng = random.Random(19)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(list(COLUMNS))
    rows = 0
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "建国华明丽军平秀英玉兰志强文红梅海燕桂芳春生"
    for h in range(households):
        number = f"430527{100 + h % 17:03d}{h:08d}"
        for m in range(rng.choice((2, 3, 4, 5, 6))):
            name = rng.choice(surnames) + rng.choice(given) + rng.choice(given)
            sheet.append([number, f"{number}{m + 1:02d}", name, f"4305271960{m:02d}{h % 28 + 1:02d}{h % 9000:04d}",
                          "户主" if m == 0 else "子", "男", "苗族", "小学", "健康", "普通劳动力", "县外省内务工",
                          "长铺镇", f"村{h % 40}", f"{h % 10 + 1}组", "已脱贫", "因病", 2018, "13800000000",
                          f"62170000{h:011d}", "2014-06-30"])
            rows += 1
    book.save(path)
    return rows


def bomb_long_cell(path: Path, chars: int) -> None:
    """One inline string of ``chars`` characters (the zip declares its true size)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _parts(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
            block = "危".encode() * (1 << 20)
            for _ in range(chars // (1 << 20)):
                out.write(block)
            out.write(b"</t></is></c></row></sheetData></worksheet>")


def bomb_many_cells(path: Path, rows: int, width: int) -> None:
    """``rows`` × ``width`` one-digit cells (30 million: today's cell limit)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _parts(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main"><sheetData>')
            cells = "".join(f"<c><v>{c % 10}</v></c>" for c in range(width))
            for r in range(1, rows + 1):
                out.write(f"<row r=\"{r}\">{cells}</row>".encode())
            out.write(b"</sheetData></worksheet>")


def _parts(z: zipfile.ZipFile) -> None:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
               '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
               'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
               'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+'
               'xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
               '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats'
               '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
               'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def read(reader: str, path: Path) -> dict[str, object]:
    """In this (child) process: every cell of the first sheet; seconds, rows, peak MB, outcome."""
    start = time.perf_counter()
    rows = cells = 0
    outcome = "read"
    try:
        if reader == "today":
            from suining_desk.exchange import xlsx_guard
            from suining_desk.exchange.fast_xlsx import fast_rows

            book = xlsx_guard.open_book(path)
            for _, values in fast_rows(book.worksheets[0]):
                rows += 1
                cells += len(values)
        elif reader == "openpyxl":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            for values in book.worksheets[0].iter_rows(values_only=True):
                rows += 1
                cells += len(values)
        else:
            from python_calamine import CalamineWorkbook

            sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
            for values in sheet.iter_rows():
                rows += 1
                cells += len(values)
    except Exception as exc:  # noqa: BLE001 - a refusal is an outcome here
        outcome = f"refused: {type(exc).__name__} {str(exc)[:60]}"
    seconds = time.perf_counter() - start
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) // 1024
    return {"reader": reader, "seconds": round(seconds, 2), "rows": rows, "cells": cells, "peak_mb": peak,
            "outcome": outcome}


def in_child(reader: str, path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, __file__, "--read", reader, str(path)], capture_output=True, text=True,
                          timeout=3600)
    if done.returncode != 0:
        return {"reader": reader, "outcome": f"child failed ({done.returncode}): {done.stderr.strip()[-120:]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--read", nargs=2, metavar=("READER", "FILE"))
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--register-only", action="store_true", help="leave out the two bombs")
    args = parser.parse_args()
    if args.read:
        print(json.dumps(read(args.read[0], Path(args.read[1])), ensure_ascii=False))
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="suining-readers-"))
    folder.mkdir(parents=True, exist_ok=True)
    register = folder / "register.xlsx"
    if not register.exists():
        start = time.perf_counter()
        rows = build_register(register, args.households)
        print(f"built {register.name}: {args.households:,} households, {rows:,} rows, "
              f"{register.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.0f} s", flush=True)
    long_cell, many_cells = folder / "long-cell.xlsx", folder / "many-cells.xlsx"
    if not args.register_only and not long_cell.exists():
        bomb_long_cell(long_cell, 120 << 20)
        bomb_many_cells(many_cells, 600_000, 50)
    for path in (register,) if args.register_only else (register, long_cell, many_cells):
        results = [in_child(reader, path) for reader in ("today", "openpyxl", "calamine")]
        base = next((r["seconds"] for r in results if r["reader"] == "today" and "seconds" in r), None)
        print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB):")
        for r in results:
            ratio = f" ({float(r['seconds']) / float(base):.2f}× today's)" if base and "seconds" in r else ""
            print(f"  {r['reader']:9s} {r.get('seconds', '-')} s{ratio}, peak {r.get('peak_mb', '-')} MB, "
                  f"{r.get('rows', '-')} rows: {r['outcome']}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
