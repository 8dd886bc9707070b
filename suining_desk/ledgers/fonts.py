"""The one font every ledger is printed in, embedded as a TrueType subset.

WenQuanYi Micro Hei ships in ``resources/fonts/`` with its licence (Apache-2.0). reportlab
can embed TrueType outlines only (not the CFF outlines of Noto CJK), and the built-in CID
fonts are not embedded at all, so this font is registered once per process and used for
every character on every page, including the canvas's initial font.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from suining_desk.storage.paths import resources_dir

FONT_NAME: Final = "WenQuanYiMicroHei"
FONT_FILE: Final = "wqy-microhei.ttc"
LICENCE_FILE: Final = "LICENSE-wqy-microhei.txt"
CACHE_LIMIT: Final = 50_000  # widths kept; a ledger's unique strings would grow it without end


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def register_font() -> str:
    """Register the font with reportlab (once) and return its name."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    return FONT_NAME


class _Widths(dict[str, float]):
    """Character → advance width in ems, filled from the font on first use of a character."""

    def __init__(self, char_widths: dict[int, float], default: float) -> None:
        super().__init__()
        self._char_widths, self._default = char_widths, default

    def __missing__(self, ch: str) -> float:
        width = self._char_widths.get(ord(ch), self._default) / 1000.0
        self[ch] = width
        return width


class Metrics:
    """Text widths in the ledger font, cached per string (a ledger repeats its strings)."""

    def __init__(self) -> None:
        face = pdfmetrics.getFont(register_font()).face
        self._widths = _Widths(face.charWidths, face.defaultWidth)
        self._cache: dict[str, float] = {}
        # The widest character: text of n characters is at most n × this many ems wide.
        self.max_em = max(max(face.charWidths.values(), default=0.0), face.defaultWidth) / 1000.0
        self.max_ascii_em = max(self._widths[chr(c)] for c in range(32, 127))

    def char_em(self, ch: str) -> float:
        """Width of one character at a font size of 1 point."""
        return self._widths[ch]

    def em_width(self, text: str) -> float:
        """Width of ``text`` at a font size of 1 point."""
        width = self._cache.get(text)
        if width is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            width = sum(map(self._widths.__getitem__, text))
            self._cache[text] = width
        return width

    def width(self, text: str, size: float) -> float:
        return self.em_width(text) * size
