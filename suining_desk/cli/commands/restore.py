"""``suining-desk restore FILE``: put a backup in place of the database.

The backup is checked first. ``--user`` must be an active admin of the current database,
password checked there; only when the current database is missing or damaged (which is
why one restores) is the backup's own admin asked instead. A backup of another database
(its audit log starts differently) is refused. The current database is kept as a copy in
the backups folder before it is replaced.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from suining_desk.cli.auth import add_user_option
from suining_desk.domain.problems import InvalidInput, Problem


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "restore", help="从备份恢复数据库（先检查备份，并保留当前数据库的副本）；需管理员 --user")
    parser.add_argument("file", metavar="备份文件", help="要恢复的备份文件")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def _read(database: Path, sql: str, params: tuple[object, ...] = ()) -> tuple[Any, ...] | None:
    """One row from ``database`` opened read-only; None when there is none or it cannot be read."""
    from suining_desk.storage.sqlite_files import connect_read_only

    try:
        conn = connect_read_only(database)
        try:
            row: tuple[Any, ...] | None = conn.execute(sql, params).fetchone()
            return row
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def admin_of(database: Path, username: str, password: str) -> bool:
    """Whether ``username`` is an active admin of ``database`` with this password."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    row = _read(database, "SELECT password_hash, role, active FROM user WHERE username = ?", (username,))
    if row is None or row[1] != "admin" or not row[2]:
        return False
    try:
        return bool(PasswordHasher().verify(row[0], password))
    except (VerificationError, InvalidHashError):
        return False


def _first_entry(database: Path) -> str | None:
    """The hash of the audit log's first entry: the same in every backup of one database."""
    row = _read(database, "SELECT hash FROM audit_entry ORDER BY seq LIMIT 1")
    return str(row[0]) if row else None


def _has_admins(database: Path) -> bool:
    return _read(database, "SELECT 1 FROM user WHERE role = 'admin' AND active") is not None


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import cli_username, read_password
    from suining_desk.cli.target import database_target
    from suining_desk.db.connection import sqlite_path
    from suining_desk.services.restore import restore_backup
    from suining_desk.storage.backups import integrity_problems
    from suining_desk.storage.sqlite_files import database_path

    source = database_path(args.file)  # a backup named as --db would be
    problems = integrity_problems(source)
    if problems:
        raise InvalidInput(problems)
    name = cli_username(args)
    path = sqlite_path(database_target(args))
    current_usable = path.is_file() and not integrity_problems(path) and _has_admins(path)
    checked = path if current_usable else source
    if not admin_of(checked, name, read_password()):
        raise InvalidInput([Problem("restore_not_admin" if current_usable else "login_failed", {"user": name})])
    if (_read(checked, "SELECT must_change_password FROM user WHERE username = ?", (name,)) or (0,))[0]:
        raise InvalidInput([Problem("cli_must_change_password", {"user": name, "db": f" --db {path}"})])
    if current_usable and (mine := _first_entry(path)) and (theirs := _first_entry(source)) and mine != theirs:
        raise InvalidInput([Problem("restore_other_database", {"path": str(source)})])
    kept = restore_backup(source, path, user=name)
    print(f"已从 {source} 恢复数据库 {path}。")
    if kept is not None:
        print(f"恢复前的数据库已保存为：{kept}")
    return 0
