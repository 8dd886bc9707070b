"""Photos and scans attached to a relocation or a renovation (or a household).

Importing reads the file's bytes once: nothing depends on the file staying where it was.
The content is stored once per SHA-256 (:class:`~suining_desk.db.models.Blob`), with a
thumbnail beside each attachment; large photos are reduced first (:mod:`suining_desk.domain.images`).
Adding and removing are audited on the record the attachment belongs to.

A name never chooses where a file goes: it is made safe when stored
(:func:`~suining_desk.domain.file_names.safe_file_name`) and again when the file is written out to
be viewed (a database received from elsewhere may hold any name), always into a new private folder
(:func:`viewing_copy`). Nor does it choose which program opens the file: only a PDF or a photo — as
its stored type says *and* its bytes show — is written out, under the extension of that type
(:func:`checked_content`); anything else is refused. Names are shown without invisible format characters.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from peewee import Model

from suining_desk import audit
from suining_desk.db.models import Attachment, Blob, Household, Payment, Relocation, Renovation, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import ATTACHMENT_KINDS
from suining_desk.domain.file_names import UnsafeType, safe_file_name, typed_name
from suining_desk.domain.images import NotAnImage, NotItsType, mime_for, prepare
from suining_desk.domain.images import Prepared as PreparedImage
from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ORIGINAL_NAME = 255  # the name as given, kept in the audit log
OWNERS: dict[str, type[Model]] = {"relocation": Relocation, "renovation": Renovation, "household": Household,
                                  "payment": Payment}  # one-off aid: invoices, diagnoses


@dataclass(frozen=True)
class AttachmentView:
    id: int
    kind: str
    file_name: str
    mime: str
    size: int
    sha256: str
    thumbnail: bytes | None
    added_by: str
    added_at: dt.datetime

    @property
    def kind_label(self) -> str:
        return ATTACHMENT_KINDS.get(self.kind, self.kind)

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def check_file(file_name: str, size: int) -> list[Problem]:
    if mime_for(file_name) is None:
        return [Problem("attachment_bad_type", {"name": file_name}, field="file")]
    if size == 0:
        return [Problem("attachment_empty", {"name": file_name}, field="file")]
    if size > MAX_FILE_BYTES:
        return [Problem("attachment_too_large", {"name": file_name, "max_mb": MAX_FILE_BYTES // (1024 * 1024)},
                        field="file")]
    return []


def read_file(path: Path) -> tuple[str, bytes]:
    """(name, content) of a file to attach, refused in Chinese when it cannot be used."""
    path = Path(path)
    try:
        size = path.stat().st_size
        problems = check_file(path.name, size)
        if problems:
            raise InvalidInput(problems)
        return path.name, path.read_bytes()
    except OSError as exc:
        raise InvalidInput([Problem("attachment_unreadable", {"name": path.name, "reason": os_reason(exc)},
                                    field="file")]) from exc


def attach_file(owner_kind: str, owner_id: int, path: Path, *, kind: str, user: str) -> int:
    """Import a file from disk; returns the attachment's id."""
    name, data = read_file(path)
    return attach_bytes(owner_kind, owner_id, name, data, kind=kind, user=user)


@dataclass(frozen=True)
class Prepared:
    """A checked (and, for a large photo, reduced) file, ready to store in a transaction."""

    owner_kind: str
    kind: str
    original_name: str
    original_size: int
    file: PreparedImage


def prepare_attachment(owner_kind: str, file_name: str, data: bytes, *, kind: str) -> Prepared:
    """Check a file and reduce a large photo — outside any transaction (it takes a moment);
    raises InvalidInput when the file cannot be attached. The name is stored made safe:
    its last part only, no character Windows forbids, at most 100 characters."""
    original, file_name = file_name[:MAX_ORIGINAL_NAME], safe_file_name(file_name)
    problems = check_file(file_name, len(data))
    if kind not in ATTACHMENT_KINDS:
        problems.append(Problem("bad_choice", {"label": "附件类别", "value": kind}, field="kind"))
    if owner_kind not in OWNERS:
        problems.append(Problem("bad_choice", {"label": "附件所属", "value": owner_kind}, field="owner"))
    if problems:
        raise InvalidInput(problems)
    try:
        prepared = prepare(file_name, data)
    except NotAnImage as exc:
        raise InvalidInput([Problem("attachment_not_image", {"name": file_name}, field="file")]) from exc
    except NotItsType as exc:
        raise InvalidInput([Problem("attachment_not_its_type", {"name": file_name}, field="file")]) from exc
    return Prepared(owner_kind, kind, original, len(data), prepared)


