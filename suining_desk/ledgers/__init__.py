"""Printed ledgers (台账): plain rows in, PDF out, one page template for every kind.

* :func:`make_spec` checks a request (kind, filters as typed, printing options);
* :func:`write_ledger` reads the rows, draws the PDF, saves it and logs the print;
* :func:`verify_file` says whether a ledger file still matches the database.

Kinds live in :mod:`suining_desk.ledgers.kinds`, one module each.
"""

from suining_desk.ledgers.kinds import KINDS, get_kind
from suining_desk.ledgers.service import (
    LedgerCancelled,
    LedgerResult,
    make_spec,
    prepare,
    record_sent_to_printer,
    write_ledger,
)
from suining_desk.ledgers.spec import LedgerSpec
from suining_desk.ledgers.verify import VerifyReport, read_ledger, verify_file

__all__ = [
    "KINDS",
    "LedgerCancelled",
    "LedgerResult",
    "LedgerSpec",
    "VerifyReport",
    "get_kind",
    "make_spec",
    "prepare",
    "read_ledger",
    "record_sent_to_printer",
    "verify_file",
    "write_ledger",
]
