"""The bank's side of a bank profile, written independently of the program's readers: it reads
the payment list the program wrote and writes the return file the bank would send back, with
each line's status as the test says. One function per shipped profile."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook

# A list line as the bank reads it: (序号, 账号, 姓名, 身份证号, 金额 in fen).
Line = tuple[str, str, str, str, int]


def _fen(text: str) -> int:
    whole, _, part = text.partition(".")
    return int(whole) * 100 + int((part + "00")[:2])


def read_standard(path: Path) -> list[Line]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))[1:]
        return [(r[0], r[3], r[1], r[2], _fen(r[4])) for r in rows]
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()][1:]
    return [(str(r[0]), str(r[3]), str(r[1]), str(r[2]), round(float(r[4]) * 100)) for r in rows]


def read_pipe(path: Path) -> list[Line]:
    lines = path.read_bytes().decode("gbk").split("\r\n")
    assert lines[-1] == ""
    out = []
    for line in lines[:-1]:
        seq, account, name, number, amount, _summary = line.split("|")
        out.append((seq, account, name, number, _fen(amount)))
    return out


def _cut(raw: bytes, widths: list[int]) -> list[str]:
    out, start = [], 0
    for width in widths:
        out.append(raw[start:start + width].decode("gbk").strip())
        start += width
    return out


def read_fixed(path: Path) -> list[Line]:
    lines = path.read_bytes().split(b"\r\n")
    head, body = lines[0], [ln for ln in lines[1:] if ln]
    assert head.startswith(b"H") and len(head) == 22
    assert int(head[1:7]) == len(body)
    out = []
    for raw in body:
        assert len(raw) == 75, raw  # 6 + 19 + 20 + 18 + 12 bytes
        seq, account, name, number, amount = _cut(raw, [6, 19, 20, 18, 12])
        out.append((seq, account, name, number, int(amount)))
    assert int(head[7:]) == sum(ln[4] for ln in out)
    return out


def read_totals_csv(path: Path) -> list[Line]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("gbk"))))
    assert rows[0][0].startswith("代发单位：") and rows[1][0] == "合计笔数"
    assert rows[2] == ["序号", "姓名", "身份证号码", "银行卡号", "发放金额", "发放日期"]
    lines = [(r[0], r[3], r[1], r[2], _fen(r[4])) for r in rows[3:]]
    assert int(rows[1][1]) == len(lines) and _fen(rows[1][3]) == sum(ln[4] for ln in lines)
    return lines


READERS = {"standard": read_standard, "pipe-gbk": read_pipe, "fixed-gbk": read_fixed, "totals-csv": read_totals_csv}


def write_return(profile: str, lines: list[Line], status: Mapping[str, tuple[str, str]], path: Path) -> Path:
    """The return file of ``profile`` for ``lines``; ``status`` maps an account to (status word, reason)."""
    if profile == "standard":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["农商行代发回盘"])
        sheet.append(["序号", "户名", "卡号", "金额", "处理结果", "失败原因"])
        for seq, account, name, _number, fen in lines:
            word, reason = status[account]
            sheet.append([int(seq), name, account, fen / 100, word, reason])
        sheet.append(["合计", "", "", sum(ln[4] for ln in lines) / 100, "", ""])
        book.save(path)
    elif profile == "pipe-gbk":
        text = "".join(f"{seq}|{account}|{name}|{fen // 100}.{fen % 100:02d}|{status[account][0]}|"
                       f"{status[account][1]}|20181012\r\n" for seq, account, name, _n, fen in lines)
        path.write_bytes(text.encode("gbk"))
    elif profile == "fixed-gbk":
        def pad(value: str, width: int, right: bool = False, fill: bytes = b" ") -> bytes:
            raw = value.encode("gbk")
            return raw.rjust(width, fill) if right else raw.ljust(width, fill)

        body = [pad(seq, 6, True, b"0") + pad(account, 19) + pad(name, 20) + pad(number, 18)
                + pad(str(fen), 12, True, b"0") + pad(status[account][0], 2) + pad(status[account][1], 30)
                for seq, account, name, number, fen in lines]
        head = b"H" + str(len(lines)).zfill(6).encode() + str(sum(ln[4] for ln in lines)).zfill(15).encode()
        path.write_bytes(b"\r\n".join([head, *body]) + b"\r\n")
    elif profile == "totals-csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        total = sum(ln[4] for ln in lines)
        writer.writerow(["绥宁县农村商业银行代发回盘", "", "", "", "", "", ""])
        writer.writerow(["合计笔数", len(lines), "合计金额", f"{total // 100}.{total % 100:02d}"])
        writer.writerow(["序号", "姓名", "身份证号码", "银行卡号", "发放金额", "处理结果", "失败原因"])
        for seq, account, name, number, fen in lines:
            writer.writerow([seq, name, number, account, f"{fen // 100}.{fen % 100:02d}", *status[account]])
        path.write_bytes(out.getvalue().encode("gbk"))
    else:
        raise ValueError(profile)
    return path


SUFFIX = {"standard": ".xlsx", "pipe-gbk": ".txt", "fixed-gbk": ".txt", "totals-csv": ".csv"}
PAID_WORD = {"standard": "交易成功", "pipe-gbk": "00", "fixed-gbk": "00", "totals-csv": "成功"}
FAILED_WORD = {"standard": "失败", "pipe-gbk": "02", "fixed-gbk": "02", "totals-csv": "账户冻结"}
