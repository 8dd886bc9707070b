"""Ledgers as county offices and auditors expect them (issue 18): where the money comes from,
households and people beside the money, the bank, notices by the privacy policy, the
programs' own columns, the signature lines — read back from the printed PDF."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from peewee import IntegrityError

from suining_desk.cli import main
from suining_desk.db.models import AuditEntry, Household, Payment, Person, Program, database
from suining_desk.domain.money import fen_to_yuan_str, format_fen
from suining_desk.domain.problems import InvalidInput
from suining_desk.ledgers import make_spec, prepare, verify_file, write_ledger
from suining_desk.ledgers.kinds import get_kind
from suining_desk.services import cadres
from suining_desk.services.allocations import AllocationInput, add_allocation, allocations_of, void_allocation
from suining_desk.services.ledger_settings import save_ledger_settings
from tests.ledger_pdf import AFTER_DEMO, DATE, ID_NUMBER, TOTAL, cli_login, pdf_text

SQUEEZE = re.compile(r"\s+")


@pytest.fixture
def demo(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli_login(monkeypatch)
    return small_demo


def _print(kind: str, raw: dict[str, object], out: Path, *, date: dt.date = AFTER_DEMO, **options: object) -> str:
    spec = make_spec(kind, raw, date=date, **options)  # type: ignore[arg-type]
    write_ledger(spec, out, username="tester")
    return SQUEEZE.sub("", "".join(pdf_text(out)))


def _program(name: str) -> Program:
    found: Program = Program.get(Program.name == name)
    return found


# --- 资金下达 ---------------------------------------------------------------------------


def test_allocate_on_the_command_line_in_its_exact_form_and_audited(demo: Path, capsys: pytest.CaptureFixture[str]
                                                                    ) -> None:
    argv = ["program", "allocate", "低保", "--year", "2018", "--level", "省", "--amount", "250,000",
            "--doc", "湘财社〔2018〕31号", "--date", "2018-04-02", "--user", "admin", "--db", str(demo)]
    assert main(argv) == 0
    assert "省级" in capsys.readouterr().out
    from suining_desk.db import open_database

    open_database(demo)
    found = [a for a in allocations_of(_program("低保").id, year=2018) if a.doc_no == "湘财社〔2018〕31号"]
    assert [(a.level, a.amount_fen, a.issued_on) for a in found] == [("province", 25_000_000, dt.date(2018, 4, 2))]
    entry = AuditEntry.select().where(AuditEntry.action == "allocation_added").order_by(AuditEntry.seq.desc()).get()
    assert entry.username == "admin" and "湘财社〔2018〕31号" in entry.after
    assert main([*argv]) == 1  # the same document twice: refused
    assert "已登记过" in capsys.readouterr().err
    assert main([*argv[:6], "乡", *argv[7:]]) == 1
    assert "资金级别“乡”无效" in capsys.readouterr().err


def test_allocations_are_an_admins_and_only_voided(demo: Path) -> None:
    dibao = _program("低保")
    entered = AllocationInput(dibao.id, 2018, "county", 10_000_00, "绥财社〔2018〕99号", dt.date(2018, 5, 1))
    with pytest.raises(InvalidInput):
        add_allocation(entered, user="luru")
    new = add_allocation(entered, user="admin")
    with pytest.raises(IntegrityError):  # the database itself refuses an edit
        database.execute_sql("UPDATE allocation SET amount_fen = 1 WHERE id = ?", [new])
    void_allocation(new, "金额录错", user="admin")
    assert next(a for a in allocations_of(dibao.id) if a.id == new).voided
    with pytest.raises(InvalidInput):
        void_allocation(new, "再次作废", user="admin")


def test_a_payment_ledger_names_its_funding_source_and_allocations(demo: Path, tmp_path: Path) -> None:
    text = _print("payments", {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"},
                  tmp_path / "dibao.pdf", date=DATE)
    assert "资金来源：中央财政、省级财政、县级财政" in text
    found = allocations_of(_program("低保").id, year=2018, voided=False)
    assert found  # the demo's
    for a in found:
        assert f"{a.doc_no}（{a.level_label}）{format_fen(a.amount_fen)}元" in text
    total = sum(a.amount_fen for a in found)
    assert f"合计下达{format_fen(total)}元" in text


def test_the_summary_sets_allocations_against_payments(demo: Path, tmp_path: Path) -> None:
    text = _print("summary", {"year": 2018}, tmp_path / "summary.pdf")
    for name in ("低保", "医疗救助"):
        program = _program(name)
        paid = database.execute_sql("SELECT SUM(amount_fen) FROM payment WHERE posted = 1 AND program_id = ? "
                                    "AND period BETWEEN '2018' AND '2018-~'", [program.id]).fetchone()[0]
        allotted = sum(a.amount_fen for a in allocations_of(program.id, year=2018, voided=False))
        row = re.search(rf"小计{name}\d+\d+?\d+{re.escape(fen_to_yuan_str(paid))}"
                        rf"{re.escape(fen_to_yuan_str(allotted))}{re.escape(fen_to_yuan_str(allotted - paid))}", text)
        assert row, name


# --- households and people beside the money ---------------------------------------------


def test_subtotals_and_total_count_households_and_people_paid(demo: Path, tmp_path: Path) -> None:
    dibao = _program("低保")
    out = tmp_path / "dibao.pdf"
    _print("payments", {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"}, out, date=DATE)
    pages = pdf_text(out)
    households, people = database.execute_sql(
        "SELECT COUNT(DISTINCT household_id), SUM(people) FROM payment WHERE posted = 1 AND program_id = ? "
        "AND period = '2018-11' AND amount_fen > 0", [dibao.id]).fetchone()
    [total] = [m for line in pages[-1].splitlines() if (m := TOTAL.match(line))]
    assert (int(total.group("households")), int(total.group("people"))) == (households, people)


def test_a_reversed_payment_pays_nobody(demo: Path, tmp_path: Path) -> None:
    from suining_desk.services.corrections import reverse_payment

    dibao = _program("低保")
    original = Payment.get((Payment.program == dibao.id) & (Payment.period == "2018-11") & Payment.posted
                           & (Payment.amount_fen > 0))
    raw = {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"}
    before = prepare(make_spec("payments", raw, date=AFTER_DEMO)).document.content
    reverse_payment(original.id, "银行退回", user="shenhe", on=dt.date(2018, 12, 20), today=AFTER_DEMO)
    after = prepare(make_spec("payments", raw, date=AFTER_DEMO)).document.content
    from suining_desk.ledgers.model import tally_words

    assert tally_words(after.rows, True) != tally_words(before.rows, True)
    households = {r.tally.household for r in after.rows if r.tally}
    assert original.household_id not in households or Payment.select().where(
        (Payment.household == original.household_id) & (Payment.period == "2018-11") & (Payment.id != original.id)
        & (Payment.program == dibao.id) & (Payment.amount_fen > 0)).exists()


# --- the bank -------------------------------------------------------------------------


def test_the_internal_ledger_prints_the_bank_beside_the_account_and_the_notice_neither(demo: Path,
                                                                                       tmp_path: Path) -> None:
    raw = {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"}
    internal = _print("payments", raw, tmp_path / "in.pdf", date=DATE)
    household = Household.get(Household.bank_name != "")
    assert "开户银行账号" in internal and household.bank_name[:4] in internal
    public = _print("payments", raw, tmp_path / "pub.pdf", date=DATE, public=True)
    assert "开户银行" not in public and "账号" not in public


# --- notices by the privacy policy ------------------------------------------------------


def test_a_medical_notice_shows_no_health_detail_and_masked_ids(demo: Path, tmp_path: Path) -> None:
    raw = {"program": "医疗救助", "year": 2018, "township": "长铺镇"}
    internal = _print("payments", raw, tmp_path / "in.pdf")
    assert "病种" in internal and "医疗总费用" in internal and "个人自付" in internal and "救助比例" in internal
    public_pdf = tmp_path / "pub.pdf"
    public = _print("payments", raw, public_pdf, public=True)
    for word in ("病种", "医疗总费用", "医保等报销", "个人自付", "救助比例", "备注", "慢性", "肿瘤", "住院"):
        assert word not in public, word
    assert "430527********" in public and not ID_NUMBER.search("".join(pdf_text(public_pdf)))


def test_an_admin_makes_notices_stricter_never_looser(demo: Path, tmp_path: Path) -> None:
    raw = {"program": "残疾人两项补贴", "year": 2017, "month": 10}
    before = _print("payments", raw, tmp_path / "a.pdf", date=DATE, public=True)
    assert "430527********" in before and "享受人身份证号" in before
    save_ledger_settings({"notice.hidden": ["id_number", "paid_date", "bank_account_is_not_a_choice"]},
                         user="admin")
    spec = make_spec("payments", raw, date=DATE, public=True)
    assert spec.hidden == ("id_number", "paid_date")  # an unknown key is dropped, never widening anything
    stricter = _print("payments", raw, tmp_path / "b.pdf", date=DATE, public=True)
    assert "430527" not in stricter and "发放日期" not in stricter and "身份证" not in stricter
    internal = _print("payments", raw, tmp_path / "c.pdf", date=DATE)
    assert "身份证号" in internal  # the clerks' own ledger is not a notice


def test_a_dibao_notice_cannot_be_made_to_show_more(demo: Path, tmp_path: Path) -> None:
    spec = make_spec("payments", {"program": "低保", "year": 2018, "month": 11}, date=DATE, public=True)
    looser = replace(spec, hidden=())  # nothing left out beyond the default …
    titles = [c.title for c in prepare(looser).document.content.columns]
    assert titles == ["序号", "村", "组", "户主姓名", "享受人数", "金额"]  # … is still head, people, amount


def test_the_notices_telephones_and_office_come_from_the_settings(demo: Path, tmp_path: Path) -> None:
    save_ledger_settings({"notice.phone": "0739-7621234", "notice.report_phone": "12317",
                          "notice.office": "长铺镇民政办", "notice.address": "镇便民服务中心二楼"}, user="admin")
    text = _print("payments", {"program": "低保", "year": 2018, "month": 11}, tmp_path / "p.pdf", date=DATE,
                  public=True)
    assert "请向长铺镇民政办实名反映" in text and "监督电话：0739-7621234" in text
    assert "举报电话：12317" in text and "意见反馈（地点、方式）：镇便民服务中心二楼" in text


# --- the programs' own columns ------------------------------------------------------------


def test_medical_aid_shows_how_its_amount_was_reached(demo: Path) -> None:
    raw = {"program": "医疗救助", "year": 2018, "township": "长铺镇"}
    content = prepare(make_spec("payments", raw, date=AFTER_DEMO)).document.content
    titles = [c.title for c in content.columns]
    at = {t: titles.index(t) for t in ("医疗总费用", "医保等报销", "个人自付", "救助比例", "金额")}
    assert list(at.values()) == sorted(at.values())  # costs, then the rate, then the amount
    for row in content.rows:
        total, reimbursed, self_paid = (int(row.cells[at[t]].replace(".", "")) for t in
                                        ("医疗总费用", "医保等报销", "个人自付"))
        assert total - reimbursed == self_paid
        rate = int(row.cells[at["救助比例"]].rstrip("%"))
        amount = int(row.cells[at["金额"]].replace(".", "").replace("-", ""))
        assert amount <= self_paid and abs(self_paid * rate // 100 - amount) <= 100


def test_a_one_off_line_records_its_facts_and_refuses_aid_above_what_was_self_paid(demo: Path) -> None:
    from suining_desk.services import batches

    medical = _program("医疗救助")
    person = Person.select().where(Person.death_date.is_null() & Person.removed_on.is_null()
                                   & Person.id_number.is_null(False)).first()
    household = Household.get_by_id(person.household_id)
    batch = batches.create_one_off_batch(medical.id, "2026-11", household.township_id, user="luru").batch_id
    facts = {"total_cost_fen": "12,000", "reimbursed_fen": "8,000", "rate_x100": "70", "illness": "慢性肾病"}
    with pytest.raises(InvalidInput) as refused:
        batches.add_one_off_line(batch, household.id, 4_500_00, "住院", user="luru", person_id=person.id,
                                 details=facts)
    assert [p.code for p in refused.value.problems] == ["detail_aid_above_self_paid"]
    line = batches.add_one_off_line(batch, household.id, 2_800_00, "住院", user="luru", person_id=person.id,
                                    details=facts)
    stored = Payment.get_by_id(line)
    assert stored.details == ('{"illness":"慢性肾病","rate_x100":7000,"reimbursed_fen":800000,'
                              '"total_cost_fen":1200000}')
    assert stored.bank_name == household.bank_name


def test_an_enrolments_facts_are_copied_onto_the_lines_computed_from_it(demo: Path, tmp_path: Path) -> None:
    from suining_desk.services.batches import create_batch
    from suining_desk.services.enrolments import set_enrolment_details

    yulu = _program("雨露计划")
    enrolment = database.execute_sql("SELECT id, household_id FROM enrolment WHERE program_id = ? AND end_date IS NULL"
                                     " ORDER BY id LIMIT 1", [yulu.id]).fetchone()
    set_enrolment_details(enrolment[0], {"school": "邵阳职业技术学院", "grade": "高职二年级"}, user="luru")
    household = Household.get_by_id(enrolment[1])
    created = create_batch(yulu.id, "2026-T1", household.township_id, user="luru", pay_date=dt.date(2026, 3, 20))
    lines = list(Payment.select().where((Payment.batch == created.batch_id) & (Payment.household == household.id)))
    assert lines and all("邵阳职业技术学院" in p.details and "高职二年级" in p.details for p in lines)
    with pytest.raises(InvalidInput):
        set_enrolment_details(enrolment[0], {"patrol_area": "后山"}, user="luru")  # not a 雨露计划 fact


# --- signatures, dates, the household file ----------------------------------------------


def test_signature_lines_follow_the_kinds_setting(demo: Path, tmp_path: Path) -> None:
    raw = {"program": "低保", "year": 2018, "month": 11}
    text = _print("payments", raw, tmp_path / "a.pdf", date=DATE, preparer="李会计", deputy="张副镇长")
    assert "经办人：李会计" in text and "分管领导：张副镇长" in text and "主要领导：" in text
    save_ledger_settings({"signers.payments": ["preparer", "reviewer", "finance"]}, user="admin")
    text = _print("payments", raw, tmp_path / "b.pdf", date=DATE, preparer="李会计")
    assert "财政部门审核：" in text and "分管领导" not in text and "主要领导" not in text


def test_a_date_before_the_newest_record_shown_is_refused(demo: Path, tmp_path: Path) -> None:
    spec = make_spec("relocations", {"year": 2017}, date=dt.date(2018, 12, 1))
    with pytest.raises(InvalidInput) as refused:
        write_ledger(spec, tmp_path / "r.pdf", username="tester")
    [problem] = refused.value.problems
    assert problem.code == "ledger_date_before_records" and problem.params["newest"] == "2018-12-30"
    assert not (tmp_path / "r.pdf").exists()


def test_the_household_file_signs_by_full_names_and_pairs_a_cadre_only_once_pairing_exists(
        demo: Path, tmp_path: Path) -> None:
    number = Household.get_by_id(1).household_no
    plain = _print("household", {"household": number}, tmp_path / "a.pdf", date=dt.date.today())
    assert "户主签字：" in plain and "帮扶责任人" not in plain
    assert "admin" not in plain and "system" not in plain  # 经办人 by full name; the program is 系统
    cadres.set_cadre_lookup(lambda household_id: "赵帮扶" if household_id == 1 else None)
    try:
        paired = _print("household", {"household": number}, tmp_path / "b.pdf", date=dt.date.today())
    finally:
        cadres.set_cadre_lookup(None)
    assert "帮扶责任人赵帮扶" in paired and "帮扶责任人：" in paired


# --- verify ----------------------------------------------------------------------------


def test_verify_names_the_beneficiary_and_the_payee(demo: Path) -> None:
    disability = _program("残疾人两项补贴")
    payment = Payment.get((Payment.program == disability.id) & Payment.person.is_null(False))
    person = Person.get_by_id(payment.person_id)
    database.execute_sql("UPDATE payment SET payee_name = '代领人甲' WHERE id = ? AND posted = 0", [payment.id])
    [line] = get_kind("payments").describe([payment.id])
    assert person.name in line
    head = Household.get_by_id(payment.household_id).head_name
    if person.name != head:
        assert f"（领款人 {payment.payee_name or head}）" in line


def test_a_ledger_of_the_earlier_form_still_verifies_its_data(demo: Path, tmp_path: Path) -> None:
    spec = make_spec("payments", {"program": "低保", "year": 2018, "month": 11}, date=DATE)
    old = replace(spec, form=1, signers=(), notice_end=None)
    write_ledger(old, tmp_path / "old.pdf", username="tester")
    report = verify_file(tmp_path / "old.pdf")
    assert report.ok and [n.code for n in report.notes] == ["verify_old_form"]
    dibao = _program("低保")
    add_allocation(AllocationInput(dibao.id, 2018, "city", 5_000_00, "邵财社〔2018〕7号"), user="admin")
    assert verify_file(tmp_path / "old.pdf").ok  # form 2's heading is new: not a change to what form 1 showed
    source = Payment.get((Payment.program == dibao.id) & (Payment.period == "2018-11") & Payment.posted)
    fields = ("program", "household", "person", "township", "village", "period", "people", "standard_fen",
              "payee_name", "payee_id_number", "bank_account", "paid_date")
    Payment.create(**{f: getattr(source, f) for f in fields}, posted=True, amount_fen=12_300)
    report = verify_file(tmp_path / "old.pdf")
    assert not report.ok and {p.code for p in report.differences} >= {"verify_total", "verify_added"}


def test_every_changed_kind_prints_the_same_bytes_twice(demo: Path, tmp_path: Path) -> None:
    kinds = (("payments", {"program": "医疗救助", "year": 2018}), ("summary", {"year": 2018}),
             ("relocations", {"year": 2017}), ("renovations", {"year": 2018}))
    for kind, raw in kinds:
        for public in (False, True) if kind != "summary" else (False,):
            spec = make_spec(kind, raw, date=AFTER_DEMO, public=public)
            write_ledger(spec, tmp_path / "a.pdf", username="tester")
            write_ledger(spec, tmp_path / "b.pdf", username="tester")
            assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes(), (kind, public)
            assert verify_file(tmp_path / "a.pdf").ok, (kind, public)


def test_a_masked_id_in_a_narrow_notice_note_never_breaks(demo: Path, tmp_path: Path) -> None:
    disability = _program("残疾人两项补贴")
    payment = Payment.get((Payment.program == disability.id) & (Payment.period == "2017-10") & Payment.posted)
    note = "代领人身份证430527197001150035，电话13907391234，已核实"
    database.execute_sql("DROP TRIGGER payment_posted_no_update")  # test data: a note on a posted line
    database.execute_sql("UPDATE payment SET reason = ? WHERE id = ?", [note, payment.id])
    out = tmp_path / "notice.pdf"
    _print("payments", {"program": "残疾人两项补贴", "year": 2017, "month": 10}, out, date=DATE, public=True,
           portrait=True)
    import subprocess

    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "430527********0035" in raw  # whole, on one line


def test_a_townships_summary_sets_the_county_allocation_against_the_countys_spending(
        db: object, tmp_path: Path) -> None:
    """Allocations are the county's: a township's 结余 is what the whole county has left, not the
    allocation minus that township's spending (which would show money other townships paid as left)."""
    from suining_desk.services.batches import create_batch
    from tests.core.test_batches import walk
    from tests.payments import build_payment_county

    county = build_payment_county()
    dibao = county.programs["dibao"]
    for town, clerk in ((county.areas.changpu.id, "luru"), (county.areas.wuyang.id, "wuyang_clerk")):
        batch = create_batch(dibao, "2018-10", town, user=clerk, pay_date=dt.date(2018, 10, 10))
        walk(batch.batch_id, dt.date(2018, 10, 10), clerk=clerk, reviewer="admin")
    add_allocation(AllocationInput(program_id=dibao, year=2018, level="county", amount_fen=10_000_000,
                                   doc_no="绥财社〔2018〕1号", issued_on=dt.date(2018, 1, 5)), user="admin")

    def paid(where: str = "") -> int:
        sql = f"SELECT SUM(amount_fen) FROM payment WHERE posted = 1 AND program_id = ? {where}"
        return int(database.execute_sql(sql, [dibao]).fetchone()[0])

    changpu = paid(f"AND township_id = {county.areas.changpu.id}")
    assert 0 < changpu < paid()  # both townships were paid
    text = _print("summary", {"year": 2018, "township": "长铺镇"}, tmp_path / "summary.pdf", date=DATE)
    row = re.search(rf"小计低保\d+\d+?\d+{re.escape(fen_to_yuan_str(changpu))}"
                    rf"{re.escape(fen_to_yuan_str(10_000_000))}{re.escape(fen_to_yuan_str(10_000_000 - paid()))}"
                    "下达、结余为全县数", text)
    assert row, text[:400]
