"""The command line: ``suining-desk COMMAND`` works headless (:mod:`suining_desk.app` is the
program, which also opens the window when there is no command).

Every command accepts ``--db`` (before or after the command name), ``--demo`` and ``--verbose``
(the program's log on the screen too: :mod:`suining_desk.storage.activity_log`).
Each command lives in its own module under :mod:`suining_desk.cli.commands` and
registers itself in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import functools
import io
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import peewee

from suining_desk import __version__
from suining_desk.cli.commands import COMMANDS
from suining_desk.cli.parser import ChineseArgumentParser
from suining_desk.cli.target import add_db_options, database_target
from suining_desk.cli.textout import configure_text_output, say
from suining_desk.db.connection import sqlite_path
from suining_desk.domain.messages import described
from suining_desk.domain.os_errors import os_problem
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.storage.errors import storage_problem

log = logging.getLogger(__name__)
DESCRIPTION = "绥宁扶贫台账：乡镇扶贫对象、搬迁、危改与资金发放台账。不带命令时打开窗口。"


def build_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(prog="suining-desk", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"suining-desk {__version__}",
                        help="显示版本号并退出")
    add_db_options(parser, top=True)
    parser.add_argument("--user", default=None, metavar="用户名", help="打开窗口时预先填好的登录用户名")
    sub = parser.add_subparsers(dest="command", title="命令", metavar="命令",
                                parser_class=ChineseArgumentParser)
    for command in COMMANDS:
        command_parser = command.register(sub)
        add_db_options(command_parser, top=False)
    return parser


def _parser() -> ChineseArgumentParser:
    """The parser, built once per process (its ~500 options cost ~15 ms, paid again by every
    in-process call otherwise): argparse keeps no state between parses. Keyed on the commands'
    entry points, so a command replaced (a test's stand-in) gets a parser that calls it."""
    return _parser_for(tuple(command.run for command in COMMANDS))


@functools.lru_cache(maxsize=2)
def _parser_for(entry_points: tuple[object, ...]) -> ChineseArgumentParser:
    return build_parser()


class WindowOpener(Protocol):
    def __call__(self, path: Path, *, demo: bool, username: str) -> int: ...


def main(argv: Sequence[str] | None = None, *, open_window: WindowOpener | None = None) -> int:
    """Run one command (or, with none, open the window through ``open_window``). Whatever
    happens, the user reads Chinese, never a traceback: refusals and file errors name what and
    why, a reader that stops reading (``| head``) ends the command quietly, and anything
    unforeseen leaves a crash report."""
    configure_text_output()  # Chinese never fails on a Windows code page without it
    args = _parser().parse_args(argv)
    from suining_desk.storage.activity_log import configure

    configure(verbose=args.verbose)
    if args.command is not None:
        log.info("command: %s%s", args.command, f" {args.action}" if getattr(args, "action", None) else "")
    try:
        if args.command is None:
            return _open_window(args, open_window)
        code: int = args.func(args)
        sys.stdout.flush()  # a reader that left early shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except InvalidInput as exc:
        _tell(*exc.problems)
        return 1
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        stored = storage_problem(exc)
        if stored is None:
            return _crashed(exc)
        _tell(stored)
        return 1
    except OSError as exc:
        stored = storage_problem(exc) if exc.filename is None else None
        _tell(stored or os_problem(exc))
        return 1
    except KeyboardInterrupt:
        say("已取消，数据库未改动。")
        return 130
    except Exception as exc:  # noqa: BLE001 - the last net: a report instead of a traceback
        return _crashed(exc)


SIGPIPE_EXIT = 141  # 128 + SIGPIPE: what a shell shows for a Unix tool whose reader went away


def _reader_gone() -> int:
    """The output's reader closed the pipe (``| head``): stop quietly, like other Unix
    tools. Later writes (Python flushes stdout at exit) go nowhere instead of failing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # stdout is not a real file (tests): nothing is flushed to it at exit
    return SIGPIPE_EXIT


def _tell(*problems: Problem) -> None:
    for line in described(problems, prefix="错误："):  # at most a thousand, then how many more
        say(line)


def _crashed(exc: BaseException) -> int:
    from suining_desk.storage.crashlog import write_crash_report

    kind = type(exc).__name__
    try:
        report = write_crash_report(type(exc), exc, exc.__traceback__)
    except OSError:
        _tell(Problem("cli_crashed_unreported", {"kind": kind}))
    else:
        log.error("crashed (%s): report %s", kind, report.name)
        _tell(Problem("cli_crashed", {"kind": kind, "path": str(report)}))
    return 70  # EX_SOFTWARE


def _open_window(args: argparse.Namespace, open_window: WindowOpener | None) -> int:
    """The window: lock, safe open (a damaged file offers its newest good backup), login —
    through ``open_window`` (:func:`suining_desk.app.open_window`: the core never imports it)."""
    if open_window is None:  # ``python -m suining_desk.cli`` without a command
        _tell(Problem("cli_no_window"))
        return 2
    path = sqlite_path(database_target(args))
    return open_window(path, demo=bool(args.demo) and not args.db, username=args.user or "")
