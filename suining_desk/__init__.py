"""Suining Desk core: records, rules, ledgers and exchange. Never imports Qt."""

__version__ = "0.1.0"
