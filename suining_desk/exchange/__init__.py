"""Inputs and outputs in spreadsheets: imports, exports, templates, bank files."""
