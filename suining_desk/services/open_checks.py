"""What whoever opens a database must be told at once: its protective triggers are gone
(:mod:`suining_desk.db.protections`: it opened read-only), or it holds less than this
computer has seen of it (:mod:`suining_desk.storage.seen`: it was rolled back). The command
line prints these on standard error, the window shows them in a dialog, ``audit verify``
reports them."""

from __future__ import annotations

from typing import Any

from suining_desk.domain.problems import Problem, Severity


def open_warnings() -> list[Problem]:
    """The warnings about the database that is open (none when all is well)."""
    from suining_desk.db.models import database
    from suining_desk.services.rollback import current_rollback

    db: Any = database.obj
    found: list[Problem] = []
    state = getattr(db, "protections", None)
    if state is not None and not state.ok:
        found.append(Problem("db_protections_missing", {"names": state.describe()}, Severity.WARNING))
    rollback = current_rollback()
    if rollback is not None:
        problem = rollback.problem()
        found.append(Problem(problem.code, problem.params, Severity.WARNING))
    return found


__all__ = ["open_warnings"]
