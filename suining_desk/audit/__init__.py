"""The hash-chained audit log: append (log), row sets, labels, verify."""

from suining_desk.audit.log import GENESIS, ChainBreak, append, canonical, entry_hash, verify_chain

__all__ = ["GENESIS", "ChainBreak", "append", "canonical", "entry_hash", "verify_chain"]
