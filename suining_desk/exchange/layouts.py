"""The layout of each kind of import (and its template), by name."""

from __future__ import annotations

from suining_desk.exchange.aid_records import ENROLMENTS, PAYMENTS
from suining_desk.exchange.columns import Layout
from suining_desk.exchange.housing_records import RELOCATIONS, RENOVATIONS
from suining_desk.exchange.register_layout import REGISTER

LAYOUTS: dict[str, Layout] = {
    "households": REGISTER,
    "relocations": RELOCATIONS,
    "renovations": RENOVATIONS,
    "enrolments": ENROLMENTS,
    "payments": PAYMENTS,
}
