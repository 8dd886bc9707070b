"""What the command line says: Chinese help for every argument of every command, argparse's
refusals without English prefixes, and clear words for folders and empty databases."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import build_parser, main
from suining_desk.cli.parser import translate_error
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _parsers(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def _unhelped() -> list[str]:
    missing = []
    for name, parser in _parsers(build_parser(), "suining-desk"):
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:  # the one-line help of each command
                    if not CHINESE.search(choice.help or ""):
                        missing.append(f"{name} {choice.dest}")
                continue
            if action.help == argparse.SUPPRESS or not CHINESE.search(action.help or ""):
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    return missing


def test_every_argument_of_every_command_has_chinese_help() -> None:
    assert _unhelped() == []


def test_the_walk_reaches_the_nested_commands() -> None:
    names = {name for name, _ in _parsers(build_parser(), "suining-desk")}
    assert {"suining-desk payment reverse", "suining-desk period close", "suining-desk ledger payments",
            "suining-desk batch export-bank"} <= names


@pytest.mark.parametrize(("argv", "positional"), [(["payment", "reverse", "-h"], "记录号"),
                                                  (["period", "close", "-h"], "月份"),
                                                  (["payment", "reissue", "-h"], "记录号")])
def test_help_explains_positionals_and_reason(argv: list[str], positional: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    listed = [line.split() for line in out[out.index("\n参数"):].splitlines()]
    assert len(next(w for w in listed if w[:1] == ["--reason"])) > 2  # option, metavar, then its help
    assert len(next(w for w in listed if w[:1] == [positional])) > 1


# --- argparse's refusals -------------------------------------------------------------


def test_a_bad_date_reads_as_parameter_not_argument(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", "post", "X", "--date", "2018-13-01"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "错误：参数 --date：日期“2018-13-01”" in err
    assert "argument" not in err


@pytest.mark.parametrize(("english", "chinese"), [
    ("argument --date: 日期“x”应为 2018-11-20 的格式", "参数 --date：日期“x”应为 2018-11-20 的格式"),
    ("argument --only: expected at least one argument", "参数 --only 后面至少需要一个值"),
    ("ambiguous option: --re could match --reason, --reissues", "选项 --re 不明确，可能是：--reason, --reissues"),
    ("one of the arguments --a --b is required", "以下参数必须给出一个：--a --b"),
])
def test_argparse_messages_in_chinese(english: str, chinese: str) -> None:
    assert translate_error(english) == chinese


# --- files and databases -------------------------------------------------------------


def test_verify_a_folder_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(tmp_path), "--db", str(tmp_path / "none.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert f"“{tmp_path}”是文件夹，不是台账 PDF 文件" in err and "不存在" not in err


@pytest.fixture
def no_programs(tmp_path: Path) -> Path:
    path = tmp_path / "new.sqlite3"
    open_database(path)
    county = Area.create(code="430527", name="绥宁县", level=1)
    Area.create(code="430527100", name="长铺镇", level=2, parent=county)
    close_database()
    return path


@pytest.mark.parametrize("argv", [
    ["ledger", "payments", "--program", "低保", "--year", "2018", "--out", "x.pdf"],
    ["batch", "preview", "--program", "低保", "--period", "2018-11", "--area", "长铺镇"],
    ["payment", "totals", "--program", "低保"],
])
def test_an_unknown_program_in_a_database_without_programs(no_programs: Path, tmp_path: Path, argv: list[str],
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*argv, "--db", str(no_programs)]) == 1
    err = capsys.readouterr().err
    assert "数据库中还没有任何项目" in err and "请先在“项目与标准”中新增项目" in err
    assert "可选" not in err


def test_help_columns_line_up_by_display_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chinese metavars take two columns a character: every help text starts in one column,
    and no help line is wider than the terminal (argparse counted characters, not columns)."""
    from suining_desk.cli.parser import display_width

    monkeypatch.setenv("COLUMNS", "70")
    for name, parser in _parsers(build_parser(), "suining-desk"):
        lines = parser.format_help().splitlines()
        options = lines[lines.index("选项:") + 1:]
        assert max(display_width(line) for line in options) <= 70, name
        starts = set()
        for line in options:
            if not line.startswith("  -"):
                break
            m = re.match(r"(  -\S.*?)  +(\S.*)$", line)
            if m and display_width(m.group(1)) < 20:
                starts.add(display_width(m.group(1)) + (len(line) - len(m.group(1)) - len(m.group(2))))
        assert len(starts) <= 1, (name, starts)
