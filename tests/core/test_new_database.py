"""A new official database can pay: ``init`` seeds the county, its townships and the
programs (no standards), and programs are added and changed from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from suining_desk.audit.verify import verify_chain
from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Program, Standard
from suining_desk.domain.enums import AreaLevel
from suining_desk.reference.areas import TOWNSHIPS
from suining_desk.reference.programs import PROGRAMS
from suining_desk.services import accounts
from suining_desk.services.areas import area_nodes
from tests import exchange_sheets as sheets

PASSWORD = "Admin2018x"
HOUSEHOLD = "43052710000101009"


@pytest.fixture
def new_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "n.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    assert main(["init", "--db", str(path), "--admin", "boss"]) == 0
    close_database()
    return path


def cli(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


def test_init_seeds_the_county_its_townships_and_the_programs(
        new_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, new_db, "program", "list")
    assert code == 0
    listed = [line.split("\t") for line in out.strip().splitlines()[1:]]
    assert [(row[0], row[1]) for row in listed] == [(p.code, p.name) for p in PROGRAMS]
    assert all(row[4] == "" for row in listed)  # no standard yet: the county sets them
    assert listed[0][2:4] == ["按人", "按月"] and listed[0][5] == "中央财政、省级财政、县级财政"
    open_database(new_db)
    try:
        nodes = area_nodes()
        assert [(n.code, n.name) for n in nodes if n.level == AreaLevel.COUNTY] == [("430527", "绥宁县")]
        towns = [n for n in nodes if n.level == AreaLevel.TOWNSHIP]
        assert [n.name for n in towns] == list(TOWNSHIPS) and len(towns) == 17
        assert [n.code for n in towns][:2] == ["430527100", "430527101"]
        assert not [n for n in nodes if n.level > AreaLevel.TOWNSHIP]
        assert Standard.select().count() == 0
        seeded = [(e.action, e.username) for e in AuditEntry.select().order_by(AuditEntry.seq)]
        assert seeded == [("admin_created", "boss"), ("database_seeded", "boss")]
        assert verify_chain() is None
    finally:
        close_database()
    code, out, _ = cli(capsys, new_db, "audit", "verify")
    assert code == 0, out


def test_the_first_admin_of_a_database_with_areas_adds_nothing(db: object) -> None:
    from tests.county import build_county

    build_county()
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    assert Program.select().count() == 0
    assert [e.action for e in AuditEntry.select()] == ["admin_created"]


def test_program_add_and_edit_by_an_admin_only(new_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(new_db)
    accounts.create_user("luru", "录入员", "clerk", None, "Initial2018x", by="boss")
    accounts.change_password("luru", "Initial2018x", PASSWORD)  # the first login
    close_database()
    add = ("program", "add", "--code", "water_aid", "--name", "饮水补助", "--basis", "household",
           "--frequency", "once", "--funding", "县级财政")
    code, _, err = cli(capsys, new_db, *add, "--user", "luru")
    assert code == 1 and "此操作需要管理员" in err
    code, out, _ = cli(capsys, new_db, *add, "--user", "boss")
    assert code == 0 and "已新增项目：water_aid\t饮水补助\t按户\t一次性\t县级财政" in out
    code, _, err = cli(capsys, new_db, *add, "--user", "boss")
    assert code == 1 and "已有名称或代码为“饮水补助”的项目" in err
    with pytest.raises(SystemExit) as unusable:
        main(["program", "add", "--code", "x", "--name", "某", "--basis", "person", "--frequency", "weekly"])
    assert unusable.value.code == 2 and "“weekly”无效，可选：'monthly', 'quarterly', 'yearly', 'term', 'once'" in (
        capsys.readouterr().err)
    code, out, _ = cli(capsys, new_db, "program", "edit", "饮水补助", "--name", "安全饮水补助",
                       "--frequency", "yearly", "--user", "boss")
    assert code == 0 and "已修改项目：water_aid\t安全饮水补助\t按户\t按年\t县级财政" in out
    code, _, err = cli(capsys, new_db, "program", "edit", "water_aid", "--funding", "省级财政", "--user", "luru")
    assert code == 1 and "此操作需要管理员" in err
    open_database(new_db)
    try:
        saved = Program.get(Program.code == "water_aid")
        assert (saved.name, saved.frequency, saved.funding_source) == ("安全饮水补助", "yearly", "县级财政")
        logged = [(e.action, e.username) for e in AuditEntry.select().where(AuditEntry.table_name == "program")]
        assert logged == [("program_created", "boss"), ("program_updated", "boss")]
    finally:
        close_database()


def test_a_new_database_pays_its_first_batch(new_db: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, new_db, "program", "add-standard", "低保", "--category", "A", "--amount", "320",
                         "--from", "2018-07-01", "--user", "boss")
    assert code == 0, err
    register = sheets.register_sheet(tmp_path / "花名册.xlsx", [
        [HOUSEHOLD, "吴长寿", sheets.WU, "户主", "长铺镇", "青石村", "二组", "6217000012345678901"]],
        header=["户编号", "姓名", "证件号码", "与户主关系", "乡镇", "行政村", "村民小组", "一卡通账号"])
    code, out, err = cli(capsys, new_db, "import", "households", str(register), "--user", "boss", "--create-areas")
    assert code == 0 and "新增 1 户 1 人" in out, out + err
    code, out, err = cli(capsys, new_db, "program", "enrol", "dibao", "--household", HOUSEHOLD, "--person",
                         sheets.WU, "--category", "A", "--from", "2018-10-01", "--user", "boss")
    assert code == 0, err
    code, out, err = cli(capsys, new_db, "batch", "create", "--program", "低保", "--period", "2018-11", "--area",
                         "长铺镇", "--pay-date", "2018-11-10", "--user", "boss")
    assert code == 0 and "DB-430527100-2018-11" in out, out + err
    code, out, _ = cli(capsys, new_db, "batch", "show", "DB-430527100-2018-11", "--lines", "--user", "boss")
    assert "吴长寿" in out and "320.00" in out
