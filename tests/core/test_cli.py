"""The ``suining-desk`` command line: exact forms, exit codes, Chinese messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from suining_desk import __version__
from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, Household, Payment, Person, Program


def _tiny_county(path: Path) -> None:
    open_database(path)
    county = Area.create(code="430527", name="绥宁县", level=1)
    town = Area.create(code="430527100", name="长铺镇", level=2, parent=county)
    village = Area.create(code="430527100001", name="青石村", level=3, parent=town)
    group = Area.create(code="43052710000101", name="一组", level=4, parent=village)
    hh = Household.create(household_no="H1", township=town, village=village, group=group)
    dibao = Program.create(code="dibao", name="低保", basis="person", frequency="monthly")
    Program.create(code="ranger", name="生态护林员补助", basis="person", frequency="yearly")
    for amount in (32000, 16409_02 // 100 * 100 + 2, -32000):
        Payment.create(program=dibao, household=hh, township=town, village=village,
                       period="2018-11", amount_fen=amount, posted=True)
    Payment.create(program=dibao, household=hh, township=town, village=village,
                   period="2018-12", amount_fen=99999, posted=False)  # a draft is not money yet
    close_database()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("db_first", [True, False])
def test_stats_json_counts_and_money_exact_to_the_fen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_first: bool
) -> None:
    path = tmp_path / "county.sqlite3"
    _tiny_county(path)
    argv = ["--db", str(path), "stats", "--json"] if db_first else ["stats", "--db", str(path), "--json"]
    assert main(argv) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["townships"] == 1 and stats["villages"] == 1 and stats["groups"] == 1
    assert stats["households"] == 1 and stats["payments"] == 3
    assert stats["total_fen"] == 32000 + 1640902 - 32000
    by_code = {p["code"]: p for p in stats["programs"]}
    assert by_code["dibao"]["total_fen"] == 1640902
    assert by_code["ranger"] == {"code": "ranger", "name": "生态护林员补助", "payments": 0, "total_fen": 0}


def test_stats_count_the_households_the_list_shows_and_the_removed_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    from suining_desk.services.household_query import HouseholdFilter, household_ids

    path = tmp_path / "county.sqlite3"
    _tiny_county(path)
    open_database(path)
    town, group = Area.get(Area.name == "长铺镇"), Area.get(Area.level == 4)
    gone = Household.create(household_no="H2", township=town, village=group.parent, group=group,
                            removed_on=dt.date(2018, 6, 1), removal_reason="清退")
    Person.create(household=gone, name="刘清退")
    listed = len(household_ids(HouseholdFilter(area_id=town.id)))
    close_database()
    assert main(["stats", "--json", "--db", str(path)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["households"], stats["removed_households"], stats["people"]) == (listed, 1, 0) == (1, 1, 0)
    assert main(["stats", "--db", str(path)]) == 0
    assert "户数\t1\n另有清退户\t1\n人数\t0\n" in capsys.readouterr().out


def test_stats_people_are_the_members_the_list_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """人数 is the 人口 column of the households list summed: the dead and those who left are history."""
    import datetime as dt

    from suining_desk.services.households import refresh_household_summary

    path = tmp_path / "county.sqlite3"
    _tiny_county(path)
    open_database(path)
    household = Household.get(Household.removed_on.is_null())
    Person.create(household=household, name="王在册")
    Person.create(household=household, name="王已故", death_date=dt.date(2018, 3, 1))
    Person.create(household=household, name="王迁出", removed_on=dt.date(2018, 4, 1), removal_reason="迁出")
    refresh_household_summary(household.id)
    listed = sum(h.member_count for h in Household.select().where(Household.removed_on.is_null()))
    close_database()
    assert main(["stats", "--json", "--db", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["people"] == listed == 1


def test_stats_table_formats_yuan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "county.sqlite3"
    _tiny_county(path)
    assert main(["stats", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "户数\t1" in out
    assert "低保\t3\t16,409.02" in out


def test_stats_on_a_missing_file_is_refused_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "typo.sqlite3"
    assert main(["stats", "--db", str(path)]) == 1
    assert "不存在" in capsys.readouterr().err
    assert not path.exists()


def test_stats_on_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("一些笔记", encoding="utf-8")
    assert main(["stats", "--db", str(path)]) == 1
    assert "不是本软件的数据库文件" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "一些笔记"


def test_unknown_command_is_refused_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["stast"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "错误" in err and "无效" in err and "用法" in err


def test_bad_scale_is_refused_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--db", str(tmp_path / "d.sqlite3"), "--scale", "huge"])
    assert exit_info.value.code == 2
    assert "huge" in capsys.readouterr().err
    assert not (tmp_path / "d.sqlite3").exists()


def test_help_lists_commands_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "用法" in out and "demo" in out and "stats" in out and "命令" in out


def test_demo_builds_then_refuses_a_database_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--seed", "7"]) == 0
    first = capsys.readouterr().out
    assert "户数" in first
    close_database()
    assert main(["demo", "--db", str(path)]) == 1
    assert "已有数据" in capsys.readouterr().err
    close_database()
    assert main(["stats", "--db", str(path), "--json"]) == 0
    households = json.loads(capsys.readouterr().out)["households"]
    assert households > 100


def test_demo_flag_builds_the_demo_database_on_first_use(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from suining_desk.storage import paths

    assert not paths.demo_database().exists()
    assert main(["--demo", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["households"] > 100
    assert paths.demo_database().exists()


def test_stats_for_one_area(tmp_path: Path) -> None:
    from suining_desk.services.stats import collect_stats

    path = tmp_path / "county.sqlite3"
    _tiny_county(path)
    open_database(path)
    town = Area.get(Area.name == "长铺镇")
    other = Area.create(code="430527101", name="武阳镇", level=2, parent=town.parent)
    group = Area.get(Area.level == 4)
    assert collect_stats(town.id).households == 1 and collect_stats(town.id).villages == 1
    assert collect_stats(town.id).groups == 1 and collect_stats(town.id).total_fen == 1640902
    assert collect_stats(group.id).payments == 3 and collect_stats(group.id).people == 0
    empty = collect_stats(other.id)
    assert (empty.households, empty.payments, empty.total_fen, empty.villages) == (0, 0, 0, 0)
    assert collect_stats(town.parent_id).townships == 2
    close_database()
