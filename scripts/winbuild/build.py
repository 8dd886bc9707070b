"""Build the Windows package on Linux: dist/SuiningDesk-<version>-win64-portable.zip and
dist/SuiningDesk-<version>-win64-setup.exe. Run it as ``scripts/build-windows``;
docs/windows.md explains every step."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import bundle
import fetch

REPO = Path(__file__).resolve().parents[2]
PORTABLE_TXT = """\
这个文件使绥宁扶贫台账以“便携模式”运行：数据（数据库、备份、设置、日志）保存在本文件夹的 data 子文件夹中，
而不是本机的 %LOCALAPPDATA%\\SuiningDesk。整个 SuiningDesk 文件夹可以放在 U 盘上随身带走。

注意：U 盘（可移动磁盘）和 FAT32 格式的磁盘在突然拔出或断电时容易损坏正在写入的数据库。
请用“安全删除硬件”后再拔 U 盘，并经常备份（文件 → 备份）。

删除这个文件即恢复普通模式（数据在 %LOCALAPPDATA%\\SuiningDesk）。
"""


def version() -> str:
    return str(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def log(text: str) -> None:
    print(f"[build-windows] {text}", flush=True)


def app_wheel(work: Path) -> Path:
    out = work / "app-wheel"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(["uv", "build", "--wheel", "--out-dir", str(out), "-q"], cwd=REPO, check=True)
    return next(out.glob("*.whl"))


def build_manual(site: Path) -> str:
    """The user manual (HTML), where the repository can build it."""
    script = REPO / "scripts" / "build_manual.py"
    if not script.exists():
        return "scripts/build_manual.py not in this checkout: no manual in the bundle"
    target = site / "suining_desk" / "_resources" / "manual"
    subprocess.run(["uv", "run", "--frozen", "python", str(script), "--out", str(target)], cwd=REPO, check=True)
    if not (target / "index.html").is_file():
        raise SystemExit(f"build_manual.py wrote no {target / 'index.html'}")
    return f"manual: {target.relative_to(site.parents[2])}"


def assemble(work: Path, cache: Path) -> Path:
    embed, wheels, distlib = fetch.fetch_all(REPO, cache)
    root = work / "SuiningDesk"
    shutil.rmtree(root, ignore_errors=True)
    runtime = root / "runtime"
    bundle.extract_python(embed, runtime)
    log(bundle.verify_signatures(runtime))
    site = root / bundle.SITE
    for wheel in [*wheels, app_wheel(work)]:
        bundle.unpack_wheel(wheel, site)
    log(f"{len(wheels)} Windows wheels and the program unpacked")
    dlls_before = {p.name.lower() for p in root.rglob("*") if p.suffix.lower() in (".dll", ".pyd")}
    saved = bundle.trim_pyside(site)
    dlls_after = {p.name.lower() for p in root.rglob("*") if p.suffix.lower() in (".dll", ".pyd")}
    checked = bundle.check_imports(root, dlls_before - dlls_after)
    log(f"PySide6 trimmed by {saved / 1e6:.0f} MB; imports of {checked} DLLs/extensions checked")
    log(build_manual(site))
    bundle.compile_bytecode(site, sys.executable)
    bundle.write_launchers(root, distlib)
    shutil.copy2(REPO / "resources" / "icons" / "suining-desk.ico", root / "SuiningDesk.ico")
    return root


def source_stamp() -> tuple[int, ...]:
    """The last commit's time: zips of the same commit are identical."""
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True)
    seconds = int(out.stdout.strip() or time.time())
    return time.gmtime(max(seconds, 315532800))[:6]


def make_installer(root: Path, out: Path, ver: str) -> Path:
    if shutil.which("makensis") is None:
        raise SystemExit("makensis not found: apt-get install nsis")
    setup = out / f"SuiningDesk-{ver}-win64-setup.exe"
    setup.unlink(missing_ok=True)
    subprocess.run(["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={ver}", f"-DBUNDLE={root}",
                    f"-DOUTFILE={setup}", f"-DICON={root / 'SuiningDesk.ico'}",
                    str(Path(__file__).with_name("installer.nsi"))], check=True)
    return setup


def installed_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="where the two files go")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "windows", help="work folder")
    parser.add_argument("--portable-only", action="store_true", help="no installer (the Wine check)")
    args = parser.parse_args(argv)
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("run with Python 3.11 (the bytecode must match the bundled CPython 3.11)")
    started = time.monotonic()
    ver = version()
    work = args.work.resolve()
    root = assemble(work, work / "cache")
    out = args.out.resolve()
    portable = out / f"SuiningDesk-{ver}-win64-portable.zip"
    bundle.deterministic_zip(root, portable, extra={"portable.txt": PORTABLE_TXT}, stamp=source_stamp())
    log(f"{portable}: {portable.stat().st_size / 1e6:.1f} MB "
        f"({installed_size(root) / 1e6:.0f} MB unpacked, {zipfile.ZipFile(portable).infolist().__len__()} files)")
    if not args.portable_only:
        setup = make_installer(root, out, ver)
        log(f"{setup}: {setup.stat().st_size / 1e6:.1f} MB")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
