"""What a Windows print job decides before it touches a printer (ui.print_layout): the path by
platform, the pages, where a page lands on the sheet, how copies are made, what a failure means."""

from __future__ import annotations

import pytest

from ui.print_layout import (
    PRINT_PATH_VARIABLE,
    FailureKind,
    PrintFailure,
    PrintPath,
    RangeMode,
    Sheet,
    copies_plan,
    page_indexes,
    place_page,
    print_path,
)

A4_LANDSCAPE_PT = (841.89, 595.28)
A4_PORTRAIT_PT = (595.28, 841.89)
A3_LANDSCAPE_PT = (1190.55, 841.89)


def laser(landscape: bool = True, dpi: int = 600, offset: int = 100) -> Sheet:
    """An A4 laser printer as GetDeviceCaps reports it (what Wine's test printer reported)."""
    long_side, short_side = round(297 / 25.4 * dpi), round(210 / 25.4 * dpi)
    width, height = (long_side, short_side) if landscape else (short_side, long_side)
    return Sheet(dpi, dpi, width, height, offset, offset, width - 2 * offset, height - 2 * offset)


# --- which way the pages go ---

@pytest.mark.parametrize(("platform", "native", "env", "expected"), [
    ("win32", True, {}, PrintPath.VECTOR),
    ("win32", False, {}, PrintPath.RASTER),  # Qt's own PDF writer: its engine, not a printer
    ("win32", True, {PRINT_PATH_VARIABLE: "raster"}, PrintPath.RASTER),  # the escape hatch
    ("win32", True, {PRINT_PATH_VARIABLE: " Raster "}, PrintPath.RASTER),
    ("win32", True, {PRINT_PATH_VARIABLE: "vector"}, PrintPath.VECTOR),
    ("linux", True, {}, PrintPath.RASTER),  # CUPS takes Qt's grey PDF well (353 kB a page)
    ("darwin", True, {}, PrintPath.RASTER),
    ("linux", True, {PRINT_PATH_VARIABLE: "vector"}, PrintPath.RASTER),  # FPDF_RenderPage is Windows-only
])
def test_vector_pages_only_on_windows_to_a_printer(platform: str, native: bool, env: dict[str, str],
                                                   expected: PrintPath) -> None:
    assert print_path(platform, native_printer=native, env=env) is expected


# --- which pages ---

def test_the_dialogs_page_choices() -> None:
    assert list(page_indexes(RangeMode.ALL, 0, 0, 5, 2)) == [0, 1, 2, 3, 4]
    assert list(page_indexes(RangeMode.PAGES, 2, 4, 5, 0)) == [1, 2, 3]
    assert list(page_indexes(RangeMode.PAGES, 4, 0, 5, 0)) == [3, 4]  # "from 4" = to the end
    assert list(page_indexes(RangeMode.PAGES, 3, 99, 5, 0)) == [2, 3, 4]  # clipped to the ledger
    assert list(page_indexes(RangeMode.PAGES, 7, 9, 5, 0)) == []  # beyond the last page: nothing
    assert list(page_indexes(RangeMode.PAGES, 0, 0, 5, 0)) == [0, 1, 2, 3, 4]  # no range given
    assert list(page_indexes(RangeMode.CURRENT, 0, 0, 5, 3)) == [3]
    assert list(page_indexes(RangeMode.CURRENT, 0, 0, 5, 9)) == [4]
    assert list(page_indexes(RangeMode.CURRENT, 0, 0, 0, 0)) == []


# --- where a page lands ---

def test_a_landscape_ledger_lands_at_true_size_on_landscape_a4() -> None:
    sheet = laser()
    place = place_page(*A4_LANDSCAPE_PT, sheet)
    assert place.rotate == 0 and place.scale == 1.0
    assert (place.width, place.height) == (7016, 4961)  # 297 × 210 mm at 600 dpi
    # The device context starts at the printable area: the page starts 100 px (4.2 mm) before it,
    # at the paper's corner, so the ledger's own margins are where reportlab put them.
    assert abs(place.x + sheet.offset_x) <= 1 and abs(place.y + sheet.offset_y) <= 2


