"""Problems returned by validators: a code and its parameters, never raised at the user.

The Chinese wording lives in :mod:`suining_desk.domain.messages`; the UI and the CLI turn a
problem into text with :func:`suining_desk.domain.messages.describe`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # the value is refused
    WARNING = "warning"  # accepted, but the clerk should look at it


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    field: str | None = None  # the input it is about, for inline display

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]


class InvalidInput(ValueError):
    """Raised by services when input is refused; carries the problems for the UI."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.code for p in problems))
