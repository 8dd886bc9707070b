"""Text straight into a page's content stream, each distinct string encoded once.

``Canvas.drawString`` formats every coordinate and re-encodes every string into the font's
subsets in Python, and a 50,000-row ledger draws more than half a million cells. A ledger
repeats the same few thousand strings (village names, dates, standards), so this writer
keeps the encoded ``Tj`` operands per string and emits one text object per batch of cells
with :meth:`Canvas.addLiteral`. It uses the same font subsets as reportlab itself, so the
fonts are embedded by reportlab as usual.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from suining_desk.ledgers.fonts import Metrics, register_font


def _escape_table() -> dict[int, str]:
    """Byte (as a latin-1 character) → its spelling inside a PDF literal string."""
    table = {}
    for byte in range(256):
        ch = chr(byte)
        if ch in "\\()":
            table[byte] = "\\" + ch
        elif not 32 <= byte < 127:
            table[byte] = f"\\{byte:03o}"
    return table


_ESCAPE = _escape_table()
CACHE_LIMIT = 20_000  # distinct strings kept encoded

Chunk = tuple[int, str]  # (font subset, escaped bytes of a PDF literal string)


class TextWriter:
    """Collects positioned strings and writes them as one ``BT … ET`` per :meth:`flush`."""

    def __init__(self, canvas: Canvas, metrics: Metrics | None = None) -> None:
        self._canvas = canvas
        self._font: Any = pdfmetrics.getFont(register_font())
        self._doc: Any = canvas._doc  # the subsets are kept per document
        self.metrics = metrics or Metrics()
        self._encoded: dict[str, list[Chunk]] = {}
        self._names: dict[int, str] = {}
        self._ops: list[str] = []
        self._subset = -1
        self._size = -1.0

    def _chunks(self, text: str) -> list[Chunk]:
        chunks = self._encoded.get(text)
        if chunks is None:
            if len(self._encoded) >= CACHE_LIMIT:  # unique strings (ID numbers) are not worth keeping
                self._encoded.clear()
            chunks = [
                (subset, raw.decode("latin-1").translate(_ESCAPE))
                for subset, raw in self._font.splitString(text, self._doc)
            ]
            self._encoded[text] = chunks
        return chunks

    def _subset_name(self, subset: int) -> str:
        name = self._names.get(subset)
        if name is None:
            name = self._font.getSubsetInternalName(subset, self._doc)
            self._names[subset] = name
        return name

    def text(self, x: float, y: float, text: str, size: float) -> None:
        """``text`` with its baseline starting at (x, y)."""
        if not text:
            return
        ops = self._ops
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, operand in self._chunks(text):
            if subset != self._subset or size != self._size:
                ops.append(f"{self._subset_name(subset)} {size:.2f} Tf")
                self._subset, self._size = subset, size
            ops.append(f"({operand}) Tj")

    def right(self, x: float, y: float, text: str, size: float) -> None:
        self.text(x - self.metrics.width(text, size), y, text, size)

    def center(self, x: float, y: float, text: str, size: float) -> None:
        self.text(x - self.metrics.width(text, size) / 2, y, text, size)

    def flush(self) -> None:
        """Write what was collected into the current page (or form) and start afresh."""
        if self._ops:
            self._canvas.addLiteral("BT\n" + "\n".join(self._ops) + "\nET")
        self._ops = []
        self._subset, self._size = -1, -1.0
