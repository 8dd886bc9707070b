"""``suining-desk verify FILE.pdf``: does a printed ledger still match the database?

Exit 0 when it does; 1 with what differs (rows, totals, records added or removed, pages
whose content changed) or when the ledger file itself was altered or is damaged (then it is
not compared), or when the login is refused; 2 when the file is missing or not a ledger this
program made.

The records added or removed since printing are named (people), so comparing needs a login
(``--user NAME``, as ``ledger``); a township user checks only ledgers of their township.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from suining_desk.cli.auth import add_user_option
from suining_desk.domain.problems import InvalidInput


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "verify", help="核验台账 PDF 是否仍与数据库一致（不一致时列出差异）"
    )
    parser.add_argument("file", metavar="文件.pdf", help="本软件生成的台账 PDF")
    add_user_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.auth import authenticate_cli
    from suining_desk.cli.target import open_from_args
    from suining_desk.domain.messages import describe
    from suining_desk.domain.money import format_fen
    from suining_desk.ledgers import read_ledger, verify_file
    from suining_desk.ledgers.kinds import get_kind
    from suining_desk.ledgers.scope import check_scope
    from suining_desk.ledgers.verify import FILE_PROBLEMS

    path = Path(args.file)
    try:
        recorded = read_ledger(path)  # refuse a file that is not a ledger before touching the database
    except InvalidInput as exc:
        if all(p.code in FILE_PROBLEMS for p in exc.problems):  # our ledger, altered or damaged
            print(f"核验不通过：{path.name} 未与数据库比对，因为文件本身有问题：")
            for problem in exc.problems:
                print(f"  - {describe(problem)}")
            return 1
        for problem in exc.problems:
            print(f"错误：{describe(problem)}", file=sys.stderr)
        return 2
    db_path = open_from_args(args)
    reader = authenticate_cli(args, path=db_path, reading=True)
    check_scope(get_kind(recorded.spec.kind), recorded.spec.filters, reader, refusal="verify_scope")
    report = verify_file(path)
    fp = report.recorded.fingerprint
    title = f"校验码 {report.recorded.code}，{fp.rows} 行，合计 {format_fen(fp.total_fen)} 元"
    if report.ok:
        print(f"核验通过：{path.name} 与数据库一致（{title}）")
        return 0
    if any(p.code in FILE_PROBLEMS for p in report.differences):
        print(f"核验不通过：{path.name}（{title}）未与数据库比对，因为文件本身有问题：")
    else:
        print(f"核验不通过：{path.name}（{title}）与数据库现在的数据不一致：")
    for problem in report.differences:
        print(f"  - {describe(problem)}")
    if report.current_code:
        print(f"按现在的数据重新生成，校验码为 {report.current_code}")
    return 1
