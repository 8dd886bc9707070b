"""Personal numbers out of places they do not belong (PIPL art. 28): log files, crash
reports, the audit page, anything shown to someone who does not need the full number.

ID numbers are masked by the one policy, :func:`suining_desk.domain.idnumber.mask`
(``430527********1234``); bank accounts keep only their last four digits. What a public
notice (公示) may show at all, kind by kind, is the notice policy of
:mod:`suining_desk.ledgers.disclosure`, which masks with these.
"""

from __future__ import annotations

import re
from typing import Any

from suining_desk.domain.idnumber import mask

ID_FIELDS = frozenset({"id_number", "head_id_number", "payee_id_number"})
HIDDEN_FIELDS = frozenset({"id_reversed", "password_hash"})  # nothing of these is shown
BANK_FIELDS = frozenset({"bank_account"})

_ID_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
_ID_REVERSED = re.compile(r"(?<![0-9A-Za-z])[0-9Xx][0-9]{17}(?![0-9])")
_LONG_DIGITS = re.compile(r"(?<![0-9A-Fa-f])[0-9]{15,25}(?![0-9A-Fa-f])")  # not inside a hex hash


def mask_bank(account: str) -> str:
    value = str(account).replace(" ", "")
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


def mask_fields(value: Any) -> Any:
    """A copy of a record (dicts and lists, e.g. an audit entry's before/after) with ID
    numbers masked, bank accounts shortened and derived copies hidden."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in ID_FIELDS and isinstance(item, str) and item:
                out[key] = mask(item)
            elif key in BANK_FIELDS and isinstance(item, str) and item:
                out[key] = mask_bank(item)
            elif key in HIDDEN_FIELDS and item:
                out[key] = "***"
            else:
                out[key] = mask_fields(item)
        return out
    if isinstance(value, list):
        return [mask_fields(v) for v in value]
    return value


def redact(text: str) -> str:
    """Free text (a log line, a traceback) with every ID-like number masked and every
    other run of 15 or more digits (bank cards, old 15-digit IDs) cut to its last four."""
    text = _ID_IN_TEXT.sub(lambda m: mask(m.group(0).upper()), text)
    text = _ID_REVERSED.sub(lambda m: "*" * len(m.group(0)), text)
    return _LONG_DIGITS.sub(lambda m: mask_bank(m.group(0)), text)
