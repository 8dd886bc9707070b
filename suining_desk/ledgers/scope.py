"""Who may print which ledger: a township user prints only ledgers within their township.

Printing as a user (the window's session, ``suining-desk ledger … --user``) names that user
as ``printed_as``; a user of one township who leaves the area out gets their own township
(not the county), and a ledger of another township, of the whole county or of a household
elsewhere is refused. County-wide users print anything. A print with no user (the command
line without ``--user``, logged under the system user name) is not limited, as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from suining_desk.db.models import Area
from suining_desk.domain.problems import Problem
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.services.access import AccessDenied, Account, require


def printing_account(printed_as: str | None) -> Account | None:
    """The account whose scope applies: active, any role; None when nobody is limited
    (no user named, or a database without accounts)."""
    if printed_as is None:
        return None
    return require(printed_as, role="clerk")


def with_default_area(kind: LedgerKind, raw: Mapping[str, object], account: Account | None) -> dict[str, object]:
    """``raw`` with the user's township filled in when the area is left out."""
    out = dict(raw)
    if account is None or account.township_id is None or not kind.area_filtered:
        return out
    if not str(out.get("township") or "").strip():
        out["township"] = Area.get_by_id(account.township_id).code
    return out


def check_scope(kind: LedgerKind, filters: Filters, account: Account | None, *, refusal: str = "ledger_scope") -> None:
    """Raise :class:`AccessDenied` if ``account`` may not print a ledger of ``filters``
    (``refusal``: the problem code that says so, e.g. for checking a printed one)."""
    if account is None or account.township_id is None:
        return
    where = kind.township_of(filters)
    if where == account.township_id:
        return
    other = "全县" if where is None else Area.get_by_id(where).name
    raise AccessDenied([Problem(refusal, {"user": account.username, "township": account.township_name,
                                                 "other": other},
                                field="township" if kind.area_filtered else "household")])
