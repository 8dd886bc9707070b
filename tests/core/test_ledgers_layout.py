"""The page template without a database: fitting text, pagination, the stored payload."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suining_desk.ledgers import layout
from suining_desk.ledgers.fit import CLOSING, LINE_GAP, MIN_SIZE, OPENING, fit_text
from suining_desk.ledgers.fit import wrap as fit_wrap
from suining_desk.ledgers.fonts import Metrics, font_path
from suining_desk.ledgers.model import (
    Align,
    Column,
    LedgerContent,
    LedgerDocument,
    PageSetup,
    Row,
    Signatures,
    Total,
)
from suining_desk.ledgers.page import render
from suining_desk.ledgers.pdfmeta import read_payload
from suining_desk.ledgers.spec import LedgerSpec
from suining_desk.ledgers.stamp import decode_payload, fingerprint, make_stamp
from suining_desk.storage.paths import resources_dir

METRICS = Metrics()
COLUMNS = (Column("序号", 3), Column("户主姓名", 5), Column("身份证号", 11), Column("金额", 6, Align.RIGHT, Total.FEN),
           Column("备注", 10, Align.LEFT))
LONG_NOTE = "原发放被银行退回（户名与账号不符），经村委会核实后更正一卡通账号，于次月重新发放，并报乡镇民政办备案" * 2


def test_the_font_and_its_licence_ship_with_the_program() -> None:
    assert font_path().is_file()
    licence = (resources_dir() / "fonts" / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "WenQuanYi" in licence


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="李欧阳诸葛长铺子苗族侗族乡村组0123456789X（）：；，、 abc", min_size=0, max_size=120),
       width=st.floats(min_value=12, max_value=200), height=st.floats(min_value=10, max_value=40))
def test_fitted_text_never_leaves_its_box(text: str, width: float, height: float) -> None:
    fitted = fit_text(text, width, height, 8.5, METRICS)
    assert fitted.size >= MIN_SIZE or fitted.size == 8.5
    for line in fitted.lines:
        assert METRICS.width(line, fitted.size) <= width + 1e-6
    if len(fitted.lines) > 1:
        assert len(fitted.lines) * fitted.size * LINE_GAP <= height + 1e-6


def test_short_text_keeps_its_size_and_long_text_wraps() -> None:
    assert fit_text("李兵志", 50, 15, 8.5, METRICS).lines == ("李兵志",)
    assert fit_text("李兵志", 50, 15, 8.5, METRICS).size == 8.5
    wrapped = fit_text(LONG_NOTE[:40], 120, 15, 8.5, METRICS)
    assert len(wrapped.lines) >= 2 and "".join(wrapped.lines) == LONG_NOTE[:40]
    cut = fit_text(LONG_NOTE * 3, 60, 15, 8.5, METRICS)
    assert cut.size == MIN_SIZE and cut.lines[-1].endswith("…")


@pytest.mark.parametrize("count", [0, 1, 18, 19, 20, 25, 26, 44, 45, 50, 1000])
def test_pagination_covers_every_row_once(count: int) -> None:
    per_page, per_last = 25, 19
    pages = layout.paginate(count, per_page, per_last)
    assert [i for page in pages for i in page] == list(range(count))
    assert all(len(page) <= per_page for page in pages)
    assert len(pages[-1]) <= per_last
    assert count == 0 or len(pages[-1]) >= 1


def test_rows_per_page_follow_the_paper() -> None:
    a4 = layout.geometry(PageSetup(), COLUMNS, public=False)
    a3 = layout.geometry(PageSetup("A3"), COLUMNS, public=False)
    portrait = layout.geometry(PageSetup("A4", portrait=True), COLUMNS, public=True)
    assert 20 <= a4.rows_per_page <= 30 and a4.rows_last_page < a4.rows_per_page
    assert a3.rows_per_page > a4.rows_per_page and portrait.rows_per_page > a4.rows_per_page
    assert a4.col_x[0] == a4.left and a4.col_x[-1] == a4.right


def _document(rows: list[Row], spec: LedgerSpec) -> LedgerDocument:
    content = LedgerContent(title="绥宁县长铺镇2018年11月测试资金发放台账", unit="长铺镇人民政府",
                            period_label="归属期间：2018年11月", columns=COLUMNS, rows=rows,
                            source_table="payment", source_ids=list(range(1, len(rows) + 1)))
    pages = layout.paginate(len(rows), 25, 19)
    stamp = make_stamp(spec, fingerprint(content, pages, 0))
    return LedgerDocument(content, PageSetup(), Signatures(date=spec.date), stamp)


def test_long_names_and_notes_stay_inside_their_cells(tmp_path: Path) -> None:
    rows = [Row((str(i), "欧阳诸葛司马长名字" * (i % 3 + 1), "430527197310280036", "1.00",
                 LONG_NOTE[: 10 * i] + "(a)\\b"), (100,)) for i in range(1, 31)]
    spec = LedgerSpec(kind="payments", filters={"year": 2018}, date=dt.date(2018, 12, 1))
    pdf = tmp_path / "long.pdf"
    with pdf.open("wb") as fh:
        render(_document(rows, spec), fh)
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    geo = layout.geometry(PageSetup(), COLUMNS, public=False)
    tall = layout.tall_rows(rows, geo.col_x, METRICS, layout.row_limit(geo))
    assert tall and all(h > layout.ROW_HEIGHT for h in tall.values())  # the long notes grow their rows
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    top = geo.height - geo.rows_top  # pdftotext measures y from the top of the page
    checked = 0
    pages = html.split("<page ")[1:]
    spans = layout.paginate_heights(len(rows), tall, geo.rows_per_page, geo.rows_last_page)
    for page, span in zip(pages, spans, strict=True):
        edges = [top]  # every row's top, then the last row's bottom
        for index in span:
            edges.append(edges[-1] + tall.get(index, layout.ROW_HEIGHT))
        for x0, y0, x1, y1, text in word.findall(page):
            middle = (float(y0) + float(y1)) / 2
            if not edges[0] < middle < edges[-1]:
                continue  # not a data row
            k = bisect.bisect(edges, middle) - 1
            assert edges[k] - 1 <= float(y0) and float(y1) <= edges[k + 1] + 1, text
            assert any(geo.col_x[i] - 0.5 <= float(x0) and float(x1) <= geo.col_x[i + 1] + 0.5
                       for i in range(len(COLUMNS))), f"{text!r} crosses a column line"
            checked += 1
    assert checked > 100
    assert "…" not in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "(a)\\b" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout


def test_the_payload_round_trips(tmp_path: Path) -> None:
    spec = LedgerSpec(kind="payments", filters={"program": "dibao", "year": 2018, "month": 11},
                      date=dt.date(2018, 12, 1), public=True, preparer="张三")
    rows = [Row((str(i), "李兵志", "430527197310280036", "1.00", ""), (100,)) for i in range(40)]
    document = _document(rows, spec)
    pdf = tmp_path / "t.pdf"
    with pdf.open("wb") as fh:
        render(document, fh)
    payload = read_payload(pdf.read_bytes())
    assert payload == document.stamp.payload
    recorded = decode_payload(payload)
    assert recorded.spec == spec and recorded.code == document.stamp.code
    assert recorded.fingerprint.source_ids == tuple(range(1, 41))
    assert recorded.fingerprint.total_fen == 4000 and recorded.fingerprint.rows == 40
    assert recorded.fingerprint.digest(spec) == recorded.digest
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert document.stamp.code in info  # the subject names the code
    with pytest.raises(ValueError):
        decode_payload("bm90IGEgbGVkZ2Vy")


def test_the_spec_json_round_trips_and_is_checked() -> None:
    spec = LedgerSpec(kind="summary", filters={"year": 2018, "township": "430527100"}, date=dt.date(2018, 1, 31),
                      paper="A3", portrait=True, head="王五", notice_days=10)
    assert LedgerSpec.from_json(spec.to_json()) == spec
    assert spec.canonical().isascii()
    with pytest.raises(ValueError):
        LedgerSpec.from_json({**spec.to_json(), "paper": "B5"})
    with pytest.raises(ValueError):
        LedgerSpec.from_json({"filters": {}})


@pytest.mark.parametrize("count", [1, 5, 19, 20, 25, 26, 60])
def test_pagination_by_height_covers_every_row_once_within_the_room(count: int) -> None:
    per_page, per_last = 25, 19
    tall = {i: 17.0 * (2 + i % 4) for i in range(0, count, 3)}  # every third row two to five rows high
    pages = layout.paginate_heights(count, tall, per_page, per_last)
    assert [i for page in pages for i in page] == list(range(count))

    def height(page: range) -> float:
        return sum(tall.get(i, layout.ROW_HEIGHT) for i in page)

    assert all(height(page) <= per_page * layout.ROW_HEIGHT for page in pages)
    assert height(pages[-1]) <= per_last * layout.ROW_HEIGHT and len(pages[-1]) >= 1
    assert layout.paginate_heights(count, {}, per_page, per_last) == layout.paginate(count, per_page, per_last)


def test_ordinary_rows_are_not_tall() -> None:
    geo = layout.geometry(PageSetup(), COLUMNS, public=False)
    rows = [Row(("1", "李兵志", "430527197310280036", "1.00", "含2个月；提标补差"), (100,))] * 50
    assert layout.tall_rows(rows, geo.col_x, METRICS, layout.row_limit(geo)) == {}


def _lines(text: str, chars: float) -> list[str]:
    """``text`` wrapped at about ``chars`` Chinese characters a line."""
    return fit_wrap(text, chars, METRICS)


def test_no_closing_mark_starts_a_line_and_no_opening_mark_ends_one() -> None:
    for chars in range(4, 20):
        for text in ("长铺镇三木村四组（地质灾害隐患点），已搬迁；待拆除。", "阿卜杜热合曼·买买提依明·艾合买提江",
                     "《农村危房改造》「补助」“标准”，见附件：一、二、三！"):
            lines = _lines(text, chars)
            assert "".join(lines) == text
            for line in lines:
                assert line[0] not in CLOSING, (chars, lines)
                assert line[-1] not in OPENING, (chars, lines)
                assert METRICS.em_width(line) <= chars + 1e-9 or len(line) <= 2


def test_numbers_ids_and_dates_are_not_broken_inside() -> None:
    runs = ("430527********1234", "430527197011150020", "13907391234", "99999999.99", "2018-04-04")
    text = "户主" + "，核实".join(runs) + "后发放"
    for chars in range(10, 30):
        lines = _lines(text, chars)
        assert "".join(lines) == text
        for run in runs:
            assert any(run in line for line in lines), (run, lines)


def test_a_run_wider_than_the_line_is_still_broken() -> None:
    account = "6" * 40
    lines = _lines("账号" + account, 8)
    assert "".join(lines) == "账号" + account and len(lines) > 2
    assert all(METRICS.em_width(line) <= 8 for line in lines)


def test_a_figure_shrinks_rather_than_wraps() -> None:
    total = "100031424.99"
    narrow = METRICS.em_width(total) * 6.5  # room for it at 6.5 pt only
    assert fit_text(total, narrow, 15, 8.5, METRICS, whole=True).lines == (total,)
    assert fit_text(total, narrow, 15, 8.5, METRICS, whole=True).size >= MIN_SIZE
    # Free text keeps such a run whole too while it fits at MIN_SIZE (a masked ID in a 备注).
    assert fit_text(total, narrow, 15, 8.5, METRICS).lines == (total,)
    too_narrow = METRICS.em_width(total) * 5
    fitted = fit_text(total, too_narrow, 15, 8.5, METRICS, whole=True)  # not even at 6 pt: it must wrap
    assert "".join(fitted.lines) == total and fitted.size >= MIN_SIZE
