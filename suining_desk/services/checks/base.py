"""What an audit check returns: findings with a code, the records involved and Chinese text."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.messages import describe
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import Problem

RECORD_KINDS = {
    "payment": "发放记录",
    "batch": "发放批次",
    "household": "户",
    "person": "人员",
    "relocation": "易地搬迁",
    "renovation": "危房改造",
}

# Posted money that still stands: not itself a reversal, and not reversed since. (The unary
# + keeps SQLite from walking the million NULLs of the reverses_id index instead.)
STANDING = ("p.posted = 1 AND p.amount_fen > 0 AND +p.reverses_id IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)")


@dataclass(frozen=True)
class RecordRef:
    kind: str  # one of RECORD_KINDS
    id: int
    label: str = ""  # e.g. the household number or the batch number

    @property
    def text(self) -> str:
        return f"{RECORD_KINDS.get(self.kind, self.kind)} {self.label or self.id}"


@dataclass(frozen=True)
class Finding:
    code: str
    records: tuple[RecordRef, ...]
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return describe(Problem(self.code, self.params))

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "params": self.params,
                "records": [{"kind": r.kind, "id": r.id, "label": r.label} for r in self.records]}


@dataclass(frozen=True)
class Check:
    code: str
    title: str  # Chinese, for the page and the CLI
    run: Callable[[], list[Finding]]


class CheckCancelled(Cancelled):  # noqa: N818 - the name callers know
    pass


ProgressFn = Callable[[str, float], None]


def yuan(fen: int) -> str:
    return format_fen(int(fen))


def cancelled(event: threading.Event | None) -> None:
    if event is not None and event.is_set():
        raise CheckCancelled
