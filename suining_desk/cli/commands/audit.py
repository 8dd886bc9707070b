"""``suining-desk audit verify|log``: check the tamper-evident log, or read it.

``verify`` walks the whole hash chain, checks it still holds the entry noted beside each
backup (a log rewritten consistently after a backup), and compares every audited record
with the state the log last recorded; exit code 1 names the first entry that does not fit and the
records that differ. ``log`` lists entries (ID and bank numbers masked, but names and what
changed in full), so it needs a login as a reviewer or admin (``--user NAME``), as the
window's 审计日志 page; ``verify`` names only record numbers and stays open.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from suining_desk.cli.auth import add_user_option


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "audit", help="审计日志：verify 核验日志链和现有记录；log 查看日志（须审核员或管理员 --user）")
    parser.add_argument("action", choices=("verify", "log"), metavar="操作", help="verify 或 log")
    parser.add_argument("--table", default="", metavar="表", help="log：只看此类记录（如 household、payment、user）")
    parser.add_argument("--record", default="", metavar="编号", help="log：此记录的全部历史（与 --table 一起用）")
    parser.add_argument("--by", default="", metavar="用户名", help="log：只看此用户的操作")
    parser.add_argument("--limit", type=int, default=50, help="log：最多显示多少条（默认50）")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args

    path = open_from_args(args)
    if args.action == "verify":
        return _verify()
    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.services.access import require

    reader = authenticate_cli(args, path=path, reading=True)
    require(reader, role="reviewer", reading=True)  # as the window's 审计日志 page
    return _log(args)


def _verify() -> int:
    from suining_desk.audit.verify import report_problems, verify
    from suining_desk.domain.messages import describe

    report = verify()
    if report.ok:
        anchors = f"，与{report.anchors_checked}个备份时记下的锚点一致" if report.anchors_checked else ""
        print(f"审计日志共{report.entries}条，日志链完整{anchors}；核对了{report.rows_checked}条记录，都与日志一致。")
        return 0
    print(f"审计日志共{report.entries}条，核对了{report.rows_checked}条记录，发现问题：", file=sys.stderr)
    for problem in report_problems(report):
        print(f"  {describe(problem)}", file=sys.stderr)
    return 1


def _log(args: argparse.Namespace) -> int:
    from suining_desk.services.audit_query import LogFilter, entries, record_history

    if args.record:
        rows = record_history(args.table, args.record)[-args.limit:]
    else:
        rows = list(reversed(entries(LogFilter(username=args.by, table=args.table), limit=args.limit)))
    for r in rows:
        subject = f"{r.table_label}{r.record_id}" if r.table else ""
        print(f"{r.seq}\t{r.at}\t{r.username}\t{r.action_label}\t{subject}\t{r.summary}")
    return 0
