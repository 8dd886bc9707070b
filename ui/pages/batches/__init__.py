"""发放批次: the batches page — the list and one batch (page), its steps (actions), the bank (bank)."""

from .page import BatchesPage

__all__ = ["BatchesPage"]
