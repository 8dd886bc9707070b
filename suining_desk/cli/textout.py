"""Chinese on standard output and error whatever the Windows code page.

A Windows console shows any character (Python writes to it in UTF-16). Redirected output
(``> file``, a pipe, PowerShell capturing it) is bytes in some code page, and Python's
default there can be one without Chinese (cp1252 on an English Windows or under Wine): the
first Chinese line raised UnicodeEncodeError. So every command starts by choosing:

1. ``SUINING_ENCODING`` (or ``PYTHONIOENCODING``, which the bundled Python itself ignores)
   when set — ``set SUINING_ENCODING=utf-8`` for files other programs read as UTF-8;
2. else the console's code page (GBK, 936, on a Chinese Windows): what cmd's ``type`` and
   PowerShell use to read a program's output, so Chinese shows right there;
3. else what Python chose.

A character the chosen code page lacks becomes ``?`` instead of ending the command.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Mapping

ENCODING_ENV = "SUINING_ENCODING"


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def choose_encoding(environ: Mapping[str, str], console_code_page: int, current: str) -> str:
    """The encoding for redirected output (see the module's rules)."""
    for variable in (ENCODING_ENV, "PYTHONIOENCODING"):
        requested = environ.get(variable, "").split(":", 1)[0].strip()
        if requested and _known(requested):
            return requested
    if console_code_page == 65001:
        return "utf-8"
    if console_code_page > 0 and _known(f"cp{console_code_page}"):
        return f"cp{console_code_page}"
    return current


def console_code_page() -> int:
    """The console's output code page on Windows (0: no console, or not Windows)."""
    if os.name != "nt":
        return 0
    import ctypes  # pragma: no cover - Windows only

    return int(ctypes.windll.kernel32.GetConsoleOutputCP())  # type: ignore[attr-defined]  # pragma: no cover


def configure_text_output(environ: Mapping[str, str] | None = None, code_page: int | None = None) -> None:
    """Reconfigure sys.stdout and sys.stderr at the start of a command."""
    environ = os.environ if environ is None else environ
    code_page = console_code_page() if code_page is None else code_page
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None (no console at all) or a test's stand-in
        try:
            if stream.isatty() and os.name == "nt":  # pragma: no cover - the console takes any character
                stream.reconfigure(errors="replace")
                continue
            stream.reconfigure(encoding=choose_encoding(environ, code_page, stream.encoding), errors="replace")
        except (OSError, ValueError):
            continue  # a closed or odd stream: leave it as it is


def say(text: str) -> None:
    """A line for the user on standard error (never fails: nobody may be reading it)."""
    try:
        print(text, file=sys.stderr)
    except OSError:
        pass  # nobody reads the error output either
