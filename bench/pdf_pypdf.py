"""Issue 19, item 4 — the measurement behind keeping ``suining_desk/ledgers/pdfread.py``.

:class:`PypdfFile` reads a ledger with pypdf and gives verify what the hand-written reader
gives (the same objects: names, references, strings, streams), so the two are compared on the
same code path:

- **strictness** — ``bench/pdf_pypdf_plugin.py`` swaps this class in for ``pdfread.PdfFile``
  and the tamper and verify tests run unchanged::

      uv run --with pypdf pytest -p bench.pdf_pypdf_plugin tests/core/test_ledger_tamper.py \
          tests/core/test_ledgers.py -k "verify or tamper or altered or payload or drawn or damaged"

- **speed** — ``uv run --with pypdf python bench/pdf_pypdf.py`` times reading the record and the
  drawn digest of a ledger with each reader (a ratio, in the same run).

Not used by the program (pypdf is not one of its dependencies).
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path
from typing import Any

from suining_desk.ledgers.pdfread import Name, PdfUnreadable, PdfValue, Ref, Stream


class PypdfFile:
    """``pdfread.PdfFile``'s interface over pypdf (strict mode: a damaged table is an error)."""

    def __init__(self, data: bytes) -> None:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        self.data = data
        try:
            self.reader = PdfReader(io.BytesIO(data), strict=True)
            self.trailer: dict[str, PdfValue] = self._convert(self.reader.trailer)  # type: ignore[assignment]
            xref = self.reader.xref
            self.offsets = {number: offset for generations in xref.values() for number, offset in generations.items()}
        except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise PdfUnreadable(str(exc)) from exc

    def _convert(self, value: Any, depth: int = 0) -> PdfValue:
        from pypdf import generic as g

        if depth > 64:
            raise PdfUnreadable("objects nested too deep")
        if isinstance(value, g.IndirectObject):
            return Ref(value.idnum, value.generation)
        if isinstance(value, g.StreamObject):
            raw = value._data  # noqa: SLF001 - the raw, still encoded bytes
            entries = {k.lstrip("/"): self._convert(v, depth + 1) for k, v in value.items()}
            entries.setdefault("Length", len(raw))  # pypdf keeps the length as the data's, not as an entry
            return Stream(dict(sorted(entries.items())), raw)
        if isinstance(value, g.DictionaryObject):
            return {k.lstrip("/"): self._convert(v, depth + 1) for k, v in value.items()}
        if isinstance(value, g.ArrayObject):
            return [self._convert(v, depth + 1) for v in value]
        if isinstance(value, g.NameObject):
            return Name(str(value).lstrip("/"))
        if isinstance(value, g.BooleanObject):
            return bool(value)
        if isinstance(value, g.NullObject) or value is None:
            return None
        if isinstance(value, g.FloatObject):
            return float(value)
        if isinstance(value, g.NumberObject):
            return int(value)
        if isinstance(value, g.TextStringObject):
            return bytes(value.get_original_bytes())
        if isinstance(value, g.ByteStringObject):
            return bytes(value)
        raise PdfUnreadable(f"an object this adapter does not read: {type(value).__name__}")

    def get(self, number: int) -> PdfValue:
        from pypdf.errors import PyPdfError

        try:
            return self._convert(self.reader.get_object(number))
        except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise PdfUnreadable(str(exc)) from exc

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
        return self.dictionary(self.trailer.get("Info"))

    def pages(self) -> list[dict[str, PdfValue]]:
        from pypdf.errors import PyPdfError

        out = []
        try:
            for page in self.reader.pages:
                converted = self._convert(page)
                assert isinstance(converted, dict)
                resources = page.get("/Resources")  # pypdf's pages carry inherited resources
                converted["Resources"] = self._convert(resources.indirect_reference if hasattr(
                    resources, "indirect_reference") and resources.indirect_reference else resources)
                out.append(converted)
        except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError, AssertionError) as exc:
            raise PdfUnreadable(str(exc)) from exc
        return out

    def decoded(self, value: PdfValue) -> bytes:
        from pypdf.errors import PyPdfError

        stream = value
        if isinstance(value, Ref):
            obj = self.reader.get_object(value.number)
        else:
            raise PdfUnreadable("not a stream reference")
        try:
            return bytes(obj.get_data())  # type: ignore[union-attr]
        except (PyPdfError, ValueError, KeyError, AttributeError) as exc:
            raise PdfUnreadable(str(exc)) from exc
        finally:
            del stream

    def page_drawings(self, page: dict[str, PdfValue]) -> Any:
        contents = page.get("Contents")
        parts = contents if isinstance(contents, list) else [contents]
        for part in parts:
            yield "", self.decoded(part)
        yield from self._forms(page.get("Resources"), set(), 0)

    def _forms(self, resources: PdfValue, seen: set[int], depth: int) -> Any:
        if depth > 8:
            raise PdfUnreadable("forms nested too deep")
        xobjects = self.dictionary(self.dictionary(resources).get("XObject"))
        for name in sorted(xobjects):
            ref = xobjects[name]
            obj = self.resolve(ref)
            if not isinstance(obj, Stream) or obj.dictionary.get("Subtype") != Name("Form"):
                continue
            if isinstance(ref, Ref):
                if ref.number in seen:
                    continue
                seen.add(ref.number)
            yield name, self.decoded(ref)
            yield from self._forms(obj.dictionary.get("Resources"), seen, depth + 1)


