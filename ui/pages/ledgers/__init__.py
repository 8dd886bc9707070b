"""台账: the ledgers page — form → request (spec) → background job → preview, print, save."""

from .form import FILTERS
from .page import LedgersPage

__all__ = ["FILTERS", "LedgersPage"]
