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
    from suining_desk.ledgers import read_ledger
    from suining_desk.ledgers.verify_text import check_ledger_file, file_problem_outcome

    path = Path(args.file)
    try:
        read_ledger(path)  # refuse a file that is not a ledger before touching the database
    except InvalidInput as exc:
        outcome = file_problem_outcome(path, exc)  # our ledger, altered or damaged
        if outcome is not None:
            print(outcome.text())
            return outcome.exit_code
        for problem in exc.problems:
            print(f"错误：{describe(problem)}", file=sys.stderr)
        return 2
    db_path = open_from_args(args)
    reader = authenticate_cli(args, path=db_path, reading=True)
    outcome = check_ledger_file(path, reader)
    print(outcome.text())
    return outcome.exit_code
