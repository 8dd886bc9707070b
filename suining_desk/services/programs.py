"""Aid programs as the pickers and filters need them."""

from __future__ import annotations

from suining_desk.db.models import Program
from suining_desk.db.rows import tuples


def program_choices(*, active_only: bool = True) -> list[tuple[int, str]]:
    query = Program.select(Program.id, Program.name).order_by(Program.sort_order, Program.id)
    if active_only:
        query = query.where(Program.active == True)  # noqa: E712 - peewee expression
    return [(pid, name) for pid, name in tuples(query)]
