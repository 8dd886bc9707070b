"""The demo county generator's entry point: :func:`generate_demo`.

``small``: 长铺镇 with 8 villages, a few hundred households, a few thousand payments.
``county``: all 17 townships, 100,000 households, ~400,000 people, exactly 1,000,000
payments, 3,765 relocations, 7,888 D-grade and 5,096 C-grade renovations.

Everything is drawn from ``random.Random(seed)`` and dated by the data itself (no clock),
so the same seed gives the same rows; only the one audit entry carries the real time of
the run. The whole load is one transaction: cancelling (or any error) leaves the
database as empty as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
from concurrent.futures import ThreadPoolExecutor

from peewee import Database

from suining_desk import audit
from suining_desk.db import capture as audit_capture
from suining_desk.db.bulk import insert_sql
from suining_desk.db.models import Setting, User
from suining_desk.demo import bulk
from suining_desk.demo.aid_facts import add_demo_facts
from suining_desk.demo.areas import plan_areas
from suining_desk.demo.bulk import DemoCancelled, Progress, ProgressFn
from suining_desk.demo.enrolments import choose_beneficiaries
from suining_desk.demo.households import build_register
from suining_desk.demo.housing import (
    AREA_PER_PERSON_X100,
    RENOVATION_STANDARDS,
    SELF_RAISED_CAP_FEN,
    SUBSIDY_PER_PERSON_FEN,
    build_housing,
)
from suining_desk.demo.ledger import BATCH_COLUMNS, FULL_SQL, REGULAR_SQL
from suining_desk.demo.payments import plan_payments
from suining_desk.demo.rows import (
    ENROLMENT_COLUMNS,
    HOUSEHOLD_COLUMNS,
    NAME_KEY_COLUMNS,
    PERSON_COLUMNS,
    STATUS_CHANGE_COLUMNS,
    NameKeys,
    enrolment_rows,
    household_rows,
    person_rows,
    status_change_rows,
)
from suining_desk.demo.scales import SCALES, ScaleSpec
from suining_desk.demo.summary import DemoSummary, check_empty
from suining_desk.reference.areas import COUNTY_NAME, COUNTY_SEAT
from suining_desk.reference.programs import PROGRAMS
from suining_desk.services.accounts import hash_password
from suining_desk.services.catalogue import install_programs

__all__ = ["DemoCancelled", "DemoSummary", "generate_demo"]

DEMO_PASSWORD = "suining2018"
MARK = "demo_database"  # the setting that makes a database a demo one (suining_desk.demo.target)
DEMO_CREATED_AT = "2018-12-31 18:00:00"  # created_at of the demo accounts and settings
DEMO_USERS = (  # username, display name, role, township (None: whole county)
    ("admin", "王建国", "admin", None),  # invented full names: ledgers print them as 经办人
    ("shenhe", "刘芳", "reviewer", COUNTY_SEAT),
    ("luru", "李晓梅", "clerk", COUNTY_SEAT),
)
RELOCATION_COLUMNS = (
    "id", "household_id", "township_id", "village_id", "batch_year", "people", "origin",
    "site_id", "mode", "house_area_x100", "subsidy_fen", "self_raised_fen", "plan_date",
    "moved_in_date", "demolished_date", "status", "notes", "override_reason", "override_by",
)
RENOVATION_COLUMNS = (
    "id", "household_id", "township_id", "village_id", "year", "beneficiary_type", "grade",
    "method", "build_mode", "area_x100", "standard_fen", "subsidy_fen", "start_date",
    "completed_date", "accepted_date", "accepted_by", "acceptance_result", "status", "notes",
    "override_reason", "override_by",
)
SITE_COLUMNS = ("id", "name", "township_id", "kind", "capacity")
PAYMENT_TABLES = ("payment", "payment_batch")
BULK_TABLES = ("household", "person", "name_key", "status_change", "enrolment", "relocation",
               "renovation", *PAYMENT_TABLES)
STAGES = (  # name, share of the time at county scale
    ("生成区划和农户", 11.0), ("写入农户和人员", 4.5), ("写入姓名检索键", 5.5),
    ("写入搬迁和危房改造", 0.2), ("建立索引并生成发放记录", 7.0), ("写入资金发放", 5.5),
    ("建立发放索引", 7.5),
)
AREA_COLUMNS = ("id", "code", "name", "level", "parent_id", "sort_order")


def generate_demo(
    db: Database,
    *,
    scale: str = "small",
    seed: int = 2018,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> DemoSummary:
    """Fill an empty, opened database with the invented demo county.

    Raises ``ValueError`` (Chinese message) for an unknown scale or a database that is
    not empty, :class:`DemoCancelled` if ``cancel`` is set while it runs.
    """
    spec = SCALES.get(scale)
    if spec is None:
        raise ValueError(f"未知的演示数据规模：{scale}（可选 {'、'.join(SCALES)}）")
    check_empty(db)
    with bulk.no_cyclic_gc():
        return _generate(db, scale, spec, seed, Progress(STAGES, progress, cancel))


def _generate(
    db: Database, scale: str, spec: ScaleSpec, seed: int, steps: Progress
) -> DemoSummary:
    rng = random.Random(seed)

    stage = "生成区划和农户"
    steps.report(stage, 0.0)
    plan = plan_areas(rng, with_villages=spec.townships_with_villages,
                      villages_per_township=spec.villages_per_township,
                      groups_per_village=spec.groups_per_village)
    register = build_register(rng, plan, spec.households,
                              tick=lambda done: steps.report(stage, 0.85 * done))
    chosen = choose_beneficiaries(
        rng, register, dibao_base=spec.dibao_base, disability_share=spec.disability_share,
        student_aid_share=spec.student_aid_share, rangers_per_year=spec.rangers_per_year)
    housing = build_housing(rng, plan, register, relocations=spec.relocations,
                            grade_d=spec.grade_d, grade_c=spec.grade_c)
    hashes = [hash_password(DEMO_PASSWORD) for _ in DEMO_USERS]  # each its own salt
    steps.report(stage, 1.0)

    # No per-row audit capture during the load: one entry logs a digest of every table.
    with bulk.fast_load(db), audit_capture.paused(db), db.atomic("IMMEDIATE"):
        indexes = bulk.drop_indexes(db, BULK_TABLES)
        conn = db.connection()
        conn.executemany(insert_sql("area", AREA_COLUMNS), plan.rows)
        _accounts(plan.township_named(COUNTY_SEAT).id, hashes)
        _settings()
        Setting.create(key=MARK, value=json.dumps({"scale": scale, "seed": seed}), recorded_by="system",
                       recorded_at=DEMO_CREATED_AT)  # a demo database: `demo --replace` may replace it
        program_ids = install_programs()

        people = sum(len(h.members) for h in register)
        stage = "写入农户和人员"
        bulk.load(db, insert_sql("household", HOUSEHOLD_COLUMNS), household_rows(register),
                  steps, stage, expected=len(register) + people)
        bulk.load(db, insert_sql("person", PERSON_COLUMNS), person_rows(register), steps,
                  stage, expected=len(register) + people, done_before=len(register))
        status_changes = bulk.load(db, insert_sql("status_change", STATUS_CHANGE_COLUMNS),
                                   status_change_rows(register), steps, stage, expected=1)
        enrolments = bulk.load(db, insert_sql("enrolment", ENROLMENT_COLUMNS),
                               enrolment_rows(chosen.enrolments, program_ids), steps, stage,
                               expected=1)
        name_keys = bulk.load(db, insert_sql("name_key", NAME_KEY_COLUMNS),
                              NameKeys().rows(register), steps, "写入姓名检索键",
                              expected=people * 6, chunk=100_000)
        steps.report("写入搬迁和危房改造")
        conn.executemany(insert_sql("settlement_site", SITE_COLUMNS), housing.sites)
        conn.executemany(insert_sql("relocation", RELOCATION_COLUMNS),
                         [(i, *r, "", "", "") for i, r in enumerate(housing.relocations, 1)])
        conn.executemany(insert_sql("renovation", RENOVATION_COLUMNS),
                         [(i, *r, "", "", "") for i, r in enumerate(housing.renovations, 1)])

        # The payments are planned on a worker thread (pure Python, no database) while
        # SQLite builds the register's indexes here (it releases the GIL meanwhile).
        early = [sql for table, sql in indexes if table not in PAYMENT_TABLES]
        with ThreadPoolExecutor(max_workers=1) as pool:
            planned = pool.submit(
                plan_payments, rng, spec, register, chosen, program_ids,
                {t.id: t.code for t in plan.townships}, steps.check,
            )
            bulk.create_indexes(db, early, steps, "建立索引并生成发放记录")
            payments = planned.result()

        stage = "写入资金发放"
        done = bulk.load(db, REGULAR_SQL, payments.regular, steps, stage, expected=payments.rows)
        for rows in (payments.one_offs, payments.corrections):
            done += bulk.load(db, FULL_SQL, rows, steps, stage, expected=payments.rows,
                              done_before=done)
        conn.executemany(insert_sql("payment_batch", BATCH_COLUMNS), payments.ledger.batches)
        add_demo_facts(conn, DEMO_CREATED_AT)
        bulk.create_indexes(db, [sql for table, sql in indexes if table in PAYMENT_TABLES],
                            steps, "建立发放索引")

        summary = DemoSummary.collect(
            scale=scale, seed=seed, plan=plan, register=register, enrolments=enrolments,
            status_changes=status_changes, name_keys=name_keys, ledger=payments.ledger,
            housing=housing, users=len(DEMO_USERS), programs=len(PROGRAMS),
            reversals=payments.reversals,
        )
        audit.append("demo_generated", username="system", after=summary.counts(),
                     whole_tables=audit_capture.AUDITED_TABLES)
    steps.finish("建立发放索引")
    return summary


def _accounts(seat_id: int, hashes: list[str]) -> None:
    """The three demo accounts, each with its own argon2id hash of the demo password."""
    for (username, display, role, town), digest in zip(DEMO_USERS, hashes, strict=True):
        if User.get_or_none(User.username == username) is None:
            User.create(username=username, display_name=display, role=role,
                        township=seat_id if town else None, password_hash=digest,
                        created_at=DEMO_CREATED_AT)


def _settings() -> None:
    values = {
        "relocation_area_per_person_x100": AREA_PER_PERSON_X100,
        "relocation_self_raised_cap_fen": SELF_RAISED_CAP_FEN,
        "county_name": COUNTY_NAME,
    }
    for key, value in values.items():
        if Setting.get_or_none(Setting.key == key) is None:
            Setting.create(key=key, value=json.dumps(value, ensure_ascii=False),
                           recorded_by="system", recorded_at=DEMO_CREATED_AT)
    # Standards that changed over the years: one row from each year they took effect.
    dated = [("relocation_subsidy_per_person_fen", 2000, SUBSIDY_PER_PERSON_FEN)]
    dated += [(f"renovation_standard_{grade.lower()}_fen", since, fen)
              for grade, steps in RENOVATION_STANDARDS.items() for since, fen in steps]
    for key, since, fen in dated:
        day = dt.date(since, 1, 1)
        if Setting.get_or_none((Setting.key == key) & (Setting.effective_from == day)) is None:
            Setting.create(key=key, value=json.dumps(fen), effective_from=day, recorded_by="system",
                           recorded_at=DEMO_CREATED_AT)
