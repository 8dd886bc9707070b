"""台账设置: what the printed forms take from the office rather than from the records.

* the notice rules (公示期): days and how they count (自然日 / 工作日), per rule group —
  民政 assistance (低保, 特困, 医疗救助, 临时救助, 残疾人两项补贴: 7 days) and 扶贫 funds and
  projects (everything else, an admin's new program included: at least 10 days);
* the 公示's 监督电话, 举报电话, the office that hears objections and where (地点、方式);
* the notice columns an admin leaves out beyond the law's default (stricter only, see
  :mod:`suining_desk.ledgers.disclosure`);
* the signature lines of each ledger kind (:mod:`suining_desk.ledgers.signatures`).

Values are JSON in the ``setting`` table under ``ledger.*`` keys, one row each (from the
default date: they are not dated like caps), written by an admin and logged. A ledger
copies what it uses into its spec when printed, so changing a value never changes a
ledger already printed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from suining_desk import audit
from suining_desk.db.models import Setting, database
from suining_desk.domain.enums import CALENDAR_DAYS, NOTICE_UNITS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.actors import ADMIN, require_in_area
from suining_desk.services.settings import DEFAULT_FROM

PREFIX: Final = "ledger."
CIVIL: Final = "civil"  # 民政救助
POVERTY: Final = "poverty"  # 扶贫资金项目
RULE_GROUPS: Final = {CIVIL: "民政救助", POVERTY: "扶贫资金和项目"}
RULE_DAYS: Final = {CIVIL: 7, POVERTY: 10}  # the rules' minimums
CIVIL_PROGRAMS: Final = frozenset({"dibao", "tekun", "medical", "temporary", "disability"})
MAX_TEXT: Final = 60
MAX_NOTICE_DAYS: Final = 90


def rule_group(program_code: str | None) -> str:
    """The notice rule a program's ledgers follow (no program: a housing ledger, 扶贫)."""
    return CIVIL if program_code in CIVIL_PROGRAMS else POVERTY


@dataclass(frozen=True)
class NoticeRule:
    group: str
    days: int
    unit: str  # CALENDAR_DAYS or WORKING_DAYS

    @property
    def label(self) -> str:
        return RULE_GROUPS[self.group]


@dataclass(frozen=True)
class NoticeContacts:
    phone: str = ""  # 监督电话
    report_phone: str = ""  # 举报电话
    office: str = ""  # 受理异议的单位 ('' : the ledger's 填报单位)
    address: str = ""  # 地点、方式


def _read(key: str, default: Any) -> Any:
    row = Setting.get_or_none((Setting.key == PREFIX + key) & (Setting.effective_from == DEFAULT_FROM))
    if row is None:
        return default
    try:
        value = json.loads(row.value)
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def notice_rule(group: str) -> NoticeRule:
    days = _read(f"notice.{group}.days", RULE_DAYS[group])
    unit = _read(f"notice.{group}.unit", CALENDAR_DAYS)
    return NoticeRule(group, days if 1 <= days <= MAX_NOTICE_DAYS else RULE_DAYS[group],
                      unit if unit in NOTICE_UNITS else CALENDAR_DAYS)


def notice_contacts() -> NoticeContacts:
    return NoticeContacts(*(str(_read(f"notice.{k}", "")) for k in ("phone", "report_phone", "office", "address")))


def hidden_notice_columns() -> tuple[str, ...]:
    found = _read("notice.hidden", [])
    return tuple(sorted(str(x) for x in found))


def signer_roles(kind: str, default: tuple[str, ...]) -> tuple[str, ...]:
    found = _read(f"signers.{kind}", [])
    return tuple(str(x) for x in found) or default


def rule_problems(group: str, days: int, unit: str) -> list[Problem]:
    problems = []
    if group not in RULE_GROUPS:
        problems.append(Problem("bad_choice", {"label": "公示规则", "value": group}))
    if unit not in NOTICE_UNITS:
        problems.append(Problem("notice_bad_unit", {"value": unit}, field="unit"))
    if not 1 <= days <= MAX_NOTICE_DAYS:
        problems.append(Problem("ledger_bad_notice_days", {"value": days, "max": MAX_NOTICE_DAYS}, field="days"))
    elif group in RULE_DAYS and days < RULE_DAYS[group]:
        problems.append(Problem("notice_rule_below_law", {"days": days, "rule_label": RULE_GROUPS[group],
                                                          "law": RULE_DAYS[group]}, field="days"))
    return problems


def save_ledger_settings(values: Mapping[str, Any], *, user: str) -> None:
    """Write several values at once (an admin), one audit entry; ``values`` keys are those
    after ``ledger.`` (``notice.civil.days``, ``notice.phone``, ``signers.payments`` …)."""
    problems: list[Problem] = []
    for group in RULE_GROUPS:
        days = values.get(f"notice.{group}.days", notice_rule(group).days)
        unit = values.get(f"notice.{group}.unit", notice_rule(group).unit)
        problems += rule_problems(group, int(days), str(unit))
    for key in ("phone", "report_phone", "office", "address"):
        text = values.get(f"notice.{key}")
        if isinstance(text, str) and len(text.strip()) > MAX_TEXT:
            problems.append(Problem("too_long", {"label": _TEXT_LABELS[key], "max": MAX_TEXT}, field=key))
    if problems:
        raise InvalidInput(problems)
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, None)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for key, value in sorted(values.items()):
            value = value.strip() if isinstance(value, str) else value
            value = list(value) if isinstance(value, tuple) else value
            old = Setting.get_or_none((Setting.key == PREFIX + key) & (Setting.effective_from == DEFAULT_FROM))
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            if old is not None and old.value == text:
                continue
            if old is None:
                Setting.create(key=PREFIX + key, value=text, effective_from=DEFAULT_FROM, recorded_by=user)
            else:
                before[key] = json.loads(old.value)
                Setting.update(value=text, recorded_by=user).where(Setting.id == old.id).execute()
            after[key] = value
        if after:
            audit.append("ledger_settings_changed", username=user, table_name="setting", before=before or None,
                         after=after)


_TEXT_LABELS: Final = {"phone": "监督电话", "report_phone": "举报电话", "office": "受理异议的单位",
                       "address": "反映地点和方式"}
