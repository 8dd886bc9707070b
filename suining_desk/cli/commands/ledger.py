"""``suining-desk ledger KIND …``: print a ledger (台账) to a PDF file.

    suining-desk ledger payments --program 低保 --year 2018 [--month 11] [--township 长铺镇]
                                 [--village 青石村] [--public] --out FILE.pdf
    suining-desk ledger summary --year 2018 [--township 长铺镇] --out FILE.pdf
    suining-desk ledger household HOUSEHOLD_NO --out FILE.pdf      (一户一档)

Every kind also takes --date (填报日期, default today), --paper A4|A3, --portrait,
--preparer / --reviewer / --head (signatories), --unit (填报单位) and --user (who printed,
for the audit log).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import Any

from suining_desk.problems import InvalidInput, Problem


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidInput([Problem("bad_date", {"value": text}, field="date")]) from exc


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="文件.pdf", help="输出的 PDF 文件")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="填报日期（默认今天；公示期从这天算起）")
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4", help="纸张（默认 A4）")
    parser.add_argument("--portrait", action="store_true", help="纵向打印（默认横向）")
    parser.add_argument("--preparer", default="", metavar="姓名", help="制表人")
    parser.add_argument("--reviewer", default="", metavar="姓名", help="审核人")
    parser.add_argument("--head", default="", metavar="姓名", help="负责人")
    parser.add_argument("--unit", default="", metavar="单位", help="填报单位（默认为乡镇人民政府）")
    parser.add_argument("--user", default="", metavar="用户名", help="记入审计日志的打印人（默认为系统用户名）")
    # --db / --demo also after the kind: `ledger payments --db x.sqlite3 …`
    parser.add_argument("--db", metavar="路径或地址", default=argparse.SUPPRESS,
                        help="数据库文件（或 sqlite:/// 地址）")
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="使用演示数据库")


def register(sub: Any) -> argparse.ArgumentParser:
    from suining_desk.cli.parser import ChineseArgumentParser

    parser: argparse.ArgumentParser = sub.add_parser(
        "ledger", help="打印台账（PDF）：资金发放台账、公示、汇总台账、一户一档")
    kinds = parser.add_subparsers(dest="ledger_kind", title="台账种类", metavar="种类",
                                  parser_class=ChineseArgumentParser, required=True)

    payments = kinds.add_parser("payments", help="资金发放台账（按项目、年度或月份、区域；--public 为公示版）")
    payments.add_argument("--program", required=True, metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    payments.add_argument("--year", required=True, metavar="年度", help="归属年度，如 2018")
    payments.add_argument("--month", metavar="月份", help="归属月份 1–12（不填为全年）")
    payments.add_argument("--township", metavar="乡镇", help="乡镇名称或区划代码（不填为全县）")
    payments.add_argument("--village", metavar="行政村", help="行政村名称或区划代码")
    payments.add_argument("--public", action="store_true",
                          help="公示版：身份证号只显示前6位和后4位，不含银行账号，含公示期和监督电话栏")
    payments.add_argument("--notice-days", type=int, default=7, metavar="天数", help="公示天数（默认 7 天）")
    _common_options(payments)
    payments.set_defaults(func=run, filter_keys=("program", "year", "month", "township", "village"))

    summary = kinds.add_parser("summary", help="资金发放汇总台账（各村各项目的户数、人数、笔数和金额）")
    summary.add_argument("--year", required=True, metavar="年度", help="归属年度，如 2018")
    summary.add_argument("--township", metavar="乡镇", help="乡镇名称或区划代码（不填为全县）")
    _common_options(summary)
    summary.set_defaults(func=run, filter_keys=("year", "township"), public=False, notice_days=7)

    household = kinds.add_parser(
        "household", help="一户一档（一户的基本情况、成员、搬迁、危改、享受项目、资金发放和照片）")
    household.add_argument("household", metavar="户编号", help="农户的户编号")
    _common_options(household)
    household.set_defaults(func=run, filter_keys=("household",), public=False, notice_days=7)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli import open_from_args
    from suining_desk.ledgers import make_spec, write_ledger
    from suining_desk.money import format_fen

    open_from_args(args)
    raw = {key: getattr(args, key, None) for key in args.filter_keys}
    spec = make_spec(
        args.ledger_kind, raw, date=_date(args.date) if args.date else None, public=args.public,
        paper=args.paper, portrait=args.portrait, preparer=args.preparer, reviewer=args.reviewer,
        head=args.head, unit=args.unit, notice_days=args.notice_days,
    )
    result = write_ledger(spec, Path(args.out), username=args.user or _system_user())
    print(f"已生成：{result.path}")
    print(f"{result.title}：{result.rows} 行，{result.pages} 页，合计 {format_fen(result.total_fen)} 元，"
          f"校验码 {result.code}")
    return 0


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        print("提示：无法确定系统用户名，审计日志记为 cli", file=sys.stderr)
        return "cli"
