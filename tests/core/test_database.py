"""Opening, pragmas, migrations, append-only triggers, the audit chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from peewee import IntegrityError

from suining_desk import audit
from suining_desk.audit.verify import verify_chain
from suining_desk.db import DatabaseOpenError, close_database, migrations, open_database
from suining_desk.db.models import Area, AuditEntry, Household, Payment, PaymentOutcome, Program


def _pragma(db: object, name: str) -> object:
    return db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # type: ignore[attr-defined]


def test_an_old_database_is_brought_up_to_date(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    monkeypatch.setattr(migrations, "LATEST", 1)
    open_database(db_path)
    Area.create(code="430527", name="绥宁县", level=1)
    close_database()
    monkeypatch.undo()
    db = open_database(db_path)
    assert migrations.current_version(db) == migrations.LATEST > 1
    assert Area.get(Area.code == "430527").name == "绥宁县"
    indexes = {r[1] for r in db.execute_sql("PRAGMA index_list(household)").fetchall()}
    assert "household_active_head" in indexes
    assert len(list(db_path.parent.glob("test.before-v*"))) == 1
    close_database()


def test_fresh_database_has_schema_and_safe_pragmas(db: object) -> None:
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "foreign_keys") == 1
    assert _pragma(db, "synchronous") == 2
    assert _pragma(db, "busy_timeout") >= 5000
    assert migrations.current_version(db) == migrations.LATEST  # type: ignore[arg-type]


def test_indexes_for_county_scale_queries_exist(db: object) -> None:
    def index_columns(table: str) -> list[list[str]]:
        names = [r[1] for r in db.execute_sql(f"PRAGMA index_list({table})").fetchall()]  # type: ignore[attr-defined]
        return [
            [c[2] for c in db.execute_sql(f"PRAGMA index_info({n})").fetchall()]  # type: ignore[attr-defined]
            for n in names
        ]

    assert ["village_id", "program_id", "period"] in index_columns("payment")
    assert ["id_number"] in index_columns("person")
    assert ["key", "person_id"] in index_columns("name_key")


def test_reopening_keeps_data_and_does_not_migrate_again(db_path: Path) -> None:
    open_database(db_path)
    Area.create(code="430527", name="绥宁县", level=1)
    close_database()
    open_database(db_path)
    assert Area.get(Area.code == "430527").name == "绥宁县"
    assert not list(db_path.parent.glob("*.before-v*"))


def test_migration_backs_up_first(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(db_path)
    Area.create(code="430527", name="绥宁县", level=1)
    close_database()
    applied: list[int] = []
    current, new = migrations.LATEST, migrations.LATEST + 1

    def next_step(db: object) -> None:
        applied.append(new)

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (new, next_step)])
    monkeypatch.setattr(migrations, "LATEST", new)
    open_database(db_path)
    assert applied == [new]
    backups = list(db_path.parent.glob(f"test.before-v{new}-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT name FROM area").fetchall() == [("绥宁县",)]
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone() == (current,)


def test_failed_migration_changes_nothing(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(db_path)
    close_database()

    def broken(db: object) -> None:
        db.execute_sql("CREATE TABLE half_done (x INTEGER)")  # type: ignore[attr-defined]
        raise RuntimeError("power cut")

    current = migrations.LATEST
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (current + 1, broken)])
    monkeypatch.setattr(migrations, "LATEST", current + 1)
    with pytest.raises(RuntimeError):
        open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone() == (current,)


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as con:
        con.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')")
    with pytest.raises(DatabaseOpenError) as info:
        open_database(db_path)
    assert info.value.problems[0].code == "db_newer_schema"


@pytest.mark.parametrize(("tamper", "shown"), [
    ("UPDATE schema_version SET version = -1 WHERE version = (SELECT MAX(version) FROM schema_version)", "-1、1、"),
    ("UPDATE schema_version SET version = -1", "-1、-1、"),
    ("UPDATE schema_version SET version = 0", "0、0、"),
    ("DELETE FROM schema_version WHERE version = 2", "1、3、"),
    ("INSERT INTO schema_version (version, applied_at) VALUES (3, '2030-01-01')", "3、3、"),
    ("UPDATE schema_version SET version = 'v9' WHERE version = 1", "v9"),
    ("UPDATE schema_version SET version = 999", "999、999、"),
    ("DELETE FROM schema_version", "（无）"),
    ("DROP TABLE schema_version", "（无）"),
])
def test_schema_versions_changed_by_hand_are_refused_without_a_copy_at_each_start(
        db_path: Path, capsys: pytest.CaptureFixture[str], tamper: str, shown: str) -> None:
    """The outside tester's F10: schema_version set to -1 (or emptied) made every start copy the
    database ("before-vN") and crash with 「程序内部出错」 as the migrations ran again over tables
    that were there. Versions that migrations never write are refused in Chinese, before any
    copy or change; a version above the program's alone is still "newer" (999 over the last one)."""
    from suining_desk.cli import main

    open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as con:
        con.execute(tamper)
    before = db_path.read_bytes()
    for _ in range(2):  # the same at every start
        with pytest.raises(DatabaseOpenError) as info:
            open_database(db_path)
        [problem] = info.value.problems
        assert problem.code == "db_schema_tampered" and shown.strip("（）") in problem.params["versions"]
        assert main(["stats", "--db", str(db_path)]) == 1
        err = capsys.readouterr().err
        assert "结构版本" in err and "被改动过" in err and "程序内部出错" not in err
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir() if "before" in p.name or p.suffix == ".tmp"] == []  # no copies


