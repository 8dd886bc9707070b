"""``batch add-line``: all or nothing with its attachments, and the person for 医疗救助."""

from __future__ import annotations

from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Payment
from tests.core.test_cli_bank import path as path  # noqa: F401 - the fixture: a county with a posted batch
from tests.core.test_cli_bank import run

BATCH = "YLJZ-430527100-2018-11"


def _lines(path: Path) -> int:
    open_database(path)
    try:
        return int(Payment.select().where(Payment.reason == "门诊").count())
    finally:
        close_database()


def test_add_line_refused_with_its_attachment_writes_nothing(path: Path, tmp_path: Path,  # noqa: F811
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(path, capsys, "batch", "one-off", "--program", "医疗救助", "--period", "2018-11", "--area", "长铺镇",
               "--user", "luru")[0] == 0
    note = tmp_path / "note.txt"
    note.write_text("便条", encoding="utf-8")
    line = ["batch", "add-line", BATCH, "--household", "43052710000101004", "--amount", "600", "--reason", "门诊",
            "--user", "luru"]
    for bad in (str(note), str(tmp_path / "nonexist.jpg")):
        code, _, err = run(path, capsys, *line, "--person", _son_id(path), "--attach", bad)
        assert code == 1 and err.startswith("错误：") and _lines(path) == 0
    code, _, err = run(path, capsys, *line)  # the whole household of a per-person program
    assert code == 1 and "请选择享受人员" in err and _lines(path) == 0
    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4\n% invoice\n%%EOF\n")
    code, out, _ = run(path, capsys, *line, "--person", _son_id(path), "--attach", str(invoice))
    assert code == 0 and "600.00 元" in out and _lines(path) == 1


def _son_id(path: Path) -> str:
    from suining_desk.db.models import Household, Person

    open_database(path)
    try:
        household = Household.get(Household.household_no == "43052710000101004")
        return str(Person.get((Person.household == household) & (Person.relation != "户主")).id_number)
    finally:
        close_database()
