"""The aid program catalogue (from the county's 2014–2018 programs) and its standards: data,
no database (:func:`suining_desk.services.catalogue.install_programs` writes it).

Every new database gets the programs without their standards (those the county sets, with
their dates: :mod:`suining_desk.services.new_database`); the demo county gets both.
Amounts are integer fen. For one-off programs (医疗救助, 临时救助, 产业扶贫奖补) the
standard is the most one payment may be; for the others it is the amount per
beneficiary per period, in force from ``effective_from`` until the next row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class StandardSpec:
    category: str
    amount_fen: int
    effective_from: dt.date


@dataclass(frozen=True)
class ProgramSpec:
    code: str
    name: str
    basis: str  # enums.PROGRAM_BASIS
    frequency: str  # enums.FREQUENCIES
    funding_source: str
    batch_prefix: str  # first part of a batch number: DB-430527100-2018-11
    standards: tuple[StandardSpec, ...]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _yuan(amount: int | float) -> int:
    return round(amount * 100)


def _steps(category: str, *pairs: tuple[str, float]) -> tuple[StandardSpec, ...]:
    return tuple(StandardSpec(category, _yuan(amount), _d(day)) for day, amount in pairs)


PROGRAMS: tuple[ProgramSpec, ...] = (
    ProgramSpec(
        "dibao", "低保", "person", "monthly", "中央财政、省级财政、县级财政", "DB",
        _steps("A", ("2016-01-01", 260), ("2017-01-01", 280), ("2018-01-01", 300),
               ("2018-07-01", 320))
        + _steps("B", ("2016-01-01", 200), ("2017-01-01", 215), ("2018-01-01", 230),
                 ("2018-07-01", 245))
        + _steps("C", ("2016-01-01", 120), ("2017-01-01", 135), ("2018-01-01", 150),
                 ("2018-07-01", 165)),
    ),
    ProgramSpec(
        "tekun", "特困供养", "person", "monthly", "中央财政、省级财政", "TK",
        _steps("", ("2016-01-01", 300), ("2017-01-01", 340), ("2018-01-01", 380)),
    ),
    ProgramSpec(
        "disability", "残疾人两项补贴", "person", "monthly", "省级财政、县级财政", "CJ",
        _steps("生活", ("2016-01-01", 50), ("2018-01-01", 60))
        + _steps("护理", ("2016-01-01", 50), ("2018-01-01", 60))
        + _steps("两项", ("2016-01-01", 100), ("2018-01-01", 120)),
    ),
    ProgramSpec(
        "medical", "医疗救助", "person", "once", "中央财政、县级财政（医疗救助基金）", "YLJZ",
        _steps("", ("2016-01-01", 30000)),
    ),
    ProgramSpec(
        "temporary", "临时救助", "household", "once", "县级财政", "LSJZ",
        _steps("", ("2016-01-01", 5000)),
    ),
    ProgramSpec(
        "education", "助学补助", "person", "term", "中央财政、省级财政", "ZX",
        _steps("学前", ("2016-01-01", 500))
        + _steps("小学", ("2016-01-01", 500))
        + _steps("初中", ("2016-01-01", 625))
        + _steps("高中", ("2016-01-01", 1000))
        + _steps("大学", ("2016-01-01", 1500)),
    ),
    ProgramSpec(
        "yulu", "雨露计划", "person", "term", "中央财政（财政专项扶贫资金）", "YLJH",
        _steps("", ("2016-01-01", 1500)),
    ),
    ProgramSpec(
        "ranger", "生态护林员补助", "person", "yearly", "中央财政", "HLY",
        _steps("", ("2017-01-01", 10000)),
    ),
    ProgramSpec(
        "industry", "产业扶贫奖补", "household", "once", "县级财政（统筹整合涉农资金）", "CY",
        _steps("", ("2016-01-01", 5000)),
    ),
)

PROGRAMS_BY_CODE: dict[str, ProgramSpec] = {p.code: p for p in PROGRAMS}


def standard_fen(code: str, category: str, on: dt.date) -> int:
    """The standard of ``code``/``category`` in force on ``on`` (KeyError if none yet)."""
    best: StandardSpec | None = None
    for s in PROGRAMS_BY_CODE[code].standards:
        if s.category == category and s.effective_from <= on and (
            best is None or s.effective_from > best.effective_from
        ):
            best = s
    if best is None:
        raise KeyError(f"{code}/{category} has no standard on {on}")
    return best.amount_fen


def categories(code: str) -> list[str]:
    """The categories of a program, in catalogue order ('' when it has none)."""
    seen: dict[str, None] = {}
    for s in PROGRAMS_BY_CODE[code].standards:
        seen.setdefault(s.category, None)
    return list(seen)
