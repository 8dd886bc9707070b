"""The README's command line, as a newcomer copies it (issue 17, item 10).

* The runnable examples (the ```bash blocks under 命令行示例 / Command-line examples) run exactly as
  written, line by line, on the demo database of a fresh data folder, and succeed.
* Every command form the README shows (`suining-desk …` in backticks) is complete: filled in with
  real values — the first of each choice, the optional parts left out — it is neither a usage error
  nor refused for a missing ``--user``.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, Payment, PaymentBatch, Program, Relocation

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
DEMO_PASSWORD = "suining2018"
REFUSED_FOR_USER = ("请用 --user 指明用户名",)


def example_blocks() -> list[list[str]]:
    """The commands of the README's runnable example blocks (one a language)."""
    blocks = re.findall(r"^#+ (?:命令行示例|Command-line examples)[^\n]*\n(?:(?!^#).)*?```bash\n(.*?)```", README,
                        re.M | re.S)
    lines = [[line.split("  #")[0].strip() for line in block.splitlines()] for block in blocks]
    return [[line for line in block if re.match(r"^(\w+=\S+ )*uv run suining-desk ", line)] for block in lines]


def example_lines() -> list[str]:
    return [line for block in example_blocks() for line in block]


def forms() -> list[str]:
    """Every `suining-desk …` command form in the README, once."""
    seen: list[str] = []
    for span in re.findall(r"`(suining-desk [^`]+)`", README):
        span = " ".join(span.replace("\\|", "|").split())
        if span not in seen:
            seen.append(span)
    return seen


def test_the_readme_has_examples_in_both_languages() -> None:
    lines = example_lines()
    assert len(example_blocks()) == 2 and len(lines) >= 24
    assert sum("import households" in line and "--user" in line for line in lines) == 2
    assert len(forms()) >= 30


def test_the_readme_examples_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    ran = []
    for number, block in enumerate(example_blocks()):  # each on a computer that never ran it
        monkeypatch.setenv("SUINING_HOME", str(tmp_path / f"home{number}"))
        (tmp_path / f"work{number}").mkdir()
        monkeypatch.chdir(tmp_path / f"work{number}")
        ran += _run(block, monkeypatch, capsys)
    assert {"demo", "stats", "template", "import", "ledger", "verify", "check", "export"} <= set(ran)


def _run(block: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    ran = []
    for line in block:
        words = shlex.split(line)
        with monkeypatch.context() as env:
            while "=" in words[0]:  # NAME=value before the command: its environment
                name, value = words.pop(0).split("=", 1)
                env.setenv(name, value)
            assert words[:3] == ["uv", "run", "suining-desk"]
            code = main(words[3:])
            close_database()
        out = capsys.readouterr()
        assert code == 0 or (code == 3 and "check" in words), f"{line}\n{out.err}"  # check: 3 = problems found
        ran.append(next(w for w in words[3:] if not w.startswith("-") and not w.endswith(".sqlite3")))
    return ran


FILLED = {  # placeholder → a value the demo database has (the {…} ones are looked up)
    "用户名": "admin", "管理员": "admin", "NAME": "admin", "…": "admin",
    "户编号": "{household}", "HOUSEHOLD_NO": "{household}", "记录号": "{payment}", "批次号": "{batch}",
    "项目": "低保", "日期": "2019-01-05", "DATE": "2019-01-05", "原因": "核实", "TEXT": "核实",
    "代码": "test1", "名称": "测试项目", "金额": "100", "编号": "1", "KIND": "households", "N": "1",
    "表.xlsx": "{sheet}", "台账.pdf": "{ledger}", "FILE.pdf": "{ledger}",
}
SKIPPED = ("restore", "user passwd", "user list|add", "init", "demo", "--demo", "--version", "--help",
           "db accept-rollback", "db repair-protections")  # they replace, prompt, or need no filling


def _fill(form: str, values: dict[str, str], out: Path) -> list[str]:
    text = re.sub(r"\[[^\[\]]*\]", "", form)  # the optional parts left out
    argv: list[str] = []
    for word in text.split()[1:]:
        word = word.split("|")[0] if "|" in word and not word.startswith("--") else word
        if word in FILLED:
            word = FILLED[word].format(**values)
        elif word.endswith((".pdf", ".xlsx", ".sqlite3")):
            word = str(out / word)
        argv.append(word)
    return argv


def test_every_command_form_in_the_readme_is_complete(small_demo_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "county.sqlite3"
    shutil.copyfile(small_demo_path, db)
    monkeypatch.setenv("SUINING_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SUINING_PASSWORD", DEMO_PASSWORD)
    open_database(db)
    values = {"household": Household.select().order_by(Household.id).first().household_no,
              "payment": str(Payment.select().where(Payment.posted).order_by(Payment.id).first().id),
              "batch": PaymentBatch.select().order_by(PaymentBatch.id).first().batch_no,
              "sheet": str(tmp_path / "sheet.xlsx"), "ledger": str(tmp_path / "ledger.pdf")}
    assert Program.select().count() and Relocation.select().count()
    close_database()
    assert main(["--db", str(db), "template", "households", "--out", values["sheet"]]) == 0
    assert main(["--db", str(db), "ledger", "payments", "--program", "低保", "--year", "2018", "--out",
                 values["ledger"], "--user", "admin"]) == 0
    capsys.readouterr()
    incomplete, checked = [], 0
    for form in forms():
        command = form.removeprefix("suining-desk ")
        if command.startswith(SKIPPED) or command.endswith("--help"):
            continue
        argv = _fill(form, values, tmp_path)
        checked += 1
        try:
            main(["--db", str(db), *argv])
        except SystemExit as usage:  # argparse: a missing or unknown argument
            incomplete.append(f"{form}: usage ({usage.code}) {capsys.readouterr().err.splitlines()[-1:]}")
            continue
        finally:
            close_database()
        err = capsys.readouterr().err
        if any(words in err for words in REFUSED_FOR_USER):
            incomplete.append(f"{form}: {err.strip()}")
    assert checked >= 30 and incomplete == [], "\n".join(incomplete)
