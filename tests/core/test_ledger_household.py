"""一户一档: one household's file, read back with poppler-utils.

The household is the small demo's relocated household with the most payments; each test
works on a copy of the demo with two photos and a non-image scan attached to it and one
member's departure recorded, so every section has rows.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, Person, Relocation, database
from suining_desk.domain.messages import describe
from suining_desk.domain.money import fen_to_capitals, fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput
from suining_desk.ledgers import make_spec, verify_file, write_ledger
from suining_desk.services.attachments import attach_bytes, attachments_of, remove_attachment
from suining_desk.services.corrections import reverse_payment
from suining_desk.services.household_detail import household_detail
from suining_desk.services.households import record_member_exit, update_person

DATE = dt.date(2018, 12, 1)
MONEY = r"-?\d+\.\d\d"
TOTAL = re.compile(rf"^\s*合计\s+({MONEY})\s*$")
PAYMENT_LINE = re.compile(rf"\s({MONEY})\s+(\d{{4}}-\d\d-\d\d)\s+\d{{12,}}\s+(发放|冲销|重新发放)(\s|$)")
SECTIONS = ("一、户基本情况", "二、家庭成员", "三、成员变动记录", "四、户状态变动记录", "五、易地扶贫搬迁",
            "六、危房改造", "七、享受项目", "八、资金发放记录", "九、照片及附件")
CLERK, REVIEWER = "luru", "shenhe"


@dataclass(frozen=True)
class Demo:
    path: Path
    household_id: int
    number: str  # 户编号
    printed: dt.date  # the 填报日期: taken after the photos are added today (a run may pass midnight)


def _photo(width: int, height: int, roof: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (width, height), (150, 200, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height * 7 // 10, width, height], fill=(90, 150, 70))
    draw.polygon([(width // 5, height // 2), (width // 2, height // 5), (width * 4 // 5, height // 2)], fill=roof)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def demo(small_demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Demo]:
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")  # the demo accounts', for the command line
    path = tmp_path / "demo.sqlite3"
    shutil.copy(small_demo_path, path)
    open_database(path)
    household_id = database.execute_sql(
        "SELECT r.household_id FROM relocation r ORDER BY (SELECT COUNT(*) FROM payment p "
        "WHERE p.household_id = r.household_id AND p.posted = 1) DESC, r.household_id LIMIT 1").fetchone()[0]
    relocation = Relocation.get(Relocation.household == household_id)
    attach_bytes("relocation", relocation.id, "旧房.jpg", _photo(1600, 1200, (90, 70, 60)), kind="before", user=CLERK)
    attach_bytes("relocation", relocation.id, "新房.jpg", _photo(3000, 2000, (180, 60, 50)), kind="after", user=CLERK)
    attach_bytes("household", household_id, "确认书.pdf", b"%PDF-1.4\n%%EOF\n", kind="acceptance", user=CLERK)
    leaving = Person.select().where((Person.household == household_id) & (Person.relation != "户主")).first()
    record_member_exit(leaving.id, kind="moved_out", date=dt.date(2018, 11, 20), reason="迁往武阳镇", user=CLERK,
                       today=DATE)
    yield Demo(path, household_id, Household.get_by_id(household_id).household_no, dt.date.today())
    close_database()


def _print(demo: Demo, out: Path, **options: object) -> Path:
    spec = make_spec("household", {"household": demo.number}, date=demo.printed, preparer="李会计", **options)  # type: ignore[arg-type]
    write_ledger(spec, out, username="tester")
    return out


def _text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return out.stdout.split("\f")[:-1]


def _squeezed(pdf: Path) -> str:
    return re.sub(r"\s+", "", "".join(_text(pdf)))


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match
    return int(match.group(1))


def _fen(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    yuan, cents = text.lstrip("-").split(".")
    return sign * (int(yuan) * 100 + int(cents))


def _sql_payments(household_id: int) -> list[tuple[int, str]]:
    return [(int(a), str(d)) for a, d in database.execute_sql(
        "SELECT amount_fen, paid_date FROM payment WHERE household_id = ? AND posted = 1", [household_id])]


def test_every_section_is_there_with_its_rows(demo: Demo, tmp_path: Path) -> None:
    pdf = _print(demo, tmp_path / "file.pdf")
    pages = _text(pdf)
    text = _squeezed(pdf)
    positions = [text.find(title) for title in SECTIONS]
    assert -1 not in positions and positions == sorted(positions), positions
    detail = household_detail(demo.household_id)
    assert f"户编号{demo.number}" in text and detail.village in text
    for member in detail.members:  # full ID numbers: the clerk's own file
        assert member.name in text and member.id_number in text
        assert member.birth_date is not None and member.birth_date.isoformat() in text
    assert "减员（2018-11-20，迁往武阳镇）" in text and "迁出" in text  # status and member history
    assert detail.data.bank_account and detail.data.bank_account in text
    assert detail.relocations and detail.relocations[0].site in text
    for history in detail.status_history:
        assert history.reason in text
    printed = sorted((_fen(m.group(1)), m.group(2)) for page in pages for line in page.splitlines()
                     if (m := PAYMENT_LINE.search(line)))
    assert printed == sorted(_sql_payments(demo.household_id))
    assert "旧房.jpg" in text and "新房.jpg" in text and "确认书.pdf" in text
    assert "图1" in text and "图2" in text and "图3" not in text  # the scan is listed, not drawn
    printed_on = f"填报日期：{demo.printed.year}年{demo.printed.month}月{demo.printed.day}日"
    for label in ("经办人：李会计", "审核人：", "户主签字：", printed_on, "（盖章）"):
        assert label in text
    assert "帮扶责任人" not in text  # nobody is paired yet: no line for one, no placeholder
    assert "公示" not in text  # an internal ledger: the suite's scan leaves its full numbers alone


def test_payments_total_is_the_sql_sum_in_figures_and_capitals(demo: Demo, tmp_path: Path) -> None:
    pages = _text(_print(demo, tmp_path / "file.pdf"))
    total = sum(amount for amount, _ in _sql_payments(demo.household_id))
    assert total > 0
    totals = [m.group(1) for page in pages for line in page.splitlines() if (m := TOTAL.match(line))]
    assert totals == [fen_to_yuan_str(total)]
    text = re.sub(r"\s+", "", "".join(pages))
    assert f"合计金额（大写）：{fen_to_capitals(total)}" in text
    assert f"（小写）￥{fen_to_yuan_str(total)}" in text


def test_pages_fonts_and_photos(demo: Demo, tmp_path: Path) -> None:
    pdf = _print(demo, tmp_path / "file.pdf")
    count = _pages(pdf)
    assert count >= 2
    for number, page in enumerate(_text(pdf), start=1):
        squeezed = re.sub(r"\s+", "", page)
        assert f"第{number}页共{count}页" in squeezed
        assert re.search(r"校验码[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", squeezed)
        assert "一户一档" in squeezed and f"户编号：{demo.number}" in squeezed
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts
    for line in fonts.splitlines()[2:]:
        assert "WenQuanYiMicroHei" in line and re.search(r"\syes\s+yes\s+yes\s", line), line
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in images.splitlines()[2:]]
    assert len(rows) == 2 and all(row[2] == "image" and row[8] == "jpeg" for row in rows), images
    assert all(max(int(row[3]), int(row[4])) <= 800 for row in rows)  # reduced for print
    assert pdf.stat().st_size < 400_000


def test_the_same_file_twice_is_byte_identical(demo: Demo, tmp_path: Path) -> None:
    first = _print(demo, tmp_path / "a.pdf").read_bytes()
    second = _print(demo, tmp_path / "b.pdf").read_bytes()  # after the first print was logged
    assert first == second
    assert _print(demo, tmp_path / "c.pdf", portrait=True).read_bytes() != first


def test_portrait_and_a3_lay_out_too(demo: Demo, tmp_path: Path) -> None:
    for paper, portrait in (("A4", True), ("A3", False)):
        pdf = _print(demo, tmp_path / f"{paper}{portrait}.pdf", paper=paper, portrait=portrait)
        text = _squeezed(pdf)
        assert all(title in text for title in SECTIONS)
        assert verify_file(pdf).ok


def test_verify_passes_then_names_a_renamed_member(demo: Demo, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pdf = _print(demo, tmp_path / "file.pdf")
    assert verify_file(pdf).ok
    member = household_detail(demo.household_id).members[-1]
    update_person(member.id, replace(member.as_input(), name="改过名"), user=CLERK, reason="更正姓名", today=DATE)
    report = verify_file(pdf)
    messages = [describe(p) for p in report.differences]
    assert not report.ok
    assert any("家庭成员" in m and "成员变动记录" in m for m in messages), messages
    assert any("打印后有修改" in m for m in messages), messages
    close_database()
    assert main(["verify", str(pdf), "--db", str(demo.path), "--user", "admin"]) == 1
    assert "核验不通过" in capsys.readouterr().out
    open_database(demo.path)


def test_verify_names_a_reversed_payment(demo: Demo, tmp_path: Path) -> None:
    pdf = _print(demo, tmp_path / "file.pdf")
    original = database.execute_sql(
        "SELECT id, amount_fen FROM payment WHERE household_id = ? AND posted = 1 AND amount_fen > 0 "
        "ORDER BY id LIMIT 1", [demo.household_id]).fetchone()
    reversal = reverse_payment(original[0], "银行退回：账户冻结", user=REVIEWER, on=DATE, today=DATE)
    messages = [describe(p) for p in verify_file(pdf).differences]
    assert any(f"新增了1条记录：#{reversal} " in m and f"冲销#{original[0]}" in m for m in messages), messages
    assert any("合计金额不同" in m for m in messages), messages
    assert any("资金发放记录" in m for m in messages), messages


def test_verify_notices_a_photo_removed(demo: Demo, tmp_path: Path) -> None:
    pdf = _print(demo, tmp_path / "file.pdf")
    relocation = Relocation.get(Relocation.household == demo.household_id)
    remove_attachment(attachments_of("relocation", relocation.id)[0].id, user=CLERK)
    messages = [describe(p) for p in verify_file(pdf).differences]
    assert any("照片及附件" in m for m in messages), messages


def test_there_is_no_public_version(demo: Demo) -> None:
    with pytest.raises(InvalidInput) as raised:
        make_spec("household", {"household": demo.number}, public=True)
    assert describe(raised.value.problems[0]) == "一户一档没有公示版"


def test_cli_prints_the_file(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "一户一档.pdf"
    close_database()
    assert main(["ledger", "household", demo.number, "--out", str(out), "--date", demo.printed.isoformat(),
                 "--preparer", "李会计", "--db", str(demo.path), "--user", "admin"]) == 0
    printed = capsys.readouterr().out
    assert "一户一档" in printed and "校验码" in printed and out.is_file()
    assert main(["verify", str(out), "--db", str(demo.path), "--user", "admin"]) == 0
    open_database(demo.path)


@pytest.mark.parametrize(("number", "message"), [
    ("4305279999999999", "没有户编号为“4305279999999999”的农户"),
    (" ", "户编号不能为空"),
])
def test_cli_refuses_an_unknown_household_in_chinese(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     number: str, message: str) -> None:
    out = tmp_path / "x.pdf"
    close_database()
    assert main(["ledger", "household", number, "--out", str(out), "--db", str(demo.path)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
    open_database(demo.path)


def test_a_payments_table_over_several_pages_has_a_subtotal_on_each(demo: Demo, tmp_path: Path) -> None:
    """本页小计 on every page the 资金发放记录 spans, each the sum of that page's amounts; they add up to 合计."""
    pages = _text(_print(demo, tmp_path / "file.pdf"))  # landscape: the payments go on over a page break
    money = re.compile(r"-?\d+\.\d\d")
    amount = re.compile(r"^\s*\d+\s.*?(-?\d+\.\d\d)\s+\d{4}-\d\d-\d\d\s")  # the figure before 发放日期
    spanned = [page for page in pages if "资金发放记录" in page]
    assert len(spanned) >= 2
    subtotals = []
    for page in spanned:
        lines = page.splitlines()
        start = next(i for i, line in enumerate(lines) if "资金发放记录" in line)
        end = next(i for i, line in enumerate(lines) if "本页小计" in line)
        amounts = [round(float(m[1]) * 100) for line in lines[start:end] if (m := amount.match(line))]
        assert amounts
        subtotal = round(float(money.findall(lines[end])[-1]) * 100)
        assert subtotal == sum(amounts), (subtotal, amounts)
        subtotals.append(subtotal)
    total_line = next(line for line in spanned[-1].splitlines() if re.match(r"\s*合计\s", line))
    assert sum(subtotals) == round(float(money.findall(total_line)[-1]) * 100)
