"""The columns of a 资金发放台账, chosen for the program, its payments and the variant.

Every column has a key; a ledger prints the columns its payments need (see
:func:`chosen`): the beneficiary beside the payee for programs paid for named people, the
household head for the others; 类别 when the payments carry one; 补助标准 unless the
program is one-off; the program's own facts (医疗救助's costs and aid rate, 雨露计划's
school and grade …, :mod:`suining_desk.services.aid_details`) between the people and the
amount, so the row shows how its amount was reached; 开户银行 beside 账号. A 公示 keeps
only what :mod:`suining_desk.ledgers.disclosure` allows for the program.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from suining_desk.ledgers import disclosure as D
from suining_desk.ledgers.model import Align, Column, Total
from suining_desk.services.aid_details import SELF_PAID, DetailField, ProgramDetails

ONE_OFF: Final = "once"  # Program.frequency of one-off aid


@dataclass(frozen=True)
class Slot:
    key: str
    column: Column
    notice: str | None = None  # its disclosure key: a 公示 prints it only if allowed (None: always)
    internal: bool = False  # never on a 公示 (banks and accounts)


BEFORE: Final = (
    Slot("seq", Column("序号", 3.4, whole=True)),
    Slot("place", Column("村", 6.5)),
    Slot("group", Column("组", 4.2)),
    Slot("head", Column("户主姓名", 5.5, whole=True)),  # per household: the payee (the head, unless another)
    Slot("head_id", Column("身份证号", 11.5, whole=True), D.ID_NUMBER),
    Slot("person", Column("享受人", 5.0, whole=True), D.MEMBER),  # per person: whom the aid is for …
    Slot("person_id", Column("享受人身份证号", 11.5, whole=True), D.ID_NUMBER),
    Slot("category", Column("类别", 3.8), D.CATEGORY),
    Slot("payee", Column("领款人", 5.0, whole=True), D.MEMBER),  # … and who was paid (the head or a guardian)
    Slot("people", Column("享受人数", 3.8, whole=True)),
)
AFTER: Final = (
    Slot("standard", Column("补助标准", 5.2, Align.RIGHT, whole=True), D.STANDARD),
    Slot("amount", Column("金额", 6.2, Align.RIGHT, Total.FEN)),
    Slot("paid_date", Column("发放日期", 6.6, whole=True), D.PAID_DATE),
    Slot("bank", Column("开户银行", 9.0), internal=True),
    Slot("account", Column("账号", 12.5, whole=True), internal=True),
    Slot("note", Column("备注", 10.0, Align.LEFT), D.NOTE),
)
HEAD_KEYS: Final = frozenset({"head", "head_id"})
PERSON_KEYS: Final = frozenset({"person", "person_id", "payee"})


def detail_slots(details: ProgramDetails | None) -> tuple[tuple[Slot, DetailField], ...]:
    """The program's facts as columns (医疗救助 also the self-paid share it derives)."""
    if details is None:
        return ()
    fields: list[DetailField] = []
    for f in details.fields:
        fields.append(f)
        if f.key == "reimbursed_fen":
            fields.append(SELF_PAID)
    out = []
    for f in fields:
        figure = f.kind in ("fen", "rate", "date")
        align = Align.RIGHT if f.kind in ("fen", "rate") else Align.CENTER if figure else Align.LEFT
        weight = 5.6 if figure else 7.0
        column = Column(f.label, weight, align, whole=figure)
        out.append((Slot(f"detail:{f.key}", column, D.DETAIL if f.public else None, internal=not f.public), f))
    return tuple(out)


@dataclass(frozen=True)
class Facts:
    """What the payments printed have in common, for choosing columns."""

    per_person: bool  # some payment names a person
    categories: bool  # some payment carries a category
    several_people: bool  # some line is for more than one person
    one_off: bool
    program_code: str


def chosen(slots: Sequence[Slot], facts: Facts, public: bool, hidden: Collection[str]) -> list[Slot]:
    """The slots a ledger prints, in order."""
    minimal = public and facts.program_code in D.MINIMAL_PROGRAMS
    dropped: set[str] = set(HEAD_KEYS if facts.per_person and not minimal else PERSON_KEYS)
    if not facts.categories:
        dropped.add("category")
    if facts.per_person and not facts.several_people and not minimal:
        dropped.add("people")
    if facts.one_off:  # no standard, only a cap: see the payments kind's notes
        dropped.add("standard")
    allowed = D.payment_notice_columns(facts.program_code, hidden) if public else frozenset()
    out = []
    for slot in slots:
        if slot.key in dropped:
            continue
        if public and (slot.internal or (slot.notice is not None and slot.notice not in allowed)):
            continue
        out.append(slot)
    return out
