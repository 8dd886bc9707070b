"""``suining-desk db repair-protections|accept-rollback --user ADMIN``: an admin answers
what opening the database warned about (docs/security.md).

``repair-protections`` creates the database's protective triggers again (the append-only
audit log, member and status history, posted payments, approved batches, the payment totals)
and drops triggers the program never creates; until then the database is read-only for the
program. ``accept-rollback`` accepts a database that holds less than this computer had seen
of it (an older copy put in its place): what had been seen and what is there now go into
the audit log, and the warning stops. Both are logged under the admin's name.
"""

from __future__ import annotations

import argparse
from typing import Any

from suining_desk.cli.auth import add_user_option

ACTIONS = ("repair-protections", "accept-rollback")


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "db", help="数据库保护（管理员）：repair-protections 恢复保护规则；accept-rollback 确认接受数据库回退")
    parser.add_argument("action", choices=ACTIONS, metavar="操作",
                        help="repair-protections 恢复被删除或改动的保护规则；accept-rollback 核实后确认接受数据库回退")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.cli.target import open_from_args

    path = open_from_args(args)
    account = authenticate_cli(args, path=path)
    if args.action == "repair-protections":
        from suining_desk.services.protections import repair

        state = repair(by=account.username)
        if state.ok:
            print("数据库的保护规则完好，不需要恢复。")
        else:
            print(f"已恢复数据库的保护规则：{state.describe()}。已记入审计日志，现在可以正常修改数据。")
        return 0
    from suining_desk.services.rollback import accept

    found = accept(by=account.username)
    if found is None:
        print("这台电脑没有发现此数据库被回退，不需要确认。")
    else:
        print(f"已确认接受：此前看到审计日志第{found.seen.seq}条，现在的数据库到第{found.now_seq}条。"
              "已记入审计日志，不再提示。")
    return 0
