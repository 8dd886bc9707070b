"""peewee models for every record kind.

Conventions: money is integer fen (``*_fen`` never floats); areas in m² are integer
hundredths of a square metre (``*_area_x100``); dates are ``DateField``; enumerations are
short English codes (the UI shows the Chinese from :mod:`suining_desk.domain.enums`).
Nothing here connects: models are bound to :data:`database`, a proxy that
:func:`suining_desk.db.connection.open_database` initialises.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    Node,
    TextField,
)

from suining_desk.domain.enums import BatchStatus

database = DatabaseProxy()
# Columns added after migration 1 default in the database too: bulk inserts that name
# only the older columns (the demo, imports) still write a valid row.
EMPTY: list[Node] = [SQL("DEFAULT ''")]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    id = AutoField()  # models with their own primary key replace it

    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField()
    applied_at = DateTimeField(default=_now)


# --- areas and people -------------------------------------------------------------


class Area(BaseModel):
    """县 / 乡镇 / 行政村 / 村民小组; a household belongs to a group."""

    code = CharField(max_length=20, unique=True)
    name = CharField(max_length=60)
    level = IntegerField()  # enums.AreaLevel: 1 county … 4 group
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    parent_id: int | None
    sort_order = IntegerField(default=0)

    class Meta:
        indexes = ((("parent", "sort_order"), False),)


class User(BaseModel):
    username = CharField(max_length=40, unique=True)
    display_name = CharField(max_length=40)
    role = CharField(max_length=10)  # enums.Role
    township = ForeignKeyField(Area, null=True, on_delete="RESTRICT")  # null = whole county
    township_id: int | None
    password_hash = CharField(max_length=200, default="")
    active = BooleanField(default=True)
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    created_at = DateTimeField(default=_now)
    must_change_password = BooleanField(default=False)  # set by an admin's reset (migration 3)
    last_login_at = DateTimeField(null=True)


class Household(BaseModel):
    household_no = CharField(max_length=30, unique=True)
    # township and village repeat what the group implies, so area filters and the
    # (village, program, period) payment queries need no join at county scale.
    township = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    township_id: int
    village = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    village_id: int
    group = ForeignKeyField(Area, on_delete="RESTRICT", backref="households")
    group_id: int
    address = CharField(max_length=120, default="")
    phone = CharField(max_length=30, default="")
    status = CharField(max_length=12, default="poor")  # enums.HouseholdStatus
    exit_year = IntegerField(null=True)
    main_cause = CharField(max_length=20, default="")
    other_causes = CharField(max_length=120, default="")  # '、'-joined enums.POVERTY_CAUSES
    dibao = BooleanField(default=False)  # 低保户
    tekun = BooleanField(default=False)  # 特困供养
    bank_name = CharField(max_length=40, default="")
    bank_account = CharField(max_length=40, default="")
    registered_on = DateField(null=True)
    removed_on = DateField(null=True)
    removal_reason = CharField(max_length=120, default="")
    # Kept in step by the household services in the same transaction as the member
    # change, because the county-scale table sorts on them.
    head_name = CharField(max_length=40, default="")
    head_id_number = CharField(max_length=18, default="")
    member_count = IntegerField(default=0)

    class Meta:
        indexes = (
            (("village", "group"), False),
            (("township", "status"), False),
            (("head_name",), False),
        )


class Person(BaseModel):
    person_no = CharField(max_length=30, null=True, unique=True)
    household = ForeignKeyField(Household, backref="members", on_delete="RESTRICT")
    household_id: int
    name = CharField(max_length=40)
    id_number = CharField(max_length=18, null=True, unique=True)
    id_reversed = CharField(max_length=18, null=True, index=True)  # ID-tail search
    sex = CharField(max_length=2, default="")  # derived from the ID number
    birth_date = DateField(null=True)  # derived from the ID number
    relation = CharField(max_length=10, default="")  # enums.RELATIONS
    ethnicity = CharField(max_length=20, default="")
    education = CharField(max_length=20, default="")
    schooling = CharField(max_length=20, default="")  # 在校生状况
    health = CharField(max_length=20, default="")
    disability = CharField(max_length=30, default="")
    labour = CharField(max_length=20, default="")  # 劳动技能
    work_status = CharField(max_length=20, default="")  # 务工状况
    phone = CharField(max_length=30, default="")
    death_date = DateField(null=True)
    removed_on = DateField(null=True)
    removal_reason = CharField(max_length=120, default="")

    class Meta:
        indexes = ((("household", "relation"), False), (("name",), False))


class NameKey(BaseModel):
    """Search keys of a person's name: suffixes of the name, full pinyin, initials.

    One row a key, so a prefix search (``key GLOB 'zw*'``) uses the index for every
    reading of every character (曾 is both ceng and zeng).
    """

    person = ForeignKeyField(Person, backref="name_keys", on_delete="CASCADE")
    person_id: int
    key = CharField(max_length=80)

    class Meta:
        primary_key = False
        indexes = ((("key", "person"), False), (("person",), False))


class MemberChange(BaseModel):
    """History of a household's members: nothing is deleted, each change is a row."""

    household = ForeignKeyField(Household, backref="member_changes", on_delete="RESTRICT")
    household_id: int
    person = ForeignKeyField(Person, backref="changes", on_delete="RESTRICT")
    person_id: int
    kind = CharField(max_length=16)  # enums.MemberChangeKind
    date = DateField()
    reason = CharField(max_length=200, default="")
    recorded_by = CharField(max_length=40, default="")
    recorded_at = DateTimeField(default=_now)


