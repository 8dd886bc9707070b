"""SQLite addresses built by SQLite's URI rules (issue 14): a folder named ``备份#1`` or
``100%`` used to open another file, lose ``mode=ro`` and leave a stray file behind."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database
from suining_desk.storage.sqlite_files import connect_read_only, sqlite_uri

AWKWARD = ["备份#1", "100%", "a b", "what?", "x%23y", "50% #2 ?ok", "台账 (2018)"]


@pytest.mark.parametrize(("path", "uri"), [
    (r"C:\Users\刘晓\备份#1\suining.sqlite3",
     "file:///C:/Users/%E5%88%98%E6%99%93/%E5%A4%87%E4%BB%BD%231/suining.sqlite3?mode=ro"),
    (r"D:\100% done\a b.sqlite3", "file:///D:/100%25%20done/a%20b.sqlite3?mode=ro"),
    (r"\\server\share\台账\x.db", "file:////server/share/%E5%8F%B0%E8%B4%A6/x.db?mode=ro"),
    (r"\\?\C:\long\x.db", "file:///C:/long/x.db?mode=ro"),
    (r"\\?\UNC\server\share\x.db", "file:////server/share/x.db?mode=ro"),
    (r"x?.db", "file:x%3F.db?mode=ro"),
])
def test_windows_paths_become_sqlite_uris(path: str, uri: str) -> None:
    assert sqlite_uri(PureWindowsPath(path), windows=True) == uri
    assert sqlite_uri(path, windows=True) == uri  # the same from plain text


def test_posix_paths_keep_every_character() -> None:
    for name in AWKWARD:
        uri = sqlite_uri(f"/data/{name}/d.sqlite3", windows=False)
        assert uri.startswith("file:///data/") and uri.endswith("/d.sqlite3?mode=ro")
        body = uri[len("file://"):-len("?mode=ro")]
        assert "#" not in body and "?" not in body and " " not in body
        assert unquote(body) == f"/data/{name}/d.sqlite3"  # what SQLite decodes
    assert sqlite_uri("/d.sqlite3", mode="rw", windows=False) == "file:///d.sqlite3?mode=rw"


def test_a_long_path_stays_whole() -> None:
    deep = "\\".join(["很长的文件夹名称" * 3] * 12)
    uri = sqlite_uri(f"C:\\{deep}\\x.db", windows=True)
    assert len(deep) > 260 and unquote(uri[len("file:///"):-len("?mode=ro")]) == f"C:/{deep.replace(chr(92), '/')}/x.db"


@pytest.mark.parametrize("name", AWKWARD)
def test_read_only_connections_open_exactly_that_file(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "d.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (42)")
    con.commit()
    con.close()
    before = sorted(os.listdir(tmp_path))
    ro = connect_read_only(path)
    try:
        assert ro.execute("SELECT x FROM t").fetchone() == (42,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()
    assert sorted(os.listdir(tmp_path)) == before  # nothing created beside it
    with pytest.raises(sqlite3.OperationalError):
        connect_read_only(folder / "missing.sqlite3").execute("SELECT 1").fetchone()
    assert not (folder / "missing.sqlite3").exists()


def test_backup_out_into_a_folder_named_with_hash_and_percent(small_demo_path: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    for name in ("备份#1", "100%"):
        folder = tmp_path / name
        folder.mkdir()
        out = folder / "copy.sqlite3"
        code = main(["backup", "--db", str(small_demo_path), "--out", str(out), "--user", "admin"])
        assert code == 0, capsys.readouterr().err
        close_database()
        assert "完整性检查通过" in capsys.readouterr().out
        assert sorted(p.name for p in folder.iterdir()) == ["copy.sqlite3", "copy.sqlite3.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["100%", "备份#1"]  # no stray file beside them


def test_a_long_path_opens_too(tmp_path: Path) -> None:
    """Longer than Windows' old 260 characters (SQLite's own limit on Linux is 512 bytes)."""
    folder = tmp_path.joinpath(*[f"level {i} of a long folder #{i} at 100% 备份" * 2 for i in range(4)])
    folder.mkdir(parents=True)
    path = folder / "d.sqlite3"
    assert len(str(path)) > 300 and len(str(path).encode()) < 512
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    ro = connect_read_only(path)
    try:
        assert ro.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)
    finally:
        ro.close()


# --- F7: an address a person gives is read one way everywhere ----------------------------------

@pytest.mark.parametrize(("address", "windows", "path"), [
    ("/data/x.sqlite3", False, "/data/x.sqlite3"),
    ("sqlite:////data/x.sqlite3", False, "/data/x.sqlite3"),
    ("sqlite:///x.sqlite3", False, "x.sqlite3"),
    ("file:/data/x.sqlite3", False, "/data/x.sqlite3"),
    ("file:///data/x.sqlite3", False, "/data/x.sqlite3"),
    ("file://localhost/data/%E5%A4%87%E4%BB%BD%231/x.sqlite3", False, "/data/备份#1/x.sqlite3"),
    ("file:x.sqlite3", False, "x.sqlite3"),
    ("FILE:/data/100%25.db", False, "/data/100%.db"),
    ("file:///C:/Users/%E5%88%98/x.db", True, "C:/Users/刘/x.db"),
    ("file:////server/share/x.db", True, "//server/share/x.db"),
])
def test_every_spelling_of_an_address_names_one_file(address: str, windows: bool, path: str) -> None:
    from suining_desk.storage.sqlite_files import database_path

    assert str(database_path(address, windows=windows)).replace("\\", "/") == path


def test_an_address_reads_back_as_the_path_it_was_made_from() -> None:
    from suining_desk.storage.sqlite_files import database_path

    for name in AWKWARD:
        path = f"/data/{name}/d.sqlite3"
        assert str(database_path(sqlite_uri(path, windows=False).removesuffix("?mode=ro"), windows=False)) == path


@pytest.mark.parametrize(("address", "code"), [
    ("file:/data/x.sqlite3?mode=ro", "db_uri_parameters"), ("file:x.db#frag", "db_uri_parameters"),
    ("file:", "db_uri_parameters"), ("file://server/share/x.db", "db_uri_host"),
    ("postgres://db/x", "db_unsupported_url"), ("file:///x.db?vfs=unix-none", "db_uri_parameters"),
])
def test_addresses_the_program_cannot_honour_are_refused(address: str, code: str) -> None:
    from suining_desk.domain.problems import InvalidInput
    from suining_desk.storage.sqlite_files import database_path

    with pytest.raises(InvalidInput) as caught:
        database_path(address)
    assert [p.code for p in caught.value.problems] == [code]


def test_the_command_line_the_window_and_backups_read_file_addresses_alike(
        small_demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside tester's F7: ``--db file:/…/demo.sqlite3`` was taken for a file in a folder
    named ``file:`` beside the program (``stats``: "不存在"; ``init`` and the window would have
    made it there), while backups wrote ``file:`` addresses by SQLite's rules."""
    import shutil

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    db = tmp_path / "备份#1" / "demo.sqlite3"
    db.parent.mkdir()
    shutil.copy(small_demo_path, db)
    address = sqlite_uri(db.absolute(), windows=False).removesuffix("?mode=ro")  # file:///…/%E5…%231/demo.sqlite3
    assert main(["stats", "--db", address]) == 0
    plain = capsys.readouterr().out
    assert main(["stats", "--db", str(db)]) == 0 and capsys.readouterr().out == plain
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "--out", f"file:{out}", "--db", address, "--user", "admin"]) == 0
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"
    opened: list[Path] = []
    assert main(["--db", address], open_window=lambda path, **_: opened.append(path) or 0) == 0
    assert opened == [db]
    assert main(["stats", "--db", f"{address}?mode=ro"]) == 1  # as any address it cannot open
    assert "带有参数" in capsys.readouterr().err
    assert not (tmp_path / "file:").exists() and not any(p.name.startswith("file") for p in tmp_path.iterdir())
    close_database()
