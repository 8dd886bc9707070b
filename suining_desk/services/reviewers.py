"""Who may record a reviewer's decision, such as a double-benefit override.

One small function so that the user and role system (a later issue) tightens it in one
place: today whoever is signed in to the session acts as the reviewer.
"""

from __future__ import annotations


def may_override(username: str) -> bool:
    """Whether ``username`` may let a household have both a relocation and a renovation."""
    return bool(username.strip())
