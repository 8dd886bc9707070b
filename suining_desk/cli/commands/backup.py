"""``suining-desk backup [--out FILE --user NAME]``: a checked copy of the database (SQLite
backup API, integrity-checked); without ``--out`` it goes to the automatic backups folder
and the rotation runs.

A copy with ``--out`` takes every person in the database wherever it is written, so it
needs a login (any role, as the window's 数据备份 page); one into the backups folder stays
beside the database, where it is no more readable than the database itself, and needs none
(a scheduled task can run it)."""

from __future__ import annotations

import argparse
from typing import Any

from suining_desk.cli.auth import add_user_option


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "backup", help="备份数据库（经完整性检查）；不加 --out 时存入自动备份文件夹")
    parser.add_argument("--out", default="", metavar="文件",
                        help="备份文件路径，.sqlite3（默认：数据文件夹中的备份文件夹）；已有的文件不会被覆盖；"
                             "须用 --user 登录")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from suining_desk.cli.args import require_suffix
    from suining_desk.cli.target import open_from_args
    from suining_desk.db import close_database
    from suining_desk.domain.problems import InvalidInput, Problem
    from suining_desk.storage.backups import backup_folder, backup_name, make_backup, rotate
    from suining_desk.storage.sqlite_files import database_path

    out = require_suffix(database_path(args.out), ".sqlite3", ".db") if args.out else None  # as --db is read
    if out is not None and out.exists() and not out.is_dir():  # another database, an earlier backup, the database
        raise InvalidInput([Problem("backup_out_exists", {"path": str(out)})])  # itself: before the login writes
    path = open_from_args(args)
    if out is not None:
        from suining_desk.cli.auth import authenticate_cli

        authenticate_cli(args, path=path, reading=True)
    close_database()
    if out is not None:
        info = make_backup(path, out, kind="manual")
    else:
        now = dt.datetime.now()
        info = make_backup(path, backup_folder(path) / backup_name(path, now, "auto"), kind="auto", now=now)
        rotate(backup_folder(path))
    print(f"已备份到：{info.path}（{info.size / 1048576:.1f} MB，完整性检查通过）")
    return 0
