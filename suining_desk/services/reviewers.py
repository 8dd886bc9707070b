"""Who may record a reviewer's decision, such as a double-benefit override."""

from __future__ import annotations

from suining_desk.services.access import has_role


def may_override(username: str) -> bool:
    """Whether ``username`` may let a household have both a relocation and a renovation:
    a reviewer or an admin (checked against the accounts in the database)."""
    return has_role(username, "reviewer")
