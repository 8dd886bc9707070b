"""``suining-desk stats [--json]``: counts and money totals, exact to the fen."""

from __future__ import annotations

import argparse
import json
from typing import Any

from suining_desk.domain.money import format_fen
from suining_desk.services.stats import Stats


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "stats", help="统计：区划、户（在册，另计清退户）、人、搬迁、危改、发放笔数与各项目金额"
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args
    from suining_desk.services.stats import collect_stats

    open_from_args(args)
    stats = collect_stats()
    if args.json:
        print(json.dumps(stats.as_json(), ensure_ascii=False, indent=2))
    else:
        print_stats(stats)
    return 0


def print_stats(stats: Stats) -> None:
    rows = [
        ("乡镇", stats.townships), ("行政村", stats.villages), ("村民小组", stats.groups),
        ("户数", stats.households), ("人数", stats.people), ("易地扶贫搬迁", stats.relocations),
        ("危房改造", stats.renovations), ("发放笔数", stats.payments),
    ]
    for label, value in rows:
        print(f"{label}\t{value}")
        if label == "户数" and stats.removed_households:
            print(f"另有清退户\t{stats.removed_households}")
    print("\n项目\t笔数\t金额（元）")
    for p in stats.programs:
        print(f"{p.name}\t{p.payments}\t{format_fen(p.total_fen)}")
    print(f"合计\t{stats.payments}\t{format_fen(stats.total_fen)}")
