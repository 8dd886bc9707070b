"""Installing a newer version over an older one keeps the data: a database made by a
released version (an SQL dump made by scripts/make_upgrade_fixture.py with that version's
own code) opens with the current code — backed up first when migrations run — with every
record, every posted payment and an audit log that still verifies."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, migrations, open_database

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures" / "upgrade").glob("schema-v*.sql"))
COUNTED = ("household", "person", "member_change", "enrolment", "payment_batch", "payment", "audit_entry", "user")


def _restore(dump: Path, target: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(target)
    conn.executescript(dump.read_text(encoding="utf-8"))
    return conn


def _facts(conn: sqlite3.Connection) -> dict[str, object]:
    facts: dict[str, object] = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                                for t in COUNTED}
    posted = "SELECT COALESCE(SUM(amount_fen), 0) FROM payment WHERE posted = 1"
    facts["posted_fen"] = conn.execute(posted).fetchone()[0]
    facts["heads"] = sorted(r[0] for r in conn.execute("SELECT head_name FROM household"))
    facts["audit_head"] = conn.execute("SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()[0]
    return facts


def test_there_is_a_released_schema_to_upgrade_from() -> None:
    assert FIXTURES, "no tests/fixtures/upgrade/schema-v*.sql: run scripts/make_upgrade_fixture.py"


@pytest.mark.parametrize("dump", FIXTURES, ids=lambda p: p.stem)
def test_an_older_database_is_backed_up_migrated_and_still_verifies(
    dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "suining.sqlite3"
    conn = _restore(dump, db_path)
    old_version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    before = _facts(conn)
    conn.close()
    assert before["payment"] and before["posted_fen"] and before["audit_entry"]  # a fixture worth the name

    open_database(db_path)  # the first start of the new version
    close_database()

    conn = sqlite3.connect(db_path)
    after = _facts(conn)
    version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    conn.close()
    assert version == migrations.LATEST
    migrated_from_old = {k: v for k, v in after.items() if k not in ("audit_entry", "audit_head")}
    assert migrated_from_old == {k: v for k, v in before.items() if k not in ("audit_entry", "audit_head")}
    assert after["audit_entry"] >= before["audit_entry"]  # a migration may add a baseline entry, never drop one
    backups = list(tmp_path.glob(f"suining.before-v{migrations.LATEST}-*.sqlite3"))
    if old_version < migrations.LATEST:
        assert len(backups) == 1  # the backup taken before migrating holds the old data
        kept = sqlite3.connect(backups[0])
        assert _facts(kept) == before
        kept.close()
    else:
        assert backups == []  # nothing to migrate: nothing copied

    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    assert main(["audit", "verify", "--db", str(db_path)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["stats", "--json", "--db", str(db_path)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["households"] == 3 and stats["people"] == before["person"]


def test_a_new_version_with_one_more_migration_backs_the_release_up_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until the next release adds a real migration, one is pretended: the path a clerk's
    upgrade takes (backup, then the step, in one transaction) runs on the released data."""
    db_path = tmp_path / "suining.sqlite3"
    conn = _restore(FIXTURES[-1], db_path)
    before = _facts(conn)
    conn.close()
    new = migrations.LATEST + 1

    def add_column(db: object) -> None:
        db.execute_sql("ALTER TABLE household ADD COLUMN upgrade_note TEXT")  # type: ignore[attr-defined]

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (new, add_column)])
    monkeypatch.setattr(migrations, "LATEST", new)
    open_database(db_path)
    close_database()
    backup = next(tmp_path.glob(f"suining.before-v{new}-*.sqlite3"))
    kept = sqlite3.connect(backup)
    assert _facts(kept) == before
    kept.close()
    conn = sqlite3.connect(db_path)
    assert _facts(conn) == before
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == new
    conn.close()


def test_migration_7_gives_members_their_join_day_and_areas_no_retirement(tmp_path: Path) -> None:
    """入户日期 from the member history (the earliest 建档, birth, marriage or moving in), else
    the household's registration date; no area is retired by the upgrade."""
    db_path = tmp_path / "suining.sqlite3"
    conn = _restore(next(d for d in FIXTURES if d.stem == "schema-v5"), db_path)
    insert = ("INSERT INTO person (id, household_id, name, sex, relation, ethnicity, education, schooling, health, "
              "disability, labour, work_status, phone, removal_reason) VALUES (?, ?, ?, '', ?, '', '', '', '', '', "
              "'', '', '', '')")
    conn.execute(insert, (7, 3, "蒲新生", "孙子"))
    conn.execute("INSERT INTO member_change (household_id, person_id, kind, date, reason, recorded_by, recorded_at) "
                 "VALUES (3, 7, 'born', '2017-05-02', '出生', 'admin', '2017-05-03 09:00:00')")
    conn.execute(insert, (8, 2, "龙无记", "孙女"))  # no member history at all
    conn.execute(insert, (9, 3, "蒲晚生", "孙子"))  # registered with the household, born after
    conn.execute("UPDATE person SET birth_date = '2018-01-05' WHERE id = 9")
    conn.execute("INSERT INTO member_change (household_id, person_id, kind, date, reason, recorded_by, recorded_at) "
                 "VALUES (3, 9, 'registered', '2016-03-01', '导入', 'admin', '2018-02-03 09:00:00')")
    conn.execute("UPDATE household SET registered_on = '2015-09-09' WHERE id = 2")
    conn.commit()
    conn.close()

    open_database(db_path)
    close_database()
    conn = sqlite3.connect(db_path)
    joined = dict(conn.execute("SELECT id, joined_on FROM person").fetchall())
    assert joined == {1: "2016-03-01", 2: "2016-03-01", 3: "2016-03-01", 4: "2016-03-01", 5: "2016-03-01",
                      6: "2016-03-01", 7: "2017-05-02", 8: "2015-09-09", 9: "2018-01-05"}
    assert conn.execute("SELECT COUNT(*) FROM area WHERE retired_on IS NOT NULL").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM payment_batch WHERE cap_reason <> ''").fetchone()[0] == 0
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == migrations.LATEST >= 7
    conn.close()
