"""The notice period of a 公示 by the rules, and what to warn a clerk of before printing one.

The rule a ledger follows depends on what it publishes (:func:`rule_for`): 民政 assistance
(低保, 特困, 医疗救助, 临时救助, 残疾人两项补贴) at least 7 days, 扶贫 funds and projects
(the rest, housing included) at least 10, each counted in calendar or working days as the
office's setting says (:mod:`suining_desk.services.ledger_settings`). A clerk may choose a
longer or shorter period; shorter is printed as asked, with a warning that names the rule
and the day it would have ended. The end date is computed once, when printing, and kept
in the spec: a holiday calendar updated later never moves a notice already posted.
"""

from __future__ import annotations

import datetime as dt

from suining_desk.domain.enums import NOTICE_UNITS
from suining_desk.domain.problems import Problem, Severity
from suining_desk.domain.workdays import Period, coverage, notice_period, package_version
from suining_desk.ledgers.spec import LedgerSpec
from suining_desk.services.ledger_settings import NoticeRule, notice_rule, rule_group


def rule_for(kind: str, filters: dict[str, object] | object) -> NoticeRule:
    """The notice rule of a ledger: by its program for payments, 扶贫 for housing."""
    program = filters.get("program") if isinstance(filters, dict) and kind == "payments" else None
    return notice_rule(rule_group(str(program) if program is not None else None))


def _date_cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_words(days: int, unit: str) -> str:
    return f"{days}个{NOTICE_UNITS.get(unit, unit)}"


def notice_warnings(spec: LedgerSpec) -> list[Problem]:
    """Warnings about a 公示's period (nothing for a ledger that is not one): shorter than
    its rule, or counted in working days over a year the holiday calendar does not know."""
    if not spec.public or spec.notice_end is None:
        return []
    rule = rule_for(spec.kind, dict(spec.filters))
    chosen = notice_period(spec.date, spec.notice_days, spec.notice_unit)
    needed = notice_period(spec.date, rule.days, rule.unit)
    problems: list[Problem] = []
    if spec.notice_end < needed.end:
        problems.append(Problem("notice_shorter_than_rule", {
            "chosen": f"{period_words(spec.notice_days, spec.notice_unit)}（到{_date_cn(spec.notice_end)}）",
            "rule_label": rule.label, "days": rule.days, "unit": NOTICE_UNITS[rule.unit],
            "end": _date_cn(needed.end)}, Severity.WARNING, field="notice_days"))
    problems += holiday_warnings(chosen, needed)
    return problems


def holiday_warnings(*periods: Period) -> list[Problem]:
    guessed = sorted({year for p in periods for year in p.guessed_years})
    if not guessed:
        return []
    return [Problem("notice_holidays_unknown", {
        "last": coverage()[1], "package": package_version(), "years": "、".join(map(str, guessed))},
        Severity.WARNING, field="notice_days")]
