"""Whether the data folder is on a removable drive (a USB stick) or a FAT file system:
SQLite's write-ahead log survives neither a yanked stick nor a power cut well there, so
the window says so once (the program keeps working)."""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from suining_desk.domain.problems import Problem
from suining_desk.storage.netshare import mounts

DRIVE_REMOVABLE = 2  # GetDriveTypeW
FAT_FILESYSTEMS = {"fat", "fat12", "fat16", "fat32", "vfat", "msdos", "exfat"}


@dataclass(frozen=True)
class Volume:
    root: str
    removable: bool
    filesystem: str  # as the system names it: "FAT32", "exFAT", "NTFS", "vfat", "ext4" …


def storage_risk(volume: Volume | None) -> Problem | None:
    """The warning for a volume, or None (also when nothing is known about it)."""
    if volume is None:
        return None
    fat = volume.filesystem.lower() in FAT_FILESYSTEMS
    if volume.removable:
        return Problem("data_on_removable", {"root": volume.root, "fs": volume.filesystem or "?"})
    if fat:
        return Problem("data_on_fat", {"root": volume.root, "fs": volume.filesystem})
    return None


def windows_volume(path: Path, kernel32: Any) -> Volume | None:
    """The volume of ``path`` through the Win32 API (``kernel32`` is ctypes.windll.kernel32,
    or a stand-in in tests)."""
    size = 261
    root = ctypes.create_unicode_buffer(size)
    if not kernel32.GetVolumePathNameW(str(path), root, size):
        return None
    fs_name = ctypes.create_unicode_buffer(size)
    drive_type = int(kernel32.GetDriveTypeW(root.value))
    if not kernel32.GetVolumeInformationW(root.value, None, 0, None, None, None, fs_name, size):
        fs_name.value = ""
    return Volume(root.value, drive_type == DRIVE_REMOVABLE, fs_name.value)


def linux_volume(path: Path, mounts_text: str, sys_block: Path = Path("/sys/class/block")) -> Volume | None:
    """The mount holding ``path`` (from /proc/mounts text), removable when its block device
    (or the disk it is a partition of) says so in sysfs."""
    target = str(path.expanduser().resolve())
    devices = {}
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            devices[parts[1].replace("\\040", " ")] = parts[0]
    for point, fs in mounts(mounts_text):
        if target == point or target.startswith(point.rstrip("/") + "/"):
            return Volume(point, _removable_device(devices.get(point, ""), sys_block), fs)
    return None


def _removable_device(device: str, sys_block: Path) -> bool:
    if not device.startswith("/dev/"):
        return False
    node = sys_block / Path(device).name
    for folder in (node, node.resolve().parent):
        try:
            return (folder / "removable").read_text(encoding="ascii").strip() == "1"
        except OSError:
            continue
    return False


def volume_of(path: Path) -> Volume | None:
    """This system's answer for ``path``; None when it cannot be told."""
    try:
        if os.name == "nt":  # pragma: no cover - Windows only
            return windows_volume(path, ctypes.windll.kernel32)  # type: ignore[attr-defined]
        return linux_volume(path, Path("/proc/mounts").read_text("utf-8", errors="replace"))
    except OSError:
        return None


def storage_warning(folder: Path) -> Problem | None:
    return storage_risk(volume_of(folder))
