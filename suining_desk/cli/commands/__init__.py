"""The CLI commands, one module each; each has ``register(subparsers) -> parser``."""

from __future__ import annotations

from types import ModuleType

from suining_desk.cli.commands import demo, ledger, stats, verify

COMMANDS: list[ModuleType] = [demo, stats, ledger, verify]
