"""``suining-desk init --db PATH --admin NAME``: a new database with its admin, the county,
its townships and the programs (without standards)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from suining_desk.domain.problems import InvalidInput, Problem


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "init", help="新建数据库并创建管理员账户（密码提示输入两次，或取自 SUINING_PASSWORD）")
    parser.add_argument("--admin", required=True, metavar="用户名", help="管理员的用户名")
    parser.add_argument("--name", default="", metavar="姓名", help="管理员的姓名（默认同用户名）")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import read_password
    from suining_desk.cli.target import database_target
    from suining_desk.db import close_database, open_database
    from suining_desk.db.connection import sqlite_path
    from suining_desk.rules.accounts import check_account, check_password
    from suining_desk.services.accounts import create_first_admin

    path = sqlite_path(database_target(args))
    if path.exists() and path.stat().st_size > 0:
        raise InvalidInput([Problem("init_exists", {"path": str(path)})])
    problems = check_account(args.admin, args.name, "admin")
    if problems:
        raise InvalidInput(problems)
    password = read_password("管理员密码：", confirm=True)
    problems = check_password(password, username=args.admin)
    if problems:
        raise InvalidInput(problems)
    open_database(path)
    try:
        account = create_first_admin(args.admin, args.name, password)
    except BaseException:
        close_database()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    from suining_desk.db.models import Area, Program
    from suining_desk.domain.enums import AreaLevel

    townships = Area.select().where(Area.level == int(AreaLevel.TOWNSHIP)).count()
    print(f"已新建数据库：{path}")
    print(f"管理员：{account.username}（全县范围）。请用此账户登录后添加其他用户。")
    print(f"已建立县和{townships}个乡镇（村、组可在导入花名册时加 --create-areas 自动建立），"
          f"以及{Program.select().count()}个扶贫项目；补助标准请用 program add-standard 按执行日期设置。")
    return 0
