#!/usr/bin/env python3
"""Rewrite imports after the restructuring of issue 15 (docs/architecture.md), for code written
against the layout before it — a branch started before the move:

    python scripts/rewrite_imports.py rewrite PATH...   # files or folders; every step, in order
    uv run ruff check --select I --fix PATH...          # re-sort the rewritten import blocks

It rewrites, in .py files (module-level and function-level imports alike):
  * ``from OLD import x``            -> ``from NEW import x``           (a module or package moved)
  * ``from OLD import name``         -> ``from NEW import name``        (a name moved to another module)
  * ``from PKG import old``          -> ``from NEWPKG import new as old`` when the module was renamed
  * ``import OLD`` (+ its uses ``OLD.x``) -> ``import NEW``
and dotted names in docstrings, comments and Markdown (``suining_desk.money`` ->
``suining_desk.domain.money``). Then it lists what it could not rewrite (an import inside a
string a child process runs, a path in a script): fix those by hand.

The moves themselves were made with ``--step NAME`` (``git mv`` of whole modules, then the
rewrite of the repository); a step that moves names between modules was split by hand first
and only its imports were rewritten by the script. ``--list`` prints every step.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

SD = "suining_desk"

# A move: (old module, new module) for a whole module or package, or
# (old module, name, new module) for one name that now lives elsewhere ("new module:new name"
# when it was renamed too).
Move = tuple[str, str] | tuple[str, str, str]

STEPS: dict[str, list[Move]] = {
    "domain": [
        (f"{SD}.problems", f"{SD}.domain.problems"),
        (f"{SD}.messages", f"{SD}.domain.messages"),
        (f"{SD}.money", f"{SD}.domain.money"),
        (f"{SD}.enums", f"{SD}.domain.enums"),
        (f"{SD}.periods", f"{SD}.domain.periods"),
        (f"{SD}.idnumber", f"{SD}.domain.idnumber"),
        (f"{SD}.divisions", f"{SD}.domain.divisions"),
        (f"{SD}.privacy", f"{SD}.domain.privacy"),
        (f"{SD}.search_keys", f"{SD}.domain.search_keys"),
        (f"{SD}.cancel", f"{SD}.domain.cancel"),
        (f"{SD}.os_errors", f"{SD}.domain.os_errors"),
        (f"{SD}.images", f"{SD}.domain.images"),
        (f"{SD}.file_names", f"{SD}.domain.file_names"),
    ],
    "storage": [
        (f"{SD}.paths", f"{SD}.storage.paths"),
        (f"{SD}.backups", f"{SD}.storage.backups"),
        (f"{SD}.audit_anchors", f"{SD}.storage.anchors"),
        (f"{SD}.crashlog", f"{SD}.storage.crashlog"),
        (f"{SD}.netshare", f"{SD}.storage.netshare"),
        (f"{SD}.tempfiles", f"{SD}.storage.tempfiles"),
        (f"{SD}.audit_seen", f"{SD}.storage.seen"),
        (f"{SD}.db.uri", f"{SD}.storage.sqlite_files"),
        (f"{SD}.output_files", f"{SD}.storage.output_files"),
        (f"{SD}.storage_media", f"{SD}.storage.media"),
    ],
    "audit": [  # suining_desk/audit.py became audit/log.py, re-exported by the package: its importers stay
        (f"{SD}.audit_capture", f"{SD}.db.capture"),
        (f"{SD}.audit_sets", f"{SD}.audit.sets"),
        (f"{SD}.audit_labels", f"{SD}.audit.labels"),
        (f"{SD}.audit_verify", f"{SD}.audit.verify"),
    ],
    "services": [
        (f"{SD}.access", f"{SD}.services.access"),
        (f"{SD}.restore", f"{SD}.services.restore"),
        (f"{SD}.rules.checks", f"{SD}.services.checks"),
        (f"{SD}.open_checks", f"{SD}.services.open_checks"),
    ],
    "reference": [  # the real areas and the catalogue leave demo/ (split by hand)
        *((f"{SD}.demo.areas", name, f"{SD}.reference.areas") for name in (
            "COUNTY_CODE", "COUNTY_NAME", "OLD_COUNTY_CODE", "TOWNSHIPS", "COUNTY_SEAT", "township_code")),
        (f"{SD}.demo.programs", "install_programs", f"{SD}.services.catalogue"),
        (f"{SD}.demo", "install_programs", f"{SD}.services.catalogue"),
        (f"{SD}.demo.programs", f"{SD}.reference.programs"),
    ],
    "helpers": [  # one bulk-insert helper in db/, search keys with the values, the demo mark with its writer
        (f"{SD}.demo.bulk", "insert_sql", f"{SD}.db.bulk"),
        (f"{SD}.services.search", "keys_for_name", f"{SD}.domain.search_keys"),
        (f"{SD}.demo.target", "MARK", f"{SD}.demo.generate"),
    ],
    "bank": [  # the bank's files go up to exchange/, what the bank has of a batch stays a service
        (f"{SD}.services.bank_sheets", f"{SD}.exchange.bank_sheets"),
        (f"{SD}.services.bank_files", "BankFileUnusable", f"{SD}.exchange.bank_sheets"),
        *((f"{SD}.services.bank_files", name, f"{SD}.services.bank_outcomes") for name in (
            "BankLine", "BankResult", "bank_lines", "bank_results", "check_bank_date", "confirmed_paid",
            "failed_payments", "sent_to_bank")),
        (f"{SD}.services.bank_files", f"{SD}.exchange.bank_files"),
    ],
    "ring": [  # db ⇄ audit ⇄ storage: each function in its layer (split by hand)
        (f"{SD}.audit", "ChainBreak", f"{SD}.audit.verify"),
        (f"{SD}.audit.log", "ChainBreak", f"{SD}.audit.verify"),
        (f"{SD}.audit", "verify_chain", f"{SD}.audit.verify"),
        (f"{SD}.audit.log", "verify_chain", f"{SD}.audit.verify"),
        (f"{SD}.db.connection", "SQLITE_HEADER", f"{SD}.storage.sqlite_files"),
        (f"{SD}.db.errors", "storage_problem", f"{SD}.storage.errors"),
        (f"{SD}.storage.seen", "current_rollback", f"{SD}.services.rollback"),
        (f"{SD}.storage.seen", "accept", f"{SD}.services.rollback"),
        (f"{SD}.db.protections", "repair", f"{SD}.services.protections"),
        (f"{SD}.services.restore", "lock_path", f"{SD}.storage.locks"),
        (f"{SD}.services.restore", "lock_holder", f"{SD}.storage.locks"),
        (f"{SD}.storage.backups", "newest_good_backup", f"{SD}.services.database"),
    ],
    "cli": [  # the commands' database options below the commands; the demo database in one module
        (f"{SD}.cli", "open_from_args", f"{SD}.cli.target"),
        (f"{SD}.cli", "database_target", f"{SD}.cli.target"),
        (f"{SD}.cli", "_add_db_options", f"{SD}.cli.target:add_db_options"),
        (f"{SD}.cli.commands.demo", "ensure_demo_database", f"{SD}.cli.demo_database"),
        (f"{SD}.cli.commands.demo", "build", f"{SD}.cli.demo_database"),
    ],
    "app": [  # the program's entry point (the window's package is found by name there)
        # the password stays with the generator (cli.demo_database.demo_password() imports it late)
        (f"{SD}.cli.commands.demo", "DEMO_PASSWORD", f"{SD}.demo.generate"),
    ],
    "window": [  # the window's shared helpers made public, widgets no longer import dialogs
        ("ui.widgets.household_detail", "_fill", "ui.widgets.tables:fill_table"),
        ("ui.widgets.household_detail", "_table", "ui.widgets.tables:read_only_table"),
        ("ui.widgets.household_form", "to_qdate", "ui.dates"),
        ("ui.widgets.household_form", "from_qdate", "ui.dates"),
        ("ui.models.housing_tables", "day", "ui.dates:day_text"),
        ("ui.models.money_tables", "day", "ui.dates:day_text"),
        ("ui.widgets.inputs", "date_edit", "ui.widgets.date_edits"),
        ("ui.widgets.inputs", "OptionalDate", "ui.widgets.date_edits"),
        ("ui.dialogs.account_dialogs", "_AccountDialog", "ui.dialogs.account_dialogs:AccountDialog"),
        ("ui.dialogs.account_dialogs", "_password_field", "ui.dialogs.account_dialogs:password_field"),
        ("ui.dialogs.batch_dialog", "exclusions_model", "ui.models.exclusions"),
        ("ui.dialogs.image_viewer", "ui.widgets.image_viewer"),
        (f"{SD}.storage.netshare", "_mounts", f"{SD}.storage.netshare:mounts"),
    ],
    "features": [  # modules main gained at the root while the layout moved (issues 18, 19)
        (f"{SD}.activity_log", f"{SD}.storage.activity_log"),
        (f"{SD}.form_messages", f"{SD}.domain.form_messages"),
        (f"{SD}.workdays", f"{SD}.domain.workdays"),
    ],
}

NEW_PACKAGES = {
    f"{SD}/domain": "Values with no database: money, ID numbers, periods, divisions, search keys, enums, problems.",
    f"{SD}/storage": "Files beside the database: data-folder paths, backups and their anchors, crash reports.",
    f"{SD}/audit": "The hash-chained audit log: append, row sets, labels, verify.",
    f"{SD}/reference": "The county's real areas and the aid program catalogue (not demo data).",
    f"{SD}/exchange": "Inputs and outputs in spreadsheets: imports, exports, templates, bank files.",
}
AUDIT_INIT = '''"""The hash-chained audit log: append (log), row sets, labels, verify."""

from suining_desk.audit.log import GENESIS, ChainBreak, append, canonical, entry_hash, verify_chain

__all__ = ["GENESIS", "ChainBreak", "append", "canonical", "entry_hash", "verify_chain"]
'''
SCAN = (SD, "ui", "tests", "scripts", "bench")
LINE = 120


def _modules(moves: Iterable[Move]) -> list[tuple[str, str]]:
    return [m for m in moves if len(m) == 2]  # type: ignore[misc]


def _names(moves: Iterable[Move]) -> dict[tuple[str, str], str]:
    return {(m[0], m[1]): m[2] for m in moves if len(m) == 3}  # type: ignore[misc]


def _map(module: str, moves: list[tuple[str, str]]) -> str | None:
    for old, new in moves:
        if module == old:
            return new
        if module.startswith(old + "."):
            return new + module[len(old):]
    return None


def _render(indent: str, module: str, names: list[str], comment: str) -> str:
    one = f"{indent}from {module} import {', '.join(names)}{comment}"
    if len(one) <= LINE:
        return one
    body = "".join(f"{indent}    {n},\n" for n in names)
    return f"{indent}from {module} import ({comment}\n{body}{indent})"


def _alias(a: ast.alias) -> str:
    return f"{a.name} as {a.asname}" if a.asname else a.name


def _import_from(node: ast.ImportFrom, modules: list[tuple[str, str]], names: dict[tuple[str, str], str],
                 here: str) -> list[tuple[str, list[str]]] | None:
    """The import's new lines as (module, names), in order; None when nothing moves. ``here``:
    the module being rewritten (a name's new home may import it from the old one to wrap it)."""
    assert node.module is not None
    groups: dict[str, list[str]] = {}
    moved = False
    for a in node.names:
        target, shown = node.module, _alias(a)
        if (node.module, a.name) in names and names[(node.module, a.name)].split(":")[0] != here:
            target, _, renamed = names[(node.module, a.name)].partition(":")  # "module:new_name" when renamed
            if renamed:
                local = a.asname or a.name
                shown = renamed if renamed == local else f"{renamed} as {local}"
        elif (sub := _map(f"{node.module}.{a.name}", modules)) is not None:  # a module imported by name
            target, _, leaf = sub.rpartition(".")
            local = a.asname or a.name
            shown = leaf if leaf == local else f"{leaf} as {local}"
        elif (new := _map(node.module, modules)) is not None:
            target = new
        moved |= target != node.module or shown != _alias(a)
        groups.setdefault(target, []).append(shown)
    return list(groups.items()) if moved else None


def rewrite(source: str, moves: list[Move], here: str = "") -> str:
    """``source`` (the module ``here``) with every import that names a moved module or name rewritten."""
    modules, names = _modules(moves), _names(moves)
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []  # (first line, last line, replacement), 1-based
    renamed_uses: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            new_lines = _import_from(node, modules, names, here)
            if new_lines is None:
                continue
            indent = " " * node.col_offset
            tail = lines[(node.end_lineno or node.lineno) - 1][node.end_col_offset:].rstrip("\n")
            comment = tail if tail.strip().startswith("#") else ""
            out = [_render(indent, module, shown, comment if i == 0 else "") for i, (module, shown)
                   in enumerate(new_lines)]
            edits.append((node.lineno, node.end_lineno or node.lineno, "\n".join(out) + "\n"))
        elif isinstance(node, ast.Import):
            changed = False
            imported = []
            for a in node.names:
                new = _map(a.name, modules)
                if new is not None:
                    changed = True
                    if a.asname is None:  # ``import suining_desk.money`` binds the path: its uses name it
                        renamed_uses.append((a.name, new))
                imported.append(f"{new or a.name}{' as ' + a.asname if a.asname else ''}")
            if changed:
                indent = " " * node.col_offset
                edits.append((node.lineno, node.end_lineno or node.lineno, f"{indent}import {', '.join(imported)}\n"))
    for first, last, text in sorted(edits, reverse=True):
        lines[first - 1:last] = [text]
    result = "".join(lines)
    for old, new in renamed_uses:
        result = re.sub(rf"(?<![\w.]){re.escape(old)}\b", new, result)
    return result


def rewrite_text(text: str, moves: list[Move]) -> str:
    """Dotted names in docstrings, comments and docs follow the move."""
    for move in moves:
        if len(move) == 2:
            old, new = move[0], move[1]
        else:
            module, _, renamed = move[2].partition(":")
            old, new = f"{move[0]}.{move[1]}", f"{module}.{renamed or move[1]}"
        if "." in old:
            text = re.sub(rf"(?<![\w.]){re.escape(old)}\b", new, text)
    return text


def _module_of(path: Path) -> str:
    """``suining_desk.storage.backups`` for ``…/suining_desk/storage/backups.py`` ('' outside the two
    packages: a folder named ``ui`` inside another package, such as tests/ui, is not the window's)."""
    resolved = path.resolve()
    parts = resolved.with_suffix("").parts
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] in (SD, "ui") and not (Path(*parts[:i]) / "__init__.py").exists():
            found = parts[i:]
            return ".".join(found[:-1] if found[-1] == "__init__" else found)
    return ""


