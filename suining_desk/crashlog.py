"""Crash reports: what went wrong, for whoever supports the program — with every ID and
bank number masked (:func:`suining_desk.privacy.redact`)."""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path
from types import TracebackType

from suining_desk import __version__, paths
from suining_desk.privacy import redact


def logs_dir() -> Path:
    return paths.data_dir() / "logs"


def write_crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                       *, folder: Path | None = None) -> Path:
    folder = folder or logs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    head = f"suining-desk {__version__} · Python {platform.python_version()} · {platform.platform()}\n{now}\n\n"
    path.write_text(redact(head + body), encoding="utf-8")
    return path
