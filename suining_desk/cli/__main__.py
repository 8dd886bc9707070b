"""``python -m suining_desk.cli COMMAND``: the commands only (the window: ``python -m suining_desk``)."""

from suining_desk.cli import main

raise SystemExit(main())
