"""The core never imports Qt or the window: importing every module of suining_desk (found
by walking its files, so a folder without ``__init__.py`` cannot hide one) loads no PySide6,
shiboken6 or ``ui`` module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import suining_desk

ROOT = Path(suining_desk.__file__).parent


def core_modules() -> list[str]:
    names = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue  # running it would start the program
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_walk_finds_every_module_even_in_a_folder_without_init() -> None:
    names = core_modules()
    files = [p for p in ROOT.rglob("*.py") if p.name != "__main__.py"]
    assert len(names) == len(files) > 150
    assert "suining_desk.exchange.reader" in names and "suining_desk.ledgers.kinds.payments" in names


def test_every_core_module_imports_without_qt_or_the_window() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
