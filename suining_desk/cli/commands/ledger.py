"""``suining-desk ledger KIND …``: print a ledger (台账) to a PDF file.

    suining-desk ledger payments --program 低保 --year 2018 [--month 11] [--township 长铺镇]
                                 [--village 青石村] [--public] --out FILE.pdf --user NAME
    suining-desk ledger summary --year 2018 [--township 长铺镇] --out FILE.pdf --user NAME
    suining-desk ledger relocations --year 2017 [--township 长铺镇] [--village 青石村] [--public] --out FILE.pdf …
    suining-desk ledger renovations --year 2016 [--township 长铺镇] [--village 青石村] [--public] --out FILE.pdf …
    suining-desk ledger household HOUSEHOLD_NO --out FILE.pdf --user NAME      (一户一档)

relocations lists one batch year (搬迁年度) of 易地扶贫搬迁; renovations one year (改造年度)
of 危房改造 — the year each record belongs to, see the kinds' modules.

Every kind also takes --date (填报日期, default today; not earlier than the newest record
the ledger shows), --paper A4|A3, --portrait, --preparer / --reviewer / --deputy / --head
(经办人, 审核人, 分管领导, 主要领导: the names on the signature lines the kind prints, see
台账设置), --unit (填报单位) and --user. A 公示 takes --notice-days and --working-days; by
default its period is the rule's (民政 assistance 7 days, 扶贫 funds and projects 10, as the
office set them); a shorter one is printed with a warning.

Who printed goes into the audit log. A ledger holds people (names, full ID numbers, bank
accounts), so it is printed by a logged-in user, as in the window: ``--user NAME`` (or
``SUINING_USER``) with the password (prompted, or ``SUINING_PASSWORD``; on the demo database
the demo admin logs in by itself). That user is the default 制表人, and a user of one township
prints only within it (the area defaults to their township; another township, the whole
county or a household elsewhere is refused). Only a public notice (``--public``: ID numbers
masked, no bank accounts — it is posted on the village board anyway) may be printed without
a user; it is then logged under the system user name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from suining_desk.cli.args import plain, require_suffix
from suining_desk.cli.auth import PASSWORD_ENV
from suining_desk.domain.problems import InvalidInput, Problem


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(plain(text))
    except ValueError as exc:
        raise InvalidInput([Problem("bad_date", {"value": text}, field="date")]) from exc


def _common_options(parser: argparse.ArgumentParser, *, public: bool) -> None:
    """``public``: the kind has a 公示 version, whose notice period starts on --date."""
    parser.add_argument("--out", required=True, metavar="文件.pdf", help="输出的 PDF 文件")
    date_help = "填报日期（默认今天；公示版的公示期从这天算起）" if public else "填报日期（默认今天）"
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=date_help)
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4", help="纸张（默认 A4）")
    parser.add_argument("--portrait", action="store_true", help="纵向打印（默认横向）")
    parser.add_argument("--preparer", default="", metavar="姓名", help="经办人（制表人；默认为登录用户的姓名）")
    parser.add_argument("--reviewer", default="", metavar="姓名", help="审核人")
    parser.add_argument("--deputy", default="", metavar="姓名", help="分管领导")
    parser.add_argument("--head", default="", metavar="姓名", help="主要领导")
    parser.add_argument("--unit", default="", metavar="单位", help="填报单位（默认为乡镇人民政府）")
    parser.add_argument("--user", default=argparse.SUPPRESS, metavar="用户名",
                        help="以此用户身份打印（必填，公示版除外）："
                             f"核对密码（提示输入，或取自环境变量 {PASSWORD_ENV}），记入审计日志，并默认为制表人；"
                             "乡镇用户只能打印本乡镇的台账（不填乡镇即为本乡镇）；"
                             "公示版不填时审计日志记为系统用户名")
    # --db / --demo also after the kind: `ledger payments --db x.sqlite3 …`
    parser.add_argument("--db", metavar="路径或地址", default=argparse.SUPPRESS,
                        help="数据库文件（或 sqlite:/// 地址）")
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="使用演示数据库")


def register(sub: Any) -> argparse.ArgumentParser:
    from suining_desk.cli.parser import ChineseArgumentParser

    parser: argparse.ArgumentParser = sub.add_parser(
        "ledger", help="打印台账（PDF）：资金发放台账、汇总台账、易地扶贫搬迁台账、危房改造台账及公示、一户一档")
    kinds = parser.add_subparsers(dest="ledger_kind", title="台账种类", metavar="种类",
                                  parser_class=ChineseArgumentParser, required=True)

    payments = kinds.add_parser("payments", help="资金发放台账（按项目、年度或月份、区域；--public 为公示版）")
    payments.add_argument("--program", required=True, metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    payments.add_argument("--year", required=True, type=plain, metavar="年度", help="归属年度，如 2018")
    payments.add_argument("--month", type=plain, metavar="月份", help="归属月份 1–12（不填为全年）")
    _area_options(payments)
    _public_options(payments)
    _common_options(payments, public=True)
    payments.set_defaults(func=run, filter_keys=("program", "year", "month", "township", "village"))

    summary = kinds.add_parser("summary", help="资金发放汇总台账（各村各项目的户数、人数、笔数和金额）")
    summary.add_argument("--year", required=True, type=plain, metavar="年度", help="归属年度，如 2018")
    summary.add_argument("--township", metavar="乡镇", help="乡镇名称或区划代码（不填为全县）")
    _common_options(summary, public=False)
    summary.set_defaults(func=run, filter_keys=("year", "township"), public=False, notice_days=None,
                         working_days=False)

    housing = (
        ("relocations", "易地扶贫搬迁台账（按搬迁年度、区域；--public 为公示版）",
         "搬迁年度（搬迁计划批次的年度，补助按此年度安排），如 2017"),
        ("renovations", "危房改造台账（按改造年度、区域；--public 为公示版）",
         "改造年度（列入当年危房改造任务、执行当年补助标准的年度），如 2016"),
    )
    for name, help_text, year_help in housing:
        kind = kinds.add_parser(name, help=help_text, description=help_text)
        kind.add_argument("--year", required=True, type=plain, metavar="年度", help=year_help)
        _area_options(kind)
        _public_options(kind)
        _common_options(kind, public=True)
        kind.set_defaults(func=run, filter_keys=("year", "township", "village"))

    household = kinds.add_parser(
        "household", help="一户一档（一户的基本情况、成员、搬迁、危改、享受项目、资金发放和照片）")
    household.add_argument("household", metavar="户编号", help="农户的户编号")
    _common_options(household, public=False)
    household.set_defaults(func=run, filter_keys=("household",), public=False, notice_days=None,
                           working_days=False)
    return parser


def _area_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--township", metavar="乡镇", help="乡镇名称或区划代码（不填为全县）")
    parser.add_argument("--village", metavar="行政村", help="行政村名称或区划代码")


def _public_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--public", action="store_true",
                        help="公示版：按隐私规定只列必要的项目（低保、特困只列户主、人数和金额；其他身份证号只显示"
                             "前6位和后4位），不含银行账号、个人电话和健康信息，含公示期、监督电话和受理单位")
    parser.add_argument("--notice-days", type=int, default=None, metavar="天数",
                        help="公示天数（默认按规定：民政救助7天，扶贫资金和项目10天，见台账设置）")
    parser.add_argument("--working-days", action="store_true",
                        help="公示天数按工作日计算（跳过节假日，计入调休上班日）；默认按台账设置")


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args
    from suining_desk.domain.enums import WORKING_DAYS
    from suining_desk.domain.messages import describe
    from suining_desk.domain.money import format_fen
    from suining_desk.ledgers import make_spec, write_ledger
    from suining_desk.ledgers.service import spec_warnings

    out = require_suffix(args.out, ".pdf")
    path = open_from_args(args)
    raw = {key: getattr(args, key, None) for key in args.filter_keys}
    options = dict(date=_date(args.date) if args.date else None, public=args.public, paper=args.paper,
                   portrait=args.portrait, preparer=args.preparer, reviewer=args.reviewer, head=args.head,
                   deputy=args.deputy, unit=args.unit, notice_days=args.notice_days,
                   notice_unit=WORKING_DAYS if args.working_days else None)
    spec = make_spec(args.ledger_kind, raw, **options)  # the request is checked before anyone is asked for a password
    username, display_name, logged_in = _printed_by(args, path)
    printed_as = username if logged_in else None
    if logged_in:  # the user's township: the default area, and the limit
        spec = make_spec(args.ledger_kind, raw, **options, printed_as=printed_as)
    if display_name and not spec.preparer:
        spec = replace(spec, preparer=display_name)
    for warning in spec_warnings(spec):
        print(f"提示：{describe(warning)}", file=sys.stderr)
    result = write_ledger(spec, out, username=username, printed_as=printed_as)
    logging.getLogger(__name__).info("ledger printed to PDF: %s, %d rows, %d pages, code %s, %s", result.title,
                                     result.rows, result.pages, result.code, result.path)
    print(f"已生成：{result.path}")
    print(f"{result.title}：{result.rows} 行，{result.pages} 页，合计 {format_fen(result.total_fen)} 元，"
          f"校验码 {result.code}")
    return 0


def _printed_by(args: argparse.Namespace, path: Path) -> tuple[str, str, bool]:
    """(user name for the audit log, display name for 制表人 or '', whether an account logged in).
    Only a public notice is printed without an account."""
    from suining_desk.cli.auth import authenticate_cli, named_user, on_demo_database

    if args.public and not named_user(args) and not on_demo_database(args):
        return _system_user(), "", False
    account = authenticate_cli(args, path=path, reading=True)
    return account.username, account.display_name, True


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        print("提示：无法确定系统用户名，审计日志记为 cli", file=sys.stderr)
        return "cli"
