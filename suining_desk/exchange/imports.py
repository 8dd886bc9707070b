"""Every kind of import by name: ``run_import("households", path, options)``."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.aid_records import ENROLMENT_SPEC, PAYMENT_SPEC
from suining_desk.exchange.housing_records import RELOCATION_SPEC, RENOVATION_SPEC
from suining_desk.exchange.records import RecordSpec, import_records
from suining_desk.exchange.register_import import import_register
from suining_desk.exchange.report import ImportResult
from suining_desk.exchange.staging import ImportOptions, ProgressFn

ImportFn = Callable[..., ImportResult]
log = logging.getLogger(__name__)



def _records(spec: RecordSpec) -> ImportFn:
    def run(path: Path | str, options: ImportOptions, *, progress: ProgressFn | None = None,
            cancel: threading.Event | None = None) -> ImportResult:
        return import_records(spec, path, options, progress=progress, cancel=cancel)

    return run


IMPORTS: dict[str, tuple[str, ImportFn]] = {
    "households": ("建档立卡户花名册", import_register),
    "relocations": ("易地扶贫搬迁台账", _records(RELOCATION_SPEC)),
    "renovations": ("危房改造台账", _records(RENOVATION_SPEC)),
    "enrolments": ("享受名单", _records(ENROLMENT_SPEC)),
    "payments": ("一次性救助发放（草稿批次）", _records(PAYMENT_SPEC)),
}


def run_import(kind: str, path: Path | str, options: ImportOptions, *, progress: ProgressFn | None = None,
               cancel: threading.Event | None = None) -> ImportResult:
    found = IMPORTS.get(kind)
    if found is None:
        raise InvalidInput([Problem("import_unknown_kind", {"value": kind, "choices": "、".join(IMPORTS)})])
    log.info("import %s%s: %s by %s", kind, " (check only)" if options.dry_run else "", path, options.user)
    result = found[1](path, options, progress=progress, cancel=cancel)
    log.info("import %s %s: %d rows read, %d rejected, %s", kind, Path(path).name, result.rows_read,
             result.rows_rejected, "written" if result.written else "nothing written")
    return result
