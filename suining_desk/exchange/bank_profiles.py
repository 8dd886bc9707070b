"""Where bank profiles live: those shipped with the program and the county's own.

The program ships its profiles in ``resources/bank_profiles/*.toml`` (never edited: an admin
copies one and edits the copy); a county's own are ``bank_profiles/*.toml`` in the data folder,
and ``bank_profiles/chosen.txt`` there names the one used when none is given (the shipped
``standard`` otherwise). A profile's name is its file's stem — what ``--profile`` takes, as
does its title.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.bank_profile import BankProfile, from_dict, to_dict
from suining_desk.storage import paths
from suining_desk.storage.tempfiles import exclusive_beside

DEFAULT = "standard"
FOLDER = "bank_profiles"
CHOSEN = "chosen.txt"
_NAME = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff_-]{0,39}$")
_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def shipped_dir() -> Path:
    return paths.resources_dir() / FOLDER


def county_dir() -> Path:
    return paths.data_dir() / FOLDER


def _load(path: Path, *, shipped: bool) -> BankProfile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_AT.search(str(exc))
        place = f"第{where.group(1)}行第{where.group(2)}列" if where else ""
        raise InvalidInput([Problem("bank_profile_syntax", {"file": path.name, "where": place})]) from exc
    except UnicodeDecodeError as exc:
        raise InvalidInput([Problem("bank_profile_syntax", {"file": path.name, "where": "（不是 UTF-8 文本）"})]
                           ) from exc
    return from_dict(path.stem, data, source=path.name, shipped=shipped)


def parse_text(name: str, text: str) -> BankProfile:
    """A profile from TOML text (the settings page's editor), checked."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_AT.search(str(exc))
        place = f"第{where.group(1)}行第{where.group(2)}列" if where else ""
        raise InvalidInput([Problem("bank_profile_syntax", {"file": name, "where": place})]) from exc
    return from_dict(name, data, source=name)


def _files() -> list[tuple[Path, bool]]:
    found: dict[str, tuple[Path, bool]] = {}
    for folder, shipped in ((shipped_dir(), True), (county_dir(), False)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found.setdefault(path.stem, (path, shipped))  # a shipped name is never replaced
    return list(found.values())


def list_profiles() -> tuple[list[BankProfile], list[Problem]]:
    """Every profile that reads, shipped first, and what is wrong with those that do not."""
    profiles, problems = [], []
    for path, shipped in _files():
        try:
            profiles.append(_load(path, shipped=shipped))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    profiles.sort(key=lambda p: (not p.shipped, p.name != DEFAULT, p.name))
    return profiles, problems


def chosen_name() -> str:
    """The profile used when none is named."""
    try:
        name = (county_dir() / CHOSEN).read_text(encoding="utf-8").strip()
    except OSError:
        return DEFAULT
    return name or DEFAULT


def choose(name: str) -> BankProfile:
    """Make ``name`` the profile used when none is named (it must load)."""
    profile = get_profile(name)
    folder = county_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / CHOSEN, profile.name + "\n")
    return profile


def get_profile(name: str | None = None) -> BankProfile:
    """The profile named (by its name or its title), or the chosen one."""
    wanted = (name or chosen_name()).strip()
    for path, shipped in _files():
        if path.stem == wanted:
            return _load(path, shipped=shipped)
    profiles, _ = list_profiles()
    for profile in profiles:
        if profile.title == wanted:
            return profile
    if name is None and wanted != DEFAULT:  # the chosen one was deleted: the standard one serves
        return get_profile(DEFAULT)
    names = "、".join(p.name for p in profiles)
    raise InvalidInput([Problem("bank_profile_unknown", {"value": wanted, "choices": names})])


def check_name(name: str) -> None:
    if not _NAME.match(name):
        raise InvalidInput([Problem("bank_profile_bad_name", {"value": name})])


def save_profile(profile: BankProfile, *, replace: bool = False) -> Path:
    """Write a county profile to the data folder (never over a shipped one; over another county
    profile only with ``replace``). The file is written whole, then renamed over the old one."""
    import tomli_w

    check_name(profile.name)
    if (shipped_dir() / f"{profile.name}.toml").exists():
        raise InvalidInput([Problem("bank_profile_shipped", {"value": profile.name})])
    folder = county_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{profile.name}.toml"
    if path.exists() and not replace:
        raise InvalidInput([Problem("bank_profile_exists", {"value": profile.name})])
    text = ("# 绥宁扶贫台账 银行文件格式（设置 → 银行文件格式；说明见 docs/bank-profiles.md）\n"
            + tomli_w.dumps(to_dict(profile)))
    from_dict(profile.name, tomllib.loads(text), source=path.name)  # what is written reads back
    _write(path, text)
    return path


def delete_profile(name: str) -> None:
    check_name(name)
    path = county_dir() / f"{name}.toml"
    if not path.exists():
        raise InvalidInput([Problem("bank_profile_shipped" if (shipped_dir() / f"{name}.toml").exists()
                                    else "bank_profile_unknown", {"value": name, "choices": ""})])
    path.unlink()
    if chosen_name() == name:
        (county_dir() / CHOSEN).unlink(missing_ok=True)


def free_name(base: str) -> str:
    """A county profile name not yet taken: ``base``, ``base-2`` …"""
    stem = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff_-]+", "-", base).strip("-_")[:30] or "bank"
    taken = {path.stem for path, _ in _files()}
    name, n = stem, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}"
    return name


def _write(path: Path, text: str) -> None:
    partial: Path | None = None
    try:
        partial, handle = exclusive_beside(path)  # a random name, never through a planted link
        with handle:
            handle.write(text.encode("utf-8"))
        os.replace(partial, path)
    except OSError as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        from suining_desk.domain.os_errors import os_reason

        raise InvalidInput([Problem("export_cannot_write", {"path": str(path), "reason": os_reason(exc)})]) from exc