def store_attachment(owner_id: int, prepared: Prepared, *, user: str) -> int:
    """Store a prepared file on its record; call inside the write transaction (it joins the
    caller's, so a record and its attachments are written together or not at all)."""
    owner_kind, file = prepared.owner_kind, prepared.file
    owner = OWNERS[owner_kind]
    digest = hashlib.sha256(file.data).hexdigest()
    with database.atomic("IMMEDIATE"):
        if not owner.select().where(owner.id == owner_id).exists():  # type: ignore[attr-defined]
            raise InvalidInput([Problem("required", {"label": "附件所属记录"}, field="owner")])
        same = Attachment.select().where((Attachment.owner_kind == owner_kind) & (Attachment.owner_id == owner_id)
                                         & (Attachment.blob == digest))
        if same.exists():
            raise InvalidInput([Problem("attachment_duplicate", {"name": prepared.original_name}, field="file")])
        if not Blob.select().where(Blob.sha256 == digest).exists():
            Blob.insert(sha256=digest, data=file.data, size=len(file.data)).execute()
        attachment = Attachment.create(owner_kind=owner_kind, owner_id=owner_id, kind=prepared.kind,
                                       file_name=file.file_name, mime=file.mime, blob=digest,
                                       thumbnail=file.thumbnail, added_by=user)
        audit.append(f"{owner_kind}_attachment_added", username=user, table_name=owner_kind, record_id=owner_id,
                     after={"attachment_id": attachment.id, "kind": prepared.kind, "file_name": file.file_name,
                            "original_name": prepared.original_name, "original_size": prepared.original_size,
                            "size": len(file.data), "sha256": digest, "reduced": file.reduced})
    return int(attachment.id)


def attach_bytes(owner_kind: str, owner_id: int, file_name: str, data: bytes, *, kind: str, user: str) -> int:
    """Attach content already read; returns the attachment's id."""
    return store_attachment(owner_id, prepare_attachment(owner_kind, file_name, data, kind=kind), user=user)


def attachments_of(owner_kind: str, owner_id: int) -> list[AttachmentView]:
    query = (Attachment.select(Attachment.id, Attachment.kind, Attachment.file_name, Attachment.mime, Blob.size,
                               Attachment.blob, Attachment.thumbnail, Attachment.added_by, Attachment.added_at)
             .join(Blob, on=(Attachment.blob == Blob.sha256))
             .where((Attachment.owner_kind == owner_kind) & (Attachment.owner_id == owner_id))
             .order_by(Attachment.id))
    return [AttachmentView(i, k, safe_file_name(n), m, s, sha, bytes(t) if t is not None else None, by, at)
            for i, k, n, m, s, sha, t, by, at in tuples(query)]


def attachment_content(attachment_id: int) -> tuple[str, str, bytes]:
    """(file name made safe, MIME type, content) of an attachment."""
    a = Attachment.get_by_id(attachment_id)
    blob = Blob.get_by_id(a.blob_id)
    return safe_file_name(a.file_name), a.mime, bytes(blob.data)


def checked_content(attachment_id: int) -> tuple[str, str, bytes]:
    """(name to write it under, MIME type, content) of an attachment that may be handed to
    another program: a PDF or a photo whose bytes are of the type stored, named with that
    type's extension. Anything else — a received database may hold ``发票.exe`` with any
    type — raises InvalidInput (``attachment_unsafe_type``)."""
    name, mime, data = attachment_content(attachment_id)
    try:
        return typed_name(name, mime, data), mime, data
    except UnsafeType as exc:
        raise InvalidInput([Problem("attachment_unsafe_type", {"name": name})]) from exc


_VIEWING: list[Path] = []  # this session's private folders of copies being viewed


def _viewing_root() -> Path:
    if not _VIEWING:
        _VIEWING.append(Path(tempfile.mkdtemp(prefix="suining-attachments-")))  # 0700: the owner only
        atexit.register(shutil.rmtree, _VIEWING[0], ignore_errors=True)
    return _VIEWING[0]


def viewing_copy(attachment_id: int) -> Path:
    """The attachment written out for a viewer (a PDF reader): into a new folder inside this
    session's private temporary folder (removed when the program ends), under its name made
    safe with the extension of its checked type (:func:`checked_content`) — whatever the
    database says its name is. Raises InvalidInput when it may not or cannot be written."""
    name, _mime, data = checked_content(attachment_id)
    try:
        folder = Path(tempfile.mkdtemp(dir=_viewing_root()))
        target = folder / name
        if target.parent != folder:  # cannot happen with a safe name; never write elsewhere
            raise PermissionError(f"{target} is outside {folder}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(target, flags, 0o600), "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise InvalidInput([Problem("attachment_cannot_open", {"name": name, "reason": os_reason(exc)})]) from exc
    return target


def remove_attachment(attachment_id: int, *, user: str) -> None:
    """Detach it; the content goes too once nothing else refers to it."""
    with database.atomic("IMMEDIATE"):
        a = Attachment.get_by_id(attachment_id)
        digest = a.blob_id
        a.delete_instance()
        if not Attachment.select().where(Attachment.blob == digest).exists():
            Blob.delete().where(Blob.sha256 == digest).execute()
        audit.append(f"{a.owner_kind}_attachment_removed", username=user, table_name=a.owner_kind,
                     record_id=a.owner_id, after={"attachment_id": attachment_id, "kind": a.kind,
                                                  "file_name": a.file_name, "sha256": digest})
