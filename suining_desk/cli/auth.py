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
import sys

from suining_desk.access import Account, accounts_exist
from suining_desk.problems import InvalidInput, Problem

PASSWORD_ENV = "SUINING_PASSWORD"
USER_ENV = "SUINING_USER"


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="用户名", default=argparse.SUPPRESS,
                        help=f"以此用户身份操作（密码会提示输入，或取自环境变量 {PASSWORD_ENV}）")


def has_terminal() -> bool:
    """Whether getpass can ask without echo: a console on Windows, a controlling terminal elsewhere."""
    if os.name == "nt":
        return True
    try:
        os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
    except OSError:
        return False
    return True


def ask_secret(prompt: str) -> str:
    """A password typed at the terminal without echo; without a terminal (a script, a
    scheduled task) one line of standard input, with no English warning about echo that
    getpass would print. EOFError when there is nothing to read."""
    if has_terminal():
        return getpass.getpass(prompt)
    print(prompt, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        print(file=sys.stderr)  # the message that follows starts on its own line
        raise EOFError
    return line.rstrip("\r\n")


def read_password(prompt: str = "密码：", *, confirm: bool = False) -> str:
    """From SUINING_PASSWORD, else asked (twice when ``confirm``)."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    try:
        password = ask_secret(prompt)
        if password and confirm and ask_secret("再输入一次：") != password:
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
