"""Who may do what: roles and township scope, enforced in the core services.

Roles rank clerk (录入员: enters) < reviewer (审核员: approves, and may enter) < admin
(管理员: users, settings, reopening periods, and everything else). A user belongs to one
township, or to the whole county (``township_id`` None).

Services keep taking ``user: str`` (the username) and call :func:`require` first::

    require(user, role="clerk", township=household.township_id)

The user is looked up on every call, so disabling an account takes effect at once.
A database with no accounts at all (before ``suining-desk init`` or the window's first-run
dialog has created the admin — both front ends refuse to work on such a database) has
no one to enforce against: :func:`require` then only asks for a non-blank name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from suining_desk.audit.labels import ACTION_LABELS
from suining_desk.db.models import Area, AuditEntry, User
from suining_desk.domain.enums import ROLES, AreaLevel
from suining_desk.domain.problems import InvalidInput, Problem

RANKS = {"clerk": 1, "reviewer": 2, "admin": 3}


@dataclass(frozen=True)
class Account:
    """A user as the rest of the program sees it (never the password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    township_id: int | None
    township_name: str  # '' for the whole county
    active: bool = True
    must_change_password: bool = False

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    @property
    def label(self) -> str:
        """``刘晓（录入员）`` for the status bar and dialogs."""
        return f"{self.display_name or self.username}（{self.role_label}）"

    @property
    def scope_label(self) -> str:
        return self.township_name or "全县"

    def at_least(self, role: str) -> bool:
        return RANKS.get(self.role, 0) >= RANKS[role]

    def covers(self, township_id: int | None) -> bool:
        return self.township_id is None or self.township_id == township_id


class AccessDenied(InvalidInput):
    """The user may not do this; ``problems`` say why."""


def to_account(user: User) -> Account:
    township = Area.get_or_none(Area.id == user.township_id) if user.township_id else None
    return Account(int(user.id), user.username, user.display_name, user.role, user.township_id,
                   township.name if township else "", bool(user.active), bool(user.must_change_password))


def accounts_exist() -> bool:
    return bool(User.select().exists())


def account_of(username: str) -> Account | None:
    user = User.get_or_none(User.username == username.strip())
    return to_account(user) if user is not None else None


def township_of(area_id: int | None) -> int | None:
    """The township an area lies in (None for the county itself or no area)."""
    area = Area.get_or_none(Area.id == area_id) if area_id is not None else None
    while area is not None and area.level > AreaLevel.TOWNSHIP:
        area = area.parent
    return int(area.id) if area is not None and area.level == AreaLevel.TOWNSHIP else None


def require(
    user: str | Account, *, role: str = "clerk", township: int | None = None, county: bool = False,
    reading: bool = False,
) -> Account | None:
    """The acting account if it is active, has chosen its own password, holds ``role`` (or
    a higher one) and covers ``township`` (``county=True``: the action concerns the whole
    county, so a township user may not); raises :class:`AccessDenied` otherwise.
    ``reading``: the action only reads (the refusal says 查看, not 修改).

    An account whose password an admin set (new, or reset) does nothing until its owner has
    changed it: whoever set it knows it, so acting with it would be acting as someone else.

    Returns None only in a database without any accounts (see the module notes).
    """
    name = user.username if isinstance(user, Account) else str(user)
    if not name.strip():
        raise AccessDenied([Problem("access_no_user")])
    if not accounts_exist():
        return None
    account = account_of(name)
    if account is None:
        raise AccessDenied([Problem("access_unknown_user", {"user": name})])
    if not account.active:
        raise AccessDenied([Problem("access_disabled", {"user": name})])
    if account.must_change_password:
        raise AccessDenied([Problem("access_must_change_password", {"user": name})])
    if not account.at_least(role):
        raise AccessDenied([Problem("access_role", {"user": name, "role": account.role_label,
                                                    "needed": ROLES[role]})])
    if county and account.township_id is not None:
        raise AccessDenied([Problem("access_county_only", {"user": name, "township": account.township_name})])
    if township is not None and not account.covers(township):
        wanted = Area.get_or_none(Area.id == township)
        raise AccessDenied([Problem("access_scope_read" if reading else "access_scope",
                                    {"user": name, "township": account.township_name,
                                     "other": wanted.name if wanted else str(township)})])
    return account


# Audit actions by which an admin sets someone's password, and so knows it: the new
# account's initial password, and a reset.
PASSWORD_SET_ACTIONS = ("user_created", "password_reset")


@dataclass(frozen=True)
class PasswordSet:
    """The last time someone else chose a user's password (from the audit log)."""

    by: str  # the admin who set it
    action: str  # one of PASSWORD_SET_ACTIONS
    at: str  # ISO time of the entry
    seq: int


def password_set(username: str) -> PasswordSet | None:
    """Who last set ``username``'s password, if anyone did (None: the user chose it at the
    database's creation, or the account came with the demo data)."""
    user = User.get_or_none(User.username == username.strip())
    if user is None:
        return None
    entry = (AuditEntry.select(AuditEntry.seq, AuditEntry.at, AuditEntry.username, AuditEntry.action)
             .where((AuditEntry.table_name == "user") & (AuditEntry.record_id == str(user.id))
                    & AuditEntry.action.in_(PASSWORD_SET_ACTIONS))
             .order_by(AuditEntry.seq.desc()).first())
    return PasswordSet(entry.username, entry.action, entry.at, int(entry.seq)) if entry is not None else None


def control_chain(username: str, setter: Callable[[str], PasswordSet | None] = password_set,
                  ) -> list[tuple[str, PasswordSet]]:
    """Everyone who can log in as ``username``: [(account, who last set its password), …],
    the account's setter, then that setter's own setter, and so on. Whoever set a password
    knows it (changing it at the "first login" is something they can do themselves), so
    control is transitive: A resets B's password, B resets C's — A can act as C.
    ``setter`` answers for one account (the check passes one as of an earlier moment)."""
    chain: list[tuple[str, PasswordSet]] = []
    seen = {username}
    while (link := setter(username)) is not None:
        chain.append((username, link))
        if link.by in seen:  # a loop: everyone in it is already named
            break
        seen.add(link.by)
        username = link.by
    return chain


def controlled_by(chain: list[tuple[str, PasswordSet]], user: str) -> list[tuple[str, PasswordSet]] | None:
    """The part of ``chain`` through which ``user`` controls its first account (None: not at all)."""
    for n, (_account, link) in enumerate(chain):
        if link.by == user:
            return chain[:n + 1]
    return None


def chain_text(links: list[tuple[str, PasswordSet]]) -> str:
    """``admin于2018-10-01新增用户时设置了B的密码，B于2018-10-02重置密码时设置了C的密码``,
    from the controller down to the account."""
    return "，".join(f"{link.by}于{link.at[:10]}{ACTION_LABELS.get(link.action, link.action)}时设置了{account}的密码"
                    for account, link in reversed(links))


def has_role(user: str, role: str) -> bool:
    """Whether ``user`` may act as ``role`` (e.g. a reviewer's override), without raising."""
    try:
        require(user, role=role)
    except AccessDenied:
        return False
    return True


__all__ = ["PASSWORD_SET_ACTIONS", "RANKS", "AccessDenied", "Account", "PasswordSet", "account_of",
           "accounts_exist", "chain_text", "control_chain", "controlled_by", "has_role",
           "password_set", "require", "to_account", "township_of"]
