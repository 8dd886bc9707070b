"""The outside tester's F13: the README's import example had no ``--user`` (``import`` writes,
so it needs a login): run as written it was refused. Every command the README and docs/ show
is read here: its command exists, and one that writes or shows people carries ``--user`` (or
is run where ``SUINING_USER`` is set, or is a public notice); every example with real values
is run as written, against a copy of the demo."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
from pathlib import Path

import pytest

from suining_desk.cli import build_parser, main

ROOT = Path(__file__).parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# What runs without a login (README: 不必登录的 / Open without a login), and what makes or opens
# a database rather than reading one.
OPEN = {"", "demo", "stats", "template", "init", "audit verify", "program list", "program standards",
        "batch list", "payment totals", "period list", "backup", "program allocations", "area list", "program caps"}


def shown_commands() -> list[tuple[str, str, bool]]:
    """(where, command, whether SUINING_USER is exported before it in its code block)."""
    found = []
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").splitlines()
        fence, exported, n = False, False, 0
        while n < len(lines):
            line = lines[n]
            where = f"{doc.relative_to(ROOT)}:{n + 1}"
            if line.lstrip().startswith("```"):
                fence, exported = not fence, False
            elif fence:
                command = line.strip()
                while command.endswith("\\") and n + 1 < len(lines):
                    n += 1
                    command = command[:-1].rstrip() + " " + lines[n].strip()
                exported = exported or bool(re.match(r"export .*SUINING_USER=", command))
                command = re.sub(r"^uv run ", "", command.split("  #")[0].strip())
                if re.match(r"suining-desk( |$)", command):
                    found.append((where, command, exported))
            else:
                for span in re.findall(r"`([^`]*)`", line):
                    command = re.sub(r"^uv run ", "", span.strip())
                    if re.match(r"suining-desk( |$)", command):
                        found.append((where, command, False))
            n += 1
    return found


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its sub-commands there
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return dict(action.choices)
    return {}


def _variants(command: str) -> list[tuple[str, list[str]]]:
    """(command name, its words) for each alternative written ``a|b`` (``\\|`` in a table)."""
    words = command.replace("\\|", "|").split()[1:]
    top = _commands(build_parser())
    out = []
    first = words[0] if words and not words[0].startswith("-") else ""
    for name in first.split("|") if first else [""]:
        rest = words[1:] if first else words
        below = _commands(top[name]) if name in top else {}
        if below and rest and not rest[0].startswith("-") and rest[0] != "…":
            out += [(f"{name} {sub}", rest[1:]) for sub in rest[0].split("|")]
        elif rest and f"{name} {rest[0]}" in OPEN:  # an action given as a word: ``audit verify``
            out.append((f"{name} {rest[0]}", rest[1:]))
        else:
            out.append((name, rest))
    return out


def test_every_command_shown_exists_and_logs_in_where_it_must() -> None:
    top = _commands(build_parser())
    shown = shown_commands()
    assert len(shown) > 40  # README, docs/security.md, docs/ledgers, the manual
    wrong = []
    for where, command, exported in shown:
        for name, words in _variants(command):
            head = name.split()
            below = _commands(top[head[0]]) if head and head[0] in top else {}
            if head and (head[0] not in top or (len(head) > 1 and below and head[1] not in below)):
                wrong.append(f"{where}: no command “{name}”: {command}")
                continue
            if "--help" in words or "--version" in words or exported or not words:
                continue  # help, or the command named in a sentence (``suining-desk verify`` compares …)
            public = head[:1] == ["ledger"] and "--public" in words and "[--public]" not in command
            backup_out = name == "backup" and any(w.startswith(("--out", "[--out")) for w in words)
            if (name not in OPEN or backup_out) and not public and "--user" not in " ".join(words):
                wrong.append(f"{where}: “{name}” needs --user: {command}")
    assert wrong == []


def test_the_examples_without_placeholders_run_as_written(small_demo_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command shown with real values (``ledger household 4305271000020019 … --user admin``,
    ``audit verify``) runs as written on a copy of the demo (its password from the environment);
    the window and ``demo`` (which builds a county) are left out."""
    shutil.copy(small_demo_path, tmp_path / "demo.sqlite3")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    placeholder = re.compile(r"[\[…|]|NAME|FILE|PATH|HOUSEHOLD_NO|KIND|"
                             r"用户|文件|路径|项目|编号|日期|批次|代码|名称|原因|金额|管理员|备份")
    ran = []
    for where, command, _ in shown_commands():
        words = shlex.split(command)[1:]
        if placeholder.search(command) or len(words) < 2 or words[0] in ("--demo", "--version", "demo"):
            continue  # a placeholder, the window, a command named in a sentence, a new county
        assert main([*words, "--db", str(tmp_path / "demo.sqlite3")]) == 0, (where, command)
        ran.append(command)
    assert any(c.startswith("suining-desk ledger household 4305271000020019") for c in ran), ran
