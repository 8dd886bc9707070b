"""Who is working on which database: handed to every page and dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from suining_desk.services.access import Account


@dataclass
class Session:
    db_path: Path
    username: str = "admin"
    user_label: str = ""
    demo: bool = False
    # Tests pin "today"; the window uses the real date.
    fixed_today: dt.date | None = field(default=None)
    # Who logged in (None: a window opened without the login, e.g. by a test); the
    # services check the role and township of ``username`` themselves.
    account: Account | None = None

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def at_least(self, role: str) -> bool:
        """For showing pages and buttons only; the core enforces it again."""
        return self.account is None or self.account.at_least(role)

    @classmethod
    def for_account(cls, db_path: Path, account: Account, *, demo: bool) -> Session:
        return cls(Path(db_path), username=account.username, user_label=account.label, demo=demo, account=account)
