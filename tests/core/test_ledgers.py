"""Printed ledgers, read back with poppler-utils as an auditor's tools would read them.

The small demo county (长铺镇, 2016–2018, invented people) is built once per module; tests
that change data work on a copy.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import open_database
from suining_desk.db.models import AuditEntry, Payment, Program, database
from suining_desk.domain.money import fen_to_capitals, fen_to_yuan_str
from suining_desk.ledgers import make_spec, write_ledger
from tests.ledger_pdf import DATE, ID_NUMBER, MONEY, SUBTOTAL, TOTAL, assert_only_embedded_fonts, cli_login
from tests.ledger_pdf import fen as _fen
from tests.ledger_pdf import page_count as _pages
from tests.ledger_pdf import pdf_text as _text

ROW_AMOUNT = re.compile(rf"^\s*\d+\s.*\s({MONEY})\s+\d{{4}}-\d\d-\d\d(\s|$)")


@pytest.fixture
def demo(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli_login(monkeypatch)
    return small_demo


def _sql_sum(program: str, low: str, high: str, township: str = "长铺镇") -> tuple[int, int]:
    row = database.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(p.amount_fen), 0) FROM payment p JOIN program g ON g.id = p.program_id "
        "JOIN area t ON t.id = p.township_id WHERE p.posted = 1 AND g.name = ? AND t.name = ? "
        "AND p.period BETWEEN ? AND ?", [program, township, low, high]).fetchone()
    return int(row[0]), int(row[1])


def _payments(out: Path, *, public: bool = False, month: int | None = 11, year: int = 2018, **options: object) -> Path:
    raw: dict[str, object] = {"program": "低保", "year": year, "township": "长铺镇", "month": month}
    spec = make_spec("payments", raw, date=DATE, public=public, preparer="李会计", **options)  # type: ignore[arg-type]
    write_ledger(spec, out, username="tester")
    return out


def test_total_is_the_sql_sum_to_the_fen_and_in_capitals(demo: Path, tmp_path: Path) -> None:
    pdf = _payments(tmp_path / "year.pdf", month=None, year=2016)  # 13 pages, a reversal inside
    pages = _text(pdf)
    count, total = _sql_sum("低保", "2016", "2016-~")
    totals = [m.group("money") for page in pages for line in page.splitlines() if (m := TOTAL.match(line))]
    assert totals == [fen_to_yuan_str(total)]
    assert f"合计金额（大写）：{fen_to_capitals(total)}" in pages[-1].replace(" ", "")
    rows = sum(1 for page in pages for line in page.splitlines() if ROW_AMOUNT.match(line))
    assert rows == count


def test_every_page_subtotal_is_the_sum_of_its_rows(demo: Path, tmp_path: Path) -> None:
    pages = _text(_payments(tmp_path / "year.pdf", month=None, year=2016))
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        amounts = [_fen(m.group(1)) for line in page.splitlines() if (m := ROW_AMOUNT.match(line))]
        subtotals = [_fen(m.group("money")) for line in page.splitlines() if (m := SUBTOTAL.match(line))]
        assert amounts, f"page {number} has no rows"
        assert subtotals == [sum(amounts)], f"page {number}"


def test_page_x_of_y_matches_the_page_count(demo: Path, tmp_path: Path) -> None:
    pdf = _payments(tmp_path / "year.pdf", month=None, year=2017)
    count = _pages(pdf)
    for number, page in enumerate(_text(pdf), start=1):
        assert f"第 {number} 页 共 {count} 页" in page


def test_only_the_embedded_font_is_named(demo: Path, tmp_path: Path) -> None:
    assert_only_embedded_fonts(_payments(tmp_path / "month.pdf"))


def test_the_ledger_reads_like_a_ledger(demo: Path, tmp_path: Path) -> None:
    pages = _text(_payments(tmp_path / "month.pdf"))
    squeezed = [re.sub(r"\s+", "", page) for page in pages]
    assert "绥宁县长铺镇2018年11月低保资金发放台账" in squeezed[0]
    assert "填报单位：长铺镇人民政府" in squeezed[0] and "单位：元" in squeezed[0]
    for page in squeezed:  # the header row on every page
        assert "序号村组户主姓名身份证号类别享受人数补助标准金额发放日期账号备注"  # 低保 has categories A/B/C in page
        assert re.search(r"校验码[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", page)
    for label in ("经办人：李会计", "审核人：", "分管领导：", "主要领导：", "填报日期：2018年12月1日", "（盖章）"):
        assert label in squeezed[-1]
    assert "资金来源：中央财政、省级财政、县级财政" in squeezed[0]  # where the money comes from
    assert ID_NUMBER.search(pages[0])  # the full ID numbers are printed on an internal ledger


def _reverse(original: Payment, reason: str = "银行退回：账户冻结") -> Payment:
    fields = ("program", "household", "person", "township", "village", "period", "people", "standard_fen",
              "payee_name", "payee_id_number", "bank_account", "paid_date")
    reversal: Payment = Payment.create(**{f: getattr(original, f) for f in fields}, posted=True,
                                       amount_fen=-original.amount_fen, reverses=original, reason=reason)
    return reversal


def _dibao_payment(period: str) -> Payment:
    dibao = Program.get(name="低保")
    found: Payment = Payment.get((Payment.period == period) & (Payment.program == dibao.id)
                                 & (Payment.amount_fen > 0) & Payment.posted)
    return found


def test_reversals_are_shown_and_net_out(demo: Path, tmp_path: Path) -> None:
    original = _dibao_payment("2016-05")
    _reverse(original)
    pages = _text(_payments(tmp_path / "y.pdf", month=None, year=2016))
    text = "".join(re.sub(r"\s+", "", p) for p in pages)
    assert "冲销第" in text and "已由第" in text and "银行退回：账户冻结" in text
    assert f"-{fen_to_yuan_str(original.amount_fen)}" in text
    _, total = _sql_sum("低保", "2016", "2016-~")
    assert [m.group("money") for line in pages[-1].splitlines() if (m := TOTAL.match(line))] == [fen_to_yuan_str(total)]


def test_public_notice_masks_ids_and_leaves_out_bank_accounts(demo: Path, tmp_path: Path) -> None:
    pdf = _payments(tmp_path / "public.pdf", public=True, month=None, year=2016)
    text = "\n".join(_text(pdf))
    assert not ID_NUMBER.search(text)
    accounts = {a for (a,) in database.execute_sql(
        "SELECT DISTINCT bank_account FROM payment WHERE bank_account <> ''").fetchall()}
    assert accounts and not any(a in text for a in accounts)
    assert not re.search(r"[0-9]{12,}", text)  # no account, no phone number, no full ID
    squeezed = re.sub(r"\s+", "", text)
    assert "430527" not in squeezed  # a 低保 notice has no ID column at all (the privacy policy)
    assert "序号村组户主姓名享受人数金额" in squeezed  # head, people and amount only
    assert "类别" not in squeezed and "补助标准" not in squeezed and "发放日期" not in squeezed
    assert "账号" not in squeezed
    assert "绥宁县长铺镇2016年低保资金发放公示" in squeezed
    assert "公示期：2018年12月1日至2018年12月7日" in squeezed
    assert "监督电话：" in squeezed and "意见反馈" in squeezed


def test_two_generations_are_byte_identical(demo: Path, tmp_path: Path) -> None:
    first = _payments(tmp_path / "a.pdf").read_bytes()
    assert AuditEntry.select().where(AuditEntry.action == "ledger_printed").count() == 1
    second = _payments(tmp_path / "b.pdf").read_bytes()  # after the first print was logged
    assert first == second
    assert _payments(tmp_path / "c.pdf", public=True).read_bytes() != first


def test_printing_is_logged_with_the_spec_and_code(demo: Path, tmp_path: Path) -> None:
    _payments(tmp_path / "a.pdf")
    entry = AuditEntry.get(AuditEntry.action == "ledger_printed")
    assert entry.username == "tester" and entry.table_name == "ledger"
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", entry.record_id)
    assert '"kind":"payments"' in entry.after and entry.record_id in entry.after


def test_paper_and_orientation(demo: Path, tmp_path: Path) -> None:
    for paper, portrait, size in (("A3", False, "1190.55 x 841.89"), ("A4", True, "595.276 x 841.89")):
        pdf = _payments(tmp_path / f"{paper}{portrait}.pdf", paper=paper, portrait=portrait)
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert size in info


def test_summary_totals_match_the_database(demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "summary.pdf"
    write_ledger(make_spec("summary", {"year": 2018}, date=DATE), pdf, username="tester")
    pages = _text(pdf)
    count, total = database.execute_sql(
        "SELECT COUNT(*), SUM(amount_fen) FROM payment WHERE posted = 1 AND period BETWEEN '2018' AND '2018-~'"
    ).fetchone()
    last = pages[-1]
    match = re.search(rf"^\s*合计\s+(\d+)\s+({MONEY})\s+({MONEY})\s+({MONEY})\s*$", last, re.MULTILINE)
    assert match and int(match.group(1)) == count and _fen(match.group(2)) == total
    allotted = database.execute_sql("SELECT SUM(amount_fen) FROM allocation WHERE year = 2018 "
                                    "AND voided_at IS NULL").fetchone()[0]
    paid_with_allocations = database.execute_sql(
        "SELECT SUM(amount_fen) FROM payment WHERE posted = 1 AND period BETWEEN '2018' AND '2018-~' "
        "AND program_id IN (SELECT program_id FROM allocation WHERE year = 2018)").fetchone()[0]
    assert _fen(match.group(3)) == allotted  # the demo's allocations of the year
    assert _fen(match.group(4)) == allotted - paid_with_allocations  # 结余 of the programs that have them
    assert fen_to_capitals(total) in re.sub(r"\s+", "", last)
    assert "绥宁县2018年扶贫资金发放汇总台账" in re.sub(r"\s+", "", pages[0])


# --- verify ---------------------------------------------------------------------------


def test_verify_passes_then_names_the_reversal(demo: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pdf = _payments(tmp_path / "month.pdf")
    capsys.readouterr()
    assert main(["verify", str(pdf), "--db", str(demo)]) == 0
    assert "核验通过" in capsys.readouterr().out

    open_database(demo)
    original = _dibao_payment("2018-11")
    reversal = _reverse(original, "发放对象死亡，冲销")
    assert main(["verify", str(pdf), "--db", str(demo)]) == 1
    out = capsys.readouterr().out
    assert "核验不通过" in out and "行数不同" in out and "合计金额不同" in out
    assert f"新增了1条记录：#{reversal.id}" in out and f"冲销#{original.id}" in out


def test_verify_of_a_summary_names_the_page_whose_lines_changed(demo: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A summary's lines sum the records: a reversal changes a line in place, so the page is named."""
    pdf = tmp_path / "summary.pdf"
    write_ledger(make_spec("summary", {"year": 2018, "township": "长铺镇"}, date=DATE), pdf, username="tester")
    _reverse(_dibao_payment("2018-11"), "重复发放")
    capsys.readouterr()
    assert main(["verify", str(pdf), "--db", str(demo)]) == 1
    out = capsys.readouterr().out
    assert "合计金额不同" in out and "行数不同" not in out
    assert re.search(r"第[\d、]+页所印内容与数据库现在的内容不一致", out), out


