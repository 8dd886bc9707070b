"""``suining-desk demo``: build the synthetic Suining County (invented people) — only into a
new file or a demo database (:mod:`suining_desk.demo.target`)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from suining_desk.cli.demo_database import build


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "demo", help="生成演示县数据（虚构的村和人）；默认写入演示数据库"
    )
    parser.add_argument("--scale", choices=("small", "county"), default="small",
                        help="small：一个乡镇，几百户（默认）；county：10万户、40万人、100万笔发放")
    parser.add_argument("--seed", type=int, default=2018, help="随机种子，相同种子生成相同数据")
    parser.add_argument("--replace", action="store_true",
                        help="重新生成已有的演示数据库（先备份原来的）；不是演示数据库的文件不会被替换")
    parser.set_defaults(func=run)
    return parser


def _print_progress(stage: str, fraction: float) -> None:
    print(f"\r{stage} {fraction:6.1%}", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from suining_desk.db.connection import sqlite_path
    from suining_desk.storage import paths

    # The demo goes to the demo database unless --db names another one.
    target = sqlite_path(args.db) if args.db else paths.demo_database()
    started = time.perf_counter()
    built = build(target, scale=args.scale, seed=args.seed, replace=args.replace, progress=_print_progress)
    print(file=sys.stderr)
    if built.kept is not None:
        print(f"原来的演示数据库已备份到：{built.kept}（完整性检查通过）")
    print(f"演示数据已生成：{target}（用时 {time.perf_counter() - started:.1f} 秒）")
    from suining_desk.cli.commands.stats import print_stats
    from suining_desk.services.stats import collect_stats

    print_stats(collect_stats())
    return 0