def relative_ui(source: str, here: str, *, package: bool = False) -> str:
    """Inside ui/, ``from ui.x import y`` becomes relative (``from .x import y``, ``from ..x``):
    the package is ``ui`` in the repository and ``suining_desk_ui`` in the wheel."""
    if not here.startswith("ui"):
        return source
    folder = here.split(".") if package else here.split(".")[:-1]  # ``package``: ``here`` is an __init__
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split(".")[0] == "ui":
            target = node.module.split(".")
            common = 0
            while common < min(len(target), len(folder)) and target[common] == folder[common]:
                common += 1
            relative = "." * (len(folder) - common + 1) + ".".join(target[common:])
            edits.append((node.lineno, node.col_offset, len(f"from {node.module}"), f"from {relative}"))
    for lineno, col, length, text in sorted(edits, reverse=True):
        line = lines[lineno - 1]
        lines[lineno - 1] = line[:col] + text + line[col + length:]
    return "".join(lines)


def absolute_ui(source: str, here: str, *, package: bool = False) -> str:
    """Inside ui/, relative imports spelled out (``from ..widgets.x`` → ``from ui.widgets.x``), so
    that moves written with absolute names apply; :func:`relative_ui` turns them back."""
    if not here.startswith("ui"):
        return source
    folder = here.split(".") if package else here.split(".")[:-1]
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = folder[:len(folder) - (node.level - 1)]
            absolute = ".".join([*base, node.module] if node.module else base)
            written = "." * node.level + (node.module or "")
            line = lines[node.lineno - 1]
            start = line.index(f"from {written}", node.col_offset)
            edits.append((node.lineno, start, len(f"from {written}"), f"from {absolute}"))
    for lineno, col, length, text in sorted(edits, reverse=True):
        line = lines[lineno - 1]
        lines[lineno - 1] = line[:col] + text + line[col + length:]
    return "".join(lines)


