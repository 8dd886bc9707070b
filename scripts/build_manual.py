"""Render the clerk's manual (docs/manual/*.md) to one HTML page with its images.

    uv run python scripts/build_manual.py --out DIR      # DIR/index.html, DIR/images/

The Windows build puts DIR in the bundle, where 帮助 → 用户手册 finds it (ui/manual.py).
The page has a table of contents and prints on A4 from any browser (each chapter on a new page).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write index.html and images/ into")
    parser.add_argument("--source", type=Path, default=REPO / "docs" / "manual", help="the manual's Markdown")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from suining_desk import __version__
    from ui.manual_render import build

    try:
        manual = build(args.source, args.out, version=__version__)
    except (FileNotFoundError, ValueError) as exc:
        print(f"build_manual: {exc}", file=sys.stderr)
        return 2
    print(f"{manual.title}: {args.out / 'index.html'} ({len(set(manual.images))} images)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