def test_true_size_does_not_depend_on_the_printers_resolution() -> None:
    for dpi in (300, 600, 1200):
        place = place_page(*A4_LANDSCAPE_PT, laser(dpi=dpi, offset=dpi // 6))
        assert place.scale == 1.0
        assert abs(place.width / dpi * 25.4 - 297) < 0.2 and abs(place.height / dpi * 25.4 - 210) < 0.2


def test_unequal_margins_keep_the_page_on_the_paper_not_the_printable_area() -> None:
    sheet = Sheet(600, 600, 7016, 4961, 150, 60, 6766, 4841)
    place = place_page(*A4_LANDSCAPE_PT, sheet)
    assert (place.x, place.y) == (-150, -60)


def test_a_landscape_ledger_on_portrait_paper_is_turned_not_shrunk() -> None:
    place = place_page(*A4_LANDSCAPE_PT, laser(landscape=False))
    assert place.rotate == 3 and place.scale == 1.0
    assert (place.width, place.height) == (4961, 7016)  # across and down the portrait sheet


def test_a_portrait_page_on_portrait_paper_is_not_turned() -> None:
    place = place_page(*A4_PORTRAIT_PT, laser(landscape=False))
    assert place.rotate == 0 and place.scale == 1.0


def test_an_a3_ledger_on_a4_paper_is_shrunk_into_the_printable_area_and_centred() -> None:
    sheet = laser()
    place = place_page(*A3_LANDSCAPE_PT, sheet)
    assert place.rotate == 0 and place.scale < 1.0
    assert place.width <= sheet.printable_width and place.height <= sheet.printable_height
    assert place.width == sheet.printable_width or place.height == sheet.printable_height  # as large as fits
    assert abs(place.width / place.height - 420 / 297) < 0.002  # the page's proportions kept
    assert place.x >= 0 and place.y >= 0
    assert abs((sheet.printable_width - place.width) - 2 * place.x) <= 1  # centred
    assert abs((sheet.printable_height - place.height) - 2 * place.y) <= 1


def test_a_driver_that_reports_no_paper_size_gets_its_printable_area() -> None:
    sheet = Sheet(600, 600, 0, 0, 0, 0, 7016, 4961)
    place = place_page(*A4_LANDSCAPE_PT, sheet)
    assert place.scale == 1.0 and (place.x, place.y) == (0, 0)


def test_a_sheet_without_resolution_is_refused() -> None:
    with pytest.raises(ValueError, match="not a printer page"):
        Sheet(0, 0, 0, 0, 0, 0, 0, 0)


# --- copies ---

def test_the_driver_makes_the_copies_when_it_can() -> None:
    plan = copies_plan(3, driver_max=999, collate=True)
    assert (plan.driver_copies, plan.repeats) == (3, 1)
    assert plan.order(3) == [0, 1, 2]


def test_copies_a_driver_cannot_make_are_sent_collated_or_not() -> None:
    collated = copies_plan(2, driver_max=1, collate=True)
    assert (collated.driver_copies, collated.repeats) == (1, 2)
    assert collated.order(3) == [0, 1, 2, 0, 1, 2]
    assert copies_plan(2, driver_max=1, collate=False).order(3) == [0, 0, 1, 1, 2, 2]
    assert copies_plan(0, driver_max=1, collate=False).order(2) == [0, 1]  # at least one


# --- failures ---

@pytest.mark.parametrize(("step", "code", "kind"), [
    ("OpenPrinterW", 1801, FailureKind.NO_PRINTER),
    ("CreateDCW", 1905, FailureKind.NO_PRINTER),
    ("StartDocW", 1223, FailureKind.CANCELLED),  # a PDF printer's "save as" dialog was cancelled
    ("EndPage", 63, FailureKind.CANCELLED),  # the job was deleted from the print queue
    ("StartDocW", 5, FailureKind.ACCESS),
    ("EndPage", 112, FailureKind.DISK_FULL),
    ("StartPage", 8, FailureKind.MEMORY),
    ("OpenPrinterW", 1722, FailureKind.SPOOLER),
    ("EndDoc", 31, FailureKind.OTHER),
    ("render", 0, FailureKind.PAGE),
])
def test_win32_errors_mean_something_to_the_clerk(step: str, code: int, kind: FailureKind) -> None:
    failure = PrintFailure(step, code, page=3 if step == "render" else None)
    assert failure.kind is kind
    assert step in str(failure) and str(code) in str(failure)
