"""Every problem code the code can produce has its Chinese wording."""

from __future__ import annotations

import re
from pathlib import Path

import suining_desk
from suining_desk.domain.messages import MESSAGES, describe
from suining_desk.domain.problems import Problem

CODE_PATTERN = re.compile(r"Problem\(\s*\"([a-z0-9_]+)\"")


def test_every_problem_code_in_the_core_has_a_chinese_message() -> None:
    root = Path(suining_desk.__file__).parent
    used = {code for f in root.rglob("*.py") for code in CODE_PATTERN.findall(f.read_text("utf-8"))}
    assert used, "the scan found no Problem(...) at all"
    missing = sorted(used - MESSAGES.keys())
    assert missing == []


def test_messages_are_chinese() -> None:
    for code, text in MESSAGES.items():
        assert re.search(r"[\u4e00-\u9fff]", text), code


def test_describe_fills_parameters_and_survives_missing_ones() -> None:
    assert describe(Problem("db_missing", {"path": "x.sqlite3"})).startswith("数据库文件“x.sqlite3”")
    assert describe(Problem("db_missing")) == MESSAGES["db_missing"]
