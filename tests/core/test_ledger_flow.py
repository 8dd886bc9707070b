"""Laying out a sectioned ledger (一户一档) without a database: every row on exactly one page,
nothing below the page's floor, titles never alone at a page's foot, 合计 with its last row."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from suining_desk.ledgers.flow import BlockKind, flow, flow_geometry
from suining_desk.ledgers.model import Align, Column, PageSetup, Picture, Row, Section, Total

COLUMNS = (Column("序号", 3), Column("项目", 8), Column("金额", 6, Align.RIGHT, Total.FEN), Column("备注", 10))
PLAIN = (Column("序号", 3), Column("姓名", 8))


def _section(rows: int, pictures: int, money: bool) -> Section:
    columns = COLUMNS if money else PLAIN
    body = [Row(tuple(str(i) for _ in columns), (100,) if money else ()) for i in range(rows)]
    photos = [Picture(b"", 800, 600, f"图{k}", f"{k:064x}") for k in range(pictures)]
    return Section(f"第{rows}节", columns, body, photos)


sections_strategy = st.lists(
    st.builds(_section, st.integers(0, 70), st.integers(0, 7), st.booleans()), min_size=1, max_size=9)


@settings(max_examples=150, deadline=None)
@given(sections=sections_strategy, portrait=st.booleans(), paper=st.sampled_from(("A4", "A3")))
def test_flow_places_everything_once_and_within_the_page(sections: list[Section], portrait: bool,
                                                        paper: str) -> None:
    geo = flow_geometry(PageSetup(paper, portrait))
    pages = flow(sections, geo)
    items = [i for page in pages for i in page.items]
    assert items == list(range(sum(len(s.items()) for s in sections)))
    seen_rows = []
    for page in pages:
        assert page.blocks
        for block in page.blocks:
            assert block.top + block.height <= geo.room + 1e-6
        last = page.blocks[-1]
        assert last.kind is not BlockKind.TITLE and last.kind is not BlockKind.HEADER
        for before, after in zip(page.blocks, page.blocks[1:], strict=False):
            last_row = len(sections[before.section].rows) - 1
            if after.kind is BlockKind.SUM:  # with the last row, or with the 本页小计 that ends with it
                assert (before.kind is BlockKind.ROW and before.index == last_row) or (
                    before.kind is BlockKind.SUBTOTAL and before.index + before.count - 1 == last_row)
            if after.kind is BlockKind.ROW and after.index > 0 and before.kind is not BlockKind.ROW:
                assert before.kind is BlockKind.HEADER  # a continued table repeats its header
        seen_rows += [(b.section, b.index) for b in page.blocks if b.kind is BlockKind.ROW]
        continued = [b for b in page.blocks if b.kind is BlockKind.TITLE and b.continued]
        assert all(b is page.blocks[0] for b in continued)
    assert seen_rows == [(n, i) for n, s in enumerate(sections) for i in range(len(s.rows))]
    # 本页小计: a money table over several pages has one on each of them, for that page's rows.
    for n, section in enumerate(sections):
        shares = [[b.index for b in page.blocks if b.kind is BlockKind.ROW and b.section == n] for page in pages]
        shares = [share for share in shares if share]
        subtotals = [(b.index, b.count) for page in pages for b in page.blocks
                     if b.kind is BlockKind.SUBTOTAL and b.section == n]
        money = bool(section.rows) and section.columns is COLUMNS
        expected = [(share[0], len(share)) for share in shares] if money and len(shares) > 1 else []
        assert subtotals == expected
    assert pages[-1].blocks[-1].kind is BlockKind.SIGNATURES
    titles = [b.section for page in pages for b in page.blocks if b.kind is BlockKind.TITLE and not b.continued]
    assert titles == list(range(len(sections)))


def test_an_empty_section_says_so_and_money_gets_its_capitals() -> None:
    sections = [_section(0, 0, False), _section(3, 0, True)]
    blocks = [b.kind for b in flow(sections, flow_geometry(PageSetup()))[0].blocks]
    assert blocks == [BlockKind.TITLE, BlockKind.EMPTY, BlockKind.TITLE, BlockKind.HEADER, BlockKind.ROW,
                      BlockKind.ROW, BlockKind.ROW, BlockKind.SUM, BlockKind.CAPITALS, BlockKind.SIGNATURES]
