"""Accounts: login with lockout, the first admin, passwords, and the admin's user list.

Passwords are stored as argon2id hashes (argon2-cffi's defaults, rehashed on login when
those change). Five failed logins in a row lock the account for 15 minutes. Every login,
failed login and refusal is an audit entry, written (and committed) even when the login
is refused. Users are never deleted — history refers to them — only disabled.
"""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from suining_desk import audit
from suining_desk.db.models import Area, User, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.accounts import check_account, check_password
from suining_desk.services.access import AccessDenied, Account, accounts_exist, require, to_account

MAX_FAILURES = 5
LOCK_MINUTES = 15
_hasher = PasswordHasher()  # argon2id
_DUMMY: str | None = None  # made on the first unknown name, not at import (0.2 s of every start)


def hash_password(password: str) -> str:
    """The one hashing policy: every stored password hash is made here (argon2id, each with
    its own salt) — accounts, the demo's accounts."""
    return _hasher.hash(password)


def _dummy() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = _hasher.hash("not a password, keeps unknown names as slow as known ones")
    return _DUMMY


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).replace(microsecond=0)


def _public(user: User) -> dict[str, object]:
    """What the log's before/after show of a user (never the hash)."""
    return {"username": user.username, "display_name": user.display_name, "role": user.role,
            "township_id": user.township_id, "active": bool(user.active),
            "failed_attempts": user.failed_attempts, "locked_until": user.locked_until,
            "must_change_password": bool(user.must_change_password)}


def _raise_if(problems: list[Problem]) -> None:
    if any(p.is_error for p in problems):
        raise InvalidInput([p for p in problems if p.is_error])


def _matches(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user is not None else _dummy(), password)
    except (VerificationError, InvalidHashError):
        return False


def _locked_until(user: User, now: dt.datetime) -> dt.datetime | None:
    until = user.locked_until
    if isinstance(until, str):
        until = dt.datetime.fromisoformat(until)
    return until if until is not None and until > now else None


def login(username: str, password: str, *, now: dt.datetime | None = None, via: str = "window") -> Account:
    """The account if the password is right; refused (and logged) otherwise."""
    now, name = _now(now), username.strip()
    user = User.get_or_none(User.username == name) if name else None
    if user is not None and (until := _locked_until(user, now)) is not None:
        with database.atomic("IMMEDIATE"):
            audit.append("login_refused_locked", username=name, table_name="user", record_id=user.id,
                         after={"via": via, "locked_until": until}, at=now)
        raise InvalidInput([Problem("login_locked", {"until": until.strftime("%H:%M"),
                                                     "minutes": LOCK_MINUTES})])
    right = _matches(user, password)
    if user is None or not right:
        left = _record_failure(user, name, via, now)
        if user is None or left is None:
            problem = Problem("login_failed", {}, field="password")
        elif left == 0:
            problem = Problem("login_now_locked", {"count": MAX_FAILURES, "minutes": LOCK_MINUTES})
        else:
            problem = Problem("login_failed_left", {"left": left, "minutes": LOCK_MINUTES}, field="password")
        raise InvalidInput([problem])
    if not user.active:
        with database.atomic("IMMEDIATE"):
            audit.append("login_refused_disabled", username=name, table_name="user", record_id=user.id,
                         after={"via": via}, at=now)
        raise InvalidInput([Problem("login_disabled", {"user": name})])
    with database.atomic("IMMEDIATE"):
        changes: dict[str, object] = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
        if _hasher.check_needs_rehash(user.password_hash):
            changes["password_hash"] = hash_password(password)
        User.update(**changes).where(User.id == user.id).execute()
        audit.append("login", username=name, table_name="user", record_id=user.id, after={"via": via}, at=now)
    return to_account(User.get_by_id(user.id))


def _record_failure(user: User | None, name: str, via: str, now: dt.datetime) -> int | None:
    """Count the failure; returns the attempts left before the lock (None: unknown user)."""
    with database.atomic("IMMEDIATE"):
        if user is None:
            audit.append("login_failed", username=name[:40] or "?", after={"via": via, "known": False}, at=now)
            return None
        failures = User.get_by_id(user.id).failed_attempts + 1
        locked = failures >= MAX_FAILURES
        User.update(failed_attempts=0 if locked else failures,
                    locked_until=now + dt.timedelta(minutes=LOCK_MINUTES) if locked else None,
                    ).where(User.id == user.id).execute()
        audit.append("login_failed", username=name, table_name="user", record_id=user.id,
                     after={"via": via, "failures": failures, "locked": locked}, at=now)
        return 0 if locked else MAX_FAILURES - failures


def _township(township_id: int | None) -> int | None:
    if township_id is None:
        return None
    if not Area.select().where((Area.id == township_id) & (Area.level == int(AreaLevel.TOWNSHIP))).exists():
        raise InvalidInput([Problem("bad_choice", {"label": "所属乡镇", "value": township_id}, field="township")])
    return township_id


def _new_user(username: str, display_name: str, role: str, township_id: int | None, password: str) -> User:
    name = username.strip()
    _raise_if(check_account(name, display_name, role) + check_password(password, username=name))
    if User.select().where(User.username == name).exists():
        raise InvalidInput([Problem("username_taken", {"value": name}, field="username")])
    return User.create(username=name, display_name=display_name.strip() or name, role=role,
                       township=_township(township_id), password_hash=hash_password(password))