class StatusChange(BaseModel):
    household = ForeignKeyField(Household, backref="status_changes", on_delete="RESTRICT")
    household_id: int
    old_status = CharField(max_length=12)
    new_status = CharField(max_length=12)
    year = IntegerField(null=True)
    date = DateField()
    reason = CharField(max_length=200, default="")
    recorded_by = CharField(max_length=40, default="")
    recorded_at = DateTimeField(default=_now)


# --- relocation and housing renovation --------------------------------------------


class SettlementSite(BaseModel):
    name = CharField(max_length=60)
    township = ForeignKeyField(Area, on_delete="RESTRICT")
    township_id: int
    kind = CharField(max_length=10)  # 县城 / 集镇 / 中心村 / 插花
    capacity = IntegerField(default=0)  # households


class Relocation(BaseModel):
    household = ForeignKeyField(Household, backref="relocations", on_delete="RESTRICT")
    household_id: int
    township = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    township_id: int
    village = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    village_id: int
    batch_year = IntegerField()
    people = IntegerField()
    origin = CharField(max_length=120, default="")
    site = ForeignKeyField(SettlementSite, null=True, on_delete="RESTRICT")
    site_id: int | None
    mode = CharField(max_length=12)  # enums.SettlementMode
    house_area_x100 = IntegerField(default=0)  # m² × 100
    subsidy_fen = IntegerField(default=0)
    self_raised_fen = IntegerField(default=0)
    plan_date = DateField(null=True)
    moved_in_date = DateField(null=True)
    demolished_date = DateField(null=True)
    status = CharField(max_length=12, default="planned")  # enums.RelocationStatus
    notes = CharField(max_length=200, default="")
    override_reason = CharField(max_length=200, default="")  # double-benefit override
    override_by = CharField(max_length=40, default="")
    # 建档立卡搬迁户 'registered' / 同步搬迁户 'synchronous' ('' : not recorded; migration 6)
    household_kind = CharField(max_length=12, default="", constraints=EMPTY)

    class Meta:
        indexes = ((("village", "batch_year"), False), (("township", "batch_year"), False))


class Renovation(BaseModel):
    household = ForeignKeyField(Household, backref="renovations", on_delete="RESTRICT")
    household_id: int
    township = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    township_id: int
    village = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    village_id: int
    year = IntegerField()
    beneficiary_type = CharField(max_length=20)
    grade = CharField(max_length=1)  # C / D
    method = CharField(max_length=12)
    build_mode = CharField(max_length=10, default="self")  # self / central
    area_x100 = IntegerField(default=0)
    standard_fen = IntegerField(default=0)
    subsidy_fen = IntegerField(default=0)
    start_date = DateField(null=True)
    completed_date = DateField(null=True)
    accepted_date = DateField(null=True)
    accepted_by = CharField(max_length=40, default="")
    acceptance_result = CharField(max_length=60, default="")
    status = CharField(max_length=12, default="planned")  # enums.RenovationStatus
    notes = CharField(max_length=200, default="")
    override_reason = CharField(max_length=200, default="")
    override_by = CharField(max_length=40, default="")
    # Migration 6: the safety appraisal (鉴定) that found the house unsafe, and the day the
    # subsidy was paid out (checked against acceptance).
    appraised_by = CharField(max_length=60, default="", constraints=EMPTY)
    appraised_on = DateField(null=True)
    paid_on = DateField(null=True)

    class Meta:
        indexes = ((("village", "year"), False), (("township", "year"), False))


class Blob(BaseModel):
    """Attachment content, addressed by SHA-256 so the same scan is stored once."""

    sha256 = CharField(max_length=64, primary_key=True)
    data = BlobField()
    size = IntegerField()


