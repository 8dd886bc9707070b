"""Fast random draws for the generator's hot loops (``random.choices`` and
``randint`` cost several times more than one ``random()``)."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """Items with weights; ``pick(rng)`` draws one with a single ``rng.random()``."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        if not pairs:
            raise ValueError("no items")
        self._items = [item for item, _ in pairs]
        self._cum: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self._cum.append(total)
        self._cum[-1] = float("inf")  # rounding can never push a draw past the last item
        self._total = total

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect_right(self._cum, rng.random() * self._total)]


def randint(rng: random.Random, low: int, high: int) -> int:
    """Like ``rng.randint`` (both ends included) with one ``rng.random()``: several
    times faster, and uniform enough for demo data."""
    return low + int(rng.random() * (high - low + 1))
