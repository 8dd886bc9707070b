"""Account rules: usernames, display names, roles and the password policy.

Passwords (GB/T 22239 level 2 style): at least 8 characters of at least two kinds
(lower-case letters, upper-case letters, digits, other characters), not the username.
"""

from __future__ import annotations

import re

from suining_desk.domain.enums import ROLES
from suining_desk.domain.problems import Problem

MIN_PASSWORD = 8
MAX_PASSWORD = 128
_USERNAME = re.compile(r"[A-Za-z0-9_.\-\u4e00-\u9fff]{2,40}")


def password_kinds(password: str) -> int:
    kinds = (
        any(c.islower() and c.isascii() for c in password),
        any(c.isupper() and c.isascii() for c in password),
        any(c.isdigit() for c in password),
        any(not (c.isascii() and c.isalnum()) for c in password),
    )
    return sum(kinds)


def check_password(password: str, *, username: str = "", field: str = "password") -> list[Problem]:
    if len(password) < MIN_PASSWORD:
        return [Problem("password_too_short", {"min": MIN_PASSWORD}, field=field)]
    if len(password) > MAX_PASSWORD:
        return [Problem("password_too_long", {"max": MAX_PASSWORD}, field=field)]
    problems = []
    if password_kinds(password) < 2:
        problems.append(Problem("password_one_kind", {}, field=field))
    if username and password.lower() == username.strip().lower():
        problems.append(Problem("password_is_username", {}, field=field))
    return problems


def check_username(username: str) -> list[Problem]:
    name = username.strip()
    if not name:
        return [Problem("required", {"label": "用户名"}, field="username")]
    if not _USERNAME.fullmatch(name):
        return [Problem("username_bad", {"value": name}, field="username")]
    return []


def check_account(username: str, display_name: str, role: str) -> list[Problem]:
    problems = check_username(username)
    if len(display_name.strip()) > 40:
        problems.append(Problem("too_long", {"label": "姓名", "max": 40}, field="display_name"))
    if role not in ROLES:
        problems.append(Problem("bad_choice", {"label": "角色", "value": role}, field="role"))
    return problems
