"""``suining-desk``: with no command it opens the window; with one it works headless.

Every command accepts ``--db`` (before or after the command name) and ``--demo``.
Each command lives in its own module under :mod:`suining_desk.cli.commands` and
registers itself in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import peewee

from suining_desk import __version__, paths
from suining_desk.cli.commands import COMMANDS
from suining_desk.cli.parser import ChineseArgumentParser
from suining_desk.cli.textout import configure_text_output
from suining_desk.db.errors import storage_problem
from suining_desk.messages import describe, described
from suining_desk.os_errors import os_problem
from suining_desk.problems import InvalidInput, Problem

DESCRIPTION = "绥宁扶贫台账：乡镇扶贫对象、搬迁、危改与资金发放台账。不带命令时打开窗口。"


def _add_db_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db", metavar="路径或地址", default=default,
        help="数据库文件（或 sqlite:/// 地址）；默认为数据文件夹中的 suining.sqlite3",
    )
    parser.add_argument(
        "--demo", action="store_true", default=False if top else argparse.SUPPRESS,
        help="使用单独的演示数据库（首次使用时自动生成演示数据）",
    )


def build_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(prog="suining-desk", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"suining-desk {__version__}",
                        help="显示版本号并退出")
    _add_db_options(parser, top=True)
    parser.add_argument("--user", default=None, metavar="用户名", help="打开窗口时预先填好的登录用户名")
    sub = parser.add_subparsers(dest="command", title="命令", metavar="命令",
                                parser_class=ChineseArgumentParser)
    for command in COMMANDS:
        command_parser = command.register(sub)
        _add_db_options(command_parser, top=False)
    return parser


def database_target(args: argparse.Namespace) -> str | Path:
    if args.db:
        return str(args.db)
    return paths.demo_database() if args.demo else paths.default_database()


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Path:
    """Open the database the arguments name. ``--demo`` builds the demo data on first use;
    otherwise a missing file is refused unless the command creates databases."""
    from suining_desk.cli.commands.demo import ensure_demo_database
    from suining_desk.db import open_database
    from suining_desk.db.connection import sqlite_path

    path = sqlite_path(database_target(args))
    if args.demo and not args.db:
        ensure_demo_database(path)
    elif not create and not path.exists():
        raise InvalidInput([Problem("db_missing", {"path": str(path)})])
    open_database(path)
    from suining_desk.netshare import is_network_path
    from suining_desk.open_checks import open_warnings

    warnings = open_warnings()
    if is_network_path(path):
        warnings.append(Problem("db_network_share", {"path": str(path)}))
    for problem in warnings:
        _say(f"注意：{describe(problem)}")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever happens, the user reads Chinese, never a traceback:
    refusals and file errors name what and why, a reader that stops reading (``| head``)
    ends the command quietly, and anything unforeseen leaves a crash report."""
    configure_text_output()  # Chinese never fails on a Windows code page without it
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
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
        _say("已取消，数据库未改动。")
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


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except OSError:
        pass  # nobody reads the error output either


def _tell(*problems: Problem) -> None:
    for line in described(problems, prefix="错误："):  # at most a thousand, then how many more
        _say(line)


def _crashed(exc: BaseException) -> int:
    from suining_desk.crashlog import write_crash_report

    kind = type(exc).__name__
    try:
        report = write_crash_report(type(exc), exc, exc.__traceback__)
    except OSError:
        _tell(Problem("cli_crashed_unreported", {"kind": kind}))
    else:
        _tell(Problem("cli_crashed", {"kind": kind, "path": str(report)}))
    return 70  # EX_SOFTWARE


def _open_window(args: argparse.Namespace) -> int:
    """The window: lock, safe open (a damaged file offers its newest good backup), login."""
    from suining_desk.db.connection import sqlite_path

    path = sqlite_path(database_target(args))
    from ui.startup import start  # Qt is loaded only when a window is wanted

    return start(path, demo=bool(args.demo) and not args.db, username=args.user or "")
