"""Typed views of query results (peewee's stubs type ``.tuples()`` as model rows)."""

from __future__ import annotations

from typing import Any


def tuples(query: Any) -> list[tuple[Any, ...]]:
    return list(query.tuples())

