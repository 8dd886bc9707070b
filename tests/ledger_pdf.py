"""Reading printed ledgers back with poppler-utils, as an auditor's tools would, and the
small demo county they are printed from (长铺镇, 2014–2018, invented people)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import threading
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database

DATE = dt.date(2018, 12, 1)
AFTER_DEMO = dt.date(2019, 1, 10)  # after every record of the small demo (its last are of late December 2018)
MONEY = r"-?\d+\.\d\d"
TALLY = r"(?:（共(?P<households>\d+)户(?:(?P<people>\d+)人)?）)?"  # 共X户Y人 of a ledger that counts whom it paid
SUBTOTAL = re.compile(rf"^\s*本页小计{TALLY}\s+(?:[\d.]+\s+)*?(?P<money>{MONEY})\s*$")
TOTAL = re.compile(rf"^\s*合计{TALLY}\s+(?:[\d.]+\s+)*?(?P<money>{MONEY})\s*$")
ID_NUMBER = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")
PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def cli_login(monkeypatch: pytest.MonkeyPatch, user: str = "admin") -> None:
    """Commands that print or compare ledgers need a login: a demo account (password
    suining2018) through SUINING_USER and SUINING_PASSWORD, as a clerk's script gives it."""
    monkeypatch.setenv("SUINING_USER", user)
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")


def make_demo(path: Path) -> Path:
    """The small demo county in a new database at ``path`` (closed again)."""
    from suining_desk.demo.generate import generate_demo

    db = open_database(path)
    generate_demo(db, scale="small", seed=2018, progress=None, cancel=threading.Event())
    close_database()
    return path


def pdf_text(pdf: Path) -> list[str]:
    """Each page's text, laid out as printed."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return out.stdout.split("\f")[:-1]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match
    return int(match.group(1))


def fen(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    yuan, cents = text.lstrip("-").split(".")
    return sign * (int(yuan) * 100 + int(cents))


def assert_only_embedded_fonts(pdf: Path) -> None:
    """pdffonts names only the embedded subset of the ledger font (no Helvetica)."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    assert "Helvetica" not in out
    for line in fonts:
        assert "WenQuanYiMicroHei" in line and re.search(r"\syes\s+yes\s+yes\s", line), line
