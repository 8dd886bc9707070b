"""合计 lines and signature lines: rows at the foot of a sheet that are not records,
wherever the clerk typed them.

Township tables end with a 合计 (总计, 小计, 汇总, 共计) row, and the word is as often in
the 户编号 or 姓名 column as in 序号: ``合计``, ``合 计``, ``合计：5人``, ``合计（5户）``,
``合计5户12人``. Such a row is not a record. A cell is a total word when, tidied (NFKC,
no spaces), it is one of the words alone or followed by a colon, a bracket, or only
numbers and units; a name like 合计金额 is not. A row is a total row when one of its key
cells is a total word and none of them holds a valid ID number (a person's row with a
stray word in the wrong column is still a person's row, and reported as such).

Signature and date lines (``制表人：张三　审核人：李四``, ``填报日期：…``, ``注：…``) are
typed in column A as often, which may be 户编号: a key cell that starts with such a word
and a colon is a note line, not a record (no household number or name has a colon).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from suining_desk.exchange.cells import Cell, clean_text, squeeze

TOTAL_WORDS = ("合计", "总计", "小计", "汇总", "共计")
_NOTE = re.compile(r"^(?:制表|填表|填报|审核|审批|负责|经办|联系|单位|日期|备注|说明|注)[^:]{0,5}:")
_COLONS = ":：﹕"
_QUICK = re.compile("[计汇:：﹕]")  # a character every total word or note line has
SKIPPED_ROW_CODES = {"total": "import_total_row", "note": "import_note_row", "other": "import_not_data_row"}
_UNITS = "户人口条笔元万千百个名位项次份套间平米㎡"
_TOTAL = re.compile(
    rf"^(?:{'|'.join(TOTAL_WORDS)})(?:[:(\[【<《].*|[0-9.,，、/+\-{_UNITS}]*)$"
)


def is_total_text(value: Cell) -> bool:
    """The cell holds only a total word (with a count or a note after it)."""
    if not isinstance(value, str) or ("计" not in value and "汇" not in value):  # quick: every data row asks
        return False
    return bool(_TOTAL.match(squeeze(clean_text(value, nfkc=True))))


def has_total_word(texts: Iterable[str]) -> bool:
    """Any of the texts mentions a total word (the loose test for cells outside the keys)."""
    return any(word in text for text in texts for word in TOTAL_WORDS)


def is_note_text(value: Cell) -> bool:
    """A signature, date or note line's first words: 制表人：, 填报日期：, 注：."""
    if not isinstance(value, str) or not any(c in value for c in _COLONS):
        return False
    return bool(_NOTE.match(squeeze(clean_text(value, nfkc=True))))


def footer_kind(keys: Iterable[Cell], id_numbers: Iterable[Cell]) -> str | None:
    """'total' or 'note' when a key cell says so and no ID cell holds a valid ID number."""
    cells = [v for v in keys if isinstance(v, str) and _QUICK.search(v)]  # most rows stop here
    if not cells:
        return None
    kind = "total" if any(is_total_text(v) for v in cells) else "note" if any(is_note_text(v) for v in cells) \
        else None
    if kind is None or any(_valid_id(v) for v in id_numbers):
        return None
    return kind


def is_total_row(keys: Iterable[Cell], id_numbers: Iterable[Cell]) -> bool:
    """One key cell is a total word and no ID cell holds a valid ID number."""
    return footer_kind(keys, id_numbers) == "total"


def _valid_id(value: Cell) -> bool:
    from suining_desk.domain.idnumber import check_id_number

    if value is None:
        return False
    text = squeeze(clean_text(value, nfkc=True)).upper()
    if len(text) not in (15, 18):
        return False
    info, _ = check_id_number(text)
    return info is not None
