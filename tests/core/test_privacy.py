"""Full ID and bank numbers stay out of crash reports, the audit page and logged output;
the scan at the end of the test session checks every file the suite wrote."""

from __future__ import annotations

import sys
from pathlib import Path

from suining_desk.domain.privacy import mask_bank, mask_fields, redact
from suining_desk.storage.crashlog import write_crash_report
from tests.county import id_number
from tests.pii_scan import findings, scan

ID = id_number("1968-03-12", 201, male=True)
CARD = "6217003320012345678"


def test_redact_masks_ids_and_cards_in_free_text() -> None:
    text = f"IntegrityError for {ID} paid to {CARD} (household 43052710000101001)"
    out = redact(text)
    assert ID not in out and CARD not in out and f"{ID[:6]}********{ID[-4:]}" in out
    assert out.endswith("***************5678 (household *************1001)")
    assert findings(out) == [] and findings(text) != []


def test_records_are_masked_by_field() -> None:
    row = {"name": "曾伟", "id_number": ID, "bank_account": CARD, "id_reversed": ID[::-1],
           "rows": [{"payee_id_number": ID}]}
    masked = mask_fields(row)
    assert masked["id_number"] == ID[:6] + "*" * 8 + ID[-4:] and masked["bank_account"] == mask_bank(CARD)
    assert masked["id_reversed"] == "***" and masked["rows"][0]["payee_id_number"].count("*") == 8
    assert findings(str(masked)) == []


def test_crash_reports_are_written_masked(tmp_path: Path) -> None:
    try:
        raise ValueError(f"身份证号码{ID}的发放账户{CARD}不存在")
    except ValueError:
        path = write_crash_report(*sys.exc_info(), folder=tmp_path)  # type: ignore[arg-type]
    text = path.read_text("utf-8")
    assert "ValueError" in text and ID not in text and CARD not in text
    assert scan(tmp_path) == []


def test_the_scan_finds_what_must_not_be_there(tmp_path: Path) -> None:
    (tmp_path / "suining.log").write_text(f"paid {CARD} to {ID}\n", encoding="utf-8")
    (tmp_path / "bank-export.csv").write_text(f"{ID},{CARD}\n", encoding="utf-8")  # a bank file: allowed
    found = scan(tmp_path)
    assert [p.name for p, _ in found] == ["suining.log"] and len(found[0][1]) == 2
    (tmp_path / "suining.log").unlink()
