"""Reading a ledger PDF back the way a PDF reader does: from its last cross-reference table.

A reader starts at the file's last ``startxref``, reads that cross-reference table and its
trailer (and older ones through ``/Prev``, newest entry winning), and takes the document
information and the pages from the objects they point to. Bytes that no table points to —
a comment appended after ``%%EOF``, an object nothing refers to — are never read, so they
cannot stand in for the ledger's record either.

Only what the ledgers need is read: classic cross-reference tables (what reportlab writes,
and what an incremental update appends), direct and indirect objects, streams without a
filter or with ``FlateDecode``. A file another program rewrote with a cross-reference
stream, or anything else out of the ordinary, is :class:`PdfUnreadable`.

Why not pypdf (issue 19, measured by ``bench/pdf_pypdf.py``, which runs verify's tests on a
pypdf reader too): pypdf passes the same tamper tests, but even in strict mode it looks for an
object its table misplaces ("entry invalid but object found") — a page content forged after the
end, behind a moved table entry, is what poppler shows, while pypdf reads the original and
would call the file unchanged (``tests/core/test_verify_reader.py``); it is about twice as slow
on a 401-page ledger (0.23 s against 0.11 s) and raises its own errors on some damaged files.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, NamedTuple, TypeAlias

WHITESPACE: Final = b"\x00\t\n\x0c\r "
DELIMITERS: Final = b"()<>[]{}/%"
MAX_PREV: Final = 64  # incremental updates followed; a loop of /Prev ends here
_SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
_TOKEN_END = re.compile(rb"[\x00\t\n\x0c\r ()<>\[\]{}/%]")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|$)"  # where a token must stop
_TOKEN = re.compile(
    rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*(?:"
    rb"(?P<dict><<)|(?P<array>\[)|(?P<literal>\()|(?P<hex><)"
    rb"|/(?P<name>[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)"
    rb"|(?P<ref>(?P<num1>\d+)[\x00\t\n\x0c\r ]+(?P<num2>\d+)[\x00\t\n\x0c\r ]+R" + _END + rb")"
    rb"|(?P<int>[+-]?\d+)" + _END
    + rb"|(?P<real>[+-]?(?:\d+\.\d*|\.\d+))" + _END
    + rb"|(?P<keyword>true|false|null)" + _END + rb")"
)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_OBJ_HEADER = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_ESCAPES: Final = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
                   ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


class PdfUnreadable(ValueError):
    """Not a PDF this reader can follow (or a damaged one)."""


class Name(NamedTuple):  # tuples: tens of thousands are made while a ledger is read back
    value: str


class Ref(NamedTuple):
    number: int
    generation: int


@dataclass(frozen=True)
class Stream:
    dictionary: dict[str, PdfValue]
    raw: bytes  # as stored, still encoded


PdfValue: TypeAlias = (
    None | bool | int | float | bytes | Name | Ref | list["PdfValue"] | dict[str, "PdfValue"] | Stream
)


class _Parser:
    """Objects from ``data`` starting at ``pos``."""

    def __init__(self, data: bytes, pos: int) -> None:
        self.data, self.pos = data, pos

    def skip(self) -> None:
        """Past white space and comments (``%`` to the end of the line)."""
        self.pos = _SKIP.match(self.data, self.pos).end()  # type: ignore[union-attr]  # matches the empty string

    def word(self) -> bytes:
        self.skip()
        m = _TOKEN_END.search(self.data, self.pos)
        end = m.start() if m else len(self.data)
        if end == self.pos:
            raise PdfUnreadable(f"unexpected {self.data[self.pos:self.pos + 1]!r} at {self.pos}")
        out = self.data[self.pos:end]
        self.pos = end
        return out

    def value(self) -> PdfValue:
        """The next object: one match of :data:`_TOKEN` a token, containers read recursively."""
        m = _TOKEN.match(self.data, self.pos)
        if m is None:
            raise PdfUnreadable(f"unexpected {self.data[self.pos:self.pos + 12]!r} at {self.pos}")
        self.pos = m.end()
        kind = m.lastgroup
        if kind == "name":
            raw = m.group("name")
            if b"#" in raw:
                raw = _NAME_ESCAPE.sub(lambda g: bytes([int(g.group(1), 16)]), raw)
            return Name(raw.decode("latin-1"))
        if kind == "ref":
            return Ref(int(m.group("num1")), int(m.group("num2")))
        if kind == "int":
            return int(m.group("int"))
        if kind == "real":
            return float(m.group("real"))
        if kind == "dict":
            out: dict[str, PdfValue] = {}
            while not self._closing(b">>"):
                key = self.value()
                if not isinstance(key, Name):
                    raise PdfUnreadable("a dictionary key that is not a name")
                out[key.value] = self.value()
            return out
        if kind == "array":
            items: list[PdfValue] = []
            while not self._closing(b"]"):
                items.append(self.value())
            return items
        if kind == "literal":
            self.pos -= 1
            return self._literal()
        if kind == "hex":
            end = self.data.find(b">", self.pos)
            if end < 0:
                raise PdfUnreadable("unterminated hex string")
            digits = re.sub(rb"\s", b"", self.data[self.pos:end])
            self.pos = end + 1
            try:
                return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
            except ValueError as exc:
                raise PdfUnreadable("bad hex string") from exc
        keyword = m.group("keyword")
        if keyword == b"null":
            return None
        return keyword == b"true"

    def _closing(self, mark: bytes) -> bool:
        """Past ``mark`` (``>>`` or ``]``) if it comes next."""
        self.skip()
        if self.pos >= len(self.data):
            raise PdfUnreadable("unexpected end of file")
        if self.data.startswith(mark, self.pos):
            self.pos += len(mark)
            return True
        return False

    def _literal(self) -> bytes:
        data, out, depth = self.data, bytearray(), 0
        i = self.pos + 1
        while i < len(data):
            ch = data[i]
            if ch == 0x5C:  # backslash
                i += 1
                if i >= len(data):
                    break
                esc = data[i]
                if esc in _ESCAPES:
                    out += _ESCAPES[esc]
                elif 0x30 <= esc <= 0x37:  # up to three octal digits
                    m = re.compile(rb"[0-7]{1,3}").match(data, i)
                    assert m is not None
                    out.append(int(m.group(0), 8) & 0xFF)
                    i = m.end() - 1
                elif esc == 0x0D:  # a line continuation
                    if data[i + 1:i + 2] == b"\n":
                        i += 1
                elif esc != 0x0A:
                    out.append(esc)
            elif ch == 0x28:
                depth += 1
                out.append(ch)
            elif ch == 0x29:
                if depth == 0:
                    self.pos = i + 1
                    return bytes(out)
                depth -= 1
                out.append(ch)
            else:
                out.append(ch)
            i += 1
        raise PdfUnreadable("unterminated string")


class PdfFile:
    """A PDF's objects, as its cross-reference tables list them."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offsets: dict[int, int] = {}
        self.trailer: dict[str, PdfValue] = {}
        self._cache: dict[int, PdfValue] = {}
        self._forms_decoded: dict[int, bytes] = {}  # a form is called on every page
        found = list(_STARTXREF.finditer(data, max(0, len(data) - 4096)))
        if not found:
            raise PdfUnreadable("no startxref")
        offset: int | None = int(found[-1].group(1))
        seen: set[int] = set()
        while offset is not None:
            if offset in seen or len(seen) >= MAX_PREV:
                raise PdfUnreadable("a loop of cross-reference tables")
            seen.add(offset)
            trailer = self._xref_section(offset)
            for key, value in trailer.items():
                self.trailer.setdefault(key, value)  # the newest trailer's entries win
            prev = trailer.get("Prev")
            offset = prev if isinstance(prev, int) else None

    def _xref_section(self, offset: int) -> dict[str, PdfValue]:
        parser = _Parser(self.data, offset)
        if parser.word() != b"xref":
            raise PdfUnreadable("no cross-reference table where startxref points (a cross-reference stream?)")
        while True:
            word = parser.word()
            if word == b"trailer":
                trailer = parser.value()
                if not isinstance(trailer, dict):
                    raise PdfUnreadable("the trailer is not a dictionary")
                return trailer
            try:
                start, count = int(word), int(parser.word())
            except ValueError as exc:
                raise PdfUnreadable("bad cross-reference subsection") from exc
            for number in range(start, start + count):
                entry_offset, _generation, use = parser.word(), parser.word(), parser.word()
                if use == b"n" and number not in self.offsets:
                    self.offsets[number] = int(entry_offset)
                elif use == b"f":
                    self.offsets.setdefault(number, -1)  # freed in this update: older entries do not count

    def get(self, number: int) -> PdfValue:
        """Object ``number`` (a stream keeps its raw bytes)."""
        if number in self._cache:
            return self._cache[number]
        offset = self.offsets.get(number, -1)
        if offset < 0:
            return None
        m = _OBJ_HEADER.match(self.data, offset)
        if m is None or int(m.group(1)) != number:
            raise PdfUnreadable(f"object {number} is not where the table says")
        parser = _Parser(self.data, m.end())
        value = parser.value()
        parser.skip()
        if isinstance(value, dict) and self.data.startswith(b"stream", parser.pos):
            start = parser.pos + len(b"stream")
            if self.data.startswith(b"\r\n", start):
                start += 2
            elif self.data.startswith(b"\n", start):
                start += 1
            length = self.resolve(value.get("Length"))
            if not isinstance(length, int) or length < 0 or start + length > len(self.data):
                raise PdfUnreadable(f"bad stream length in object {number}")
            value = Stream(value, self.data[start:start + length])
        self._cache[number] = value
        return value

    def resolve(self, value: PdfValue) -> PdfValue:
        seen = 0
        while isinstance(value, Ref):
            seen += 1
            if seen > 32:
                raise PdfUnreadable("a loop of references")
            value = self.get(value.number)
        return value

    def dictionary(self, value: PdfValue) -> dict[str, PdfValue]:
        value = self.resolve(value)
        if isinstance(value, Stream):
            return value.dictionary
        return value if isinstance(value, dict) else {}

    def info(self) -> dict[str, PdfValue]:
        """The document information dictionary the newest trailer names."""
        return self.dictionary(self.trailer.get("Info"))

    def pages(self) -> list[dict[str, PdfValue]]:
        """The page dictionaries in order, each with its inherited /Resources filled in."""
        root = self.dictionary(self.trailer.get("Root"))
        out: list[dict[str, PdfValue]] = []
        self._walk(root.get("Pages"), None, out, 0)
        return out

    def _walk(self, node_ref: PdfValue, resources: PdfValue, out: list[dict[str, PdfValue]], depth: int) -> None:
        if depth > 32:
            raise PdfUnreadable("the page tree is too deep")
        node = self.dictionary(node_ref)
        resources = node.get("Resources", resources)
        kind = node.get("Type")
        if kind == Name("Pages"):
            kids = self.resolve(node.get("Kids"))
            for kid in kids if isinstance(kids, list) else []:
                self._walk(kid, resources, out, depth + 1)
        elif kind == Name("Page"):
            out.append({**node, "Resources": resources})
        else:
            raise PdfUnreadable("a page tree node that is neither Pages nor Page")

    def decoded(self, value: PdfValue) -> bytes:
        """A stream's content with its filters undone (none, or FlateDecode)."""
        stream = self.resolve(value)
        if not isinstance(stream, Stream):
            raise PdfUnreadable("not a stream")
        filters = self.resolve(stream.dictionary.get("Filter"))
        names = filters if isinstance(filters, list) else [] if filters is None else [filters]
        content = stream.raw
        for name in names:
            if self.resolve(name) != Name("FlateDecode"):
                raise PdfUnreadable(f"a stream filter this reader does not undo: {name!r}")
            try:
                content = zlib.decompress(content)
            except zlib.error as exc:
                raise PdfUnreadable("a damaged compressed stream") from exc
        return content

    def page_drawings(self, page: dict[str, PdfValue]) -> Iterator[tuple[str, bytes]]:
        """What a page draws: its content streams, then each form it can call (by resource
        name, forms inside forms too), as (label, decoded content)."""
        contents = self.resolve(page.get("Contents"))
        for part in contents if isinstance(contents, list) else [page.get("Contents")]:
            yield "", self.decoded(part)
        yield from self._forms(page.get("Resources"), set(), 0)

    def _forms(self, resources: PdfValue, seen: set[int], depth: int) -> Iterator[tuple[str, bytes]]:
        if depth > 8:
            raise PdfUnreadable("forms nested too deep")
        xobjects = self.dictionary(self.dictionary(resources).get("XObject"))
        for name in sorted(xobjects):
            ref = xobjects[name]
            obj = self.resolve(ref)
            if not isinstance(obj, Stream) or obj.dictionary.get("Subtype") != Name("Form"):
                continue
            content = None
            if isinstance(ref, Ref):
                if ref.number in seen:
                    continue
                seen.add(ref.number)
                content = self._forms_decoded.get(ref.number)
                if content is None:
                    content = self._forms_decoded[ref.number] = self.decoded(obj)
            yield name, content if content is not None else self.decoded(obj)
            yield from self._forms(obj.dictionary.get("Resources"), seen, depth + 1)


def text_value(value: PdfValue) -> str | None:
    """A PDF text string (PDFDocEncoding's ASCII part, or UTF-16 with its mark) as str."""
    if not isinstance(value, bytes):
        return None
    if value.startswith(b"\xfe\xff"):
        return value[2:].decode("utf-16-be", errors="replace")
    return value.decode("latin-1")
