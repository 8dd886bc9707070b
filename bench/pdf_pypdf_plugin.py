"""pytest plugin: verify reads ledgers with pypdf (bench/pdf_pypdf.py) instead of pdfread.

    uv run --with pypdf pytest -p bench.pdf_pypdf_plugin tests/core/test_ledger_tamper.py
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _read_with_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.pdf_pypdf import PypdfFile
    from suining_desk.ledgers import pdfmeta

    original = pdfmeta.PdfFile

    def reader(data: bytes) -> object:
        import inspect

        caller = inspect.stack()[1].function
        return original(data) if caller == "seal" else PypdfFile(data)  # writing stays as it is: reading is measured

    monkeypatch.setattr(pdfmeta, "PdfFile", reader)
