"""What the Windows package relies on, proved on Linux: portable mode (portable.txt beside
the program keeps the data beside it), the removable/FAT warning, Chinese output on any code
page, and a backup's flush that Windows allows."""

from __future__ import annotations

import ctypes
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from suining_desk.cli import textout
from suining_desk.storage import paths
from suining_desk.storage.media import Volume, linux_volume, storage_risk, windows_volume

REPO = Path(__file__).resolve().parents[2]


# --- portable mode -------------------------------------------------------------------

def test_portable_txt_beside_the_program_keeps_the_data_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "U盘" / "SuiningDesk"
    program.mkdir(parents=True)
    monkeypatch.delenv("SUINING_HOME")
    monkeypatch.setenv(paths.APP_DIR_ENV, str(program))
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "LocalAppData"))
    assert paths.data_dir() == tmp_path / "LocalAppData" and paths.settings_file() is None  # installed: the registry
    (program / "portable.txt").write_text("便携", encoding="utf-8")
    assert paths.is_portable()
    assert paths.data_dir() == program / "data"
    assert paths.default_database() == program / "data" / "suining.sqlite3"
    assert paths.backups_dir() == program / "data" / "backups"
    assert paths.settings_file() == program / "data" / "settings.ini"
    from suining_desk.storage.crashlog import logs_dir

    assert logs_dir() == program / "data" / "logs"
    monkeypatch.setenv("SUINING_HOME", str(tmp_path / "tests"))  # an explicit folder still wins
    assert paths.data_dir() == tmp_path / "tests" and not paths.is_portable()


def test_the_program_folder_comes_from_the_launcher_or_a_frozen_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.APP_DIR_ENV, raising=False)
    assert paths.app_dir() is None  # a checkout or a wheel: no program folder
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "suining-desk"))
    assert paths.app_dir() == tmp_path
    assert paths.portable_home(None) is None and paths.portable_home(tmp_path) is None
    monkeypatch.setattr(sys, "frozen", False)
    bundle = tmp_path / "SuiningDesk"
    (bundle / "runtime").mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(bundle / "runtime" / "python.exe"))
    assert paths.app_dir() is None  # a folder named runtime is not enough
    (bundle / "suining-desk.exe").write_bytes(b"MZ")
    assert paths.app_dir() == bundle  # runtime\python.exe -m suining_desk in the bundle


def test_python_m_suining_desk_is_the_command() -> None:
    result = subprocess.run([sys.executable, "-m", "suining_desk", "--version"], capture_output=True, text=True,
                            cwd=REPO)
    assert result.returncode == 0 and result.stdout.startswith("suining-desk ")


# --- removable and FAT drives --------------------------------------------------------

def test_a_usb_stick_or_a_fat_disk_is_warned_about_and_nothing_else() -> None:
    stick = storage_risk(Volume("E:\\", True, "FAT32"))
    assert stick is not None and stick.code == "data_on_removable" and stick.params["root"] == "E:\\"
    fat = storage_risk(Volume("D:\\", False, "exFAT"))
    assert fat is not None and fat.code == "data_on_fat"
    assert storage_risk(Volume("C:\\", False, "NTFS")) is None
    assert storage_risk(None) is None  # unknown: no warning
    from suining_desk.domain.messages import describe

    assert "U 盘" in describe(stick) and "备份" in describe(stick)
    assert "exFAT" in describe(fat)


class FakeKernel32:
    """The three calls windows_volume makes, answered like Windows for one drive."""

    def __init__(self, root: str, drive_type: int, fs: str) -> None:
        self.root, self.drive_type, self.fs = root, drive_type, fs

    def GetVolumePathNameW(self, path: str, buffer: ctypes.Array[ctypes.c_wchar], size: int) -> int:  # noqa: N802
        buffer.value = self.root
        return 1

    def GetDriveTypeW(self, root: str) -> int:  # noqa: N802
        assert root == self.root
        return self.drive_type

    def GetVolumeInformationW(self, root: str, *args: object) -> int:  # noqa: N802
        fs_buffer = args[5]
        assert isinstance(fs_buffer, ctypes.Array)
        fs_buffer.value = self.fs
        return 1


def test_the_windows_drive_is_read_through_the_win32_calls() -> None:
    stick = windows_volume(Path("E:/SuiningDesk/data"), FakeKernel32("E:\\", 2, "FAT32"))
    assert stick == Volume("E:\\", True, "FAT32")
    disk = windows_volume(Path("C:/Users/clerk"), FakeKernel32("C:\\", 3, "NTFS"))
    assert disk == Volume("C:\\", False, "NTFS") and storage_risk(disk) is None


def test_a_linux_mount_on_a_removable_disk_is_found(tmp_path: Path) -> None:
    sysfs = tmp_path / "block"
    (sysfs / "sdb").mkdir(parents=True)
    (sysfs / "sdb" / "removable").write_text("1\n")
    (sysfs / "sdb" / "sdb1").mkdir()
    (sysfs / "sda1").mkdir()
    (sysfs / "sda1" / "removable").write_text("0\n")
    (sysfs / "sdb1").symlink_to(sysfs / "sdb" / "sdb1")  # a partition's node sits in its disk's folder
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "/dev/sdb1 /media/clerk/U\\040盘 vfat rw 0 0\n")
    stick = linux_volume(Path("/media/clerk/U 盘/SuiningDesk/data"), mounts, sysfs)
    assert stick == Volume("/media/clerk/U 盘", True, "vfat")
    home = linux_volume(Path("/home/clerk"), mounts, sysfs)
    assert home == Volume("/", False, "ext4") and storage_risk(home) is None