class Attachment(BaseModel):
    owner_kind = CharField(max_length=12)  # household / relocation / renovation / payment
    owner_id = IntegerField()
    kind = CharField(max_length=12, default="other")  # before / after / acceptance / other
    file_name = CharField(max_length=200)
    mime = CharField(max_length=60, default="")
    blob = ForeignKeyField(Blob, on_delete="RESTRICT")
    blob_id: int
    thumbnail = BlobField(null=True)
    added_by = CharField(max_length=40, default="")
    added_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("owner_kind", "owner_id"), False),)


# --- aid programs and payments ----------------------------------------------------


class Program(BaseModel):
    code = CharField(max_length=20, unique=True)
    name = CharField(max_length=40, unique=True)
    basis = CharField(max_length=10)  # person / household
    frequency = CharField(max_length=10)  # enums.Frequency
    funding_source = CharField(max_length=60, default="")
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class Standard(BaseModel):
    """A program's amount per beneficiary per period, from a date on."""

    program = ForeignKeyField(Program, backref="standards", on_delete="RESTRICT")
    program_id: int
    category = CharField(max_length=10, default="")  # e.g. 低保 A / B / C
    amount_fen = IntegerField()
    effective_from = DateField()

    class Meta:
        indexes = ((("program", "category", "effective_from"), True),)


class Enrolment(BaseModel):
    program = ForeignKeyField(Program, backref="enrolments", on_delete="RESTRICT")
    program_id: int
    household = ForeignKeyField(Household, backref="enrolments", on_delete="RESTRICT")
    household_id: int
    person = ForeignKeyField(Person, null=True, backref="enrolments", on_delete="RESTRICT")
    person_id: int | None
    category = CharField(max_length=10, default="")
    people = IntegerField(default=1)
    start_date = DateField()
    end_date = DateField(null=True)
    end_reason = CharField(max_length=120, default="")
    created_by = CharField(max_length=40, default="")
    created_at = DateTimeField(default=_now)
    # The program's own facts about this beneficiary (雨露计划's school and grade, a forest
    # ranger's patrol area and appraisal …) as canonical JSON, copied onto each computed
    # payment line (:mod:`suining_desk.services.aid_details`; migration 6).
    details = TextField(default="", constraints=EMPTY)

    class Meta:
        indexes = ((("program", "start_date"), False), (("household", "program"), False))


class PaymentBatch(BaseModel):
    batch_no = CharField(max_length=40, unique=True)
    program = ForeignKeyField(Program, backref="batches", on_delete="RESTRICT")
    program_id: int
    kind = CharField(max_length=10, default="regular")  # regular / one_off
    period = CharField(max_length=10)  # '2018-11', '2018', '2018-Q3', '2018-T1'
    period_start = DateField()
    period_end = DateField()
    area = ForeignKeyField(Area, on_delete="RESTRICT")
    area_id: int
    status = CharField(max_length=10, default=BatchStatus.DRAFT)
    created_by = CharField(max_length=40)
    created_at = DateTimeField(default=_now)
    submitted_at = DateTimeField(null=True)
    approved_by = CharField(max_length=40, default="")
    approved_at = DateTimeField(null=True)
    posted_by = CharField(max_length=40, default="")
    posted_at = DateTimeField(null=True)
    paid_date = DateField(null=True)
    notes = CharField(max_length=200, default="")

    class Meta:
        indexes = ((("program", "period"), False), (("status",), False))


class Payment(BaseModel):
    """One line of money. Once ``posted`` it never changes (database triggers):
    a correction is a reversal row (negative amount, ``reverses`` → original)."""

    batch = ForeignKeyField(PaymentBatch, null=True, backref="payments", on_delete="RESTRICT")
    batch_id: int | None
    program = ForeignKeyField(Program, on_delete="RESTRICT", backref="+")
    program_id: int
    household = ForeignKeyField(Household, backref="payments", on_delete="RESTRICT")
    household_id: int
    person = ForeignKeyField(Person, null=True, backref="payments", on_delete="RESTRICT")
    person_id: int | None
    township = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    township_id: int
    village = ForeignKeyField(Area, on_delete="RESTRICT", backref="+")
    village_id: int
    period = CharField(max_length=10)
    category = CharField(max_length=10, default="")
    people = IntegerField(default=1)
    months = IntegerField(default=1)
    standard_fen = IntegerField(default=0)
    amount_fen = IntegerField()
    payee_name = CharField(max_length=40, default="")
    payee_id_number = CharField(max_length=18, default="")
    bank_account = CharField(max_length=40, default="")
    paid_date = DateField(null=True)
    reason = CharField(max_length=200, default="")  # adjustment / one-off / reversal reason
    posted = BooleanField(default=False)
    reverses = ForeignKeyField("self", null=True, backref="reversals", on_delete="RESTRICT")
    reverses_id: int | None
    reissue_of = ForeignKeyField("self", null=True, backref="reissues", on_delete="RESTRICT")
    reissue_of_id: int | None
    created_by = CharField(max_length=40, default="")
    created_at = DateTimeField(default=_now)
    # Migration 6: the bank of ``bank_account`` when the line was made (开户银行), and how the
    # amount was reached (医疗救助's costs, 临时救助's type …) as canonical JSON.
    bank_name = CharField(max_length=40, default="", constraints=EMPTY)
    details = TextField(default="", constraints=EMPTY)

    class Meta:
        indexes = (
            (("village", "program", "period"), False),
            (("township", "program", "period"), False),
            (("program", "period"), False),
            (("household", "program", "period"), False),
            (("person", "program", "period"), False),
        )


