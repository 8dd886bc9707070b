"""The signature lines at the foot of a ledger, as offices sign them, configurable per kind.

A township office signs a payment ledger as 经办人, 审核人, 分管领导 and 主要领导; a
ledger that goes up to the county also carries the review lines of the program's county
department (主管部门) and of finance (财政部门), signed and sealed by hand there. Which
lines a kind prints is an admin's setting (台账设置), the default below otherwise; the
names on them are typed when printing (经办人 defaults to the user's full name). The
household file (一户一档) adds the lines its data asks for: the household's own signature
and, once households are paired with cadres, the 帮扶责任人's.

The lines chosen are stored in the ledger's spec (``signers``) when it is printed, so a
later change of the setting never changes a ledger already printed. A form-1 spec (none
stored) keeps its three lines 制表人, 审核人, 负责人.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from suining_desk.domain.problems import Problem
from suining_desk.ledgers.model import LedgerContent, Signatures
from suining_desk.ledgers.spec import LedgerSpec

ROLES: Final = {
    "preparer": "经办人", "reviewer": "审核人", "deputy": "分管领导", "head": "主要领导",
    "department": "主管部门审核", "finance": "财政部门审核",
}
NAMED: Final = ("preparer", "reviewer", "deputy", "head")  # typed when printing; the others are signed by hand

DEFAULTS: Final[dict[str, tuple[str, ...]]] = {
    "payments": ("preparer", "reviewer", "deputy", "head"),
    "summary": ("preparer", "reviewer", "deputy", "head", "department", "finance"),
    "relocations": ("preparer", "reviewer", "deputy", "head", "department"),
    "renovations": ("preparer", "reviewer", "deputy", "head", "department"),
    "household": ("preparer", "reviewer"),
}
FORM_1: Final = (("制表人", "preparer"), ("审核人", "reviewer"), ("负责人", "head"))


def default_signers(kind: str) -> tuple[str, ...]:
    return DEFAULTS.get(kind, DEFAULTS["payments"])


def check_signers(roles: Iterable[str]) -> list[Problem]:
    """An admin's choice of lines: known roles, at least one, none twice."""
    chosen = list(roles)
    problems = [Problem("ledger_signer_unknown", {"value": r, "choices": "、".join(ROLES.values())})
                for r in chosen if r not in ROLES]
    if not chosen:
        problems.append(Problem("required", {"label": "签字栏"}))
    if len(set(chosen)) != len(chosen):
        problems.append(Problem("bad_choice", {"label": "签字栏", "value": "重复"}))
    return problems


def signatures_for(spec: LedgerSpec, content: LedgerContent) -> Signatures:
    """The lines a ledger prints: the spec's roles with their names, then the data's own."""
    if spec.form < 2:
        lines = tuple((label, spec.name_of(role)) for label, role in FORM_1)
    else:
        lines = tuple((ROLES[role], spec.name_of(role)) for role in spec.signers if role in ROLES)
        lines += tuple((label, "") for label in content.data_signers)
    return Signatures(lines, spec.date)