def create_first_admin(username: str, display_name: str, password: str) -> Account:
    """The first account of a new database: an admin for the whole county. A database
    with no area yet also gets the county, its townships and the programs (``init`` and
    the window's first run both come here)."""
    from suining_desk.services.new_database import seed_new_database  # pulls in the demo package: only here

    with database.atomic("IMMEDIATE"):
        if accounts_exist():
            raise InvalidInput([Problem("accounts_exist")])
        user = _new_user(username, display_name, "admin", None, password)
        audit.append("admin_created", username=user.username, table_name="user", record_id=user.id,
                     after=_public(user))
        seed_new_database(user=user.username)
    return to_account(user)


def create_user(username: str, display_name: str, role: str, township_id: int | None, password: str,
                *, by: str) -> Account:
    """An admin adds a user; the user must choose a new password at the first login."""
    with database.atomic("IMMEDIATE"):
        require(by, role="admin")
        user = _new_user(username, display_name, role, township_id, password)
        User.update(must_change_password=True).where(User.id == user.id).execute()
        user = User.get_by_id(user.id)
        audit.append("user_created", username=by, table_name="user", record_id=user.id, after=_public(user))
    return to_account(user)


def _target(username: str) -> User:
    user = User.get_or_none(User.username == username.strip())
    if user is None:
        raise InvalidInput([Problem("access_unknown_user", {"user": username})])
    return user


def change_password(username: str, old: str, new: str) -> None:
    """A user changes their own password (the old one proves it is them)."""
    user = _target(username)
    _raise_if(check_password(new, username=user.username, field="new_password"))
    if not _matches(user, old):
        raise InvalidInput([Problem("password_wrong", {}, field="old_password")])
    if _matches(user, new):
        raise InvalidInput([Problem("password_same", {}, field="new_password")])
    with database.atomic("IMMEDIATE"):
        User.update(password_hash=hash_password(new), must_change_password=False).where(
            User.id == user.id).execute()
        audit.append("password_changed", username=user.username, table_name="user", record_id=user.id)


def reset_password(username: str, new: str, *, by: str) -> None:
    """An admin sets a new password (and lifts a lock); the user must change it at login
    (the admin knows it) — unless the admin reset their own."""
    with database.atomic("IMMEDIATE"):
        require(by, role="admin")
        user = _target(username)
        _raise_if(check_password(new, username=user.username, field="new_password"))
        User.update(password_hash=hash_password(new), must_change_password=user.username != by.strip(),
                    failed_attempts=0, locked_until=None).where(User.id == user.id).execute()
        audit.append("password_reset", username=by, table_name="user", record_id=user.id,
                     before=_public(user), after=_public(User.get_by_id(user.id)))


def _other_active_admins(user: User) -> int:
    return int(User.select().where((User.role == "admin") & User.active & (User.id != user.id)).count())


def set_active(username: str, active: bool, *, by: str) -> None:
    """Disable (or enable again) a user; never the last active admin, never oneself."""
    with database.atomic("IMMEDIATE"):
        require(by, role="admin")
        user = _target(username)
        if not active and user.username == by.strip():
            raise AccessDenied([Problem("cannot_disable_self")])
        if not active and user.role == "admin" and _other_active_admins(user) == 0:
            raise AccessDenied([Problem("last_admin")])
        User.update(active=active).where(User.id == user.id).execute()
        audit.append("user_enabled" if active else "user_disabled", username=by, table_name="user",
                     record_id=user.id, before=_public(user), after=_public(User.get_by_id(user.id)))


def update_user(username: str, *, display_name: str, role: str, township_id: int | None, by: str) -> None:
    """An admin changes a user's name, role or township (the username stays)."""
    with database.atomic("IMMEDIATE"):
        require(by, role="admin")
        user = _target(username)
        _raise_if(check_account(user.username, display_name, role))
        if user.role == "admin" and role != "admin" and user.active and _other_active_admins(user) == 0:
            raise AccessDenied([Problem("last_admin")])
        User.update(display_name=display_name.strip() or user.username, role=role,
                    township=_township(township_id)).where(User.id == user.id).execute()
        audit.append("user_updated", username=by, table_name="user", record_id=user.id,
                     before=_public(user), after=_public(User.get_by_id(user.id)))


def list_users() -> list[Account]:
    return [to_account(u) for u in User.select().order_by(User.id)]


def admin_names() -> list[str]:
    """The full names of the active admins: whom the login tells to ask for a new password."""
    query = User.select(User.username, User.display_name).where(
        (User.role == "admin") & User.active).order_by(User.id)
    return [str(u.display_name or u.username) for u in query]


def township_choices() -> list[tuple[int, str]]:
    query = Area.select(Area.id, Area.name).where(Area.level == int(AreaLevel.TOWNSHIP))
    return [(int(a.id), str(a.name)) for a in query.order_by(Area.sort_order, Area.id)]


__all__ = ["LOCK_MINUTES", "MAX_FAILURES", "admin_names", "change_password", "create_first_admin", "create_user",
           "list_users", "login", "reset_password", "set_active", "township_choices", "update_user"]


SYSTEM_NAME = "系统"  # what the program itself did ("system" in the records)


def full_names() -> dict[str, str]:
    """User name → the full name a ledger prints (经办人, 添加人 …); ``system`` → 系统."""
    names = {str(u): str(d or u) for u, d in tuples(User.select(User.username, User.display_name))}
    names.setdefault("system", SYSTEM_NAME)
    return names
