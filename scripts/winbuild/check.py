"""The Windows check: build the portable zip, unpack it, and run the real executables under
Wine on a fresh data folder; compare what they print and write with the Linux program.
Run it as ``scripts/check-windows-build``; docs/windows.md says what it proves and what not."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import build

REPO = build.REPO
HERE = Path(__file__).resolve().parent
SEED = "7"
# A ledger page as a Windows EMF spooler holds it (vector, docs/windows.md 打印): measured
# 2.6–2.7 MB for the demo's full 低保 pages; the raster path's page was 34.8 MB.
MAX_EMF_PAGE_BYTES = 3_000_000
PASSWORD = "suining2018"  # the demo accounts' password (README)


class Failed(Exception):
    pass


def winpath(path: Path) -> str:
    """Wine sees the Linux root as drive Z:."""
    return "Z:" + str(path).replace("/", "\\")


class Wine:
    def __init__(self, prefix: Path, bundle: Path) -> None:
        self.bundle = bundle
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=",
                        SUINING_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")
        self.env.pop("SUINING_HOME", None)  # the bundle's own portable data folder, as a clerk has it
        self.env["HOME"] = str(prefix.parent / "home")  # Wine links Desktop & co. there, not into ours
        (prefix.parent / "home").mkdir(parents=True, exist_ok=True)
        self.env.pop("DISPLAY", None)

    def boot(self) -> None:
        subprocess.run(["wineboot", "-i"], env=self.env, capture_output=True, timeout=300)
        # Wine does not pass QT_* variables from Linux: set it as a Windows user would.
        self.reg("HKCU\\Environment", "QT_QPA_PLATFORM", "offscreen")

    def reg(self, key: str, name: str, value: str) -> None:
        # /reg:64: with wine32 installed, `wine reg` is the 32-bit reg.exe, whose HKLM\\Software is
        # redirected to Wow6432Node, where 64-bit programs (and Wine's mount manager) never look.
        subprocess.run(["wine", "reg", "add", key, "/v", name, "/t", "REG_SZ", "/d", value, "/f", "/reg:64"],
                       env=self.env,
                       stdin=subprocess.DEVNULL, capture_output=True, check=True)
        subprocess.run(["wineserver", "-w"], env=self.env, capture_output=True)

    def run(self, exe: str, *args: str, env: dict[str, str] | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess[str]:
        # Pipes, never files: Wine 8 gives Python an invalid handle for a Linux file as stdout.
        result = subprocess.run(["wine", str(self.bundle / exe), *args], env={**self.env, **(env or {})},
                                stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        return subprocess.CompletedProcess(result.args, result.returncode,
                                           result.stdout.decode("utf-8", "replace"),
                                           result.stderr.decode("utf-8", "replace"))

    def cli(self, *args: str, expect: int = 0, utf8: bool = True) -> str:
        result = self.run("suining-desk.exe", *args, env={"SUINING_ENCODING": "utf-8"} if utf8 else {})
        if result.returncode != expect:
            raise Failed(f"suining-desk.exe {' '.join(args)} exited {result.returncode} (expected {expect})\n"
                         f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
        return result.stdout

    def stop(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, capture_output=True)


def linux(*args: str, home: Path) -> str:
    result = subprocess.run(["uv", "run", "--frozen", "suining-desk", *args], cwd=REPO, capture_output=True,
                            text=True, env=dict(os.environ, SUINING_HOME=str(home), SUINING_PASSWORD=PASSWORD))
    if result.returncode != 0:
        raise Failed(f"linux suining-desk {' '.join(args)} exited {result.returncode}\n{result.stderr[-2000:]}")
    return result.stdout


_USER_OPTION: dict[tuple[str, ...], bool] = {}


def with_user(*args: str) -> list[str]:
    """``--user admin`` for the commands that take it (reading commands may ask who reads)."""
    words = tuple(a for a in args if not a.startswith("-"))[:2]
    if words not in _USER_OPTION:
        help_text = subprocess.run(["uv", "run", "--frozen", "suining-desk", *words, "--help"], cwd=REPO,
                                   capture_output=True, text=True).stdout
        _USER_OPTION[words] = "--user" in help_text
    return [*args, "--user", "admin"] if _USER_OPTION[words] else list(args)


class Report:
    def __init__(self) -> None:
        self.started = time.monotonic()
        self.lines: list[str] = []

    def ok(self, text: str) -> None:
        line = f"[{time.monotonic() - self.started:5.0f} s] ok  {text}"
        self.lines.append(line)
        print(line, flush=True)


def check(work: Path, zip_path: Path, report: Report) -> None:
    unpacked = work / "unpacked"
    shutil.rmtree(unpacked, ignore_errors=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unpacked)
    bundle = unpacked / "SuiningDesk"
    for name in ("SuiningDesk.exe", "suining-desk.exe", "portable.txt", "SuiningDesk.ico", "runtime/python.exe"):
        if not (bundle / name).is_file():
            raise Failed(f"the zip has no SuiningDesk/{name}")
    report.ok(f"portable zip unpacked: one folder SuiningDesk/ ({zip_path.stat().st_size / 1e6:.1f} MB)")
    wine = Wine(work / "wineprefix", bundle)
    shutil.rmtree(work / "wineprefix", ignore_errors=True)
    wine.boot()
    report.ok("fresh Wine prefix")
    try:
        _cli_steps(wine, bundle, work, report)
        _print_steps(wine, bundle, work, report)
        _window_steps(wine, bundle, work, report)
        _removable_step(wine, bundle, work, report)  # last: Wine then names the bundle's files E:\…
    finally:
        wine.stop()


def _cli_steps(wine: Wine, bundle: Path, work: Path, report: Report) -> None:
    data = bundle / "data"
    version = wine.cli("--version").strip()
    if version != f"suining-desk {build.version()}":
        raise Failed(f"--version said {version!r}")
    report.ok(f"suining-desk.exe --version: {version}")
    wine.cli("demo", "--seed", SEED, utf8=False)  # the Wine console's code page: Chinese must not crash it
    if not (data / "demo.sqlite3").is_file():
        raise Failed("portable.txt beside the program, yet no SuiningDesk\\data\\demo.sqlite3")
    report.ok("demo on the console's code page (no SUINING_ENCODING): no UnicodeEncodeError; data in SuiningDesk\\data")

    home = work / "linux-home"
    shutil.rmtree(home, ignore_errors=True)
    linux_demo = home / "demo-linux.sqlite3"
    linux("demo", "--seed", SEED, "--db", str(linux_demo), home=home)
    wine_stats = json.loads(wine.cli(*with_user("stats", "--json", "--demo")))
    linux_stats = json.loads(linux(*with_user("stats", "--json", "--db", str(linux_demo)), home=home))
    if wine_stats != linux_stats:
        raise Failed(f"stats differ\nwine:  {wine_stats}\nlinux: {linux_stats}")
    report.ok(f"stats --json equals Linux's on seed {SEED} ({wine_stats['households']} households, "
              f"{wine_stats['payments']} payments)")

    pdf = data / "低保台账.pdf"
    said = wine.cli(*with_user("ledger", "payments", "--program", "低保", "--year", "2018", "--demo",
                               "--out", winpath(pdf)))
    same_db = home / "wine-made.sqlite3"
    shutil.copy2(data / "demo.sqlite3", same_db)
    linux_pdf = home / "低保台账-linux.pdf"
    linux(*with_user("ledger", "payments", "--program", "低保", "--year", "2018", "--db", str(same_db),
                     "--out", str(linux_pdf)), home=home)
    if pdf.read_bytes() != linux_pdf.read_bytes():
        raise Failed(f"the ledger printed under Wine differs from Linux's: {pdf} vs {linux_pdf}")
    report.ok(f"ledger payments 低保 2018 byte-identical to Linux's from the same database "
              f"({pdf.stat().st_size} bytes; {said.strip().splitlines()[-1]})")
    wine.cli(*with_user("verify", winpath(pdf), "--demo"))
    report.ok("verify: the ledger matches the database")

    template = data / "花名册模板.xlsx"
    wine.cli("template", "households", "--out", winpath(template))
    filled = data / "花名册-试装.xlsx"
    subprocess.run(["uv", "run", "--frozen", "python", str(HERE / "fill_sheet.py"), str(template), str(filled)],
                   cwd=REPO, check=True)
    before = wine_stats["households"]
    wine.cli(*with_user("import", "households", winpath(filled), "--create-areas", "--demo"))
    after = json.loads(wine.cli(*with_user("stats", "--json", "--demo")))["households"]
    if after != before + 1:
        raise Failed(f"import households: {before} → {after} households (expected one more)")
    report.ok("template households → filled on Linux → import households: one household more")

    def backups() -> set[Path]:
        return set((data / "backups").rglob("*.sqlite3"))

    before_backup = backups()
    wine.cli(*with_user("backup", "--demo"))
    made = sorted(backups() - before_backup)
    if len(made) != 1:
        raise Failed(f"backup made {made} in SuiningDesk\\data\\backups (expected one file)")
    report.ok(f"backup: {made[0].relative_to(bundle)}")
    wine.cli(*with_user("audit", "verify", "--demo"))
    report.ok("audit verify passes")
    wrong = wine.run("suining-desk.exe", "no-such-command")
    if wrong.returncode != 2:
        raise Failed(f"an unknown command exited {wrong.returncode}, not 2 like suining-desk")
    report.ok("an unknown command exits 2, as on Linux")
    module = wine.run("runtime/python.exe", "-m", "suining_desk", "--version")
    if module.returncode != 0 or build.version() not in module.stdout:
        raise Failed(f"python -m suining_desk --version: {module.returncode} {module.stdout} {module.stderr}")
    report.ok("runtime\\python.exe -m suining_desk --version")


def _print_steps(wine: Wine, bundle: Path, work: Path, report: Report) -> None:
    """The Windows print path for real: a job to a Wine printer (PostScript to a file) and each
    page recorded into a metafile against that printer, as the EMF spooler would (print_check.py)."""
    out = work / "print"
    shutil.rmtree(out, ignore_errors=True)
    pdf = bundle / "data" / "低保台账.pdf"
    run = wine.run("runtime/python.exe", winpath(HERE / "print_check.py"), winpath(out), winpath(pdf),
                   "--database", winpath(bundle / "data" / "demo.sqlite3"))
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        raise Failed(f"print check failed ({run.returncode})\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}")
    said = json.loads(lines[-1])
    (out / "print-check.json").write_text(json.dumps(said, ensure_ascii=False, indent=1), encoding="utf-8")
    job, pages = said["job"], said["pages"]
    prn = out / "job.prn"
    if job["sent"] != pages or not prn.is_file() or not prn.read_bytes().startswith(b"%!PS"):
        raise Failed(f"the print job to the Wine printer: {job}; {prn} missing or not PostScript")
    report.ok(f"printed {pages} pages to a Wine printer ({job['printer']}, StartDoc … EndDoc into a file): "
              f"{job['file_bytes'] / 1e6:.1f} MB of PostScript in {job['seconds']} s")
    sizes, before = said["emf_bytes"], said["raster_first_page"]
    if len(sizes) != pages or max(sizes) > MAX_EMF_PAGE_BYTES:
        raise Failed(f"vector pages as metafiles: {sizes} bytes (bound {MAX_EMF_PAGE_BYTES} a page)")
    if before["emf_bytes"] < 10 * max(sizes):
        raise Failed(f"the raster page ({before}) is not the 32-bit page it was measured as")
    report.ok(f"spooled as EMF: {max(sizes) / 1e6:.2f} MB the largest page, {sum(sizes) / len(sizes) / 1e6:.2f} MB "
              f"on average (bound {MAX_EMF_PAGE_BYTES / 1e6:.0f} MB); the raster path's page was "
              f"{before['emf_bytes'] / 1e6:.1f} MB ({before['image'][0]}×{before['image'][1]}, 32-bit)")
    match = said["played_vs_pdfium"]
    if match["cells_off"] > 0.03 or match["mean"] > 20 or match["ink_cells"] < 0.05:
        raise Failed(f"the vector page played back differs from PDFium's picture of it: {match}")
    report.ok(f"page 1 played back from its metafile matches PDFium's picture at true size "
              f"({match['cells_off']:.1%} of cells differ; print/page-0001-played.png)")
    clerk = said["page"]
    if clerk["path"] != "vector" or clerk["logged"] != 1 or not clerk["file_bytes"] \
            or not clerk["status"].startswith("已送打印机"):
        raise Failed(f"the 台账 page's 打印 on Windows: {clerk}")
    report.ok(f"the 台账 page printed the ledger as vectors to the Wine printer and logged it ({clerk['pages']} pages)")


def _removable_step(wine: Wine, bundle: Path, work: Path, report: Report) -> None:
    """The Win32 calls behind the USB-stick warning, for real: Wine shows a folder as a
    removable drive E: (its drive type "floppy")."""
    prefix = Path(wine.env["WINEPREFIX"])
    (prefix / "dosdevices" / "e:").symlink_to(bundle)
    wine.reg("HKLM\\Software\\Wine\\Drives", "e:", "floppy")
    code = ("from pathlib import Path; from suining_desk.storage.media import storage_warning as w; "
            "print(w(Path(r'E:\\data')).code, w(Path(r'C:\\users')))")
    result = wine.run("runtime/python.exe", "-c", code)
    if result.stdout.split() != ["data_on_removable", "None"]:
        raise Failed(f"removable-drive detection: {result.stdout} {result.stderr[-1000:]}")
    report.ok("data folder on a removable drive (E:) is told; C: is not")


def _installer_steps(setup: Path, work: Path, report: Report) -> None:
    """setup.exe (a 32-bit NSIS program: Wine needs wine32) installs silently for the user,
    the installed command runs, and the uninstaller removes the program but keeps the data."""
    prefix = work / "wineprefix-setup"
    wine = Wine(prefix, prefix / "drive_c")
    wine.boot()
    profile = prefix / "drive_c" / "users" / os.environ.get("USER", "root")
    home = profile / "AppData" / "Local" / "Programs" / "SuiningDesk"
    result = subprocess.run(["wine", str(setup), "/S"], env=wine.env, stdin=subprocess.DEVNULL, capture_output=True,
                            timeout=600)
    subprocess.run(["wineserver", "-w"], env=wine.env, capture_output=True)
    start_menu = profile / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "绥宁扶贫台账"
    if result.returncode != 0 or not (home / "SuiningDesk.exe").is_file():
        raise Failed(f"setup.exe /S: exit {result.returncode}, nothing in {home}")
    if not (start_menu / "绥宁扶贫台账.lnk").is_file():
        raise Failed(f"no Start-menu shortcut in {start_menu}")
    report.ok(f"setup.exe /S installed into %LOCALAPPDATA%\\Programs\\SuiningDesk ({_size_mb(home)} MB) "
              "with its Start-menu shortcut")
    installed = Wine(prefix, home)
    installed.cli("demo", "--seed", SEED)
    data = profile / "AppData" / "Local" / "SuiningDesk"
    if not (data / "demo.sqlite3").is_file():
        raise Failed(f"the installed program kept no data in {data}")
    report.ok("the installed suining-desk.exe keeps its data in %LOCALAPPDATA%\\SuiningDesk")
    subprocess.run(["wine", str(home / "uninstall.exe"), "/S", f"_?={winpath(home)}"],
                   env=wine.env, stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
    subprocess.run(["wineserver", "-w"], env=wine.env, capture_output=True)
    gone = not (home / "SuiningDesk.exe").exists() and not (home / "runtime").exists() and not start_menu.exists()
    if not gone or not (data / "demo.sqlite3").is_file():
        raise Failed(f"uninstall: program removed {gone}; data kept {(data / 'demo.sqlite3').is_file()}")
    report.ok("the uninstaller removed the program and its shortcuts and kept the data folder")
    wine.stop()


def _size_mb(folder: Path) -> int:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6)


def _window_steps(wine: Wine, bundle: Path, work: Path, report: Report) -> None:
    pages = work / "pages"
    shutil.rmtree(pages, ignore_errors=True)
    manual = (REPO / "scripts" / "build_manual.py").exists()  # the bundle then carries the manual
    tour = wine.run("runtime/python.exe", winpath(HERE / "window_tour.py"), winpath(pages),
                    winpath(bundle / "data" / "demo.sqlite3"), *(["--manual"] if manual else []))
    if tour.returncode != 0:
        raise Failed(f"window tour failed ({tour.returncode})\n{tour.stdout}\n{tour.stderr[-3000:]}")
    if f"data folder: {winpath(bundle / 'data')}" not in tour.stdout:
        raise Failed(f"runtime\\python.exe in the portable folder did not use SuiningDesk\\data:\n{tour.stdout}")
    said = "; ".join(tour.stdout.strip().splitlines()[-2:])
    report.ok(f"main window offscreen, every page saved to {pages}: {said}")

    # SuiningDesk.exe itself (no console): the window on the demo stays up until stopped.
    logs = bundle / "data" / "logs"
    crashes_before = set(logs.glob("crash-*")) if logs.is_dir() else set()
    process = subprocess.Popen(["wine", str(bundle / "SuiningDesk.exe"), "--demo"], env=wine.env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        process.wait(timeout=25)
    except subprocess.TimeoutExpired:
        pass
    running = process.poll() is None
    wine.stop()
    process.wait(timeout=30)
    crashes = (set(logs.glob("crash-*")) if logs.is_dir() else set()) - crashes_before
    if not running or crashes:
        raise Failed(f"SuiningDesk.exe --demo ended early ({process.returncode}) or crashed: {sorted(crashes)}")
    report.ok("SuiningDesk.exe --demo: the window ran offscreen for 25 s without a crash report")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=REPO / "build" / "windows-check", help="work folder")
    parser.add_argument("--no-build", action="store_true", help="check the files already in dist/")
    parser.add_argument("--portable-only", action="store_true", help="no installer (it needs wine32)")
    args = parser.parse_args(argv)
    for tool in ("wine", "wineserver", "makensis", "objdump"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install wine wine64 nsis binutils")
    report = Report()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    out = REPO / "dist"
    if not args.no_build:
        build.main(["--out", str(out), *(["--portable-only"] if args.portable_only else [])])
        report.ok("portable zip built" if args.portable_only else "portable zip and setup.exe built")
    zip_path = out / f"SuiningDesk-{build.version()}-win64-portable.zip"
    setup = out / f"SuiningDesk-{build.version()}-win64-setup.exe"
    with tempfile.TemporaryDirectory(prefix="suining-wine-", dir=work) as scratch:
        try:
            check(Path(scratch), zip_path, report)
            if not args.portable_only:
                _installer_steps(setup, Path(scratch), report)
        except Failed as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
        shutil.rmtree(work / "pages", ignore_errors=True)
        shutil.copytree(Path(scratch) / "pages", work / "pages")
        shutil.rmtree(work / "print", ignore_errors=True)  # the pictures and figures, not the metafiles
        shutil.copytree(Path(scratch) / "print", work / "print", ignore=shutil.ignore_patterns("*.emf", "*.prn"))
    print(f"Windows check passed in {time.monotonic() - report.started:.0f} s; pages in {work / 'pages'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
