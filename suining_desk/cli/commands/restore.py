"""``suining-desk restore FILE``: put a backup in place of the database.

The backup is checked first; an admin of the backup (``--user``) confirms with their
password (checked against the backup, read-only); the current database is kept as a
copy in the backups folder before it is replaced.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from suining_desk.cli.auth import add_user_option
from suining_desk.problems import InvalidInput, Problem


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "restore", help="从备份恢复数据库（先检查备份，并保留当前数据库的副本）；需管理员 --user")
    parser.add_argument("file", metavar="备份文件", help="要恢复的备份文件")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def admin_of_backup(backup: Path, username: str, password: str) -> bool:
    """Whether ``username`` is an active admin of the backup with this password."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    conn = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT password_hash, role, active FROM user WHERE username = ?",
                           (username,)).fetchone()
    finally:
        conn.close()
    if row is None or row[1] != "admin" or not row[2]:
        return False
    try:
        return bool(PasswordHasher().verify(row[0], password))
    except (VerificationError, InvalidHashError):
        return False


def run(args: argparse.Namespace) -> int:
    from suining_desk.backups import integrity_problems
    from suining_desk.cli import database_target
    from suining_desk.cli.auth import cli_username, read_password
    from suining_desk.db.connection import sqlite_path
    from suining_desk.restore import restore_backup

    source = Path(args.file).expanduser()
    problems = integrity_problems(source)
    if problems:
        raise InvalidInput(problems)
    name = cli_username(args)
    if not admin_of_backup(source, name, read_password()):
        raise InvalidInput([Problem("login_failed")])
    path = sqlite_path(database_target(args))
    kept = restore_backup(source, path, user=name)
    print(f"已从 {source} 恢复数据库 {path}。")
    if kept is not None:
        print(f"恢复前的数据库已保存为：{kept}")
    return 0
