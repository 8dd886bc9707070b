"""What one part of a ledger says agrees with the others, kind by kind (issue 18, item 8):
rows with their sums and counts, the summary with the payment ledgers, the household
file's form with its own tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from suining_desk.db.models import Household, Program, database
from suining_desk.ledgers import make_spec, prepare
from suining_desk.ledgers.model import LedgerContent, Section, tally_words
from tests.ledger_pdf import AFTER_DEMO


def _content(kind: str, raw: dict[str, object]) -> LedgerContent:
    return prepare(make_spec(kind, raw, date=AFTER_DEMO)).document.content


def _column(content: LedgerContent, title: str) -> list[str]:
    at = [c.title for c in content.columns].index(title)
    return [row.cells[at] for row in content.rows]


def _fen(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    yuan, _, cents = text.lstrip("-").partition(".")
    return sign * (int(yuan) * 100 + int(cents or 0))


@pytest.mark.parametrize("program", ["低保", "医疗救助", "残疾人两项补贴", "雨露计划"])
def test_payments_rows_sums_and_counts_agree(small_demo: Path, program: str) -> None:
    content = _content("payments", {"program": program, "year": 2018, "township": "长铺镇"})
    assert content.rows
    amounts = [_fen(x) for x in _column(content, "金额")]
    assert amounts == [row.numbers[0] for row in content.rows]  # each row's money is what is summed
    paid = [row for row in content.rows if row.tally is not None]
    households = {row.tally.household for row in paid if row.tally}
    assert tally_words(content.rows, True).startswith(f"共{len(households)}户")
    assert all(row.numbers[0] > 0 for row in paid)  # a reversal pays nobody
    numbers = [int(x) for x in _column(content, "序号")]
    assert numbers == list(range(1, len(content.rows) + 1))


def test_the_summary_agrees_with_each_programs_payment_ledger(small_demo: Path) -> None:
    summary = _content("summary", {"year": 2018, "township": "长铺镇"})
    titles = [c.title for c in summary.columns]
    village, program, count, paid = (titles.index(t) for t in ("村", "项目", "笔数", "支出金额"))
    subtotals = {row.cells[program]: row for row in summary.rows if row.cells[village] == "小计"}
    assert subtotals
    for name, row in subtotals.items():
        ledger = _content("payments", {"program": name, "year": 2018, "township": "长铺镇"})
        assert _fen(row.cells[paid]) == sum(r.numbers[0] for r in ledger.rows), name
        assert int(row.cells[count]) == len(ledger.rows), name
        villages = [r for r in summary.rows if r.cells[program] == name and r.cells[village] != "小计"]
        assert sum(r.numbers[1] for r in villages) == _fen(row.cells[paid])  # villages add up to the 小计


def test_relocation_totals_are_the_rows_sums(small_demo: Path) -> None:
    content = _content("relocations", {"year": 2017})
    people = sum(int(x) for x in _column(content, "搬迁人口"))
    assert [sum(r.numbers[0] for r in content.rows)] == [people]
    areas = [x for x in _column(content, "安置房面积（㎡）") if x]
    assert sum(r.numbers[1] for r in content.rows) == sum(round(float(x) * 100) for x in areas)
    assert tally_words(content.rows, False) == f"共{len(content.rows)}户"
    for per_person, area, moved in zip(_column(content, "人均面积（㎡）"), _column(content, "安置房面积（㎡）"),
                                       _column(content, "搬迁人口"), strict=True):
        if area:
            assert abs(float(per_person.removesuffix("（超）")) - float(area) / int(moved)) < 0.01


def test_renovation_households_are_its_rows(small_demo: Path) -> None:
    content = _content("renovations", {"year": 2018})
    assert tally_words(content.rows, False) == f"共{len({r.tally.household for r in content.rows if r.tally})}户"
    households = database.execute_sql("SELECT COUNT(DISTINCT household_id) FROM renovation WHERE year = 2018"
                                      ).fetchone()[0]
    assert tally_words(content.rows, False) == f"共{households}户"


def _section(content: LedgerContent, title: str) -> Section:
    return next(s for s in content.sections if s.title == title)


def _form(content: LedgerContent) -> dict[str, str]:
    cells = [c for row in _section(content, "户基本情况").rows for c in row.cells]
    return dict(zip(cells[0::2], cells[1::2], strict=True))


def test_the_household_files_form_agrees_with_its_tables(small_demo: Path) -> None:
    checked = 0
    for (household_id,) in database.execute_sql(
            "SELECT DISTINCT household_id FROM payment WHERE posted = 1 ORDER BY household_id LIMIT 25").fetchall():
        number = Household.get_by_id(household_id).household_no
        content = prepare(make_spec("household", {"household": number}, date=dt.date.today())).document.content
        form = _form(content)
        aid = {x for x in form["享受政策"].split("、") if x != "无"} | {
            x for x in form["曾享受政策"].split("、") if x != "—"}
        programs = {row.cells[1] for row in _section(content, "资金发放记录").rows}
        programs |= {row.cells[1] for row in _section(content, "享受项目").rows}
        assert programs <= aid, (number, programs - aid)  # never 无 beside a table of payments
        members = _section(content, "家庭成员").rows
        assert form["家庭人口"] == f"{sum(1 for m in members if m.cells[-1] == '在户')}人（在户）"
        assert form["登记成员"] == f"{len(members)}人"
        paid = _section(content, "资金发放记录")
        total = database.execute_sql("SELECT SUM(amount_fen) FROM payment WHERE posted = 1 AND household_id = ?",
                                     [household_id]).fetchone()[0]
        assert paid.total_fen() == total
        checked += 1
    assert checked == 25
    assert Program.select().count() > 5
