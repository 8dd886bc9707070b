"""One-off aid lines from the QA report: a per-person program (医疗救助) needs the person (so
the once-a-period rule holds), and a line with a file that cannot be attached is not saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from suining_desk.db.models import Attachment, AuditEntry, Payment
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange.records import ImportOptions
from suining_desk.services.attachments import attachments_of, read_file
from suining_desk.services.batches import add_one_off_line, create_one_off_batch
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _medical(county: PaymentCounty) -> int:
    return create_one_off_batch(county.programs["medical"], "2018-11", county.areas.changpu.id, user="luru").batch_id


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.code for p in info.value.problems]


def test_a_per_person_one_off_needs_the_person(county: PaymentCounty) -> None:
    batch = _medical(county)
    with pytest.raises(InvalidInput) as whole_household:
        add_one_off_line(batch, county.zhao, 50_000, "门诊", user="luru")
    assert _codes(whole_household) == ["one_off_person_required"]
    assert describe(whole_household.value.problems[0]) == "“医疗救助”按人救助，请选择享受人员（每人每期只能发放一次）"
    add_one_off_line(batch, county.zhao, 350_000, "住院", user="luru", person_id=county.zhao_son)
    with pytest.raises(InvalidInput) as twice:
        add_one_off_line(batch, county.zhao, 50_000, "门诊", user="luru", person_id=county.zhao_son)
    assert _codes(twice) == ["one_off_twice"]
    # 临时救助 is per household: no person needed.
    temporary = create_one_off_batch(county.programs["temporary"], "2018-11", county.areas.changpu.id, user="luru")
    assert add_one_off_line(temporary.batch_id, county.zhao, 50_000, "因灾", user="luru")


def test_the_one_off_import_needs_the_person_too(county: PaymentCounty, tmp_path: Path) -> None:
    from suining_desk.exchange.imports import run_import

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["户编号", "户主姓名", "项目", "期间", "金额", "事由"])
    ws.append(["43052710000101001", "张建国", "医疗救助", "2018-11", 500, "门诊"])
    book.save(tmp_path / "医疗救助.xlsx")
    result = run_import("payments", tmp_path / "医疗救助.xlsx", ImportOptions(user="admin", today=TODAY))
    assert result.exit_code == 1 and not Payment.select().exists()
    assert [p.problem.code for p in result.problems] == ["one_off_person_required"]


@pytest.mark.parametrize("name", ["note.txt", "missing.jpg", "empty.jpg", "broken.jpg"])
def test_a_line_whose_attachment_is_refused_is_not_saved(county: PaymentCounty, tmp_path: Path, name: str) -> None:
    batch = _medical(county)
    path = tmp_path / name
    if name == "note.txt":
        path.write_text("一张便条", encoding="utf-8")
    elif name == "empty.jpg":
        path.write_bytes(b"")
    elif name == "broken.jpg":
        path.write_bytes(b"not a photo at all")
    entries = AuditEntry.select().count()
    with pytest.raises(InvalidInput):
        files = [read_file(path)]
        add_one_off_line(batch, county.zhao, 60_000, "门诊", user="luru", person_id=county.zhao_son, attachments=files)
    assert not Payment.select().exists() and not Attachment.select().exists()
    assert AuditEntry.select().count() == entries
    # Retried with a usable scan: accepted (not refused as 同一期重复发放).
    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4\n% invoice\n%%EOF\n")
    pid = add_one_off_line(batch, county.zhao, 60_000, "门诊", user="luru", person_id=county.zhao_son,
                           attachments=[read_file(invoice)])
    assert [a.file_name for a in attachments_of("payment", pid)] == ["invoice.pdf"]


def test_the_same_scan_twice_refuses_the_line(county: PaymentCounty, tmp_path: Path) -> None:
    batch = _medical(county)
    from PIL import Image

    photo = tmp_path / "invoice.jpg"
    Image.new("RGB", (40, 30), "white").save(photo)
    with pytest.raises(InvalidInput) as twice:
        add_one_off_line(batch, county.zhao, 60_000, "门诊", user="luru", person_id=county.zhao_son,
                         attachments=[read_file(photo), read_file(photo)])
    assert _codes(twice) == ["attachment_duplicate"]
    assert not Payment.select().exists() and not Attachment.select().exists()
