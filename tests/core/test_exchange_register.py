"""Importing a township's register spreadsheet: exactly which rows are taken, which are
reported, with what message — and never half an import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, AuditEntry, Household, MemberChange, Person, StatusChange, User
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.report import ImportResult
from suining_desk.exchange.staging import ImportOptions
from suining_desk.services.search import search_people
from tests import exchange_sheets as sheets
from tests.county import FixtureCounty, build_county, id_number

TODAY = dt.date(2018, 12, 1)
BASE = ["户编号", "姓名", "证件号码", "与户主关系", "乡镇", "行政村", "村民小组"]


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    open_database(tmp_path / "county.sqlite3")
    yield build_county()
    close_database()


def run(path: Path, **options: object) -> ImportResult:
    return run_import("households", path, ImportOptions(user="luru", today=TODAY, **options))  # type: ignore[arg-type]


def by_row(result: ImportResult) -> dict[int, list[tuple[str, bool, str]]]:
    found: dict[int, list[tuple[str, bool, str]]] = {}
    for p in result.sorted_problems():
        found.setdefault(p.row, []).append((p.column, p.is_error, p.message))
    return found


def counts() -> tuple[int, int, int, int]:
    return (Household.select().count(), Person.select().count(), MemberChange.select().count(),
            AuditEntry.select().count())


def test_a_messy_register_is_refused_as_a_whole_with_every_problem_reported(
        county: FixtureCounty, tmp_path: Path) -> None:
    before = counts()
    result = run(sheets.messy_register(tmp_path / "花名册.xlsx"))
    assert counts() == before  # all or nothing: nothing
    assert not result.written and result.exit_code == 1
    assert (result.sheet, result.header_row, result.rows_read) == ("花名册", 4, 9)
    assert result.columns["id_number"] == "身份证号码" and result.columns["township"] == "乡(镇)"
    problems = by_row(result)
    assert sorted(problems) == [4, 7, 10, 14, 16, 18]
    assert problems[4] == [("", False, "不认识的列，已忽略：序号、备注")]
    assert problems[7] == [("性别", False, "性别“女”与身份证号码不符，以身份证号码为准（男）")]
    [(column, error, message)] = problems[10]
    assert column == "身份证号码" and error
    assert message == ("身份证号码“4.30527E+17”是以数字格式保存的：Excel 只保留15位有效数字，后几位已经丢失，"
                       "无法还原。请把该列设为“文本”格式后重新填写正确的号码")
    assert problems[14] == [("村", True, "区划中没有“武阳镇新建村”；确认无误的可选择自动创建区划（命令行加 --create-areas）")]  # noqa: E501
    assert problems[16] == [("", False, "合计行，已忽略")]
    assert problems[18] == [("", False, "没有户编号、姓名或证件号码，不是数据行，已忽略")]
    assert (result.rows_rejected, result.households_rejected) == (3, 2)  # rows 9–10 and 14
    assert result.summary(cli=True) == (
        "未导入任何数据：3 行有错误（涉及 2 户），全部无误才会写入；问题 6 条（错误 2，提醒 4）。"
        "修正后重新导入，或加 --skip-invalid 只导入无误的户。")


def test_an_old_xls_workbook_imports_exactly_like_its_xlsx(county: FixtureCounty, tmp_path: Path) -> None:
    xlsx = sheets.messy_register(tmp_path / "花名册.xlsx")
    xls = sheets.as_xls(xlsx, tmp_path / "花名册.xls")
    refused = run(xls)
    assert not refused.written and (refused.sheet, refused.header_row, refused.rows_read) == ("花名册", 4, 9)
    assert by_row(refused) == by_row(run(xlsx))  # every problem, word for word, incl. the ID stored as a number
    result = run(xls, skip_invalid=True)
    assert result.written and (result.households_added, result.people_added) == (3, 6)
    zeng = Household.get(Household.household_no == "43052710000101001")
    assert zeng.registered_on == dt.date(2014, 6, 30)  # the Excel serial number in the .xls


def test_a_web_page_saved_as_xls_by_an_online_system_is_read(county: FixtureCounty, tmp_path: Path) -> None:
    page = tmp_path / "花名册.xls"  # GBK, a merged title, a layout table around the data, a merged 备注
    head = "".join(f"<th>{h}</th>" for h in ["户编号", "姓名", "证件号码", "备注", "与户主关系", "乡镇", "行政村"])
    place = "<td>长铺镇</td><td>青石村</td><td>一组</td>"
    page.write_bytes(f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td {{ mso-number-format: "\\@"; }}</style></head><body><table><tr><td>
<table border="1">
<tr><td colspan="8" align="center"><b>长铺镇建档立卡户花名册</b></td></tr>
<tr>{head}<th>村民<br>小组</th></tr>
<tr><td>H1</td><td>杨桂花</td><td>{sheets.YANG}</td><td rowspan="2">同户</td><td>户主</td>{place}</tr>
<tr><td>H1</td><td>龙&nbsp;春生</td><td>{sheets.LONG}</td><td>子</td>{place}</tr>
</table></td></tr></table></body></html>""".encode("gbk"))
    result = run(page)
    assert result.written and result.exit_code == 0, by_row(result)
    assert (result.sheet, result.header_row, result.households_added, result.people_added) == ("表1", 2, 1, 2)
    son = Person.get(Person.id_number == sheets.LONG)
    assert (son.name, son.relation, son.household.household_no) == ("龙春生", "子", "H1")


