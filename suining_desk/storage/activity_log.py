"""The program's log: what was opened, imported, exported, printed and backed up, with times
and counts, in a file a county's IT person can read — ``logs/suining-desk.log`` in the data
folder (帮助 → 打开日志文件夹), rotated at 1 MB with five older files kept.

Standard-library :mod:`logging` under the ``suining_desk`` logger; Qt's own messages come in
as ``suining_desk.qt`` (the window installs the handler). Every line goes through
:func:`suining_desk.domain.privacy.redact` as it is written, so no full ID or bank number reaches the
file (or the screen with ``--verbose``), whatever a message was given. The file and its
folder are owner-only, like the crash reports beside them, which stay as they were.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from suining_desk.domain.privacy import redact
from suining_desk.storage import paths
from suining_desk.storage.crashlog import logs_dir

LOGGER = "suining_desk"
FILE_NAME = "suining-desk.log"
MAX_BYTES = 1 << 20
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_suining_handler"  # on the handlers installed here, to replace them on the next call


def log_dir() -> Path:
    """Where the log and the crash reports are: ``logs`` in the data folder."""
    return logs_dir()


class RedactingFormatter(logging.Formatter):
    """Formats a record (its traceback too), then masks ID and bank numbers in the result."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _PrivateRotatingHandler(RotatingFileHandler):
    """A rotating log file created owner-only (0600 on POSIX), as the crash reports are."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed: the stream type of logging's handlers
        if not os.path.exists(self.baseFilename):
            fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
            os.close(fd)
        return super()._open()


def _installed(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers if getattr(h, _MARK, False)]


def close() -> None:
    """Remove (and close) what :func:`configure` installed."""
    logger = logging.getLogger(LOGGER)
    for handler in _installed(logger):
        logger.removeHandler(handler)
        handler.close()


def configure(*, verbose: bool = False, folder: Path | None = None) -> Path | None:
    """Send the program's log to the data folder (and with ``verbose``, every detail to the
    error output too); returns the log file, or None when the folder cannot be written —
    a log is never a reason for the program to fail. Calling it again (another data
    folder, as in the tests) replaces what an earlier call installed."""
    close()
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = RedactingFormatter(FORMAT)
    if verbose:
        screen = logging.StreamHandler(sys.stderr)
        screen.setFormatter(formatter)
        setattr(screen, _MARK, True)
        logger.addHandler(screen)
    target = (folder or log_dir()) / FILE_NAME
    try:
        if folder is None:
            paths.private_data_dir()
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        from suining_desk.storage.tempfiles import make_private

        make_private(target.parent)
        handler = _PrivateRotatingHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                          delay=True)
    except OSError:
        return None
    handler.setFormatter(formatter)
    setattr(handler, _MARK, True)
    logger.addHandler(handler)
    return target


def log_file() -> Path | None:
    """The file the log is written to now (None before :func:`configure`)."""
    for handler in _installed(logging.getLogger(LOGGER)):
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