class PaymentOutcome(BaseModel):
    """What the bank's return file said of a posted payment (the payment stays as is)."""

    payment = ForeignKeyField(Payment, backref="outcomes", on_delete="RESTRICT")
    payment_id: int
    result = CharField(max_length=8)  # paid / failed
    date = DateField()
    note = CharField(max_length=200, default="")
    recorded_by = CharField(max_length=40, default="")
    recorded_at = DateTimeField(default=_now)


class Allocation(BaseModel):
    """资金下达: money a level of government allotted to a program for a year, by a document
    (文号). Never edited: a wrong one is voided with a reason (migration 6)."""

    program = ForeignKeyField(Program, backref="allocations", on_delete="RESTRICT")
    program_id: int
    year = IntegerField()
    level = CharField(max_length=10)  # enums.FUND_LEVELS: central / province / city / county
    amount_fen = IntegerField()
    doc_no = CharField(max_length=60)  # 文号, e.g. 湘财社〔2018〕12号
    issued_on = DateField(null=True)  # the document's date
    created_by = CharField(max_length=40, default="")
    created_at = DateTimeField(default=_now)
    voided_by = CharField(max_length=40, default="")
    voided_at = DateTimeField(null=True)
    void_reason = CharField(max_length=200, default="")

    class Meta:
        indexes = ((("program", "year"), False),)


class PeriodLock(BaseModel):
    """Lock and reopen events of a month; the latest event is in force."""

    period = CharField(max_length=7)  # 'YYYY-MM'
    action = CharField(max_length=8)  # lock / reopen
    reason = CharField(max_length=200, default="")
    by_user = CharField(max_length=40)
    at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("period", "at"), False),)


# --- settings and the audit log ---------------------------------------------------


class Setting(BaseModel):
    """A configurable value (caps, standards, signatories) in force from a date on."""

    key = CharField(max_length=60)
    value = TextField()  # JSON
    effective_from = DateField(default=dt.date(2000, 1, 1))
    recorded_by = CharField(max_length=40, default="")
    recorded_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("key", "effective_from"), True),)


class AuditEntry(BaseModel):
    """Append-only (database triggers); each entry hashes the previous one."""

    seq = AutoField()
    at = CharField(max_length=32)  # ISO timestamp, part of the hash
    username = CharField(max_length=40)
    action = CharField(max_length=40)
    table_name = CharField(max_length=40, default="")
    record_id = CharField(max_length=40, default="")
    before = TextField(default="")  # canonical JSON
    after = TextField(default="")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)
    # The rows this change wrote, in canonical form (suining_desk.db.capture): part of
    # the hash, so `audit verify` can compare today's records with the last logged state.
    states = TextField(default="")

    class Meta:
        indexes = ((("table_name", "record_id"), False),)


class AuditDigest(BaseModel):
    """Row hashes of a bulk write (demo, import, large batch), one chunk of rows a row;
    the audit entry ``entry_seq`` lists each chunk's SHA-256. Append-only (triggers)."""

    entry_seq = IntegerField(index=True)
    table_name = CharField(max_length=40)
    ids = TextField()  # run-length: '1-4096' or '3,5,7-9'
    columns = TextField()  # comma-separated, the order the row hashes use
    hashes = BlobField()  # 8 bytes per row, in the order of ``ids``


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion,
    Area,
    User,
    Household,
    Person,
    NameKey,
    MemberChange,
    StatusChange,
    SettlementSite,
    Relocation,
    Renovation,
    Blob,
    Attachment,
    Program,
    Standard,
    Enrolment,
    PaymentBatch,
    Payment,
    PaymentOutcome,
    Allocation,
    PeriodLock,
    Setting,
    AuditEntry,
    AuditDigest,
]