def test_skip_invalid_keeps_the_valid_households_exactly(county: FixtureCounty, tmp_path: Path) -> None:
    path = sheets.messy_register(tmp_path / "花名册.xlsx")
    result = run(path, skip_invalid=True)
    assert result.written and result.exit_code == 1
    assert (result.households_added, result.people_added) == (3, 6)
    assert by_row(result)[9] == [("", False, "同户（户编号43052710000101002）其他行有错误，整户未导入")]

    zeng = Household.get(Household.household_no == "43052710000101001")
    assert (zeng.village_id, zeng.group_id, zeng.status, zeng.exit_year) == (
        county.qingshi.id, county.qingshi_1.id, "exited", 2018)
    assert (zeng.main_cause, zeng.phone, zeng.bank_account) == ("因病", "13907391234", "6217000012345678901")
    assert zeng.registered_on == dt.date(2014, 6, 30)  # Excel serial 41820
    assert (zeng.head_name, zeng.head_id_number, zeng.member_count) == ("曾伟", sheets.HEAD_X, 3)
    members = [(p.name, p.id_number, p.relation, p.sex) for p in zeng.members.order_by(Person.id)]
    assert members == [("曾伟", sheets.HEAD_X, "户主", "男"), ("李秀英", sheets.WIFE, "配偶", "女"),
                       ("曾小军", sheets.SON, "子", "男")]

    yang = Household.get(Household.household_no == "43052710000102001")  # typed in full-width digits
    assert (yang.group_id, yang.head_name, yang.registered_on) == (county.qingshi_2.id, "杨桂花", dt.date(2018, 11, 1))
    long = Household.get(Household.household_no == "43052710100101001")
    assert long.group_id == county.fengmu_1.id  # "1组" is 一组
    assert long.registered_on == dt.date(2018, 11, 1)  # "2018.11"
    assert not Household.select().where(Household.household_no == "43052710000101002").exists()
    assert Person.select().count() == 6

    changes = list(MemberChange.select())
    assert len(changes) == 6 and {(c.kind, c.reason, c.recorded_by) for c in changes} == {
        ("registered", "导入：花名册.xlsx", "luru")}
    assert [h.name for h in search_people("zw")] == ["曾伟"]  # name keys written
    assert AuditEntry.select().where(AuditEntry.action == "register_imported").count() == 1


def test_missing_areas_are_created_only_when_asked(county: FixtureCounty, tmp_path: Path) -> None:
    result = run(sheets.messy_register(tmp_path / "花名册.xlsx"), skip_invalid=True, create_areas=True)
    assert result.areas_created == ("武阳镇新建村", "武阳镇新建村三组")
    village = Area.get(Area.name == "新建村")
    group = Area.get(Area.name == "三组")
    assert (village.parent_id, village.code, village.level) == (county.wuyang.id, "430527101002", 3)
    assert (group.parent_id, group.code) == (village.id, "43052710100201")
    assert Household.get(Household.household_no == "43052710100201001").group_id == group.id
    assert ("村", False, "新建区划“武阳镇新建村”") in by_row(result)[14]


def test_importing_the_same_file_again_skips_everyone_and_succeeds(county: FixtureCounty, tmp_path: Path) -> None:
    rows = [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组"],
            ["H1", "龙春生", sheets.LONG, "子", "长铺镇", "青石村", "一组"]]
    path = sheets.register_sheet(tmp_path / "a.xlsx", rows)
    assert run(path).exit_code == 0
    before = counts()
    again = run(path)
    assert again.exit_code == 0 and counts()[:3] == before[:3]
    assert (again.people_added, again.duplicates_skipped) == (0, 2)
    assert by_row(again)[2][0][2] == (f"杨桂花（{sheets.YANG}）已在册（户编号H1），已跳过；"
                                      "选择“更新已在册人员”可按表更新")
    assert again.summary() == "导入完成：新增 0 户 0 人，已在册跳过 2 人；问题 2 条（错误 0，提醒 2）。"


