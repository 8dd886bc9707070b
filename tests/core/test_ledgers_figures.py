"""QA findings 1 and 2: figures are never split over two lines (portrait, huge totals), and
a per-person program's ledger names the beneficiary of every payment."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from suining_desk.db.models import Payment, Person, Program, Relocation, database
from suining_desk.domain.idnumber import mask
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers import make_spec, write_ledger
from suining_desk.ledgers.kinds import common
from tests.ledger_pdf import AFTER_DEMO, DATE, ID_NUMBER, MONEY, SUBTOTAL, TOTAL, page_count
from tests.ledger_pdf import fen as _fen
from tests.ledger_pdf import pdf_text as _text

ROW_AMOUNT = re.compile(rf"^\s*\d+\s.*\s({MONEY})\s+\d{{4}}-\d\d-\d\d(\s|$)")
MASKED = re.compile(r"(?<![0-9*])[0-9]{6}\*{8}[0-9]{3}[0-9X](?![0-9])")
HUGE = 9_999_999_999  # 99,999,999.99


@pytest.fixture
def demo(small_demo: Path) -> Path:
    return small_demo


def _raw(pdf: Path) -> str:
    """The text in content order: a figure split over two lines shows as two."""
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _ledger(kind: str, out: Path, raw: dict[str, object], **options: object) -> Path:
    date = AFTER_DEMO if kind == "relocations" else DATE  # not before the ledger's newest record
    spec = make_spec(kind, raw, date=date, **options)  # type: ignore[arg-type]
    write_ledger(spec, out, username="tester")
    return out


def _huge_dibao_payment() -> None:
    dibao = Program.get(name="低保")
    source: Payment = Payment.get((Payment.period == "2018-11") & (Payment.program == dibao.id) & Payment.posted)
    fields = ("program", "household", "person", "township", "village", "period", "people", "standard_fen",
              "payee_name", "payee_id_number", "bank_account", "paid_date")
    Payment.create(**{f: getattr(source, f) for f in fields}, posted=True, amount_fen=HUGE)


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_portrait_amounts_subtotals_and_total_stay_on_one_line(demo: Path, tmp_path: Path, paper: str) -> None:
    _huge_dibao_payment()
    raw: dict[str, object] = {"program": "低保", "year": 2018, "month": 11}
    pdf = _ledger("payments", tmp_path / "big.pdf", raw, portrait=True, paper=paper)
    count, total = database.execute_sql(
        "SELECT COUNT(*), SUM(amount_fen) FROM payment WHERE posted = 1 AND program_id = ? AND period = '2018-11'",
        [Program.get(name="低保").id]).fetchone()
    assert total > 100_000_000_00
    plain = _raw(pdf)
    assert fen_to_yuan_str(HUGE) in plain
    assert re.search(rf"合计（共\d+户\d+人） {re.escape(fen_to_yuan_str(total))}", plain)
    pages = _text(pdf)
    amounts, subtotal_sum = [], 0
    for page in pages:
        rows = [_fen(m.group(1)) for line in page.splitlines() if (m := ROW_AMOUNT.match(line))]
        subtotals = [_fen(m.group("money")) for line in page.splitlines() if (m := SUBTOTAL.match(line))]
        assert subtotals == [sum(rows)]
        amounts += rows
        subtotal_sum += subtotals[0]
    assert len(amounts) == count and sum(amounts) == total == subtotal_sum
    totals = [_fen(m.group("money")) for line in pages[-1].splitlines() if (m := TOTAL.match(line))]
    assert totals == [total]
    assert len(ID_NUMBER.findall(plain)) == count  # every ID number whole


@pytest.mark.parametrize("public", [False, True])
def test_portrait_relocations_keep_id_numbers_and_dates_whole(demo: Path, tmp_path: Path, public: bool) -> None:
    pdf = _ledger("relocations", tmp_path / "reloc.pdf", {"year": 2017}, portrait=True, public=public)
    plain = _raw(pdf)
    records = list(Relocation.select().where(Relocation.batch_year == 2017))
    assert records
    ids = ID_NUMBER.findall(plain)
    assert len(MASKED.findall(plain) if public else ids) == len(records)
    if public:
        assert not ids
    for r in records:
        for day in (r.moved_in_date, r.demolished_date):
            if day is not None:
                assert day.isoformat() in plain
    total, people = sum(r.subsidy_fen for r in records), sum(r.people for r in records)
    area = common.square_metres(sum(r.house_area_x100 for r in records))
    # households counted; people, floor area and money summed
    assert f"合计（共{len(records)}户） {people} {area} {fen_to_yuan_str(total)}" in plain
    assert plain.count("本页小计（共") == page_count(pdf)


def _disability_lines(public: bool, out: Path) -> tuple[list[Payment], str]:
    program = Program.get(name="残疾人两项补贴")
    raw: dict[str, object] = {"program": program.name, "year": 2017, "month": 10}
    text = "\n".join(_text(_ledger("payments", out, raw, public=public)))
    payments = list(Payment.select().where((Payment.program == program.id) & (Payment.period == "2017-10")
                                           & Payment.posted))
    return payments, text


@pytest.mark.parametrize("public", [False, True])
def test_a_per_person_ledger_names_each_beneficiary(demo: Path, tmp_path: Path, public: bool) -> None:
    payments, text = _disability_lines(public, tmp_path / "dis.pdf")
    header = re.sub(r"\s+", "", text.splitlines()[3] + text.splitlines()[4])
    assert "享受人" in text and "类别" in text and "领款人" in text and "户主姓名" not in text, header
    lines = text.splitlines()
    for p in payments:
        person = Person.get_by_id(p.person_id)
        number = mask(person.id_number) if public else person.id_number
        found = [line for line in lines if person.name in line.split() and number in line]
        assert found, person.name
        assert any(p.category in line.split() and p.payee_name in line.split() for line in found), person.name
    if public:
        assert not ID_NUMBER.search(text)


def test_two_members_of_one_household_are_told_apart(demo: Path, tmp_path: Path) -> None:
    payments, text = _disability_lines(False, tmp_path / "dis.pdf")
    by_household: dict[int, list[Payment]] = {}
    for p in payments:
        by_household.setdefault(p.household_id, []).append(p)
    pairs = [ps for ps in by_household.values() if len({p.person_id for p in ps}) > 1]
    assert pairs, "the demo has a household with two beneficiaries in 2017-10"
    rows = [line.split() for line in text.splitlines() if ROW_AMOUNT.match(line)]
    for same in pairs:
        printed = [row for row in rows if same[0].payee_name in row]
        beneficiaries = {Person.get_by_id(p.person_id).name for p in same}
        assert {name for row in printed for name in row} >= beneficiaries
        assert len({tuple(row[3:5]) for row in printed}) == len(printed)  # 享受人 and their ID differ
