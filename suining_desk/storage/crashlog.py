"""Crash reports: what went wrong, for whoever supports the program — with every ID and
bank number masked (:func:`suining_desk.domain.privacy.redact`), in an owner-only file and folder."""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path
from types import TracebackType

from suining_desk import __version__
from suining_desk.domain.privacy import redact
from suining_desk.storage import paths
from suining_desk.storage.tempfiles import make_private, write_private


def logs_dir() -> Path:
    return paths.data_dir() / "logs"


def write_crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                       *, folder: Path | None = None) -> Path:
    if folder is None:
        paths.private_data_dir()
        folder = logs_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(folder)
    now = dt.datetime.now()
    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    head = f"suining-desk {__version__} · Python {platform.python_version()} · {platform.platform()}\n{now}\n\n"
    write_private(path, redact(head + body))  # owner-only: paths and names still show in it
    return path