def test_update_duplicates_records_member_changes_with_the_import_as_reason(
        county: FixtureCounty, tmp_path: Path) -> None:
    header = [*BASE, "文化程度", "减员类型", "减员日期"]
    first = [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组", "小学", None, None],
             ["H1", "龙春生", sheets.LONG, "子", "长铺镇", "青石村", "一组", "初中", None, None]]
    run(sheets.register_sheet(tmp_path / "a.xlsx", first, header=header))
    second = [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组", "初中", None, None],
              ["H1", "龙春生", sheets.LONG, "子", "长铺镇", "青石村", "一组", "初中", "死亡", "2018-10-01"],
              ["H1", "吴桂英", sheets.LONG_WIFE, "其他", "长铺镇", "青石村", "一组", "", None, None]]
    path = sheets.register_sheet(tmp_path / "b.xlsx", second, header=header)
    result = run(path, update_duplicates=True)
    assert result.exit_code == 0 and (result.people_updated, result.people_added) == (2, 1)
    yang = Person.get(Person.id_number == sheets.YANG)
    long = Person.get(Person.id_number == sheets.LONG)
    assert yang.education == "初中" and long.death_date == dt.date(2018, 10, 1)
    kinds = {(c.person.name, c.kind, c.reason) for c in MemberChange.select().order_by(MemberChange.id)[2:]}
    assert kinds == {("杨桂花", "edited", "导入：b.xlsx"), ("龙春生", "died", "导入：b.xlsx"),
                     ("吴桂英", "registered", "导入：b.xlsx")}
    household = Household.get(Household.household_no == "H1")
    assert household.member_count == 2  # 龙春生 died, 吴桂英 joined
    messages = by_row(result)
    assert messages[2][0][2] == f"杨桂花（{sheets.YANG}）已在册，已按表更新：文化程度"


