"""Where a program's money comes from, as a payment ledger's heading names it.

Two lines under the heading: the program's 资金来源 (its funding source, kept on the
program), and the year's allocations in force (资金下达: document, level, amount) with
their sum, or that none is recorded. A long list of allocations goes on over a third and
fourth line, three documents a line, so nothing is cut.
"""

from __future__ import annotations

from typing import Final

from suining_desk.db.models import Program
from suining_desk.domain.money import format_fen
from suining_desk.services.allocations import AllocationView, allocations_in

PER_LINE: Final = 3


def allocation_words(a: AllocationView) -> str:
    return f"{a.words()}{format_fen(a.amount_fen)}元"


def fund_notes(program: Program, year: int) -> tuple[tuple[str, ...], list[int]]:
    """The heading's lines and the ids of the allocations they name (for verify)."""
    found = allocations_in(year, [int(program.id)]).get(int(program.id), [])
    source = f"资金来源：{program.funding_source or '未登记'}"
    if not found:
        return (source, f"资金下达（{year}年）：未登记"), []
    total = sum(a.amount_fen for a in found)
    words = [allocation_words(a) for a in found]
    chunks = [words[i:i + PER_LINE] for i in range(0, len(words), PER_LINE)]
    lines = [f"资金下达（{year}年）：" + "；".join(chunks[0])]
    lines += ["　　" + "；".join(chunk) for chunk in chunks[1:]]
    lines[-1] += f"。合计下达{format_fen(total)}元"
    return (source, *lines), sorted(a.id for a in found)
