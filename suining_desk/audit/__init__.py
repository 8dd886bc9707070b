"""The hash-chained audit log: append (log), row sets, labels, verify."""

from suining_desk.audit.log import GENESIS, append, canonical, entry_hash

__all__ = ["GENESIS", "append", "canonical", "entry_hash"]