def test_one_person_one_household(county: FixtureCounty, tmp_path: Path) -> None:
    run(sheets.register_sheet(tmp_path / "a.xlsx", [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组"]]))
    rows = [["H2", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组"]]
    result = run(sheets.register_sheet(tmp_path / "b.xlsx", rows), update_duplicates=True)
    assert result.exit_code == 1 and not result.written
    [(column, error, message)] = by_row(result)[2]
    assert error and message.startswith(f"杨桂花（{sheets.YANG}）已在户编号H1中登记，表中为户编号H2")


def test_household_rules_need_the_whole_household(county: FixtureCounty, tmp_path: Path) -> None:
    twin = id_number("1980-01-01", 7, male=True)
    rows = [
        ["H1", "甲", twin, "户主", "长铺镇", "青石村", "一组"],
        ["H2", "乙", sheets.YANG, "户主", "长铺镇", "青石村", "一组"],
        ["H2", "丙", sheets.LONG, "户主", "长铺镇", "青石村", "一组"],  # two heads
        ["H3", "丁", twin, "户主", "长铺镇", "青石村", "一组"],  # the same ID as row 2
        ["H4", "戊", sheets.WU, "子", "长铺镇", "青石村", "一组"],  # no head
        ["H5", "己", sheets.WANG, "户主", "长铺镇", "青石村", "一组"],
        ["H5", "庚", sheets.LONG_WIFE, "配偶", "长铺镇", "枫木村", "一组"],  # another village
    ]
    result = run(sheets.register_sheet(tmp_path / "a.xlsx", rows))
    errors = {p.row: p.message for p in result.errors}
    assert errors == {
        3: "户编号H2应有且只有一位在户的户主（现在有2位）",
        5: f"证件号码{twin}在表中重复：与第2行相同",
        6: "户编号H4应有且只有一位在户的户主（现在有0位）",
        8: "同一户（户编号H5）的乡镇、村、组与第7行不一致",
    }
    assert result.rows_rejected == 6 and Household.select().count() == 0


def test_a_township_clerk_imports_only_their_township(county: FixtureCounty, tmp_path: Path) -> None:
    User.create(username="wuyang", display_name="武阳录入员", role="clerk", township=county.wuyang)
    rows = [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组"],
            ["H2", "龙春生", sheets.LONG, "户主", "武阳镇", "枫木村", "一组"]]
    result = run_import("households", sheets.register_sheet(tmp_path / "a.xlsx", rows),
                        ImportOptions(user="wuyang", today=TODAY, skip_invalid=True))
    assert [(p.row, p.message) for p in result.errors] == [(2, "用户“wuyang”只管理武阳镇，不能修改长铺镇的数据")]
    assert [h.household_no for h in Household.select()] == ["H2"]


def test_household_fields_on_the_head_row_only_and_conflicts(county: FixtureCounty, tmp_path: Path) -> None:
    header = [*BASE, "联系电话", "主要致贫原因", "脱贫年度"]
    rows = [["H1", "龙春生", sheets.LONG, "子", None, None, None, None, None, None],
            ["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组", "13907391234", "因病", 2017],
            ["H1", "吴桂英", sheets.LONG_WIFE, "其他", None, None, None, "13800000000", None, None]]
    result = run(sheets.register_sheet(tmp_path / "a.xlsx", rows, header=header))
    assert result.exit_code == 0
    household = Household.get()
    assert (household.phone, household.main_cause, household.status, household.exit_year) == (
        "13907391234", "因病", "exited", 2017)
    assert [(p.row, p.message) for p in result.warnings] == [
        (4, "联系电话“13800000000”与同户第3行的“13907391234”不一致，以第3行为准")]


def test_field_errors_point_at_their_cells(county: FixtureCounty, tmp_path: Path) -> None:
    header = [*BASE, "联系电话", "主要致贫原因", "减员类型"]
    bad_check = sheets.YANG[:-1] + ("0" if sheets.YANG[-1] != "0" else "1")
    rows = [["H1", "杨桂花", bad_check, "户主", "长铺镇", "青石村", "一组", "12345", "天灾", None],
            ["H1", "龙2", sheets.LONG, "表哥", "长铺镇", "青石村", "一组", None, None, "失踪"]]
    result = run(sheets.register_sheet(tmp_path / "a.xlsx", rows, header=header))
    found = sorted((p.row, p.column, p.message) for p in result.errors)
    assert found == sorted([
        (2, "证件号码", f"身份证号码“{bad_check}”校验位错误，最后一位应为{sheets.YANG[-1]}"),
        (2, "联系电话", "电话号码“12345”格式不对（手机11位，座机如 0739-7621234）"),
        (2, "主要致贫原因", "致贫原因“天灾”不在可选范围内"),
        (3, "姓名", "姓名“龙2”只能包含汉字、字母或间隔号·"),
        (3, "与户主关系", "与户主关系“表哥”不在可选范围内"),
        (3, "减员类型", "减员类型“失踪”不在可选范围内"),
    ])


def test_csv_in_gbk_imports_too(county: FixtureCounty, tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    text = f"户编号,姓名,身份证号码,与户主关系,乡镇,村,组\nH1,杨桂花,{sheets.YANG},户主,长铺镇,青石村,1组\n"
    path.write_bytes(text.encode("gbk"))
    result = run(path)
    assert result.exit_code == 0 and result.people_added == 1
    assert Person.get().name == "杨桂花"


@pytest.mark.parametrize("bulk", [False, True])
def test_the_audit_log_accounts_for_every_row_imported(county: FixtureCounty, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, bulk: bool) -> None:
    from suining_desk.audit.verify import verify
    from suining_desk.exchange import register_import

    if bulk:  # a county-sized file: the entry logs a digest of the tables instead of each row
        monkeypatch.setattr(register_import, "BULK_ROWS", 0)
    result = run(sheets.messy_register(tmp_path / "花名册.xlsx"), skip_invalid=True, create_areas=True)
    assert result.written and result.people_added == 7
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).first()
    assert entry.action == "register_imported" and entry.username == "luru"
    assert ("digests" if bulk else "rows") in entry.states
    report = verify()
    assert report.ok, report.records[:3]


def test_a_removal_date_for_a_household_on_the_register_is_not_taken_but_said(
        county: FixtureCounty, tmp_path: Path) -> None:
    """A 清退日期 in a re-imported sheet would stop payments unseen: not imported, with the way to do it."""
    header = [*BASE, "清退日期", "清退原因"]
    run(sheets.register_sheet(tmp_path / "a.xlsx", [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组",
                                                     None, None]], header=header))
    rows = [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组", "2018-06-30", "识别不精准"]]
    result = run(sheets.register_sheet(tmp_path / "b.xlsx", rows, header=header), update_duplicates=True)
    assert result.exit_code == 0 and Household.get(Household.household_no == "H1").removed_on is None
    messages = [m for _, _, m in by_row(result)[2]]
    assert any(m.startswith("该户已在册，表中的清退日期2018-06-30未导入") and "household remove" in m for m in messages)


def test_update_duplicates_never_clears_what_a_sheet_leaves_out(county: FixtureCounty, tmp_path: Path) -> None:
    """QA: re-importing a list without the 减员 columns brought the dead back; a blank 残疾情况
    erased the recorded one. A blank cell or an absent column changes nothing."""
    header = [*BASE, "残疾情况", "文化程度", "减员类型", "减员日期", "减员原因"]
    place = ["长铺镇", "青石村", "一组"]
    first = [["H1", "杨桂花", sheets.YANG, "户主", *place, "肢体残疾二级", "小学", None, None, None],
             ["H1", "龙春生", sheets.LONG, "子", *place, None, "初中", "死亡", "2018-10-01", "病故"]]
    run(sheets.register_sheet(tmp_path / "a.xlsx", first, header=header))
    short = [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组", None, "初中"],
             ["H1", "龙春生", sheets.LONG, "子", "长铺镇", "青石村", "一组", None, "初中"]]
    result = run(sheets.register_sheet(tmp_path / "b.xlsx", short, header=header[:9]), update_duplicates=True)
    assert result.exit_code == 0
    yang, long = Person.get(Person.id_number == sheets.YANG), Person.get(Person.id_number == sheets.LONG)
    assert (yang.disability, yang.education) == ("肢体残疾二级", "初中")  # the filled cell updates, the blank one not
    assert (long.death_date, long.removal_reason) == (dt.date(2018, 10, 1), "病故")
    assert Household.get(Household.household_no == "H1").member_count == 1
    messages = [m for _, _, m in by_row(result)[3]]
    assert messages == [f"龙春生（{sheets.LONG}）已在册，信息与表中相同"]


def test_update_duplicates_applies_household_fields_and_a_blank_never_clears_them(
        county: FixtureCounty, tmp_path: Path) -> None:
    """Issue 19: with --update-duplicates the household's own fields follow the sheet as its members'
    do (before, a changed 银行卡号 or 联系电话 was only reported); a blank cell or an absent column
    changes nothing, and a new 户状态 goes into the status history with the import as its reason."""
    header = [*BASE, "联系电话", "银行卡号", "户状态", "脱贫年度", "家庭住址"]
    place = ["长铺镇", "青石村", "一组"]
    run(sheets.register_sheet(tmp_path / "a.xlsx", [["H1", "杨桂花", sheets.YANG, "户主", *place, "13800000000",
                                                     "6230000000000000003", "建档立卡贫困户", None, "青石村3号"]],
                              header=header))
    rows = [["H1", "杨桂花", sheets.YANG, "户主", *place, "13922223333", "6230000000000999888", "已脱贫", "2018",
             None]]
    checked = run(sheets.register_sheet(tmp_path / "b.xlsx", rows, header=header), update_duplicates=True,
                  dry_run=True)
    assert Household.get().phone == "13800000000" and "可更新户信息 1 户" in checked.summary()
    result = run(sheets.register_sheet(tmp_path / "b.xlsx", rows, header=header), update_duplicates=True)
    assert result.exit_code == 0 and result.households_updated == 1 and "更新户信息 1 户" in result.summary()
    messages = [m for _, _, m in by_row(result)[2]]
    said = "该户已在册，已按表更新户的信息：联系电话、户状态、脱贫年度、银行卡号（表中空白的不改）"
    assert said in messages, messages
    household = Household.get()
    assert (household.phone, household.bank_account, household.status, household.exit_year, household.address) == (
        "13922223333", "6230000000000999888", "exited", 2018, "青石村3号")  # the blank address stays
    change = StatusChange.get()
    assert (change.old_status, change.new_status, change.year, change.reason, change.recorded_by) == (
        "poor", "exited", 2018, "导入：b.xlsx", "luru")
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).first()
    assert entry.action == "register_imported" and '"households_updated":1' in entry.after
    # No 户状态 column: its default is not a change; without --update-duplicates nothing changes.
    short = [["H1", "杨桂花", sheets.YANG, "户主", *place, "13100000000", None]]
    run(sheets.register_sheet(tmp_path / "c.xlsx", short, header=header[:9]), update_duplicates=False)
    assert Household.get().phone == "13922223333"
    again = run(sheets.register_sheet(tmp_path / "d.xlsx", short, header=header[:9]), update_duplicates=True)
    assert Household.get().phone == "13100000000" and Household.get().status == "exited"
    assert again.households_updated == 1 and StatusChange.select().count() == 1
    from suining_desk.audit.verify import verify

    assert verify().ok  # every change is in the audit log
