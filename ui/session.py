"""Who is working on which database: handed to every page and dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Session:
    db_path: Path
    username: str = "admin"
    user_label: str = ""
    demo: bool = False
    # Tests pin "today"; the window uses the real date.
    fixed_today: dt.date | None = field(default=None)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()
