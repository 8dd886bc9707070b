"""合计 lines: a spreadsheet's total row, wherever the clerk typed the word.

Township tables end with a 合计 (总计, 小计, 汇总, 共计) row, and the word is as often in
the 户编号 or 姓名 column as in 序号: ``合计``, ``合 计``, ``合计：5人``, ``合计（5户）``,
``合计5户12人``. Such a row is not a record. A cell is a total word when, tidied (NFKC,
no spaces), it is one of the words alone or followed by a colon, a bracket, or only
numbers and units; a name like 合计金额 is not. A row is a total row when one of its key
cells is a total word and none of them holds a valid ID number (a person's row with a
stray word in the wrong column is still a person's row, and reported as such).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from suining_desk.exchange.cells import Cell, clean_text, squeeze

TOTAL_WORDS = ("合计", "总计", "小计", "汇总", "共计")
_UNITS = "户人口条笔元万千百个名位项次份套间平米㎡"
_TOTAL = re.compile(
    rf"^(?:{'|'.join(TOTAL_WORDS)})(?:[:(\[【<《].*|[0-9.,，、/+\-{_UNITS}]*)$"
)


def is_total_text(value: Cell) -> bool:
    """The cell holds only a total word (with a count or a note after it)."""
    if not isinstance(value, str):
        return False
    return bool(_TOTAL.match(squeeze(clean_text(value, nfkc=True))))


def has_total_word(texts: Iterable[str]) -> bool:
    """Any of the texts mentions a total word (the loose test for cells outside the keys)."""
    return any(word in text for text in texts for word in TOTAL_WORDS)


def is_total_row(keys: Iterable[Cell], id_numbers: Iterable[Cell]) -> bool:
    """One key cell is a total word and no ID cell holds a valid ID number."""
    if not any(is_total_text(v) for v in keys):
        return False
    return not any(_valid_id(v) for v in id_numbers)


def _valid_id(value: Cell) -> bool:
    from suining_desk.idnumber import check_id_number

    if value is None:
        return False
    text = squeeze(clean_text(value, nfkc=True)).upper()
    if len(text) not in (15, 18):
        return False
    info, _ = check_id_number(text)
    return info is not None
