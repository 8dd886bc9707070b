"""The Linux one-folder build's entry point (scripts/build-linux): ``suining-desk``."""

from suining_desk.cli import main

raise SystemExit(main())