def _time(read: Any, data: bytes, code: str, rounds: int) -> float:
    from suining_desk.ledgers import pdfmeta

    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        pdf = read(data)
        info = pdf.info()
        _digest, everywhere = pdfmeta.drawn_digest(pdf, code)
        best = min(best, time.perf_counter() - start)
    assert info and everywhere
    return best


def verdict(read: Any, data: bytes, code: str, drawn: str) -> str:
    """What verify would make of ``data`` with this reader: unreadable, no record, altered,
    the same pages (a harmless change) — or crashed (an exception verify does not expect)."""
    from suining_desk.ledgers.pdfmeta import INFO_KEY, drawn_digest
    from suining_desk.ledgers.pdfread import text_value

    try:
        pdf = read(data)
        if text_value(pdf.info().get(INFO_KEY)) is None:
            return "no record"
        if not pdf.pages():
            return "altered"
        digest, everywhere = drawn_digest(pdf, code)
        return "same pages" if everywhere and digest == drawn else "altered"
    except (PdfUnreadable, ValueError, IndexError, RecursionError):  # what verify catches
        return "unreadable"
    except Exception as exc:  # noqa: BLE001 - counted: verify would crash here
        return f"crashed ({type(exc).__name__})"


def fuzz(data: bytes, code: str, drawn: str, count: int) -> dict[str, dict[str, int]]:
    """Damaged copies (bytes flipped, cuts) through both readers."""
    import random

    from suining_desk.ledgers.pdfread import PdfFile

    rng = random.Random(19)
    tally: dict[str, dict[str, int]] = {"pdfread": {}, "pypdf": {}}
    for n in range(count):
        bad = bytearray(data)
        if n % 4 == 0:
            bad = bad[:rng.randrange(len(bad))]
        else:
            for _ in range(rng.choice((1, 4, 40))):
                bad[rng.randrange(len(bad))] = rng.randrange(256)
        for name, read in (("pdfread", PdfFile), ("pypdf", PypdfFile)):
            found = verdict(read, bytes(bad), code, drawn)
            tally[name][found] = tally[name].get(found, 0) + 1
    return tally


def resaved(data: bytes) -> dict[str, str]:
    """The ledger re-saved by another program (pypdf's writer: same pages, new file)."""
    from pypdf import PdfReader, PdfWriter

    from suining_desk.ledgers.pdfread import PdfFile

    out = io.BytesIO()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.write(out)
    again = out.getvalue()
    from suining_desk.ledgers.pdfmeta import read_record

    record = read_record(data)
    assert record is not None
    code = record.pdf.pages() and ""
    return {name: verdict(read, again, code, record.drawn) for name, read in (("pdfread", PdfFile),
                                                                                 ("pypdf", PypdfFile))}


def forged_behind_a_broken_table(data: bytes) -> tuple[bytes, bytes]:
    """Page 1's content with an amount changed, appended as an object of the same number after
    the end, and the table's entry for it moved off its object: a reader that searches for the
    object (pypdf, even strict) finds the original; poppler rebuilds the table and shows the
    forgery. Returns (the file, the forged amount as drawn)."""
    import re
    import zlib

    from suining_desk.ledgers.pdfread import PdfFile

    pdf = PdfFile(data)
    ref = pdf.pages()[0]["Contents"]
    assert isinstance(ref, Ref)
    drawn = pdf.decoded(ref)
    amount = re.search(rb"\((\d+)\.00\) Tj", drawn)
    assert amount is not None
    forged = b"9" + amount.group(1) + b".00"
    body = zlib.compress(drawn.replace(amount.group(0), b"(" + forged + b") Tj", 1))
    obj = (f"{ref.number} 0 obj\n<< /Filter [ /FlateDecode ] /Length {len(body)} >>\nstream\n".encode() + body
           + b"endstream\nendobj\n")
    table = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    entry = f"{pdf.offsets[ref.number]:010d} 00000 n".encode()
    at = data.index(entry, table)
    moved = f"{pdf.offsets[ref.number] - 9:010d} 00000 n".encode()  # into the end of the object before
    return data[:at] + moved + data[at + len(entry):] + obj, forged


