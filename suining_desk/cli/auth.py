"""Who runs a CLI command that writes: ``--user NAME`` and a password.

The password comes from the ``SUINING_PASSWORD`` environment variable (automation) or is
asked for without echo. Every command that changes the database calls
:func:`authenticate_cli` after opening it; the login (or the failed attempt, which counts
towards the lockout like one in the window) is in the audit log.
"""

from __future__ import annotations

import argparse
import getpass
import os

from suining_desk.access import Account, accounts_exist
from suining_desk.problems import InvalidInput, Problem

PASSWORD_ENV = "SUINING_PASSWORD"
USER_ENV = "SUINING_USER"


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="用户名", default=argparse.SUPPRESS,
                        help=f"以此用户身份操作（密码会提示输入，或取自环境变量 {PASSWORD_ENV}）")


def read_password(prompt: str = "密码：", *, confirm: bool = False) -> str:
    """From SUINING_PASSWORD, else asked (twice when ``confirm``)."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    try:
        password = getpass.getpass(prompt)
        if password and confirm and getpass.getpass("再输入一次：") != password:
            raise InvalidInput([Problem("password_mismatch")])
    except EOFError:  # no terminal to ask on (a script, a pipe) and no SUINING_PASSWORD
        password = ""
    if not password:
        raise InvalidInput([Problem("cli_no_password")])
    return password


def cli_username(args: argparse.Namespace) -> str:
    name = str(getattr(args, "user", "") or os.environ.get(USER_ENV, "")).strip()
    if not name:
        raise InvalidInput([Problem("cli_user_required")])
    return name


def authenticate_cli(args: argparse.Namespace, *, path: object = "") -> Account:
    """The logged-in account for a command that writes (the database must be open)."""
    from suining_desk.services.accounts import login

    name = cli_username(args)
    if not accounts_exist():
        raise InvalidInput([Problem("cli_no_accounts", {"path": str(path)})])
    return login(name, read_password(), via="cli")
