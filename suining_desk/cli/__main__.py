from suining_desk.cli import main

raise SystemExit(main())
