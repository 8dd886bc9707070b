"""The core never imports Qt: importing every suining_desk module loads no PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import suining_desk


def test_every_core_module_imports_without_pyside6() -> None:
    names = [m.name for m in pkgutil.walk_packages(suining_desk.__path__, "suining_desk.")
             if not m.name.endswith("__main__")]  # running it would start the CLI
    assert len(names) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
