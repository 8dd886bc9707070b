"""The demo county generator at the small scale: deterministic, valid, consistent."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from peewee import Database

from suining_desk.audit.verify import verify_chain
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Program, Setting, Standard, User
from suining_desk.demo import DemoCancelled, DemoSummary, generate_demo
from suining_desk.demo.areas import plan_areas
from suining_desk.demo.scales import SCALES
from suining_desk.domain import idnumber
from suining_desk.domain.enums import HEAD, POVERTY_CAUSES, RELATIONS
from suining_desk.domain.search_keys import keys_for_name
from suining_desk.reference.programs import PROGRAMS_BY_CODE, standard_fen
from suining_desk.rules.household import (
    HouseholdInput,
    PersonInput,
    check_household,
    check_members,
    has_errors,
)
from suining_desk.services.catalogue import install_programs
from suining_desk.services.search import search_people

PER_PERIOD = ("dibao", "tekun", "disability", "education", "yulu", "ranger")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite3"
    db = open_database(path)
    fractions: list[float] = []
    summary = generate_demo(db, progress=lambda stage, f: fractions.append(f))
    close_database()
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    return path, summary


@pytest.fixture
def demo(small: tuple[Path, DemoSummary]) -> Iterator[Database]:
    db = open_database(small[0])
    yield db
    close_database()


def rows(db: Database, sql: str, *params: object) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params).fetchall())


def one(db: Database, sql: str, *params: object) -> Any:
    return db.execute_sql(sql, params).fetchone()[0]


def test_small_scale_sizes(demo: Database, small: tuple[Path, DemoSummary]) -> None:
    s = small[1]
    assert (s.townships, s.villages) == (17, 8)
    assert 300 <= s.households <= 400
    assert 1_100 <= s.people <= 1_700
    assert 2_000 <= s.payments <= 6_000
    assert 20 <= s.relocations <= 60 and 20 <= s.renovations_d <= 60
    assert 15 <= s.renovations_c <= 60
    counted = {
        "households": one(demo, "SELECT COUNT(*) FROM household"),
        "people": one(demo, "SELECT COUNT(*) FROM person"),
        "payments": one(demo, "SELECT COUNT(*) FROM payment"),
        "payment_batches": one(demo, "SELECT COUNT(*) FROM payment_batch"),
        "relocations": one(demo, "SELECT COUNT(*) FROM relocation"),
        "name_keys": one(demo, "SELECT COUNT(*) FROM name_key"),
        "enrolments": one(demo, "SELECT COUNT(*) FROM enrolment"),
        "status_changes": one(demo, "SELECT COUNT(*) FROM status_change"),
    }
    assert counted == {k: getattr(s, k) for k in counted}
    assert one(demo, "SELECT COUNT(*) FROM person WHERE death_date IS NOT NULL") == s.deceased > 0
    assert one(demo, "SELECT COUNT(*) FROM person WHERE removed_on IS NOT NULL") == s.removed_people
    assert s.removed_people > 0
    assert s.reversals == one(demo, "SELECT COUNT(*) FROM payment WHERE reverses_id IS NOT NULL")
    assert s.reversals > 0


def test_area_tree_codes(demo: Database) -> None:
    towns = rows(demo, "SELECT code, name FROM area WHERE level = 2 ORDER BY code")
    assert [c for c, _ in towns] == [f"430527{100 + i}" for i in range(17)]
    assert towns[0][1] == "长铺镇" and "水口乡" in {n for _, n in towns}
    assert one(demo, "SELECT COUNT(*) FROM area a JOIN area p ON p.id = a.parent_id "
                     "WHERE a.level = 3 AND p.name != '长铺镇'") == 0
    bad = rows(demo, """
        SELECT a.code, p.code FROM area a JOIN area p ON p.id = a.parent_id
        WHERE a.level IN (3, 4) AND (substr(a.code, 1, length(p.code)) != p.code
           OR length(a.code) != length(p.code) + (CASE a.level WHEN 3 THEN 3 ELSE 2 END))""")
    assert bad == []
    mismatched = one(demo, """
        SELECT COUNT(*) FROM household h JOIN area g ON g.id = h.group_id
        JOIN area v ON v.id = g.parent_id
        WHERE v.id != h.village_id OR v.parent_id != h.township_id
           OR substr(h.household_no, 1, 12) != v.code OR length(h.household_no) != 16""")
    assert mismatched == 0


def _fingerprint(db: Database) -> tuple[Any, ...]:
    ends = rows(db, "SELECT * FROM household WHERE id IN "
                    "((SELECT MIN(id) FROM household), (SELECT MAX(id) FROM household))")
    people = rows(db, "SELECT COUNT(*), MAX(id_number), SUM(id * LENGTH(name) % 9973) FROM person")
    payments = rows(db, "SELECT COUNT(*), SUM(amount_fen), SUM(id * amount_fen % 9973), "
                        "MAX(payee_id_number), MAX(paid_date) FROM payment")
    return ends[0], ends[-1], people, payments


def test_same_seed_same_data(tmp_path: Path, small: tuple[Path, DemoSummary]) -> None:
    db = open_database(small[0])
    first = _fingerprint(db)
    db = open_database(tmp_path / "again.sqlite3")
    assert generate_demo(db, seed=2018) == small[1]
    assert _fingerprint(db) == first
    close_database()
    scale = SCALES["small"]
    plans = [
        plan_areas(random.Random(seed), with_villages=scale.townships_with_villages,
                   villages_per_township=scale.villages_per_township,
                   groups_per_village=scale.groups_per_village)
        for seed in (2018, 7)
    ]
    assert [v.name for v in plans[0].villages] != [v.name for v in plans[1].villages]


def test_id_numbers_valid_unique_and_derived(demo: Database) -> None:
    people = rows(demo, "SELECT id_number, id_reversed, sex, birth_date FROM person")
    numbers = [p[0] for p in people]
    assert len(set(numbers)) == len(numbers)
    codes = Counter(n[:6] for n in numbers)
    assert set(codes) == {"430527", "432626"} and codes["430527"] > 0.9 * len(numbers)
    for number, reversed_, sex, birth in people:
        assert idnumber.is_valid(number), number
        info = idnumber.parse_id_number(number)
        assert (info.sex, info.birth_date.isoformat(), reversed_) == (sex, birth, number[::-1])
        if number.startswith("432626"):
            assert info.birth_date.year < 1986


def test_households_match_their_members(demo: Database) -> None:
    heads = rows(demo, """
        SELECT h.id, h.head_name, h.head_id_number, h.member_count,
               (SELECT COUNT(*) FROM person p WHERE p.household_id = h.id AND p.relation = ?
                   AND p.death_date IS NULL AND p.removed_on IS NULL),
               (SELECT p.name || '/' || p.id_number FROM person p
                   WHERE p.household_id = h.id AND p.relation = ?),
               (SELECT COUNT(*) FROM person p WHERE p.household_id = h.id
                   AND p.death_date IS NULL AND p.removed_on IS NULL)
        FROM household h""", HEAD, HEAD)
    for _, name, number, count, active_heads, head, active in heads:
        assert active_heads == 1
        assert head == f"{name}/{number}"
        assert count == active >= 1
    assert {r[0] for r in rows(demo, "SELECT DISTINCT relation FROM person")} <= set(RELATIONS)
    assert one(demo, "SELECT COUNT(*) FROM person p JOIN person h "
                     "ON h.household_id = p.household_id AND h.relation = '户主' "
                     "WHERE p.relation IN ('子', '女') AND p.birth_date <= h.birth_date") == 0


def test_household_fields_are_plausible(demo: Database) -> None:
    statuses = Counter(r[0] for r in rows(demo, "SELECT status FROM household"))
    assert statuses["exited"] > statuses["poor"] > 0 and statuses["monitored"] > 0
    assert one(demo, "SELECT COUNT(*) FROM household WHERE status = 'exited' AND "
                     "(exit_year IS NULL OR exit_year NOT BETWEEN 2015 AND 2019)") == 0
    assert one(demo, "SELECT COUNT(*) FROM household h WHERE status = 'exited' AND NOT EXISTS "
                     "(SELECT 1 FROM status_change s WHERE s.household_id = h.id "
                     "AND s.new_status = 'exited' AND s.year = h.exit_year)") == 0
    for main, other in rows(demo, "SELECT main_cause, other_causes FROM household"):
        assert main in POVERTY_CAUSES
        assert all(c in POVERTY_CAUSES for c in other.split("、") if c)
    accounts = [r[0] for r in rows(demo, "SELECT bank_account FROM household")]
    assert all(len(a) == 19 and a.isdigit() for a in accounts)
    assert len(set(accounts)) == len(accounts)
    assert one(demo, "SELECT COUNT(*) FROM household WHERE tekun = 1 AND dibao = 1") == 0
    assert one(demo, "SELECT COUNT(*) FROM household WHERE tekun = 1") > 0
    assert one(demo, "SELECT COUNT(*) FROM household WHERE dibao = 1") > 0


def test_households_pass_the_register_rules(demo: Database) -> None:
    today = dt.date(2021, 1, 1)
    members: dict[int, list[PersonInput]] = {}
    for hid, name, number, relation, education, health in rows(
            demo, "SELECT household_id, name, id_number, relation, education, health FROM person"):
        members.setdefault(hid, []).append(
            PersonInput(name=name, id_number=number, relation=relation, education=education,
                        health=health))
    households = rows(demo, """SELECT id, household_no, group_id, phone, status, exit_year,
        main_cause, other_causes, dibao, tekun, bank_name, bank_account FROM household""")
    for hid, no, group, phone, status, exit_year, main, other, dibao, tekun, bank, account in (
            households):
        form = HouseholdInput(
            household_no=no, group_id=group, phone=phone, status=status, exit_year=exit_year,
            main_cause=main, other_causes=[c for c in other.split("、") if c], dibao=bool(dibao),
            tekun=bool(tekun), bank_name=bank, bank_account=account)
        problems = check_household(form, today=today) + check_members(members[hid], today=today)
        assert not has_errors(problems), (no, problems)


def test_name_keys_are_the_search_keys(demo: Database) -> None:
    names = dict(rows(demo, "SELECT id, name FROM person"))
    found: dict[int, set[str]] = {}
    for person, key in rows(demo, "SELECT person_id, key FROM name_key"):
        found.setdefault(person, set()).add(key)
    assert set(found) == set(names)
    for person, name in names.items():
        assert found[person] == keys_for_name(name)
        assert {name[i:] for i in range(len(name))} <= found[person]
    assert one(demo, "SELECT COUNT(*) - COUNT(DISTINCT person_id || '|' || key) FROM name_key") == 0
    some = next(iter(names.values()))
    assert any(hit.name == some for hit in search_people(some))


def test_no_payment_on_or_after_death_or_departure(demo: Database) -> None:
    assert one(demo, """SELECT COUNT(*) FROM payment p JOIN person x ON x.id = p.person_id
                        WHERE p.paid_date >= x.death_date OR p.paid_date >= x.removed_on""") == 0
    assert one(demo, """SELECT COUNT(*) FROM payment p JOIN household h ON h.id = p.household_id
                        WHERE p.paid_date >= h.removed_on""") == 0
    assert one(demo, """SELECT COUNT(*) FROM payment p JOIN person x ON x.id = p.person_id
                        WHERE p.paid_date <= x.birth_date""") == 0


def test_relocated_and_renovated_households_are_disjoint(demo: Database) -> None:
    assert one(demo, "SELECT COUNT(*) FROM relocation r JOIN renovation n "
                     "ON n.household_id = r.household_id") == 0
    assert one(demo, "SELECT COUNT(*) FROM (SELECT household_id FROM renovation "
                     "GROUP BY household_id HAVING COUNT(*) > 1)") == 0
    assert one(demo, "SELECT COUNT(*) FROM relocation WHERE house_area_x100 > people * 2500 "
                     "OR self_raised_fen > 1000000 OR people < 1") == 0
    kinds = {r[0] for r in rows(demo, "SELECT kind FROM settlement_site")}
    assert kinds == {"县城", "集镇", "中心村", "插花"}
    assert one(demo, "SELECT COUNT(*) FROM relocation r JOIN settlement_site s "
                     "ON s.id = r.site_id WHERE (s.kind = '插花') != (r.mode = 'scattered')") == 0
    done = one(demo, "SELECT COUNT(*) FROM renovation WHERE status IN ('completed', 'accepted')")
    assert done > 0.8 * one(demo, "SELECT COUNT(*) FROM renovation")


def test_payment_totals_recomputed_from_standards(
    demo: Database, small: tuple[Path, DemoSummary]
) -> None:
    codes = {pid: code for pid, code in rows(demo, "SELECT id, code FROM program")}
    recomputed: Counter[str] = Counter()
    originals = {r[0]: r for r in rows(demo, "SELECT id, amount_fen FROM payment")}
    payments = rows(demo, """
        SELECT p.program_id, p.category, p.people, b.period_start, p.amount_fen, p.standard_fen,
               p.reverses_id
        FROM payment p JOIN payment_batch b ON b.id = p.batch_id""")
    for pid, category, people, period_start, amount, standard, reverses in payments:
        code = codes[pid]
        day = dt.date.fromisoformat(period_start)
        if reverses is not None:
            assert amount == -originals[reverses][1]
        if code in PER_PERIOD:
            due = standard_fen(code, category, day) * people
            recomputed[code] += -due if reverses is not None else due
            if reverses is None:
                assert amount == due
        else:
            assert 0 < amount <= standard == standard_fen(code, "", day)
            recomputed[code] += amount
    stored = dict(rows(demo, "SELECT g.code, SUM(p.amount_fen) FROM payment p JOIN program g "
                             "ON g.id = p.program_id WHERE p.posted = 1 GROUP BY g.code"))
    assert stored == dict(recomputed) == dict(small[1].payment_totals_fen)


def test_every_regular_payment_has_its_enrolment(demo: Database) -> None:
    """A household's file lists what it is paid for: each payment of a regular program has an
    enrolment of that household (and person, where one person is paid) covering its period."""
    assert one(demo, """
        SELECT COUNT(*) FROM payment p JOIN program g ON g.id = p.program_id
        JOIN payment_batch b ON b.id = p.batch_id
        WHERE g.frequency <> 'once' AND p.reverses_id IS NULL AND NOT EXISTS (
            SELECT 1 FROM enrolment e WHERE e.program_id = p.program_id AND e.household_id = p.household_id
              AND e.person_id IS p.person_id
              AND e.start_date <= b.period_end AND (e.end_date IS NULL OR e.end_date >= b.period_start))""") == 0
    assert one(demo, """SELECT COUNT(*) FROM enrolment e JOIN program g ON g.id = e.program_id
                        WHERE g.code IN ('education', 'yulu')""") > 50


def test_dibao_pays_the_members_present(demo: Database) -> None:
    paid = rows(demo, """
        SELECT p.people, (SELECT COUNT(*) FROM person x WHERE x.household_id = p.household_id
            AND x.birth_date < p.paid_date
            AND (x.death_date IS NULL OR x.death_date > p.paid_date)
            AND (x.removed_on IS NULL OR x.removed_on > p.paid_date))
        FROM payment p JOIN program g ON g.id = p.program_id
        WHERE g.code = 'dibao' AND p.reverses_id IS NULL AND p.reissue_of_id IS NULL""")
    assert len(paid) > 100
    assert all(people == present for people, present in paid)


def test_batches_are_posted_and_separate_duties(demo: Database) -> None:
    batches = rows(demo, "SELECT batch_no, status, created_by, approved_by, posted_by "
                         "FROM payment_batch")
    assert {(s, c, a, p) for _, s, c, a, p in batches} == {("posted", "luru", "shenhe", "shenhe")}
    assert "DB-430527100-2018-11" in {b[0] for b in batches}
    assert one(demo, "SELECT COUNT(*) FROM payment p JOIN payment_batch b ON b.id = p.batch_id "
                     "WHERE b.program_id != p.program_id OR b.area_id != p.township_id "
                     "OR b.period != p.period") == 0
    assert one(demo, "SELECT COUNT(*) FROM payment WHERE posted != 1") == 0
    dupes = one(demo, """SELECT COUNT(*) FROM (SELECT 1 FROM payment WHERE reverses_id IS NULL
        AND reissue_of_id IS NULL GROUP BY program_id, household_id, IFNULL(person_id, 0), period
        HAVING COUNT(*) > 1)""")
    assert dupes == 0


def test_accounts_settings_audit_and_integrity(demo: Database) -> None:
    users = {u.username: u for u in User.select()}
    assert set(users) == {"admin", "shenhe", "luru"}
    assert (users["admin"].role, users["admin"].township_id) == ("admin", None)
    assert users["luru"].role == "clerk" and users["shenhe"].role == "reviewer"
    assert users["luru"].township.name == users["shenhe"].township.name == "长铺镇"
    hasher = PasswordHasher()
    for user in users.values():
        assert user.password_hash.startswith("$argon2id$")
        assert hasher.verify(user.password_hash, "suining2018")
    assert len({u.password_hash for u in users.values()}) == 3
    settings = {s.key: s.value for s in Setting.select()}
    assert settings["relocation_area_per_person_x100"] == "2500"
    assert settings["relocation_self_raised_cap_fen"] == "1000000"
    assert "绥宁县" in settings["county_name"]
    entries = list(AuditEntry.select())
    assert [(e.action, e.username) for e in entries] == [("demo_generated", "system")]
    assert '"households":' in entries[0].after and verify_chain() is None
    assert rows(demo, "PRAGMA foreign_key_check") == []
    assert one(demo, "PRAGMA foreign_keys") == 1 and one(demo, "PRAGMA synchronous") == 2
    assert one(demo, "PRAGMA journal_mode") == "wal"


def test_indexes_are_rebuilt(demo: Database, tmp_path: Path) -> None:
    def indexes(db: Database) -> set[str]:
        return {r[0] for r in rows(db, "SELECT sql FROM sqlite_master WHERE type = 'index'")
                if r[0]}

    built = indexes(demo)
    close_database()
    fresh = indexes(open_database(tmp_path / "fresh.sqlite3"))
    assert built == fresh


def test_programs_install_idempotently(demo: Database) -> None:
    before = (Program.select().count(), Standard.select().count())
    install_programs()
    assert (Program.select().count(), Standard.select().count()) == before
    dibao = PROGRAMS_BY_CODE["dibao"]
    assert standard_fen("dibao", "A", dt.date(2016, 5, 1)) == 26000
    assert standard_fen("dibao", "A", dt.date(2018, 7, 1)) == 32000
    assert {s.effective_from for s in dibao.standards} == {
        dt.date(2016, 1, 1), dt.date(2017, 1, 1), dt.date(2018, 1, 1), dt.date(2018, 7, 1)}


def test_refuses_a_database_with_households(demo: Database) -> None:
    with pytest.raises(ValueError, match="已有农户"):
        generate_demo(demo)
    with pytest.raises(ValueError, match="未知的演示数据规模"):
        generate_demo(demo, scale="huge")


def test_cancel_leaves_the_database_empty(tmp_path: Path) -> None:
    db = open_database(tmp_path / "cancel.sqlite3")
    cancel = threading.Event()

    def stop_soon(stage: str, fraction: float) -> None:
        if fraction > 0.3:
            cancel.set()

    with pytest.raises(DemoCancelled):
        generate_demo(db, progress=stop_soon, cancel=cancel)
    for table in ("area", "household", "person", "payment", "user", "name_key", "audit_entry"):
        assert one(db, f"SELECT COUNT(*) FROM {table}") == 0
    assert one(db, "PRAGMA foreign_keys") == 1 and one(db, "PRAGMA synchronous") == 2
    assert one(db, "PRAGMA journal_mode") == "wal" and one(db, "PRAGMA busy_timeout") == 15000
    close_database()


def test_another_open_connection_only_keeps_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    db = open_database(path)
    other = sqlite3.connect(path)
    try:
        other.execute("SELECT COUNT(*) FROM area").fetchone()
        started = time.perf_counter()
        generate_demo(db)
        assert time.perf_counter() - started < 8
        assert other.execute("SELECT COUNT(*) FROM household").fetchone()[0] > 300
    finally:
        other.close()
        close_database()
