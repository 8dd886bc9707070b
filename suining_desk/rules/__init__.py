"""Validation and audit checks: they return lists of problems, never raise at the user."""