def rewrite_file(path: Path, moves: list[Move]) -> bool:
    text = path.read_text("utf-8")
    here = _module_of(path)
    if path.suffix == ".py":
        package = path.name == "__init__.py"
        spelled = absolute_ui(text, here, package=package)
        text_out = relative_ui(rewrite(spelled, moves, here), here, package=package)
    else:
        text_out = text
    new_text = rewrite_text(text_out, moves)
    if new_text == text:
        return False
    path.write_text(new_text, encoding="utf-8")
    return True


def _files(roots: Iterable[Path], suffixes: tuple[str, ...] = (".py", ".md", ".sh", ".toml")) -> list[Path]:
    out: list[Path] = []
    for base in roots:
        if base.is_file():
            out.append(base)
        elif base.is_dir():
            out += [p for p in sorted(base.rglob("*")) if p.is_file() and p.suffix in suffixes
                    and "__pycache__" not in p.parts and ".venv" not in p.parts]
    return [p for p in out if p.resolve() != Path(__file__).resolve()]  # never this file: its moves are data


def leftovers(roots: Iterable[Path], moves: list[Move], root: Path) -> None:
    """Old names the rewrite could not see: imports inside strings (code a child process runs),
    paths in docs, scripts and configuration. Each is a hand edit."""
    patterns = []
    for move in moves:
        old = move[0] if len(move) == 2 else f"{move[0]}.{move[1]}"
        dotted = re.escape(old)
        slashed = re.escape(old.replace(".", "/"))
        patterns.append(rf"(from|import)\s+{dotted}\b|(?<![\w./]){slashed}(/|\.py\b)|(?<![\w.]){dotted}\b")
        if len(move) == 3:
            patterns.append(rf"from\s+{re.escape(move[0])}\s+import\s+[^\n]*\b{re.escape(move[1])}\b")
    if not patterns:
        return
    regex = re.compile("|".join(patterns))
    for path in _files(roots, (".py", ".md", ".sh", ".toml", ".txt", ".nsi", ".cfg", ".ini", ".yaml", "")):
        try:
            text = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if regex.search(line):
                shown = path.relative_to(root) if path.is_relative_to(root) else path
                print(f"  left for a hand edit: {shown}:{number}: {line.strip()[:100]}")


