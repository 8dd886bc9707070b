"""Whether a path lies on a network share (SQLite's locking is not safe over SMB/NFS)."""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "fuse.sshfs", "sshfs", "9p", "afs",
              "ncpfs", "fuse.smbnetfs", "davfs", "fuse.davfs2"}


def mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) from /proc/mounts text, longest mount point first."""
    found = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            found.append((parts[1].replace("\\040", " "), parts[2]))
    return sorted(found, key=lambda m: len(m[0]), reverse=True)


def is_network_path(path: Path, *, mounts_text: str | None = None) -> bool:
    """True for a UNC path or mapped network drive on Windows, or a path under an
    NFS/SMB/SSHFS mount on Linux. Unknown means False (no warning)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        drive = Path(text).resolve().drive
        if drive:
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4)  # type: ignore[attr-defined]
        return False
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text("utf-8", errors="replace")
        except OSError:
            return False
    target = str(Path(text).expanduser().resolve())
    for point, fs in mounts(mounts_text):
        if target == point or target.startswith(point.rstrip("/") + "/"):
            return fs in NETWORK_FS
    return False
