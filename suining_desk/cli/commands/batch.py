"""``suining-desk batch …``: payment batches from the command line, the same services the
window calls. Actions that write take ``--user``, and so do those that show the people of a
batch (preview, show); the services check the user's role, and a township user sees only
batches of their township."""

from __future__ import annotations

import argparse
from typing import Any

from suining_desk.cli.args import plain
from suining_desk.cli.money_args import add_common, date_arg, money_arg
from suining_desk.cli.parser import ChineseArgumentParser
from suining_desk.domain.enums import BatchStatus

# name, help, login (--user: the action writes, or shows people — names, ID and bank numbers)
ACTIONS: list[tuple[str, str, bool]] = [
    ("list", "列出发放批次", False),
    ("preview", "预览：按名单和标准计算某项目某期某区域应发放的对象和金额，以及未列入的原因（不写入）", True),
    ("create", "生成发放批次草稿（按名单和标准计算）", True),
    ("one-off", "新建一次性救助（医疗救助、临时救助等）批次草稿，再用 add-line 逐笔登记", True),
    ("add-line", "在一次性救助批次草稿中登记一笔发放", True),
    ("show", "查看批次：汇总、流程记录，可列出明细", True),
    ("adjust", "调整草稿中一笔发放的金额（须填原因）", True),
    ("remove-line", "从草稿中删除一笔发放（须填原因）", True),
    ("submit", "提交审核（草稿 → 已提交）", True),
    ("return", "退回修改（已提交或已审核 → 草稿，须填原因）", True),
    ("approve", "审核通过（审核员，不能是录入人）", True),
    ("post", "发放过账（已审核 → 已发放，须填发放日期）", True),
    ("delete", "删除草稿批次", True),
    ("export-bank", "按银行文件格式导出银行代发文件（默认为标准格式：.xlsx 或 .csv，序号、姓名、身份证号、账号、金额；"
                    "导出和所用格式记入日志）", True),
    ("import-bank", "按银行文件格式导入银行回盘文件，逐笔登记成功或失败（有未能对应的行时退出码为 3，"
                    "文件不可用或与格式不符时为 2）", True),
]


def _batch(p: argparse.ArgumentParser) -> None:
    p.add_argument("batch", metavar="批次号", help="批次号（如 DB-430527100-2018-11）或批次序号")


def _profile(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", metavar="格式", help="银行文件格式的名称或标题（默认为 设置 → 银行文件格式 中选定的，"
                                                   "未选定时为 standard 标准格式；自带 standard、pipe-gbk、fixed-gbk、"
                                                   "totals-csv）")


def _options(name: str, p: argparse.ArgumentParser) -> None:
    if name == "list":
        p.add_argument("--program", metavar="项目", help="项目名称或代码")
        p.add_argument("--status", choices=tuple(BatchStatus), help="状态")
        p.add_argument("--year", type=plain, metavar="年度", help="只列此年度的批次，如 2018")
        p.add_argument("--area", metavar="区域", help="乡镇或村（名称、代码或 乡镇/村）")
        p.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    elif name in ("preview", "create", "one-off"):
        p.add_argument("--program", required=True, metavar="项目", help="项目名称或代码，如 低保")
        p.add_argument("--period", required=True, type=plain, metavar="期间",
                       help="如 2018-11（按月）、2018-T1（学期）、2018（按年）")
        p.add_argument("--area", required=True, metavar="区域", help="县、乡镇、村或组（名称、代码或 乡镇/村）")
        if name != "one-off":
            p.add_argument("--pay-date", type=date_arg, metavar="日期", help="计划发放日期（默认今天）")
        if name != "preview":
            p.add_argument("--notes", default="", metavar="备注", help="批次备注（可不填）")
        p.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    elif name == "add-line":
        _batch(p)
        p.add_argument("--household", required=True, metavar="户编号", help="受助户的户编号")
        p.add_argument("--person", metavar="身份证号", help="享受人员（按人救助时）")
        p.add_argument("--amount", required=True, type=money_arg, metavar="金额", help="元，如 3500 或 3,500.00")
        p.add_argument("--reason", required=True, metavar="事由", help="救助事由，如 住院医疗费用救助")
        p.add_argument("--attach", nargs="*", default=[], metavar="文件", help="附件（发票、诊断证明的照片或扫描件）")
    elif name == "show":
        _batch(p)
        p.add_argument("--lines", action="store_true", help="列出每笔明细")
        p.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    elif name in ("adjust", "remove-line"):
        p.add_argument("line", type=int, metavar="明细号", help="发放记录的序号（batch show --lines 第一列）")
        if name == "adjust":
            p.add_argument("--amount", required=True, type=money_arg, metavar="金额",
                           help="调整后的金额，元，如 320.00")
        p.add_argument("--reason", required=True, metavar="原因",
                       help="调整或删除的原因（记入批次流程记录和审计日志）")
    elif name in ("submit", "approve", "delete", "return"):
        _batch(p)
        if name == "return":
            p.add_argument("--reason", required=True, metavar="原因", help="退回修改的原因（录入员会看到）")
    elif name == "post":
        _batch(p)
        p.add_argument("--date", required=True, type=date_arg, metavar="日期", help="发放日期，如 2018-11-10")
    elif name == "export-bank":
        _batch(p)
        p.add_argument("file", metavar="文件", help="输出文件（后缀按格式：标准格式为 .xlsx 或 .csv，文本格式为 .txt）")
        p.add_argument("--reissues", action="store_true", help="只导出重新发放的记录")
        _profile(p)
    elif name == "import-bank":
        _batch(p)
        p.add_argument("file", metavar="文件", help="银行回盘文件（.xlsx、.xls、.csv 或 .txt，按格式读取）")
        p.add_argument("--date", type=date_arg, metavar="日期",
                       help="银行处理日期（默认今天；不能早于发放日期；回盘中每行有日期时按行上的日期）")
        _profile(p)


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser("batch", help="资金发放批次：生成、审核、发放、银行代发文件")
    actions = parser.add_subparsers(dest="action", title="操作", metavar="操作", parser_class=ChineseArgumentParser)
    actions.required = True
    for name, help_text, login in ACTIONS:
        p = actions.add_parser(name, help=help_text, description=help_text)
        _options(name, p)
        add_common(p, login=login)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.commands import batch_run
    from suining_desk.cli.target import open_from_args

    open_from_args(args)
    handler = getattr(batch_run, "do_" + args.action.replace("-", "_"))
    code: int = handler(args)
    return code
