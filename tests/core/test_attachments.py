"""Photos and scans: stored once by SHA-256, large photos reduced, thumbnails, audited."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from suining_desk.db.models import Attachment, AuditEntry, Blob
from suining_desk.domain.images import MAX_SIDE, THUMB_SIDE
from suining_desk.domain.problems import InvalidInput
from suining_desk.rules.housing import RenovationInput
from suining_desk.services.attachments import (
    attach_bytes,
    attach_file,
    attachment_content,
    attachments_of,
    remove_attachment,
)
from suining_desk.services.housing_common import record_history
from suining_desk.services.renovations import create_renovation
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY, register_family


def photo(width: int, height: int, colour: str = "#8a6", fmt: str = "JPEG") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), colour)
    for x in range(0, width, 50):  # some detail, so it is not a trivially small file
        image.paste("#333", (x, 0, x + 5, height))
    image.save(out, fmt)
    return out.getvalue()


@pytest.fixture
def county(db: object) -> FixtureCounty:
    return build_county()


@pytest.fixture
def renovation(county: FixtureCounty) -> int:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    return create_renovation(RenovationInput(household_id=hid, year=2017, beneficiary_type="建档立卡贫困户", grade="D",
                                             method="拆除重建"), user="luru", today=TODAY)


def test_a_small_photo_is_stored_as_it_is_with_a_thumbnail(renovation: int, tmp_path: Path) -> None:
    data = photo(800, 600)
    path = tmp_path / "旧房.jpg"
    path.write_bytes(data)
    attachment_id = attach_file("renovation", renovation, path, kind="before", user="luru")
    path.unlink()  # nothing depends on the file staying where it was
    name, mime, content = attachment_content(attachment_id)
    assert (name, mime, content) == ("旧房.jpg", "image/jpeg", data)
    [view] = attachments_of("renovation", renovation)
    assert view.sha256 == hashlib.sha256(data).hexdigest() and view.kind_label == "施工前/旧房照片"
    assert view.thumbnail is not None
    assert max(Image.open(io.BytesIO(view.thumbnail)).size) == THUMB_SIDE


def test_a_large_photo_is_reduced_and_the_same_content_is_stored_once(county: FixtureCounty, renovation: int) -> None:
    big = photo(2400, 1800, fmt="PNG")
    first = attach_bytes("renovation", renovation, "新房.png", big, kind="after", user="luru")
    name, mime, content = attachment_content(first)
    assert (name, mime) == ("新房.jpg", "image/jpeg")
    assert Image.open(io.BytesIO(content)).size == (MAX_SIDE, MAX_SIDE * 3 // 4)
    with pytest.raises(InvalidInput) as info:  # the same photo twice on one record
        attach_bytes("renovation", renovation, "新房(1).png", big, kind="after", user="luru")
    assert info.value.problems[0].code == "attachment_duplicate"
    hid = register_family(county, "43052710000101002", "王强", 301)
    other = create_renovation(RenovationInput(household_id=hid, year=2017, beneficiary_type="低保户", grade="C",
                                              method="修缮加固"), user="luru", today=TODAY)
    attach_bytes("renovation", other, "新房.png", big, kind="after", user="luru")
    assert Blob.select().count() == 1 and Attachment.select().count() == 2
    remove_attachment(first, user="luru")
    assert Blob.select().count() == 1  # still used by the other record
    assert [h.what for h in record_history("renovation", renovation)] == ["登记", "添加附件", "删除附件"]


def test_a_pdf_scan_has_no_thumbnail_and_bad_files_are_refused(renovation: int) -> None:
    entries = AuditEntry.select().count()
    attach_bytes("renovation", renovation, "验收表.pdf", b"%PDF-1.4 fake scan", kind="acceptance", user="luru")
    [view] = attachments_of("renovation", renovation)
    assert view.thumbnail is None and not view.is_image
    for name, data, code in (("notes.docx", b"x", "attachment_bad_type"), ("空.jpg", b"", "attachment_empty"),
                             ("坏.jpg", b"not a jpeg", "attachment_not_image")):
        with pytest.raises(InvalidInput) as info:
            attach_bytes("renovation", renovation, name, data, kind="after", user="luru")
        assert info.value.problems[0].code == code
    with pytest.raises(InvalidInput):
        attach_bytes("renovation", renovation + 99, "a.pdf", b"%PDF", kind="after", user="luru")
    assert Attachment.select().count() == 1 and AuditEntry.select().count() == entries + 1
