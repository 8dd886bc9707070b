"""The Linux one-folder build's entry point (scripts/build-linux): ``suining-desk``."""

from suining_desk.app import main

raise SystemExit(main())
