"""``suining-desk household remove|reinstate``: 清退 a household from the register, or undo it."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from suining_desk.cli.args import date_arg
from suining_desk.cli.money_args import acting_user, add_common
from suining_desk.cli.parser import ChineseArgumentParser


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "household", help="建档立卡户：清退（移出建档立卡）或撤销清退")
    actions = parser.add_subparsers(dest="action", title="操作", metavar="操作", parser_class=ChineseArgumentParser)
    actions.required = True
    remove = actions.add_parser("remove", help="清退：该户自某日起移出建档立卡（不再列入、统计和发放，记录保留）")
    reinstate = actions.add_parser("reinstate", help="撤销清退：该户恢复在册（如清退有误）")
    for p in (remove, reinstate):
        p.add_argument("household", metavar="户编号", help="该户的户编号")
        p.add_argument("--on", dest="date", type=date_arg, metavar="日期",
                       help="清退或恢复的日期（默认今天），如 2018-12-31")
        p.add_argument("--reason", required=True, metavar="原因", help="如 识别不精准、自愿退出（记入审计日志）")
        add_common(p, login=True)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args
    from suining_desk.db.models import Household
    from suining_desk.domain.problems import InvalidInput, Problem
    from suining_desk.services import households

    open_from_args(args)
    found = Household.get_or_none(Household.household_no == args.household.strip())
    if found is None:
        raise InvalidInput([Problem("household_unknown", {"value": args.household})])
    day = args.date or dt.date.today()
    if args.action == "remove":
        households.remove_household(found.id, date=day, reason=args.reason, user=acting_user(args))
        print(f"户 {found.household_no}（{found.head_name}）已于 {day} 清退：{args.reason.strip()}")
    else:
        households.reinstate_household(found.id, date=day, reason=args.reason, user=acting_user(args))
        print(f"户 {found.household_no}（{found.head_name}）已于 {day} 恢复在册：{args.reason.strip()}")
    return 0
