"""The Qt binding itself: a clerk's session makes millions of Qt calls, they must not leak.

PySide6/shiboken6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a
method that returns nothing (``QLabel.setText``, ``QStandardItem.setData`` …). On 3.12+
``None`` is immortal and nothing happens; on 3.11 the interpreter aborts with "Fatal Python
error: none_dealloc" once the count reaches zero (opening the window on the county-scale
demo is enough to crash at exit). 6.11.3 does not have the bug.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive() -> None:
    """Guards the version pin in pyproject.toml (PySide6-Essentials < 6.12)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) - before > -100
