"""``python -m suining_desk``: the same as ``suining-desk``."""

from suining_desk.app import main

raise SystemExit(main())
