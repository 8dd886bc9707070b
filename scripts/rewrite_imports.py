#!/usr/bin/env python3
"""Move modules of Suining Desk and rewrite every import that names them (issue 15).

Companion of /work/notes/structure-plan.md. Run from a worktree's root, one step at a time:

    python /work/notes/structure-move.py --step ui        # ui/ -> suining_desk/ui/
    python /work/notes/structure-move.py --step domain    # loose value modules -> suining_desk/domain/
    ...                                                   # (see STEPS below; --list prints them)
    uv run ruff check --select I --fix .                  # re-sort the rewritten import blocks

What it does for a step: `git mv` each module (or package) to its new path, creates the new
packages' __init__.py, then rewrites, in suining_desk/ ui/ tests/ scripts/ bench/:
  * ``from OLD import x``            -> ``from NEW import x``
  * ``from OLD.sub import x``        -> ``from NEW.sub import x``     (packages move whole)
  * ``from suining_desk import old`` -> ``from suining_desk.pkg import new as old`` when renamed,
                                        ``from suining_desk.pkg import old`` otherwise
  * ``import ui.tasks`` (+ its uses ``ui.tasks.x``) -> ``import suining_desk.ui.tasks``
Function-level imports are rewritten too. Trailing comments on an import are kept. Nothing
else is touched: the plan lists the few hand edits each step needs (resource paths that
count parent folders, pyproject, scripts/update_translations.sh, test_core_has_no_qt).
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

SD = "suining_desk"

# step -> [(old dotted module or package, new dotted module or package)]
STEPS: dict[str, list[tuple[str, str]]] = {
    "exchange-init": [],  # only creates suining_desk/exchange/__init__.py
    "ui": [("ui", f"{SD}.ui")],
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
        (f"{SD}.file_names", f"{SD}.domain.file_names"),  # safety-files
    ],
    "storage": [
        (f"{SD}.paths", f"{SD}.storage.paths"),
        (f"{SD}.backups", f"{SD}.storage.backups"),
        (f"{SD}.audit_anchors", f"{SD}.storage.anchors"),
        (f"{SD}.crashlog", f"{SD}.storage.crashlog"),
        (f"{SD}.netshare", f"{SD}.storage.netshare"),
        (f"{SD}.tempfiles", f"{SD}.storage.tempfiles"),  # safety-data
        (f"{SD}.audit_seen", f"{SD}.storage.seen"),  # safety-data; its two use cases leave in commit 12
        (f"{SD}.db.uri", f"{SD}.storage.sqlite_files"),  # safety-data: raw sqlite3 addresses (+ SQLITE_HEADER later)
        (f"{SD}.output_files", f"{SD}.storage.output_files"),  # safety-files
        (f"{SD}.storage_media", f"{SD}.storage.media"),  # win-build
    ],
    "audit": [
        (f"{SD}.audit_capture", f"{SD}.db.capture"),
        (f"{SD}.audit_sets", f"{SD}.audit.sets"),
        (f"{SD}.audit_labels", f"{SD}.audit.labels"),
        (f"{SD}.audit_verify", f"{SD}.audit.verify"),
        # suining_desk/audit.py -> suining_desk/audit/log.py is done by hand (see the plan):
        # the package's __init__ re-exports it, so ``from suining_desk import audit`` stays.
    ],
    "services": [
        (f"{SD}.access", f"{SD}.services.access"),
        (f"{SD}.restore", f"{SD}.services.restore"),
        (f"{SD}.rules.checks", f"{SD}.services.checks"),
        (f"{SD}.open_checks", f"{SD}.services.open_checks"),  # safety-data
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


def _map(module: str, moves: list[tuple[str, str]]) -> str | None:
    for old, new in moves:
        if module == old:
            return new
        if module.startswith(old + "."):
            return new + module[len(old):]
    return None


def _path_of(module: str, root: Path) -> Path:
    parts = module.split(".")
    package = root.joinpath(*parts)
    return package if package.is_dir() else root.joinpath(*parts[:-1], parts[-1] + ".py")


def _render(indent: str, module: str, names: list[str], comment: str) -> str:
    one = f"{indent}from {module} import {', '.join(names)}{comment}"
    if len(one) <= LINE:
        return one
    body = "".join(f"{indent}    {n},\n" for n in names)
    return f"{indent}from {module} import ({comment}\n{body}{indent})"


def _alias(a: ast.alias) -> str:
    return f"{a.name} as {a.asname}" if a.asname else a.name


def rewrite(source: str, moves: list[tuple[str, str]]) -> str:
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []  # (first line, last line, replacement), 1-based
    renamed_uses: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            indent = " " * node.col_offset
            last = lines[node.end_lineno - 1]
            tail = last[node.end_col_offset:].rstrip("\n")
            comment = tail if tail.strip().startswith("#") else ""
            out: list[str] = []
            if node.module == SD:
                keep: list[str] = []
                for a in node.names:
                    new = _map(f"{SD}.{a.name}", moves)
                    if new is None:
                        keep.append(_alias(a))
                        continue
                    parent, _, leaf = new.rpartition(".")
                    local = a.asname or a.name
                    out.append(_render(indent, parent, [leaf if leaf == local else f"{leaf} as {local}"], ""))
                if not out:
                    continue
                if keep:
                    out.insert(0, _render(indent, SD, keep, ""))
                out[0] += comment
            else:
                new = _map(node.module, moves)
                if new is None:
                    continue
                out.append(_render(indent, new, [_alias(a) for a in node.names], comment))
            edits.append((node.lineno, node.end_lineno or node.lineno, "\n".join(out) + "\n"))
        elif isinstance(node, ast.Import):
            changed = False
            names = []
            for a in node.names:
                new = _map(a.name, moves)
                if new is not None:
                    changed = True
                    if a.asname is None:  # ``import ui.tasks`` binds ``ui``: its uses name the path
                        renamed_uses.append((a.name, new))
                names.append(f"{new or a.name}{' as ' + a.asname if a.asname else ''}")
            if changed:
                indent = " " * node.col_offset
                edits.append((node.lineno, node.end_lineno or node.lineno, f"{indent}import {', '.join(names)}\n"))
    for first, last, text in sorted(edits, reverse=True):
        lines[first - 1:last] = [text]
    result = "".join(lines)
    for old, new in renamed_uses:  # only the module imported, never text such as "ui.sqlite3"
        result = re.sub(rf"(?<![\w.]){re.escape(old)}\b(?!\.sqlite3)", new, result)
    return result


def git_mv(root: Path, src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "mv", str(src.relative_to(root)), str(dest.relative_to(root))], cwd=root, check=True)


def ensure_packages(root: Path) -> None:
    for folder, doc in NEW_PACKAGES.items():
        path = root / folder
        if path.is_dir() and not (path / "__init__.py").exists():
            (path / "__init__.py").write_text(f'"""{doc}"""\n', encoding="utf-8")
            subprocess.run(["git", "add", str((path / "__init__.py").relative_to(root))], cwd=root, check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--step", choices=sorted(STEPS))
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if args.list or not args.step:
        for step, moves in STEPS.items():
            print(step, *(f"  {o} -> {n}" for o, n in moves), sep="\n")
        return 0
    root: Path = args.root.resolve()
    moves = STEPS[args.step]
    if args.step == "exchange-init":
        (root / SD / "exchange").mkdir(exist_ok=True)
    if args.step == "audit":  # the module becomes a package that re-exports it: its importers stay
        git_mv(root, root / SD / "audit.py", root / SD / "audit" / "log.py")
        init = root / SD / "audit" / "__init__.py"
        init.write_text(AUDIT_INIT, encoding="utf-8")
        subprocess.run(["git", "add", str(init.relative_to(root))], cwd=root, check=True)
    present = []
    for old, new in moves:
        src = _path_of(old, root)
        if not src.exists():  # a module of a branch not merged yet
            print(f"  (not here, skipped: {old})", file=sys.stderr)
            continue
        present.append((old, new))
        dest = root.joinpath(*new.split(".")) if src.is_dir() else root.joinpath(*new.split(".")[:-1],
                                                                                   new.split(".")[-1] + ".py")
        git_mv(root, src, dest)
    moves = present
    ensure_packages(root)
    changed = 0
    for top in SCAN:
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            text = path.read_text("utf-8")
            new_text = rewrite(text, moves)
            if new_text != text:
                path.write_text(new_text, encoding="utf-8")
                changed += 1
    changed += rewrite_references(root, moves)
    print(f"{args.step}: {len(moves)} moved, {changed} files rewritten", file=sys.stderr)
    leftovers(root, moves)
    return 0


TEXT_PLACES = (*SCAN, "docs", "README.md", "CHANGELOG.md")


def _text_files(root: Path) -> list[Path]:
    out: list[Path] = []
    for top in TEXT_PLACES:
        base = root / top
        if base.is_file():
            out.append(base)
        elif base.is_dir():
            out += [p for p in sorted(base.rglob("*")) if p.is_file() and p.suffix in (".py", ".md", ".sh", ".toml")
                    and "__pycache__" not in p.parts]
    return out


def rewrite_references(root: Path, moves: list[tuple[str, str]]) -> int:
    """Dotted names in docstrings, comments and docs (``:mod:`suining_desk.domain.money```) follow the
    move; CHANGELOG entries of released versions are history, but Unreleased is rewritten too."""
    dotted = [(old, new) for old, new in moves if "." in old]
    if not dotted:
        return 0
    changed = 0
    for path in _text_files(root):
        text = path.read_text("utf-8")
        new_text = text
        for old, new in dotted:
            new_text = re.sub(rf"(?<![\w.]){re.escape(old)}\b", new, new_text)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            changed += 1
    return changed


def leftovers(root: Path, moves: list[tuple[str, str]]) -> None:
    """Old names the rewrite could not see: imports inside strings (code run by a child process),
    paths in docs, scripts and configuration. Each is fixed by hand in the same commit."""
    if not moves:
        return
    patterns = []
    for old, _ in moves:
        dotted = re.escape(old)
        slashed = re.escape(old.replace(".", "/"))
        patterns.append(rf"(from|import)\s+{dotted}\b|(?<![\w./]){slashed}(/|\.py\b)")
        if old.startswith(SD + "."):  # also docstrings' :mod:`suining_desk.domain.money` and prose
            patterns.append(rf"(?<![\w.]){dotted}\b")
            leaf = re.escape(old.split(".", 1)[1])
            patterns.append(rf"from\s+{SD}\s+import\s+[^\n]*\b{leaf}\b")
    regex = re.compile("|".join(patterns))
    for top in (*SCAN, "docs", ".ci", "README.md", "CHANGELOG.md", "pyproject.toml"):
        base = root / top
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in files:
            if "__pycache__" in path.parts or path.suffix in (".png", ".qm", ".ttc", ".ttf", ".ico", ".pdf", ".xlsx"):
                continue
            try:
                text = path.read_text("utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for number, line in enumerate(text.splitlines(), 1):
                if regex.search(line) and not (path.suffix == ".py" and _is_rewritten_import(line)):
                    print(f"  left for a hand edit: {path.relative_to(root)}:{number}: {line.strip()[:100]}")


def _is_rewritten_import(line: str) -> bool:
    return False  # every remaining match is worth a look: the rewritten imports no longer match


if __name__ == "__main__":
    raise SystemExit(main())