# --- Chinese output whatever the code page -------------------------------------------

def test_the_output_encoding_follows_the_request_then_the_console() -> None:
    assert textout.choose_encoding({"SUINING_ENCODING": "utf-8"}, 936, "cp1252") == "utf-8"
    assert textout.choose_encoding({"PYTHONIOENCODING": "gbk:replace"}, 0, "cp1252") == "gbk"
    assert textout.choose_encoding({"SUINING_ENCODING": "no-such-codec"}, 936, "cp1252") == "cp936"
    assert textout.choose_encoding({}, 65001, "cp1252") == "utf-8"
    assert textout.choose_encoding({}, 0, "cp1252") == "cp1252"


def test_a_code_page_without_chinese_replaces_instead_of_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", stream)
    textout.configure_text_output({}, code_page=0)
    print("已生成：台账.pdf ok")
    stream.flush()
    assert raw.getvalue().decode("cp1252").strip() == "??????.pdf ok"
    gbk = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(gbk, encoding="cp1252"))
    textout.configure_text_output({}, code_page=936)  # a Chinese Windows's console: GBK
    print("已生成")
    sys.stdout.flush()
    assert gbk.getvalue().decode("gbk").strip() == "已生成"


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "cp1252"}, {"PYTHONIOENCODING": "ascii"},
                                 {"LANG": "C", "LC_ALL": "C"}], ids=["cp1252", "ascii", "C-locale"])
def test_the_command_line_never_fails_on_chinese_output(env: dict[str, str], tmp_path: Path) -> None:
    full = {**os.environ, "SUINING_HOME": str(tmp_path), **env}
    full.pop("SUINING_ENCODING", None)
    helped = subprocess.run([sys.executable, "-m", "suining_desk", "--help"], capture_output=True, env=full, cwd=REPO)
    assert helped.returncode == 0 and b"Traceback" not in helped.stderr
    refused = subprocess.run([sys.executable, "-m", "suining_desk", "stats", "--db", str(tmp_path / "无.sqlite3")],
                             capture_output=True, env=full, cwd=REPO)
    assert refused.returncode == 1, refused.stderr  # the Chinese refusal, not a crash (70) or a traceback
    assert b"Traceback" not in refused.stderr and refused.stderr.strip()


# --- flushing files on Windows -----------------------------------------------------

@pytest.fixture
def windows_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """FlushFileBuffers needs a handle open for writing: a read-only one fails with 'access
    denied' (seen under Wine as 备份“…”：没有权限). Emulated here on Linux for every caller."""
    import fcntl

    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise PermissionError(13, "Access is denied")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_the_backup_is_flushed_through_a_handle_windows_lets_flush(tmp_path: Path, windows_fsync: None) -> None:
    from suining_desk.db import close_database, open_database
    from suining_desk.storage import backups

    db_path = tmp_path / "suining.sqlite3"
    open_database(db_path)
    close_database()
    info = backups.make_backup(db_path, tmp_path / "备份" / "copy.sqlite3")
    assert info.path.is_file()


def test_the_demo_is_flushed_through_a_handle_windows_lets_flush(tmp_path: Path, windows_fsync: None) -> None:
    from suining_desk.demo.target import build_demo

    build_demo(tmp_path / "demo.sqlite3", scale="small", seed=3, replace=False)
    assert (tmp_path / "demo.sqlite3").is_file()


# --- the build's choice of wheels ---------------------------------------------------

def test_the_windows_build_takes_the_locks_versions_for_windows_with_qt_overridden() -> None:
    sys.path.insert(0, str(REPO / "scripts" / "winbuild"))
    try:
        import fetch
    finally:
        sys.path.remove(str(REPO / "scripts" / "winbuild"))
    export = (
        "colorama==0.4.6 ; sys_platform == 'win32' \\\n    --hash=sha256:" + "a" * 64 + "\n"
        "uvloop==0.21.0 ; sys_platform == 'linux' \\\n    --hash=sha256:" + "b" * 64 + "\n"
        "peewee==4.5.3 \\\n    --hash=sha256:" + "c" * 64 + " \\\n    --hash=sha256:" + "d" * 64 + "\n"
        "    # via suining-desk\n"
        "pyside6-essentials==6.11.3 ; python_full_version < '3.12' \\\n    --hash=sha256:" + "e" * 64 + "\n"
        "pyside6-essentials==6.12.0 ; python_full_version >= '3.12' \\\n    --hash=sha256:" + "f" * 64 + "\n"
        "shiboken6==6.11.3 ; python_full_version < '3.12'\n"
    )
    pins = {p.name: p for p in fetch.windows_pins(export)}
    assert set(pins) == {"colorama", "peewee", "pyside6-essentials", "shiboken6"}  # no Linux-only package
    assert pins["peewee"].version == "4.5.3" and pins["peewee"].hashes == ("c" * 64, "d" * 64)
    qt_version, qt_hash = fetch.QT_OVERRIDE["pyside6-essentials"]
    assert pins["pyside6-essentials"].version == qt_version and pins["pyside6-essentials"].hashes == (qt_hash,)
    assert pins["shiboken6"].version == fetch.QT_OVERRIDE["shiboken6"][0]
