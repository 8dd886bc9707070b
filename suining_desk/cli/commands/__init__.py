"""The CLI commands, one module each; each has ``register(subparsers) -> parser``."""

from __future__ import annotations

from types import ModuleType

from suining_desk.cli.commands import (
    area,
    audit,
    backup,
    batch,
    check,
    db,
    demo,
    export,
    household,
    import_,
    init,
    ledger,
    payment,
    period,
    program,
    restore,
    stats,
    template,
    users,
    verify,
)

COMMANDS: list[ModuleType] = [demo, stats, ledger, verify, household, program, batch, payment, period, check,
                              init, users, area, audit, db, backup, restore, import_, export, template]