def _git_mv(root: Path, src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "mv", str(src.relative_to(root)), str(dest.relative_to(root))], cwd=root, check=True)


def _ensure_packages(root: Path) -> None:
    for folder, doc in NEW_PACKAGES.items():
        path = root / folder
        if path.is_dir() and not (path / "__init__.py").exists():
            (path / "__init__.py").write_text(f'"""{doc}"""\n', encoding="utf-8")
            subprocess.run(["git", "add", str((path / "__init__.py").relative_to(root))], cwd=root, check=True)


def _path_of(module: str, root: Path) -> Path:
    parts = module.split(".")
    package = root.joinpath(*parts)
    return package if package.is_dir() else root.joinpath(*parts[:-1], parts[-1] + ".py")


def run_step(root: Path, step: str, *, rewrite_only: bool) -> None:
    """One step on this repository: move its modules (``git mv``), then rewrite every import."""
    moves = STEPS[step]
    if not rewrite_only:
        if step == "audit" and (root / SD / "audit.py").exists():
            _git_mv(root, root / SD / "audit.py", root / SD / "audit" / "log.py")
            init = root / SD / "audit" / "__init__.py"
            init.write_text(AUDIT_INIT, encoding="utf-8")
            subprocess.run(["git", "add", str(init.relative_to(root))], cwd=root, check=True)
        for old, new in _modules(moves):
            src = _path_of(old, root)
            if not src.exists():
                print(f"  (not here, skipped: {old})", file=sys.stderr)
                continue
            *parents, leaf = new.split(".")
            dest = root.joinpath(*new.split(".")) if src.is_dir() else root.joinpath(*parents, leaf + ".py")
            _git_mv(root, src, dest)
        _ensure_packages(root)
    roots = [root / top for top in (*SCAN, "docs", "README.md", "CHANGELOG.md")]
    changed = sum(rewrite_file(p, moves) for p in _files(roots))
    print(f"{step}: {changed} files rewritten", file=sys.stderr)
    leftovers([root / top for top in (*SCAN, "docs", ".ci", "README.md", "pyproject.toml")], moves, root)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action")
    again = sub.add_parser("rewrite", help="rewrite the imports in files or folders for every step")
    again.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--step", choices=sorted(STEPS), help="(this repository) make one step's moves")
    parser.add_argument("--rewrite-only", action="store_true", help="with --step: only rewrite, the move was by hand")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--list", action="store_true", help="print every step's moves")
    args = parser.parse_args()
    if args.action == "rewrite":
        every = [move for moves in STEPS.values() for move in moves]
        files = _files(args.paths)
        changed = 0
        for moves in STEPS.values():  # in order: a later step may move what an earlier one made
            changed += sum(rewrite_file(p, moves) for p in files)
        print(f"{changed} rewrites in {len(files)} files", file=sys.stderr)
        leftovers(args.paths, every, Path.cwd())
        return 0
    if args.list or not args.step:
        for step, moves in STEPS.items():
            print(step, *(f"  {' '.join(m[:1])} -> {m[-1]}" + (f" ({m[1]})" if len(m) == 3 else "") for m in moves),
                  sep="\n")
        return 0
    run_step(args.root.resolve(), args.step, rewrite_only=args.rewrite_only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
