"""``suining-desk demo``: build the synthetic Suining County (invented people)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

from suining_desk.problems import InvalidInput, Problem


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "demo", help="生成演示县数据（虚构的村和人）；默认写入演示数据库"
    )
    parser.add_argument("--scale", choices=("small", "county"), default="small",
                        help="small：一个乡镇，几百户（默认）；county：10万户、40万人、100万笔发放")
    parser.add_argument("--seed", type=int, default=2018, help="随机种子，相同种子生成相同数据")
    parser.add_argument("--replace", action="store_true",
                        help="目标数据库已存在时先删除再生成（慎用）")
    parser.set_defaults(func=run)
    return parser


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _print_progress(stage: str, fraction: float) -> None:
    print(f"\r{stage} {fraction:6.1%}", end="", file=sys.stderr, flush=True)


def build(path: Path, *, scale: str, seed: int, replace: bool, progress: Any = None) -> Any:
    """Generate the demo county into ``path``; refuses a database that holds households."""
    from suining_desk.db import close_database, open_database
    from suining_desk.db.models import Household
    from suining_desk.demo.generate import generate_demo

    if replace:
        close_database()
        _remove_database_files(path)
    db = open_database(path)
    if Household.select().exists():
        raise InvalidInput([Problem("demo_not_empty", {"path": str(path)})])
    return generate_demo(db, scale=scale, seed=seed, progress=progress, cancel=threading.Event())


def ensure_demo_database(path: Path) -> None:
    """The demo database, generated on first use."""
    from suining_desk.db import open_database
    from suining_desk.db.models import Household

    open_database(path)
    if not Household.select().exists():
        build(path, scale="small", seed=2018, replace=False)


def run(args: argparse.Namespace) -> int:
    from suining_desk import paths
    from suining_desk.db.connection import sqlite_path

    # The demo goes to the demo database unless --db names another one.
    target = sqlite_path(args.db) if args.db else paths.demo_database()
    started = time.perf_counter()
    build(target, scale=args.scale, seed=args.seed, replace=args.replace,
                    progress=_print_progress)
    print(file=sys.stderr)
    print(f"演示数据已生成：{target}（用时 {time.perf_counter() - started:.1f} 秒）")
    from suining_desk.cli.commands.stats import print_stats
    from suining_desk.services.stats import collect_stats

    print_stats(collect_stats())
    return 0
