"""Stopping long work when the person asks: every such stop is a :class:`Cancelled`.

Long operations (computing a batch, importing, checking, printing a ledger, verifying the
log, building the demo) take a ``cancel`` event and raise a subclass of this when it is set,
after rolling back; the window tells a cancel from a failure by this one class.
"""

from __future__ import annotations


class Cancelled(Exception):  # noqa: N818 - the name callers know
    """The work was stopped on request; nothing of it was written."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(args or ("已取消",)))
