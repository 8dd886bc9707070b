"""``suining-desk template KIND --out FILE.xlsx``: an empty template to fill in and import.

    suining-desk template households --out 花名册模板.xlsx
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from suining_desk.cli.args import require_suffix
from suining_desk.domain.problems import InvalidInput


def register(sub: Any) -> argparse.ArgumentParser:
    from suining_desk.exchange.layouts import LAYOUTS

    parser: argparse.ArgumentParser = sub.add_parser(
        "template", help="生成空白导入模板（表头、下拉选项、填写说明）")
    parser.add_argument("kind", choices=tuple(LAYOUTS), metavar="种类",
                        help="、".join(f"{k}（{v.title}）" for k, v in LAYOUTS.items()))
    parser.add_argument("--out", required=True, metavar="文件.xlsx", help="输出的模板文件")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.domain.messages import describe
    from suining_desk.exchange.layouts import LAYOUTS
    from suining_desk.exchange.templates import write_template

    layout = LAYOUTS[args.kind]
    try:
        path = write_template(layout, require_suffix(args.out, ".xlsx"))
    except InvalidInput as exc:
        for problem in exc.problems:
            print(f"错误：{describe(problem)}", file=sys.stderr)
        return 2
    print(f"已生成{layout.title}导入模板：{path}")
    return 0
