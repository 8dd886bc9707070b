"""``suining-desk export KIND FILE.xlsx [filters]``: a list to xlsx, in the import layout.

    suining-desk export households 长铺镇.xlsx --area 长铺镇 [--status exited] [--cause 因病]
                                   [--program 低保] [--exit-year 2018] [--search 曾]
    suining-desk export people|relocations|renovations|enrolments|payments|findings FILE.xlsx …

The file can be imported again (``suining-desk import KIND FILE.xlsx``). Every export holds
people (names, ID and bank numbers), so it needs a login (``--user NAME``, password prompted
or ``SUINING_PASSWORD``); a township user exports only within their township, which is also
the default area. Exit code 0: the file was written; 1: the filters select nothing, or the
login or the area was refused; 2: unusable arguments.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from suining_desk.cli.args import plain, require_suffix, year_or_none
from suining_desk.cli.auth import add_user_option
from suining_desk.domain.problems import InvalidInput


def register(sub: Any) -> argparse.ArgumentParser:
    from suining_desk.exchange.exports import EXPORTS

    parser: argparse.ArgumentParser = sub.add_parser(
        "export", help="把列表导出为 Excel 表格（与导入的格式相同，可再导入）")
    parser.add_argument("kind", choices=tuple(EXPORTS), metavar="种类",
                        help="、".join(f"{k}（{v.label}）" for k, v in EXPORTS.items()))
    parser.add_argument("file", metavar="文件.xlsx", help="输出的表格文件")
    parser.add_argument("--area", metavar="区域", help="乡镇、村或组：名称、区划代码或“长铺镇/青石村”")
    parser.add_argument("--status", metavar="状态", help="户状态（poor / exited / monitored 或中文）或记录状态")
    parser.add_argument("--cause", metavar="致贫原因", help="如 因病")
    parser.add_argument("--program", metavar="项目", help="享受项目（名称或代码，如 低保）")
    parser.add_argument("--exit-year", type=plain, metavar="年度", help="脱贫年度")
    parser.add_argument("--year", type=plain, metavar="年度", help="搬迁批次年度、危改年度或发放年度")
    parser.add_argument("--search", metavar="关键字", help="姓名、拼音首字母、身份证号或户编号（同窗口中的搜索）")
    parser.add_argument("--include-removed", action="store_true", help="包括已清退的户")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


class Refused(InvalidInput):
    """The login was refused (exit 1, like every other command's refused login)."""


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.cli.target import open_from_args
    from suining_desk.domain.messages import describe
    from suining_desk.exchange.exports import EXPORTS, ExportArgs
    from suining_desk.services.access import AccessDenied

    try:
        out = require_suffix(args.file, ".xlsx")
        exit_year, year = year_or_none(args.exit_year), year_or_none(args.year)
        path = open_from_args(args)
        spec = EXPORTS[args.kind]
        filters = ExportArgs(area=args.area, status=args.status, cause=args.cause, program=args.program,
                             exit_year=exit_year, year=year, search=args.search,
                             include_removed=args.include_removed)
        try:
            reader = authenticate_cli(args, path=path, reading=True)
        except InvalidInput as exc:
            raise Refused(exc.problems) from None
        filters = replace(filters, user=reader.username, township_id=reader.township_id)
        result = spec.run(out, filters)
    except InvalidInput as exc:
        refused = isinstance(exc, Refused | AccessDenied) or any(p.code == "export_empty" for p in exc.problems)
        for problem in exc.problems:
            print(f"错误：{describe(problem)}", file=sys.stderr)
        return 1 if refused else 2
    print(f"已导出{spec.label}：{result.path}（{result.rows} 行）")
    return 0

