"""Spreadsheet layouts: the columns of each kind of record, recognised by header name.

A column is found by its label or one of its synonyms, whatever its position (in a two-row
header, the lower cell's name, the group title above it telling apart a name used twice); headers
are compared after NFKC (full-width brackets become ASCII), without spaces, line breaks,
required-field stars or a trailing colon, and once more without a bracketed note
(``身份证号码(18位)``). Unknown headers are reported and ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|【.*?】")
_NOISE = re.compile(r"[\s*※★:]+")


def normalize_header(text: object) -> str:
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    return _NOISE.sub("", value).lower()


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header written in templates and exports
    synonyms: tuple[str, ...] = ()
    required: bool = False
    text: bool = False  # a code kept as text (Excel must not turn it into a number)
    width: int = 12
    choices: tuple[str, ...] = ()  # a drop-down list in templates
    note: str = ""  # for the instructions sheet
    example: str = ""

    def names(self) -> tuple[str, ...]:
        return tuple(normalize_header(n) for n in (self.label, *self.synonyms))


@dataclass(frozen=True)
class HeaderMatch:
    """Where each known column is (0-based index) and what else the header row holds."""

    row: int  # the header's row number as Excel shows it
    positions: dict[str, int]
    labels: dict[str, str]  # key → the header text as written in the file
    unknown: tuple[str, ...]  # headers not recognised (ignored)
    duplicates: tuple[tuple[str, str], ...] = ()  # (a header not read, the header of the same column read)

    @property
    def recognised(self) -> int:
        return len(self.positions)


@dataclass(frozen=True)
class Layout:
    kind: str
    title: str  # e.g. 建档立卡户花名册
    columns: tuple[Column, ...]
    key_fields: tuple[str, ...]  # a row is a record if one of these is filled
    sheet_title: str = "数据"
    notes: tuple[str, ...] = ()  # general instructions
    # Headers only a report of this kind has (an export that must not be imported again),
    # and the problem that refuses such a file as a whole.
    report_headers: tuple[str, ...] = ()
    report_problem: str = ""
    _lookup: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    # (group word, name) → key: a synonym written ``成员/联系电话`` means 联系电话 under a group
    # title that says 成员 (a two-row header, :meth:`match` with ``groups``).
    _grouped: dict[tuple[str, str], str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for column in self.columns:
            for name in column.names():
                group, slash, bare = name.partition("/")
                if slash:
                    self._grouped.setdefault((group, bare), column.key)
                else:
                    self._lookup.setdefault(name, column.key)

    def grouped_key(self, group: object, header: object) -> str | None:
        """The column a header means under a group title, when the layout says so."""
        name, title = normalize_header(header), normalize_header(group)
        if not name or not title:
            return None
        return next((key for (word, bare), key in self._grouped.items() if bare == name and word in title), None)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def key_of(self, header: object) -> str | None:
        name = normalize_header(header)
        if not name:
            return None
        found = self._lookup.get(name)
        if found is None:
            bare = _BRACKETED.sub("", name)
            found = self._lookup.get(bare) if bare else None
        return found

    def match(self, cells: Sequence[object], row: int, groups: Sequence[str] = ()) -> HeaderMatch:
        """Where each column is in a header row; ``groups``, for a two-row header, holds the
        group title above each cell (which only tells apart names used in two groups)."""
        positions: dict[str, int] = {}
        labels: dict[str, str] = {}
        unknown: list[str] = []
        duplicates: list[tuple[str, str]] = []
        ranks: dict[str, int] = {}
        for index, cell in enumerate(cells):
            text = "" if cell is None else " ".join(str(cell).split())
            if not text:
                continue
            group = groups[index] if index < len(groups) else ""
            key = self.grouped_key(group, text) if group else None
            if key is not None:  # the name its group tells apart: as close as the column's own label
                text, rank = f"{text}（{group}）", 0
            else:
                key = self.key_of(text)
                rank = self._rank(key, text) if key is not None else 0
            if key is None:
                unknown.append(text)
            elif key in positions and rank >= ranks[key]:
                duplicates.append((text, labels[key]))
            else:  # first seen, or a closer name for the column (事由 before its synonym 备注)
                if key in positions:
                    duplicates.append((labels[key], text))
                positions[key] = index
                labels[key] = text
                ranks[key] = rank
        return HeaderMatch(row, positions, labels, tuple(unknown), tuple(duplicates))

    def _rank(self, key: str, header: str) -> int:
        """How close ``header`` is to the column's own name: 0 for its label, then its synonyms in order."""
        names = self.column(key).names()
        name = normalize_header(header)
        return names.index(name) if name in names else len(names)

    def report_marker(self, header: HeaderMatch) -> str | None:
        """The header (as written) that shows the file is a report of this kind, if any."""
        marks = {normalize_header(h) for h in self.report_headers}
        return next((text for text in header.unknown if normalize_header(text) in marks), None)

    def missing_required(self, header: HeaderMatch) -> list[Column]:
        return [c for c in self.columns if c.required and c.key not in header.positions]


def choice_map(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """``{value: (synonyms…)}`` → every spelling (normalised) to the value."""
    found: dict[str, str] = {}
    for value, synonyms in pairs.items():
        for spelling in (value, *synonyms):
            found[normalize_header(spelling)] = value
    return found