def test_verify_notices_a_change_logged_after_printing(demo: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk import audit

    pdf = _payments(tmp_path / "month.pdf")
    household_id = Payment.get((Payment.period == "2018-11") & Payment.posted).household_id
    with database.atomic():
        audit.append("household_updated", username="clerk", table_name="household", record_id=household_id,
                     before={"head_name": "甲"}, after={"head_name": "乙"})
    assert main(["verify", str(pdf), "--db", str(demo)]) == 1
    assert "打印后有修改" in capsys.readouterr().out


def test_verify_refuses_a_file_that_is_not_a_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert main(["verify", str(other)]) == 2
    assert "不是本软件生成的台账" in capsys.readouterr().err
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
    assert "不存在" in capsys.readouterr().err


# --- the command line ----------------------------------------------------------------


def test_cli_prints_the_ledger(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "低保.pdf"
    argv = ["ledger", "payments", "--program", "dibao", "--year", "2018", "--month", "11",
            "--township", "长铺镇", "--out", str(out), "--date", "2018-12-01", "--db", str(demo)]
    assert main(argv) == 0
    assert "校验码" in capsys.readouterr().out and out.is_file()
    assert main(["--db", str(demo), "ledger", "summary", "--year", "2018", "--township", "长铺镇",
                 "--out", str(tmp_path / "s.pdf"), "--paper", "A3", "--portrait"]) == 0
    village = database.execute_sql("SELECT name FROM area WHERE level = 3 ORDER BY id LIMIT 1").fetchone()[0]
    assert main(["ledger", "payments", "--program", "低保", "--year", "2018", "--village", village,
                 "--public", "--out", str(tmp_path / "v.pdf"), "--db", str(demo)]) == 0


@pytest.mark.parametrize(("extra", "message"), [
    (["--program", "不存在", "--year", "2018"], "没有名称或代码为“不存在”的项目"),
    (["--program", "低保", "--year", "2018", "--month", "13"], "月份“13”无效"),
    (["--program", "低保", "--year", "18"], "年度“18”无效"),
    (["--program", "低保", "--year", "2018", "--township", "火星镇"], "没有名称或代码为“火星镇”的乡镇"),
    (["--program", "低保", "--year", "2018", "--village", "火星村"], "没有名称或代码为“火星村”的行政村"),
    (["--program", "低保", "--year", "2018", "--date", "2018-13-01"], "不是有效日期"),
    (["--program", "低保", "--year", "2018", "--township", "武阳镇"], "没有已发放的记录"),
    (["--program", "低保", "--year", "2030"], "没有已发放的记录"),
])
def test_cli_refuses_in_chinese(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                extra: list[str], message: str) -> None:
    out = tmp_path / "x.pdf"
    assert main(["ledger", "payments", *extra, "--out", str(out), "--db", str(demo)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_usage_errors_exit_2(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["ledger", "payments", "--year", "2018", "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["ledger", "payments", "--program", "低保", "--year", "2018", "--paper", "B5", "--out", "x.pdf"])
    assert exit_info.value.code == 2


def test_cli_refuses_a_missing_output_folder(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["ledger", "summary", "--year", "2018", "--out", str(tmp_path / "no" / "x.pdf"), "--db", str(demo)]
    assert main(argv) == 1
    assert "输出文件夹" in capsys.readouterr().err


# --- who printed: --user logs in like any writing command ---------------------------------


def _printed_entries() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == "ledger_printed").order_by(AuditEntry.seq))


def test_cli_without_user_prints_only_the_public_notice(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13: without --user the command printed the county's ledger with full ID numbers and
    bank accounts. Now only the public notice (masked) is printed without a login, logged under
    the system user; every other ledger is refused before any password is asked."""
    import getpass

    monkeypatch.delenv("SUINING_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "clerk-pc")
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": pytest.fail("no password is asked without --user"))
    out = tmp_path / "a.pdf"
    base = ["ledger", "payments", "--program", "低保", "--year", "2018", "--out", str(out), "--db", str(demo)]
    assert main(base) == 1
    assert "此命令会读出个人信息" in capsys.readouterr().err and not out.exists()
    assert main([*base, "--public"]) == 0
    assert ID_NUMBER.search(_text(out)[0]) is None  # masked
    open_database(demo)
    assert [e.username for e in _printed_entries()] == ["clerk-pc"]


def test_cli_user_must_give_the_password(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.demo.generate import DEMO_PASSWORD

    out = tmp_path / "a.pdf"
    argv = ["ledger", "payments", "--program", "低保", "--year", "2018", "--month", "11", "--out", str(out),
            "--user", "shenhe", "--db", str(demo)]
    monkeypatch.setenv("SUINING_PASSWORD", "wrong-password1")
    assert main(argv) == 1
    assert "密码" in capsys.readouterr().err and not out.exists()
    open_database(demo)
    assert _printed_entries() == []
    assert AuditEntry.select().where(AuditEntry.action == "login_failed").count() == 1

    monkeypatch.setenv("SUINING_PASSWORD", DEMO_PASSWORD)
    assert main(argv) == 0 and out.is_file()
    open_database(demo)
    [entry] = _printed_entries()
    assert entry.username == "shenhe" and '"preparer":"刘芳"' in entry.after  # the account's full name
    assert "经办人：刘芳" in re.sub(r"\s+", "", _text(out)[-1])

    # An explicit 制表人 wins; the password can also be typed at the prompt.
    import getpass

    from suining_desk.cli import auth

    monkeypatch.delenv("SUINING_PASSWORD")
    monkeypatch.setattr(auth, "has_terminal", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": DEMO_PASSWORD)
    assert main([*argv, "--preparer", "李四"]) == 0
    open_database(demo)
    assert '"preparer":"李四"' in _printed_entries()[-1].after


def test_cli_user_from_the_environment_is_checked_too(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUINING_USER", "nobody")
    monkeypatch.setenv("SUINING_PASSWORD", "whatever-1")
    out = tmp_path / "s.pdf"
    assert main(["ledger", "summary", "--year", "2018", "--out", str(out), "--db", str(demo)]) == 1
    assert capsys.readouterr().err.startswith("错误：") and not out.exists()


# --- one-off programs ------------------------------------------------------------------


def test_a_one_off_programs_ledger_has_no_standard_column(demo: Path, tmp_path: Path) -> None:
    """医疗救助's lines carry the program's cap as their standard: it is not printed as one."""
    cap = database.execute_sql(
        "SELECT MAX(p.standard_fen) FROM payment p JOIN program g ON g.id = p.program_id WHERE g.name = '医疗救助'"
    ).fetchone()[0]
    assert cap  # what the QA review saw: 30000.00 next to 1647.79
    after_the_year = dt.date(2019, 1, 10)  # the 填报日期 may not be earlier than its December payments
    spec = make_spec("payments", {"program": "医疗救助", "year": 2018, "township": "长铺镇"}, date=after_the_year)
    write_ledger(spec, tmp_path / "medical.pdf", username="tester")
    pages = _text(tmp_path / "medical.pdf")
    assert "补助标准" not in pages[0] and "金额" in pages[0] and "备注" in pages[0]
    regular = _text(_payments(tmp_path / "dibao.pdf"))
    assert "补助标准" in regular[0]


def test_the_household_file_leaves_a_one_off_standard_empty(demo: Path) -> None:
    from suining_desk.ledgers import get_kind
    from suining_desk.ledgers.kinds.household import PAYMENTS

    number = database.execute_sql(
        "SELECT h.household_no FROM payment p JOIN program g ON g.id = p.program_id JOIN household h "
        "ON h.id = p.household_id WHERE g.name = '医疗救助' AND p.posted = 1 LIMIT 1").fetchone()[0]
    content = get_kind("household").build({"household": number}, False)
    section = next(s for s in content.sections if s.title == "资金发放记录")
    titles = [c.title for c in PAYMENTS]  # the cells follow the columns, 序号 first
    at, program_at = titles.index("补助标准"), titles.index("项目")
    rows = [(r.cells[program_at], r.cells[at]) for r in section.rows]
    assert any(program == "医疗救助" for program, _ in rows)
    assert all(standard == "" for program, standard in rows if program == "医疗救助")


def test_date_help_names_the_notice_period_only_where_there_is_one(capsys: pytest.CaptureFixture[str]) -> None:
    for kind, public in (("payments", True), ("relocations", True), ("renovations", True), ("summary", False),
                         ("household", False)):
        with pytest.raises(SystemExit):
            main(["ledger", kind, "--help"])
        text = re.sub(r"\s+", "", capsys.readouterr().out)
        assert "填报日期（默认今天" in text, kind
        assert ("公示期从这天算起" in text) is public, kind


# --- long notes --------------------------------------------------------------------------


def _font_sizes(pdf: Path) -> set[float]:
    from suining_desk.ledgers.pdfread import PdfFile

    data = PdfFile(pdf.read_bytes())
    sizes: set[float] = set()
    for page in data.pages():
        for _, content in data.page_drawings(page):
            sizes |= {float(s) for s in re.findall(rb"/F1\+\d+ ([\d.]+) Tf", content)}
    return sizes


def _column_edges(month: int | None = 11, **options: object) -> tuple[tuple[float, ...], float]:
    """The column edges of the payments ledger :func:`_payments` prints, and the page height."""
    from suining_desk.ledgers import layout
    from suining_desk.ledgers.service import prepare

    raw: dict[str, object] = {"program": "低保", "year": 2018, "township": "长铺镇", "month": month}
    prepared = prepare(make_spec("payments", raw, date=DATE, **options))  # type: ignore[arg-type]
    assert prepared.table is not None
    return prepared.table.col_x, layout.page_size(prepared.document.setup)[1]


def test_a_long_note_wraps_legibly_and_its_row_grows(demo: Path, tmp_path: Path) -> None:
    """QA: a 120-character reason shrank to about 4 pt and was cut with an ellipsis."""
    reason = ("经村委会入户核实，该户于当月已迁出本县并在迁入地重新申请低保，原发放款项经户主本人同意由银行原路退回，"
              "现按程序冲销本笔发放记录，相关证明材料已报乡镇民政办和县民政局社会救助股备案，备查。")
    assert len(reason) >= 90
    original = _dibao_payment("2018-11")
    _reverse(original, reason + reason[:30])
    pdf = _payments(tmp_path / "long.pdf", portrait=True)
    assert min(_font_sizes(pdf)) >= 6.0
    plain = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "…" not in plain
    col_x, height = _column_edges(portrait=True)
    x0, x1 = col_x[-2], col_x[-1]  # 备注 alone: its lines in order
    crop = ["-x", str(int(x0) + 1), "-y", "0", "-W", str(int(x1 - x0) - 2), "-H", str(int(height))]
    notes = subprocess.run(["pdftotext", *crop, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert reason in re.sub(r"\s+", "", notes)  # the whole note, line after line
    pages = _text(pdf)
    for number, page in enumerate(pages, start=1):  # 本页小计 still adds up the page's own rows
        amounts = [_fen(m.group(1)) for line in page.splitlines() if (m := ROW_AMOUNT.match(line))]
        subtotals = [_fen(m.group("money")) for line in page.splitlines() if (m := SUBTOTAL.match(line))]
        assert subtotals == [sum(amounts)], f"page {number}"


def test_a_program_code_in_any_case(demo: Path, tmp_path: Path) -> None:
    """`--program DIBAO` is 低保 as `dibao` is; codes are stored lower-case."""
    from suining_desk.services.programs import lookup_program

    assert lookup_program(" DIBAO ") == lookup_program("dibao") == lookup_program("低保") == Program.get(
        Program.code == "dibao")
    assert lookup_program("") is None and lookup_program("Dibao2") is None
    argv = ["ledger", "payments", "--program", "DiBao", "--year", "2018", "--month", "11", "--township", "长铺镇",
            "--date", "2018-12-01", "--db", str(demo)]
    assert main([*argv, "--out", str(tmp_path / "upper.pdf")]) == 0
    assert main([*argv[:3], "dibao", *argv[4:], "--out", str(tmp_path / "lower.pdf")]) == 0
    assert (tmp_path / "upper.pdf").read_bytes() != b""
    assert _text(tmp_path / "upper.pdf") == _text(tmp_path / "lower.pdf")


def test_a_month_of_a_program_paid_by_term_or_year_is_refused_plainly(demo: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Not "nothing was paid": 助学补助 is paid by term, so there is no month ledger."""
    for program, words in (("education", "助学补助是按学期发放的"), ("ranger", "是按年发放的")):
        argv = ["ledger", "payments", "--program", program, "--year", "2018", "--month", "3",
                "--out", str(tmp_path / "m.pdf"), "--db", str(demo)]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert words in err and "不填月份即打印全年台账" in err and "没有已发放" not in err
        assert main(argv[:6] + argv[8:]) == 0 and (tmp_path / "m.pdf").exists()  # the year's ledger
        (tmp_path / "m.pdf").unlink()
