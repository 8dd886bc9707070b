"""The relocation (易地扶贫搬迁) and renovation (危房改造) ledgers and their 公示, read back
with poppler-utils; the small demo county (长铺镇) is built once per module and tests that
change data work on a copy."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import open_database
from suining_desk.db.models import AuditEntry, Relocation, Renovation, database
from suining_desk.domain.money import fen_to_capitals, fen_to_yuan_str
from suining_desk.ledgers import get_kind, make_spec, prepare, write_ledger
from suining_desk.rules.housing import RelocationInput, RenovationInput
from suining_desk.services.relocations import update_relocation
from suining_desk.services.renovations import update_renovation
from tests.ledger_pdf import (
    AFTER_DEMO,
    ID_NUMBER,
    MONEY,
    PHONE,
    SUBTOTAL,
    TOTAL,
    assert_only_embedded_fonts,
    cli_login,
    fen,
    page_count,
    pdf_text,
)

# A printed record: its 序号, then its cells; its money is the last amount on the line
# (the 安置房面积 before it has no two decimals in the demo, dates have none).
ROW = re.compile(r"^\s*(\d+)\s{2,}\S")
AMOUNT = re.compile(rf"(?<![\d.])({MONEY})(?![\d])")
TODAY = dt.date(2019, 1, 15)
# (kind, year, table, year column): years whose 长铺镇 ledger runs over more than one page
# once the extra rows below are added.
KINDS = (("relocations", 2017, "relocation", "batch_year"), ("renovations", 2016, "renovation", "year"))


@pytest.fixture
def demo(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli_login(monkeypatch)
    return small_demo


def _ledger(kind: str, year: int, out: Path, *, public: bool = False, **raw: object) -> Path:
    spec = make_spec(kind, {"year": year, "township": "长铺镇", **raw}, date=AFTER_DEMO, public=public,
                     preparer="李会计")
    write_ledger(spec, out, username="tester")
    return out


def _titles(kind: str, year: int, township: str | None = "长铺镇") -> list[str]:
    raw: dict[str, object] = {"year": year, **({"township": township} if township else {})}
    return [c.title for c in prepare(make_spec(kind, raw, date=AFTER_DEMO)).document.content.columns]


def _sql(table: str, column: str, year: int) -> tuple[int, int]:
    row = database.execute_sql(
        f"SELECT COUNT(*), COALESCE(SUM(r.subsidy_fen), 0) FROM {table} r JOIN area t ON t.id = r.township_id "
        f"WHERE t.name = '长铺镇' AND r.{column} = ?", [year]).fetchone()
    return int(row[0]), int(row[1])


def _more_rows(table: str, column: str, year: int) -> None:
    """Copies of the year's records (test data, written directly) with subsidies that are
    not whole yuan, so the ledger runs over pages and its sums are checked to the fen."""
    model = Relocation if table == "relocation" else Renovation
    originals = list(model.select().where(getattr(model, column) == year).dicts())
    for copy in range(3):
        for k, data in enumerate(originals):
            data = {key: value for key, value in data.items() if key != "id"}
            data["subsidy_fen"] = data["subsidy_fen"] + 101 * copy + 7 * k + 3
            model.create(**data)


def _rows(page: str) -> list[tuple[int, int]]:
    """(序号, money) of every record printed on a page."""
    found = []
    for line in page.splitlines():
        match, amounts = ROW.match(line), AMOUNT.findall(line)
        if match and amounts:
            found.append((int(match.group(1)), fen(amounts[-1])))
    return found


@pytest.mark.parametrize(("kind", "year", "table", "column"), KINDS)
def test_totals_subtotals_and_pages_match_the_database(demo: Path, tmp_path: Path, kind: str, year: int,
                                                       table: str, column: str) -> None:
    _more_rows(table, column, year)
    pdf = _ledger(kind, year, tmp_path / f"{kind}.pdf")
    pages = pdf_text(pdf)
    count, total = _sql(table, column, year)
    assert total % 100, "the extra rows make the total not a whole number of yuan"
    assert len(pages) == page_count(pdf) > 2
    printed = []
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in re.sub(r"\s+", "", page)
        rows = _rows(page)
        subtotals = [fen(m.group("money")) for line in page.splitlines() if (m := SUBTOTAL.match(line))]
        assert rows, f"page {number} has no rows"
        assert subtotals == [sum(amount for _, amount in rows)], f"page {number}"
        printed += rows
    assert [n for n, _ in printed] == list(range(1, count + 1))
    totals = [m.group("money") for line in pages[-1].splitlines() if (m := TOTAL.match(line))]
    assert totals == [fen_to_yuan_str(total)]
    squeezed = re.sub(r"\s+", "", pages[-1])
    assert f"合计金额（大写）：{fen_to_capitals(total)}" in squeezed
    assert f"（小写）￥{fen_to_yuan_str(total)}" in squeezed
    assert_only_embedded_fonts(pdf)


def test_the_relocation_ledger_reads_like_a_ledger(demo: Path, tmp_path: Path) -> None:
    pages = pdf_text(_ledger("relocations", 2017, tmp_path / "r.pdf"))
    squeezed = [re.sub(r"\s+", "", page) for page in pages]
    assert "绥宁县长铺镇2017年易地扶贫搬迁台账" in squeezed[0]
    assert "填报单位：长铺镇人民政府" in squeezed[0] and "搬迁年度：2017年" in squeezed[0]
    titles = _titles("relocations", 2017)  # a header cell may wrap: read the titles from the layout
    assert titles == ["序号", "村", "户主姓名", "身份证号", "户类型", "搬迁人口", "迁出地", "安置方式", "安置点",
                      "安置房面积（㎡）", "人均面积（㎡）", "自筹资金", "补助金额", "入住日期", "旧房拆除", "备注"]
    assert all(title[:2] in squeezed[0] for title in titles)
    assert "乡镇" not in squeezed[0].replace("长铺镇", "")  # one township: its name is in the title
    assert "集中安置" in squeezed[0] and "安置点" in squeezed[0]
    assert ID_NUMBER.search(pages[0])  # the clerks' ledger prints whole ID numbers
    for label in ("经办人：李会计", "审核人：", "分管领导：", "主要领导：", "主管部门审核：",
                  "填报日期：2019年1月10日", "（盖章）"):
        assert label in squeezed[-1]


def test_the_renovation_ledger_reads_like_a_ledger(demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "county.pdf"
    write_ledger(make_spec("renovations", {"year": 2018}, date=AFTER_DEMO), pdf, username="tester")
    squeezed = re.sub(r"\s+", "", "".join(pdf_text(pdf)))
    assert "绥宁县2018年农村危房改造台账" in squeezed and "改造年度：2018年" in squeezed
    titles = _titles("renovations", 2018, township=None)
    assert titles == ["序号", "乡镇", "村", "户主姓名", "身份证号", "家庭人口", "户类型", "危房等级",
                      "危房鉴定（单位、日期）", "改造方式", "建设方式", "面积（㎡）", "补助金额", "开工日期",
                      "竣工日期", "验收日期", "补助发放日期", "备注"]
    assert all(title[:2] in squeezed for title in titles)
    assert "D级" in squeezed and "C级" in squeezed and "施工中" in squeezed


@pytest.mark.parametrize(("kind", "year", "table", "column"), KINDS)
def test_public_notice_masks_ids_and_prints_no_accounts_or_phones(demo: Path, tmp_path: Path, kind: str,
                                                                   year: int, table: str, column: str) -> None:
    record_id = database.execute_sql(f"SELECT MIN(id) FROM {table} WHERE {column} = ?", [year]).fetchone()[0]
    note = "代领人电话13907391234，身份证430527197001150035，卡号6217995550001234567"
    database.execute_sql(f"UPDATE {table} SET notes = ? WHERE id = ?", [note, record_id])
    internal = re.sub(r"\s+", "", "".join(pdf_text(_ledger(kind, year, tmp_path / "in.pdf"))))
    assert "13907391234" in internal  # the clerks' own ledger prints the note as typed

    pdf = _ledger(kind, year, tmp_path / "public.pdf", public=True)
    text = "\n".join(pdf_text(pdf))
    assert not ID_NUMBER.search(text) and not PHONE.search(text)
    assert not re.search(r"[0-9]{12,}", text)  # no account, no phone number, no whole ID
    households = f"SELECT household_id FROM {table} WHERE {column} = ?"
    numbers = {n for (n,) in database.execute_sql(
        f"SELECT bank_account FROM household WHERE id IN ({households}) AND bank_account <> '' UNION "
        f"SELECT phone FROM household WHERE id IN ({households}) AND phone <> '' UNION "
        f"SELECT phone FROM person WHERE household_id IN ({households}) AND phone <> ''",
        [year, year, year]).fetchall()}
    assert numbers and not any(n in text for n in numbers)
    squeezed = re.sub(r"\s+", "", text)
    # Masked by the one policy, each run whole (a line may break before it, never inside it).
    assert "430527********" in squeezed and "*******1234" in squeezed
    assert "账号" not in squeezed and "联系电话" not in squeezed
    title = "易地扶贫搬迁公示" if kind == "relocations" else "农村危房改造公示"
    assert f"绥宁县长铺镇{year}年{title}" in squeezed
    assert "公示期：2019年1月10日至2019年1月19日（10个自然日）" in squeezed  # 扶贫 projects: 10 days
    assert "有异议" in squeezed and "监督电话：" in squeezed and "意见反馈" in squeezed
    assert_only_embedded_fonts(pdf)


@pytest.mark.parametrize(("kind", "year", "table", "column"), KINDS)
def test_two_generations_are_byte_identical(demo: Path, tmp_path: Path, kind: str, year: int, table: str,
                                            column: str) -> None:
    first = _ledger(kind, year, tmp_path / "a.pdf").read_bytes()
    assert AuditEntry.select().where(AuditEntry.action == "ledger_printed").count() == 1
    assert _ledger(kind, year, tmp_path / "b.pdf").read_bytes() == first  # after the first print was logged
    public = _ledger(kind, year, tmp_path / "c.pdf", public=True).read_bytes()
    assert public != first
    assert _ledger(kind, year, tmp_path / "d.pdf", public=True).read_bytes() == public


# --- verify ---------------------------------------------------------------------------


def _relocation_input(record: Relocation, **changes: object) -> RelocationInput:
    values: dict[str, object] = {
        "household_id": record.household_id, "batch_year": record.batch_year, "people": record.people,
        "mode": record.mode, "site_id": record.site_id, "origin": record.origin,
        "house_area_x100": record.house_area_x100, "subsidy_fen": record.subsidy_fen,
        "self_raised_fen": record.self_raised_fen, "plan_date": record.plan_date, "notes": record.notes,
    }
    values.update(changes)
    return RelocationInput(**values)  # type: ignore[arg-type]


def _renovation_input(record: Renovation, **changes: object) -> RenovationInput:
    values: dict[str, object] = {
        "household_id": record.household_id, "year": record.year, "beneficiary_type": record.beneficiary_type,
        "grade": record.grade, "method": record.method, "build_mode": record.build_mode,
        "area_x100": record.area_x100, "standard_fen": record.standard_fen, "subsidy_fen": record.subsidy_fen,
        "notes": record.notes,
    }
    values.update(changes)
    return RenovationInput(**values)  # type: ignore[arg-type]


def _change_subsidy(kind: str, year: int, plus_fen: int) -> int:
    """Change one record's subsidy through its service, as a clerk would; returns its id."""
    if kind == "relocations":
        relocation = Relocation.select().where(Relocation.batch_year == year).order_by(Relocation.id).first()
        update_relocation(relocation.id, _relocation_input(relocation, subsidy_fen=relocation.subsidy_fen + plus_fen),
                          user="luru", today=TODAY)
        return int(relocation.id)
    renovation = (Renovation.select().where((Renovation.year == year) & (Renovation.status == "accepted"))
                  .order_by(Renovation.id).first())
    update_renovation(renovation.id, _renovation_input(renovation, subsidy_fen=renovation.subsidy_fen + plus_fen),
                      user="luru", today=TODAY)
    return int(renovation.id)


