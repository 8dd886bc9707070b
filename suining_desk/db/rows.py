"""Typed views of query results (peewee's stubs type ``.tuples()`` as model rows)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def tuples(query: Any) -> list[tuple[Any, ...]]:
    return list(query.tuples())


def iter_tuples(query: Any) -> Iterator[tuple[Any, ...]]:
    """Streams rows without keeping peewee's row cache (for county-scale scans)."""
    return iter(query.tuples().iterator())
