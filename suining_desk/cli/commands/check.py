"""``suining-desk check [--json] --user NAME``: run the audit checks over the whole database.

Findings name people, so the command needs a login; a township user is shown the findings
of their own township (as in the window)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from suining_desk.cli.auth import add_user_option


def register(sub: Any) -> argparse.ArgumentParser:
    from suining_desk.services.checks import CHECKS

    parser: argparse.ArgumentParser = sub.add_parser(
        "check", help="审计检查：死亡后发放、移出后发放、重复发放、超标准、身份证号无效、搬迁又危改、自审自批、"
                      "审核人密码由录入人设置（须 --user 登录）",
        description="运行全部审计检查并列出问题及相关记录。问题中有姓名，须用 --user 登录；乡镇用户只列出本乡镇的问题。"
                    "退出码：0 未发现问题，3 发现问题，1 出错。")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--only", nargs="*", metavar="代码", choices=[c.code for c in CHECKS],
                        help="只运行这些检查：" + "、".join(f"{c.code}（{c.title}）" for c in CHECKS))
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.cli.money_args import print_json
    from suining_desk.cli.target import open_from_args
    from suining_desk.services.checks import run_checks
    from suining_desk.services.checks.scope import in_township

    path = open_from_args(args)
    reader = authenticate_cli(args, path=path, reading=True)
    results = in_township(run_checks(args.only or None), reader.township_id)
    found = sum(len(r.findings) for r in results)
    if args.json:
        print_json({"findings": found, "checks": [
            {"code": r.check.code, "title": r.check.title, "seconds": round(r.seconds, 3),
             "findings": [f.as_json() for f in r.findings]} for r in results]})
    else:
        for r in results:
            print(f"【{r.check.title}】{len(r.findings)} 条")
            for f in r.findings:
                refs = "、".join(ref.text for ref in f.records)
                print(f"  {f.text}　（{refs}）")
        print(f"共发现 {found} 条问题", file=sys.stderr)
    return 3 if found else 0  # 3: it ran, and there is something to look at