def main() -> int:
    """Both readers on the demo county's 低保 ledgers (a township-month, a township-year, the county-year)."""
    import os
    import tempfile

    os.environ.setdefault("SUINING_HOME", tempfile.mkdtemp(prefix="suining-bench-"))
    import logging

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings about the damaged copies
    from suining_desk.cli.demo_database import ensure_demo_database
    from suining_desk.db import open_database
    from suining_desk.ledgers import make_spec, write_ledger
    from suining_desk.ledgers.pdfmeta import read_record
    from suining_desk.ledgers.pdfread import PdfFile

    folder = Path(tempfile.mkdtemp(prefix="suining-pdf-"))
    database = folder / "demo.sqlite3"
    ensure_demo_database(database)
    open_database(database)
    small = b""
    small_code = small_drawn = ""
    ledgers = [("payments", {"program": "低保", "year": 2018, "month": 11, "township": "长铺镇"}),
               ("payments", {"program": "低保", "year": 2018, "township": "长铺镇"})]
    for kind, raw in ledgers:
        out = folder / "ledger.pdf"
        result = write_ledger(make_spec(kind, raw), out, username="bench")
        data = out.read_bytes()
        record = read_record(data)
        assert record is not None
        ours = _time(PdfFile, data, result.code, 3)
        theirs = _time(PypdfFile, data, result.code, 3)
        same = pdfmeta_digest(PdfFile(data), result.code) == pdfmeta_digest(PypdfFile(data), result.code)
        print(f"{result.pages:5d} pages, {len(data) / 1e6:5.1f} MB: pdfread {ours:6.3f} s, pypdf {theirs:6.3f} s "
              f"(pypdf / pdfread = {theirs / ours:4.1f}×), same drawn digest: {same}", flush=True)
        if not small:
            small, small_code, small_drawn = data, result.code, record.drawn
    big = _big_ledger(folder)  # 10,000 rows: bench/ledger_speed.py's county
    data = big.read_bytes()
    record = read_record(data)
    assert record is not None
    from suining_desk.ledgers.stamp import decode_payload

    code = decode_payload(record.payload).code
    ours, theirs = _time(PdfFile, data, code, 1), _time(PypdfFile, data, code, 1)
    print(f"{len(PdfFile(data).pages()):5d} pages, {len(data) / 1e6:5.1f} MB: pdfread {ours:6.3f} s, pypdf "
          f"{theirs:6.3f} s (pypdf / pdfread = {theirs / ours:4.1f}×)", flush=True)
    print("re-saved by another program:", resaved(small))
    forged, amount = forged_behind_a_broken_table(small)
    seen = {name: verdict(read, forged, small_code, small_drawn) for name, read in (("pdfread", PdfFile),
                                                                                    ("pypdf", PypdfFile))}
    shown = _poppler_text(forged)
    print(f"forged object behind a broken table: {seen}; poppler shows the forged amount: "
          f"{amount.decode() in shown if shown is not None else 'pdftotext missing'}")
    for name, counts in fuzz(small, small_code, small_drawn, 400).items():
        print(f"400 damaged copies, {name}: {dict(sorted(counts.items()))}")
    return 0


def _poppler_text(data: bytes) -> str | None:
    import shutil
    import subprocess
    import tempfile

    if shutil.which("pdftotext") is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(data)
        fh.flush()
        done = subprocess.run(["pdftotext", "-q", "-f", "1", "-l", "1", fh.name, "-"], capture_output=True, timeout=60)
    return done.stdout.decode("utf-8", errors="replace")


def _big_ledger(folder: Path) -> Path:
    """The 10,000-row payments ledger of bench/ledger_speed.py, written in a child process."""
    import subprocess

    from bench import ledger_speed

    database = folder / "big.sqlite3"
    ledger_speed.build_database(database)
    out = folder / "big.pdf"
    subprocess.run([sys.executable, ledger_speed.__file__, "--measure", "10000", "--db", str(database), "--out",
                    str(out)], check=True, capture_output=True)
    return out


def pdfmeta_digest(pdf: Any, code: str) -> str:
    from suining_desk.ledgers.pdfmeta import drawn_digest

    return drawn_digest(pdf, code)[0]


if __name__ == "__main__":
    sys.exit(main())