def test_a_higher_version_over_the_last_is_still_newer(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE schema_version SET version = 999 WHERE version = (SELECT MAX(version) FROM schema_version)")
    with pytest.raises(DatabaseOpenError) as info:
        open_database(db_path)
    assert info.value.problems[0].code == "db_newer_schema" and info.value.problems[0].params["found"] == 999


@pytest.mark.parametrize(
    "content",
    [b"just some text, not a database" * 10, b"\x00" * 4096, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text", "zeroed", "truncated"],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.problems[0].code == "db_not_database"
    assert path.read_bytes() == content


def test_unsupported_url_is_refused_in_chinese(tmp_path: Path) -> None:
    from suining_desk.domain.messages import describe

    with pytest.raises(DatabaseOpenError) as info:
        open_database("mysql://somewhere/db")
    assert "暂不支持" in describe(info.value.problems[0])


def test_sqlite_url_is_accepted(tmp_path: Path) -> None:
    open_database(f"sqlite:///{tmp_path}/via-url.sqlite3")
    assert (tmp_path / "via-url.sqlite3").exists()
    close_database()


def _tiny_posted_payment() -> Payment:
    county = Area.create(code="430527", name="绥宁县", level=1)
    town = Area.create(code="430527100", name="长铺镇", level=2, parent=county)
    village = Area.create(code="430527100001", name="青石村", level=3, parent=town)
    group = Area.create(code="43052710000101", name="一组", level=4, parent=village)
    hh = Household.create(household_no="H1", township=town, village=village, group=group)
    program = Program.create(code="dibao", name="低保", basis="person", frequency="monthly")
    return Payment.create(program=program, household=hh, township=town, village=village,
                          period="2018-11", amount_fen=32000, posted=True)


def test_posted_payments_cannot_be_updated_or_deleted_at_the_database(db: object) -> None:
    payment = _tiny_posted_payment()
    with pytest.raises(IntegrityError, match="append-only"):
        Payment.update(amount_fen=1).where(Payment.id == payment.id).execute()
    with pytest.raises(IntegrityError, match="append-only"):
        db.execute_sql("DELETE FROM payment WHERE id = ?", (payment.id,))  # type: ignore[attr-defined]
    assert Payment.get_by_id(payment.id).amount_fen == 32000


def test_draft_payments_can_still_change(db: object) -> None:
    payment = _tiny_posted_payment()
    draft = Payment.create(program=payment.program, household=payment.household,
                           township=payment.township, village=payment.village,
                           period="2018-12", amount_fen=100)
    Payment.update(amount_fen=200).where(Payment.id == draft.id).execute()
    assert Payment.get_by_id(draft.id).amount_fen == 200


def test_history_tables_are_append_only(db: object) -> None:
    payment = _tiny_posted_payment()
    outcome = PaymentOutcome.create(payment=payment, result="paid", date="2018-11-20")
    with pytest.raises(IntegrityError):
        PaymentOutcome.update(result="failed").where(PaymentOutcome.id == outcome.id).execute()


def test_audit_chain_links_and_detects_tampering(db: object) -> None:
    for i in range(3):
        with db.atomic("IMMEDIATE"):  # type: ignore[attr-defined]
            audit.append("area_created", username="luru", table_name="area", record_id=i,
                         after={"name": f"村{i}", "amount_fen": 100 * i})
    assert verify_chain() is None
    assert AuditEntry.select().count() == 3
    with pytest.raises(IntegrityError):
        AuditEntry.update(username="x").where(AuditEntry.seq == 2).execute()
    with pytest.raises(IntegrityError):
        AuditEntry.delete().where(AuditEntry.seq == 3).execute()
    # Someone drops the trigger and edits an entry by hand: the chain names it.
    db.execute_sql("DROP TRIGGER audit_entry_no_update")  # type: ignore[attr-defined]
    db.execute_sql("UPDATE audit_entry SET after = '{}' WHERE seq = 2")  # type: ignore[attr-defined]
    broken = verify_chain()
    assert broken is not None and broken.seq == 2 and broken.reason == "changed"
