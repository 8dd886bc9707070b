"""``python -m suining_desk``: the same as ``suining-desk``."""

from suining_desk.cli import main

raise SystemExit(main())
