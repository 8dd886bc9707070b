"""The audit log in words (issue 17, item 5): Chinese field names and values, old → new for a
change, money in 元, areas in ㎡, the user's full name and 系统 for the program itself — on the
审计日志 page's rows and in ``suining-desk audit log``; never an English key or a raw id."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.rules.housing import RelocationInput
from suining_desk.services import accounts, audit_query, households
from suining_desk.services.household_detail import household_detail
from suining_desk.services.relocations import advance_relocation, create_relocation, update_relocation
from suining_desk.services.settings import RELOCATION_AREA_CAP, set_setting
from tests.county import build_county
from tests.housing import register_family, site

PASSWORD = "Admin2018x"


@pytest.fixture
def logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clerk's morning: a family registered, its address corrected, a relocation planned,
    its area corrected and its first step, a setting in ㎡ — and the program's own baseline."""
    path = tmp_path / "town.sqlite3"
    open_database(path)
    county = build_county()
    accounts.create_first_admin("wang", "王主任", PASSWORD)
    accounts.create_user("luru", "李晓梅", "clerk", None, "Clerk2018x", by="wang")
    from suining_desk.db.models import User

    User.update(must_change_password=False).where(User.username == "luru").execute()
    household = register_family(county, "43052710000101001", "曾伟", 201)
    data = dataclasses.replace(household_detail(household).data, address="青石村15号")
    households.update_household(household, data, user="luru", today=dt.date(2018, 12, 1))
    plan = RelocationInput(household_id=household, batch_year=2017, people=3, site_id=site(county),
                           house_area_x100=7000, subsidy_fen=6_000_000, plan_date=dt.date(2017, 3, 10))
    relocation = create_relocation(plan, user="luru", today=dt.date(2018, 12, 1))
    update_relocation(relocation, dataclasses.replace(plan, house_area_x100=7450), user="luru",
                      today=dt.date(2018, 12, 1))
    advance_relocation(relocation, to="building", date=dt.date(2017, 4, 1), user="luru", today=dt.date(2018, 12, 1))
    set_setting(RELOCATION_AREA_CAP, 3000, effective_from=dt.date(2019, 1, 1), user="wang")
    from suining_desk import audit

    audit.append("audit_baseline", username="system", after={"tables": ["area"]})
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    return path


def test_every_entry_reads_in_chinese(logged: Path) -> None:
    open_database(logged)
    rows = {r.action: r for r in audit_query.entries(limit=50)}
    close_database()
    assert rows["household_updated"].summary == "住址：（空） → 青石村15号"
    assert rows["household_updated"].user_name == "李晓梅"
    registered = rows["household_registered"].summary
    assert registered.startswith("户编号：43052710000101001；村民小组：长铺镇青石村一组；户状态：建档立卡贫困户")
    assert "成员：曾伟（户主）、曾家二（配偶）、曾家三（子）" in registered
    assert rows["relocation_updated"].summary == "住房面积：70㎡ → 74.5㎡"
    created = rows["relocation_created"].summary
    assert "住房面积：70㎡" in created and "补助金额：60,000.00元" in created and "安置方式：集中安置" in created
    assert rows["relocation_status_changed"].summary == "原进度：计划；新进度：建设中；日期：2017-04-01"
    assert rows["setting_changed"].summary == "搬迁安置房人均面积上限：30㎡；生效日期：2019-01-01"
    assert rows["setting_changed"].user_name == "王主任"
    assert rows["audit_baseline"].user_name == "系统"
    assert rows["user_created"].summary.startswith("用户名：luru；姓名：李晓梅；角色：录入员；在用：是")
    for row in rows.values():
        assert not re.search(r"[a-z]+_[a-z_]+|[{}\"]", row.summary), (row.action, row.summary)


def test_the_detail_says_each_change_and_the_rows_written(logged: Path) -> None:
    open_database(logged)
    seq = next(r.seq for r in audit_query.entries(limit=50) if r.action == "relocation_updated")
    detail = audit_query.entry_detail(seq)
    written = audit_query.written_lines(detail.rows)
    close_database()
    assert detail.lines == ["住房面积：70㎡ → 74.5㎡"]
    assert len(written) == 1 and written[0].startswith("易地搬迁 1：户：43052710000101001；乡镇：长铺镇")
    assert "住房面积：74.5㎡" in written[0] and "_x100" not in written[0]


def test_audit_log_on_the_command_line(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "log", "--db", str(logged), "--user", "wang"]) == 0
    lines = capsys.readouterr().out.splitlines()
    by_action = {line.split("\t")[3]: line.split("\t") for line in lines}
    assert by_action["修改农户"][2:] == ["李晓梅", "修改农户", "农户1", "住址：（空） → 青石村15号"]
    assert by_action["修改搬迁"][5] == "住房面积：70㎡ → 74.5㎡"
    assert by_action["审计基线"][2] == "系统"
    assert by_action["修改设置"][2] == "王主任"
    assert "system" not in "\n".join(lines) and '"' not in "\n".join(lines)
