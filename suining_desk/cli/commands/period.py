"""``suining-desk period …``: close a month (nothing is posted into it) or reopen it."""

from __future__ import annotations

import argparse
from typing import Any

from suining_desk.cli.args import plain
from suining_desk.cli.money_args import acting_user, add_common
from suining_desk.cli.parser import ChineseArgumentParser


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "period", help="月度关账：关账后不能再发放或冲销，管理员可说明原因后重新开放")
    actions = parser.add_subparsers(dest="action", title="操作", metavar="操作", parser_class=ChineseArgumentParser)
    actions.required = True
    close = actions.add_parser("close", help="关账（审核员或管理员）")
    reopen = actions.add_parser("reopen", help="重新开放（管理员，须填原因）")
    listing = actions.add_parser("list", help="列出已关账的月份和关账记录")
    for p in (close, reopen):
        p.add_argument("month", type=plain, metavar="月份", help="如 2018-11")
        p.add_argument("--reason", required=p is reopen, default="", metavar="原因",
                       help="重新开放的原因（必填）" if p is reopen else "关账说明（可不填）")
        add_common(p, login=True)
    add_common(listing, login=False)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args
    from suining_desk.services import period_locks

    open_from_args(args)
    if args.action == "close":
        period_locks.close_month(args.month, user=acting_user(args), reason=args.reason)
        print(f"{args.month} 已关账")
    elif args.action == "reopen":
        period_locks.reopen_month(args.month, user=acting_user(args), reason=args.reason)
        print(f"{args.month} 已重新开放")
    else:
        print("已关账：" + ("、".join(period_locks.closed_months()) or "（无）"))
        for e in period_locks.lock_history():
            print(f"  {e.at}\t{e.period}\t{'关账' if e.action == 'lock' else '重新开放'}\t{e.by_user}\t{e.reason}")
    return 0
