"""``suining-desk import KIND FILE.xlsx``: bring a spreadsheet into the database.

    suining-desk import households FILE.xlsx [--skip-invalid] [--update-duplicates]
                                  [--create-areas] [--report REPORT.xlsx] [--user NAME]
    suining-desk import relocations|renovations|enrolments|payments FILE.xlsx [...]

Writes as the logged-in ``--user`` (password from SUINING_PASSWORD or asked).
All or nothing unless --skip-invalid. Exit code 0: everything that should be in is in (rows
already there are skipped, not refused); 1: rows were refused for an error (nothing written
unless --skip-invalid); 2: unusable arguments or file (unreadable, no header, no data rows
below the header, a payments export — a report, not an import).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path
from typing import Any

from suining_desk.cli.args import require_suffix
from suining_desk.domain.problems import InvalidInput, Problem

KINDS = ("households", "relocations", "renovations", "enrolments", "payments")
SHOWN_PROBLEMS = 40  # the rest are in the report


def register(sub: Any) -> argparse.ArgumentParser:
    from suining_desk.cli.auth import add_user_option

    parser: argparse.ArgumentParser = sub.add_parser(
        "import", help="从 Excel 表格导入：建档立卡户花名册、搬迁、危改、享受名单、一次性发放")
    parser.add_argument("kind", choices=KINDS, metavar="种类",
                        help="households（花名册，每人一行）、relocations、renovations、enrolments、payments")
    parser.add_argument("file", metavar="文件.xlsx", help="要导入的表格（.xlsx、旧版 .xls、.csv 或 .txt）")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="只导入无误的户（记录），其余写入报告；默认有任何错误就全部不导入")
    parser.add_argument("--update-duplicates", action="store_true",
                        help="身份证号码已在册的人员和他们的户按表更新（记为成员信息变更和户状态变动；表中空白的不改）；"
                             "默认跳过")
    parser.add_argument("--create-areas", action="store_true", help="区划中没有的乡镇、村、组自动创建")
    parser.add_argument("--report", metavar="报告.xlsx", help="把问题写入报告：原表加“导入问题”列，另附问题清单")
    parser.add_argument("--check", action="store_true", help="只检查，不写入数据库")
    parser.add_argument("--sheet", metavar="工作表", help="要导入的工作表（默认：第一个有表头的工作表）")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def _fail(problems: list[Problem]) -> int:
    from suining_desk.domain.messages import described

    for line in described(problems, prefix="错误："):
        print(line, file=sys.stderr)
    return 2


def _progress(stage: str, fraction: float) -> None:
    if sys.stderr.isatty():
        print(f"\r{stage} {fraction:6.1%}", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.cli.target import open_from_args
    from suining_desk.domain.messages import describe
    from suining_desk.exchange.imports import run_import
    from suining_desk.exchange.report import write_report
    from suining_desk.exchange.staging import ImportCancelled, ImportOptions
    from suining_desk.storage.output_files import check_output

    try:
        if args.report:  # before the import, not after it
            report = require_suffix(args.report, ".xlsx").expanduser()
            folder = report.resolve().parent
            if not folder.is_dir() or not os.access(folder, os.W_OK):
                raise InvalidInput([Problem("report_folder_unusable", {"path": str(folder)})])
            check_output(report, "xlsx", inputs=(Path(args.file),))  # not over the sheet, nor another file
        path = open_from_args(args)
        account = authenticate_cli(args, path=path)
        options = ImportOptions(skip_invalid=args.skip_invalid, update_duplicates=args.update_duplicates,
                                create_areas=args.create_areas, dry_run=args.check, user=account.username,
                                sheet=args.sheet)
        result = run_import(args.kind, Path(args.file), options, progress=_progress, cancel=threading.Event())
    except ImportCancelled:
        print("\n已取消导入，数据库未改动。", file=sys.stderr)
        return 130
    except InvalidInput as exc:
        return _fail(exc.problems)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    shown = result.sorted_problems()
    for problem in shown[:SHOWN_PROBLEMS]:
        print(problem.line(result.sheet), file=sys.stderr)
    if len(shown) > SHOWN_PROBLEMS:
        more = "，见报告" if args.report else "，加 --report 报告.xlsx 可得到完整清单"
        print(f"……另有 {len(shown) - SHOWN_PROBLEMS} 条问题{more}", file=sys.stderr)
    print(result.summary(cli=True))  # what was imported is said even if the report then fails
    if args.report:
        try:
            write_report(result, Path(args.report))
        except InvalidInput as exc:
            for refusal in exc.problems:
                print(f"报告未能保存：{describe(refusal)}", file=sys.stderr)
        else:
            print(f"报告：{args.report}", file=sys.stderr)
    return result.exit_code
