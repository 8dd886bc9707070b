"""Who runs a CLI command that writes, or reads personal data: ``--user NAME`` and a password.

The name comes from ``--user`` or the ``SUINING_USER`` environment variable; the password
from ``SUINING_PASSWORD`` (automation) or is asked for without echo. Every command that
changes the database, and every one that prints or exports personal data (names, ID and
bank numbers), calls :func:`authenticate_cli` after opening it; the login (or the failed
attempt, which counts towards the lockout like one in the window) is in the audit log.

As in the window:

* an account whose password an admin set (a new account, or after ``user reset``) may do
  nothing but change it (``user passwd``), which the refusal says how to do;
* the demo database (``--demo`` without ``--db``) logs in as its ``admin`` by itself when
  no user is named, as the window does — while the demo password is unchanged, and only if
  the file is a demo database (the generator's mark), not whatever lies at the demo path.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.access import Account, accounts_exist

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


def named_user(args: argparse.Namespace) -> str:
    """``--user``, else ``SUINING_USER``; '' when neither names anyone."""
    return str(getattr(args, "user", "") or os.environ.get(USER_ENV, "")).strip()


def cli_username(args: argparse.Namespace, *, reading: bool = False) -> str:
    name = named_user(args)
    if not name:
        raise InvalidInput([Problem("cli_user_required_read" if reading else "cli_user_required")])
    return name


def on_demo_database(args: argparse.Namespace) -> bool:
    """``--demo`` without ``--db``, and the open database is a demo database of invented
    people (the window logs in there by itself too); a real one at the demo path is not."""
    if not getattr(args, "demo", False) or getattr(args, "db", None):
        return False
    from suining_desk.cli.demo_database import is_demo_database

    return is_demo_database()


def _database_words(args: argparse.Namespace) -> str:
    """How the refused command named its database, to repeat in the advice."""
    if getattr(args, "db", None):
        return f" --db {args.db}"
    return " --demo" if getattr(args, "demo", False) else ""


def authenticate_cli(args: argparse.Namespace, *, path: object = "", reading: bool = False,
                     password_change: bool = False) -> Account:
    """The logged-in account (the database must be open). ``reading``: the command reads
    personal data rather than writing (only the wording of a missing ``--user`` differs).
    ``password_change``: the command changes the account's own password, the one thing an
    account that must change its password may do."""
    from suining_desk.services.accounts import login

    if not accounts_exist():
        raise InvalidInput([Problem("cli_no_accounts", {"path": str(path)})])
    name = named_user(args)
    if not name and on_demo_database(args):
        account = _demo_admin()
    else:
        name = cli_username(args, reading=reading)
        account = login(name, read_password(), via="cli")
    if account.must_change_password and not password_change:
        raise InvalidInput([Problem("cli_must_change_password",
                                    {"user": account.username, "db": _database_words(args)})])
    return account


def _demo_admin() -> Account:
    """The demo's admin with the demo password (README); refused once it was changed."""
    from suining_desk.cli.demo_database import demo_password
    from suining_desk.services.accounts import login

    try:
        return login("admin", demo_password(), via="demo")
    except InvalidInput:
        raise InvalidInput([Problem("cli_demo_login_failed")]) from None
