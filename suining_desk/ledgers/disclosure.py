"""What a public notice (公示) may show, by kind: the one policy every 公示 is printed by.

The law's default (PIPL art. 6 and 28: the least personal information the purpose needs;
health information is sensitive):

* a 低保 or 特困供养 notice names the household head, the people covered and the amount —
  nothing else personal: no ID column at all, no category (it tells the family's income
  level), no standard, no dates, no free-text notes;
* no notice shows health details: 医疗救助's illness category and its costs are never
  printed on one, nor the free-text 事由 of 医疗救助 or 临时救助 (it often says 因病…);
* every other notice shows ID numbers masked by :func:`suining_desk.domain.idnumber.mask`, never
  a bank, an account or a telephone (numbers in notes are masked, see
  :func:`suining_desk.ledgers.kinds.common.note_cell`).

An admin may make notices stricter (台账设置: leave out ID numbers, names of members,
dates, notes … in every notice) but never looser: the columns printed are always the
law's default less what the admin left out (:func:`notice_columns`), so no setting can
add one back. The internal ledgers (台账) are not notices: they show everything.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

# Columns a kind may put on a notice, by a key shared across kinds (what an admin can
# leave out is one of these; the rest are always allowed or never).
ID_NUMBER: Final = "id_number"
MEMBER: Final = "member"  # the beneficiary named beside the head (享受人)
CATEGORY: Final = "category"
STANDARD: Final = "standard"
PAID_DATE: Final = "paid_date"
NOTE: Final = "note"
DETAIL: Final = "detail"  # a program's public facts (school, industry, patrol area …)
ORIGIN: Final = "origin"  # 迁出地 of a relocation
DATES: Final = "dates"  # a housing record's dates

OPTIONAL: Final = {
    ID_NUMBER: "身份证号（遮挡后）", MEMBER: "享受人姓名", CATEGORY: "类别", STANDARD: "补助标准",
    PAID_DATE: "发放日期", NOTE: "备注", DETAIL: "项目情况（学校、产业、管护区域等）", ORIGIN: "迁出地",
    DATES: "开工、竣工、入住等日期",
}
"""What an admin may leave out of every notice, with the words the settings show."""

MINIMAL_PROGRAMS: Final = frozenset({"dibao", "tekun"})  # head, people and amount only
HEALTH_PROGRAMS: Final = frozenset({"medical"})  # no notes, no costs, no illness
SENSITIVE_NOTES: Final = frozenset({"medical", "temporary"})  # 事由 may say 因病…


def payment_notice_columns(program_code: str, hidden: Collection[str]) -> frozenset[str]:
    """The optional columns a payment notice of ``program_code`` prints: the law's default
    for the program less ``hidden`` (the admin's stricter choice; it can only take away)."""
    if program_code in MINIMAL_PROGRAMS:
        allowed: set[str] = set()
    else:
        allowed = {ID_NUMBER, MEMBER, CATEGORY, STANDARD, PAID_DATE, NOTE, DETAIL}
        if program_code in SENSITIVE_NOTES:
            allowed.discard(NOTE)
    return frozenset(allowed - set(hidden))


def housing_notice_columns(hidden: Collection[str]) -> frozenset[str]:
    """The optional columns of a relocation or renovation notice."""
    return frozenset({ID_NUMBER, ORIGIN, DATES, NOTE, DETAIL} - set(hidden))


def check_hidden(keys: Collection[str]) -> list[str]:
    """The keys an admin's setting may hold (unknown ones are dropped, never widened)."""
    return sorted(k for k in keys if k in OPTIONAL)