@pytest.mark.parametrize(("kind", "year", "table", "column"), KINDS)
def test_verify_passes_then_names_a_changed_subsidy(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    kind: str, year: int, table: str, column: str) -> None:
    pdf = _ledger(kind, year, tmp_path / "ledger.pdf", public=True)
    _, total = _sql(table, column, year)
    capsys.readouterr()
    assert main(["verify", str(pdf), "--db", str(demo)]) == 0
    assert "核验通过" in capsys.readouterr().out

    open_database(demo)
    _change_subsidy(kind, year, 12_345)
    assert main(["verify", str(pdf), "--db", str(demo)]) == 1
    out = capsys.readouterr().out
    assert "核验不通过" in out
    assert f"合计金额不同：台账上是{fen_to_yuan_str(total)}元，数据库现在是{fen_to_yuan_str(total + 12_345)}元" in out
    assert "打印后有修改" in out and "所印内容与数据库现在的内容不一致" in out


def test_verify_names_the_records_moved_in_and_out(demo: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pdf = _ledger("relocations", 2017, tmp_path / "ledger.pdf")
    moved = Relocation.select().where(Relocation.batch_year == 2017).order_by(Relocation.id).first()
    update_relocation(moved.id, _relocation_input(moved, batch_year=2018), user="luru", today=TODAY)
    name = database.execute_sql("SELECT head_name FROM household WHERE id = ?", [moved.household_id]).fetchone()[0]
    capsys.readouterr()
    assert main(["verify", str(pdf), "--db", str(demo)]) == 1
    out = capsys.readouterr().out
    assert f"台账上有1条记录已不在所选范围内：#{moved.id} 长铺镇" in out
    assert f" {name} 2018年搬迁 {moved.people}人 {fen_to_yuan_str(moved.subsidy_fen)} " in out

    open_database(demo)
    renovation_pdf = _ledger("renovations", 2016, tmp_path / "renovations.pdf")
    added = Renovation.select().where(Renovation.year == 2017).order_by(Renovation.id).first()
    update_renovation(added.id, _renovation_input(added, year=2016), user="luru", today=TODAY)
    assert main(["verify", str(renovation_pdf), "--db", str(demo)]) == 1
    out = capsys.readouterr().out
    assert f"数据库中新增了1条记录：#{added.id} 长铺镇" in out and "2016年" in out and "危房改造" in out


def test_describe_names_a_record_no_longer_there(demo: Path) -> None:
    assert get_kind("relocations").describe([999_999]) == ["#999999（数据库中已无此记录）"]
    assert get_kind("renovations").describe([999_999]) == ["#999999（数据库中已无此记录）"]


# --- the command line ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["relocations", "renovations"])
def test_cli_prints_both_variants(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    table, column = ("relocation", "batch_year") if kind == "relocations" else ("renovation", "year")
    village = database.execute_sql(f"SELECT v.name FROM {table} r JOIN area v ON v.id = r.village_id "
                                   f"WHERE r.{column} = 2017 ORDER BY r.id LIMIT 1").fetchone()[0]
    out = tmp_path / "ledger.pdf"
    assert main(["ledger", kind, "--year", "2017", "--township", "长铺镇", "--out", str(out),
                 "--date", AFTER_DEMO.isoformat(), "--db", str(demo)]) == 0
    printed = capsys.readouterr().out
    assert "已生成" in printed and "校验码" in printed and out.is_file()
    public = tmp_path / "公示.pdf"
    assert main(["ledger", kind, "--year", "2017", "--village", village, "--public", "--out", str(public),
                 "--db", str(demo)]) == 0
    assert village in re.sub(r"\s+", "", pdf_text(public)[0])
    assert main(["verify", str(public), "--db", str(demo)]) == 0


@pytest.mark.parametrize("kind", ["relocations", "renovations"])
@pytest.mark.parametrize(("extra", "message"), [
    (["--year", "18"], "年度“18”无效"),
    (["--year", "2017", "--township", "火星镇"], "没有名称或代码为“火星镇”的乡镇"),
    (["--year", "2017", "--village", "火星村"], "没有名称或代码为“火星村”的行政村"),
    (["--year", "2017", "--township", "武阳镇"], "所选范围内没有记录"),
    (["--year", "2030"], "所选范围内没有记录"),
    (["--year", "2017", "--public", "--notice-days", "0"], "公示天数0无效"),
])
def test_cli_refuses_in_chinese(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str,
                                extra: list[str], message: str) -> None:
    out = tmp_path / "x.pdf"
    assert main(["ledger", kind, *extra, "--out", str(out), "--db", str(demo)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("kind", ["relocations", "renovations"])
def test_cli_usage_in_chinese(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["ledger", kind, "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["ledger", kind, "--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert "用法" in help_text and "--public" in help_text and "年度" in help_text
