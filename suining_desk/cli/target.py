"""The database a command works on: ``--db`` and ``--demo``, the default database, and
opening it with what must be said about it (a rollback, missing protections, a network share)."""

from __future__ import annotations

import argparse
from pathlib import Path

from suining_desk.cli.demo_database import ensure_demo_database
from suining_desk.cli.textout import say
from suining_desk.db import open_database
from suining_desk.db.connection import sqlite_path
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.open_checks import open_warnings
from suining_desk.storage import paths
from suining_desk.storage.netshare import is_network_path


def add_db_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--db``, ``--demo`` and ``--verbose``, on the program (``top``) and on each command (where they are
    optional again: ``suining-desk --db X stats`` and ``suining-desk stats --db X`` both work)."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db", metavar="路径或地址", default=default,
        help="数据库文件（或 sqlite:/// 、file: 地址）；默认为数据文件夹中的 suining.sqlite3",
    )
    parser.add_argument(
        "--demo", action="store_true", default=False if top else argparse.SUPPRESS,
        help="使用单独的演示数据库（首次使用时自动生成演示数据）",
    )
    parser.add_argument(  # not a database option, but wanted everywhere --db is
        "--verbose", action="store_true", default=False if top else argparse.SUPPRESS,
        help="在屏幕上显示详细的运行记录（也写入数据文件夹 logs 中的日志文件）",
    )


def database_target(args: argparse.Namespace) -> str | Path:
    if args.db:
        return str(args.db)
    return paths.demo_database() if args.demo else paths.default_database()


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Path:
    """Open the database the arguments name. ``--demo`` builds the demo data on first use;
    otherwise a missing file is refused unless the command creates databases."""
    path = sqlite_path(database_target(args))
    if args.demo and not args.db:
        ensure_demo_database(path)
    elif not create and not path.exists():
        raise InvalidInput([Problem("db_missing", {"path": str(path)})])
    open_database(path)

    warnings = open_warnings()
    if is_network_path(path):
        warnings.append(Problem("db_network_share", {"path": str(path)}))
    for problem in warnings:
        say(f"注意：{describe(problem)}")
    return path
