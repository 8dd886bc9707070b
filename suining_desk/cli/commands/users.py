"""``suining-desk user ACTION``: the admin's account list (add, disable, enable, reset)
and ``user passwd`` to change one's own password. Users are never deleted."""

from __future__ import annotations

import argparse
import os
from typing import Any

from suining_desk.cli.auth import add_user_option, ask_secret
from suining_desk.domain.enums import ROLES
from suining_desk.domain.problems import InvalidInput, Problem

NEW_PASSWORD_ENV = "SUINING_NEW_PASSWORD"
ACTIONS = ("list", "add", "disable", "enable", "reset", "passwd")


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "user", help="用户管理：list 列出、add 新增、disable 停用、enable 启用、reset 重置密码、passwd 修改自己的密码")
    parser.add_argument("action", choices=ACTIONS, metavar="操作",
                        help="list 列出、add 新增、disable 停用、enable 启用、reset 重置密码、passwd 修改自己的密码")
    parser.add_argument("username", nargs="?", default="", metavar="用户名",
                        help="要操作的用户（add/disable/enable/reset）")
    parser.add_argument("--role", choices=tuple(ROLES), default="clerk",
                        help="角色：clerk 录入员、reviewer 审核员、admin 管理员")
    parser.add_argument("--township", default="", metavar="乡镇", help="所属乡镇（名称）；不填为全县")
    parser.add_argument("--name", default="", metavar="姓名", help="姓名（默认同用户名）")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def _new_password() -> str:
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given:
        return given
    try:
        first = ask_secret("新密码：")
        if ask_secret("再输入一次新密码：") != first:
            raise InvalidInput([Problem("password_mismatch")])
    except EOFError:  # no terminal to ask on (a script, a pipe)
        raise InvalidInput([Problem("cli_no_new_password", {"env": NEW_PASSWORD_ENV})]) from None
    return first


def _passwd(args: argparse.Namespace, path: object) -> int:
    """One's own password: the current one is asked once (it logs in, counting a wrong one
    towards the lockout), then the new one twice. The only command an account whose
    password an admin set may run."""
    from suining_desk.cli.auth import cli_username, read_password
    from suining_desk.services import accounts
    from suining_desk.services.access import accounts_exist

    name = cli_username(args)
    if not accounts_exist():
        raise InvalidInput([Problem("cli_no_accounts", {"path": str(path)})])
    other = (args.username or "").strip()
    if other and other != name.strip():  # it was ignored: the one logged in changed their own
        raise InvalidInput([Problem("cli_passwd_other_user", {"user": name, "other": other})])
    old = read_password("现在的密码：")
    accounts.login(name, old, via="cli")
    accounts.change_password(name, old, _new_password())
    print("密码已修改，以后请用新密码登录。")
    return 0


def _township_id(name: str) -> int | None:
    from suining_desk.services.accounts import township_choices

    if not name.strip():
        return None
    for area_id, area_name in township_choices():
        if name.strip() in (area_name, str(area_id)):
            return area_id
    raise InvalidInput([Problem("bad_choice", {"label": "所属乡镇", "value": name})])


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.cli.target import open_from_args
    from suining_desk.services import accounts

    path = open_from_args(args)
    if args.action == "passwd":
        return _passwd(args, path)
    me = authenticate_cli(args, path=path)
    if args.action == "list":
        for a in accounts.list_users():
            state = "在用" if a.active else "已停用"
            print(f"{a.username}\t{a.display_name}\t{a.role_label}\t{a.scope_label}\t{state}")
        return 0
    if not args.username:
        raise InvalidInput([Problem("required", {"label": "用户名"})])
    if args.action == "add":
        account = accounts.create_user(args.username, args.name, args.role, _township_id(args.township),
                                       _new_password(), by=me.username)
        print(f"已新增用户 {account.username}（{account.role_label}，{account.scope_label}），首次登录须修改密码。")
    elif args.action in ("disable", "enable"):
        accounts.set_active(args.username, args.action == "enable", by=me.username)
        print(f"用户 {args.username} 已{'启用' if args.action == 'enable' else '停用'}。")
    else:
        accounts.reset_password(args.username, _new_password(), by=me.username)
        print(f"用户 {args.username} 的密码已重置，下次登录须修改密码。")
    return 0
