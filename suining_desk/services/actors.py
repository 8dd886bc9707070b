"""Who is acting, for the money services: a thin layer over :mod:`suining_desk.services.access`.

Clerks (录入员) enter, reviewers (审核员) approve and post, admins (管理员) may also
reopen a closed month. A user tied to a township acts only inside it; an action on the
whole county needs a county-wide user.
"""

from __future__ import annotations

from suining_desk.services.access import Account, require, township_of

ENTER = "clerk"
REVIEW = "reviewer"
ADMIN = "admin"


def require_in_area(user: str, role: str, area_id: int | None, *, reading: bool = False) -> Account | None:
    """The acting account, refused unless it holds ``role`` and covers the area
    (``reading``: it only looks, and the refusal says so)."""
    if area_id is None:
        return require(user, role=role, reading=reading)
    town = township_of(area_id)
    return require(user, role=role, township=town, county=town is None, reading=reading)


__all__ = ["ADMIN", "ENTER", "REVIEW", "require", "require_in_area", "township_of"]
