"""A household's 帮扶责任人 (the cadre paired with it), for the household file.

Pairing (结对帮扶) is built by a later change; until then nobody is paired and this says
so (None), and the household file prints neither the cadre nor a line for them — no
placeholder a clerk would wonder about. The pairing code calls :func:`set_cadre_lookup`
with a function that names the cadre of a household (or None), and from then on the
household file shows them in its form and adds their signature line.
"""

from __future__ import annotations

from collections.abc import Callable

CadreLookup = Callable[[int], "str | None"]
_lookup: CadreLookup | None = None


def set_cadre_lookup(lookup: CadreLookup | None) -> None:
    """Install (or with None remove) the function that names a household's cadre."""
    global _lookup
    _lookup = lookup


def responsible_cadre(household_id: int) -> str | None:
    """The cadre paired with the household, or None (no pairing yet, or not paired)."""
    return _lookup(household_id) if _lookup is not None else None
