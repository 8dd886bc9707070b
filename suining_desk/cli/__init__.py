"""``suining-desk``: with no command it opens the window; with one it works headless.

Every command accepts ``--db`` (before or after the command name) and ``--demo``.
Each command lives in its own module under :mod:`suining_desk.cli.commands` and
registers itself in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import peewee

from suining_desk import __version__, paths
from suining_desk.cli.commands import COMMANDS
from suining_desk.cli.parser import ChineseArgumentParser
from suining_desk.db.errors import storage_problem
from suining_desk.messages import describe
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

    if is_network_path(path):
        print(f"注意：{describe(Problem('db_network_share', {'path': str(path)}))}", file=sys.stderr)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        code: int = args.func(args)
        return code
    except InvalidInput as exc:
        for problem in exc.problems:
            print(f"错误：{describe(problem)}", file=sys.stderr)
        return 1
    except (sqlite3.Error, peewee.DatabaseError, OSError) as exc:
        stored = storage_problem(exc)
        if stored is None:
            raise
        print(f"错误：{describe(stored)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消，数据库未改动。", file=sys.stderr)
        return 130


def _open_window(args: argparse.Namespace) -> int:
    """The window: lock, safe open (a damaged file offers its newest good backup), login."""
    from suining_desk.db.connection import sqlite_path

    path = sqlite_path(database_target(args))
    from ui.startup import start  # Qt is loaded only when a window is wanted

    return start(path, demo=bool(args.demo) and not args.db, username=args.user or "")
