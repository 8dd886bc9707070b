"""Building a ledger: check the request, read the rows, stamp them, draw, save, log the print.

The CLI and the window call :func:`make_spec` then :func:`write_ledger`. The same data,
spec and date always give the same bytes; recording the print in the audit log changes
nothing the ledger shows (its entries are not among the records a ledger is made from).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from suining_desk import audit
from suining_desk.db.models import database
from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.enums import NOTICE_UNITS
from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem, Severity
from suining_desk.domain.workdays import notice_period
from suining_desk.ledgers.disclosure import check_hidden
from suining_desk.ledgers.flow import flow_ranges
from suining_desk.ledgers.kinds import get_kind
from suining_desk.ledgers.kinds.common import chunks
from suining_desk.ledgers.model import LedgerDocument, Notice, PageSetup
from suining_desk.ledgers.notices import notice_warnings, rule_for
from suining_desk.ledgers.page import TableLayout, render, table_layout
from suining_desk.ledgers.scope import check_scope, printing_account, with_default_area
from suining_desk.ledgers.sectionpage import render_sections
from suining_desk.ledgers.signatures import default_signers, signatures_for
from suining_desk.ledgers.spec import FORM, PAPER_SIZES, LedgerSpec
from suining_desk.ledgers.stamp import Fingerprint, fingerprint, make_stamp
from suining_desk.services.ledger_settings import MAX_NOTICE_DAYS, hidden_notice_columns, notice_contacts, signer_roles
from suining_desk.storage.output_files import check_output

AUDIT_ACTION = "ledger_printed"
PRINTER_ACTION = "ledger_sent_to_printer"

Progress = Callable[[int, int], None]


class LedgerCancelled(Cancelled):
    """Raised inside :func:`render_document` when the caller's cancel event is set."""


@dataclass(frozen=True)
class Prepared:
    spec: LedgerSpec
    document: LedgerDocument
    fingerprint: Fingerprint
    pages: Sequence[range]
    table: TableLayout | None = None  # a one-table ledger's rows, as they will be drawn


@dataclass(frozen=True)
class LedgerResult:
    path: Path
    title: str
    code: str
    pages: int
    rows: int
    total_fen: int


def make_spec(kind_name: str, raw_filters: Mapping[str, object], *, date: dt.date | None = None,
              public: bool = False, paper: str = "A4", portrait: bool = False, preparer: str = "",
              reviewer: str = "", head: str = "", deputy: str = "", unit: str = "",
              notice_days: int | None = None, notice_unit: str | None = None,
              printed_as: str | None = None) -> LedgerSpec:
    """A checked spec: filters resolved to codes; raises :class:`InvalidInput` otherwise.

    ``notice_days`` / ``notice_unit``: the 公示's period (None: the rule's, see
    :mod:`suining_desk.ledgers.notices`); its end, the telephones and office of the notice,
    the notice columns an admin left out and the kind's signature lines are taken from the
    settings now and kept in the spec. ``printed_as``: the user printing (see
    :mod:`suining_desk.ledgers.scope`); a township user's ledger defaults to, and must stay
    within, their township."""
    kind = get_kind(kind_name)
    account = printing_account(printed_as)
    if public and not kind.has_public_variant:
        raise InvalidInput([Problem("ledger_no_public", {"label": kind.label})])
    if paper not in PAPER_SIZES:
        raise InvalidInput([Problem("bad_choice", {"label": "纸张", "value": paper}, field="paper")])
    if notice_days is not None and not 1 <= notice_days <= MAX_NOTICE_DAYS:
        raise InvalidInput([Problem("ledger_bad_notice_days", {"value": notice_days, "max": MAX_NOTICE_DAYS},
                                    field="notice_days")])
    if notice_unit is not None and notice_unit not in NOTICE_UNITS:
        raise InvalidInput([Problem("notice_bad_unit", {"value": notice_unit}, field="notice_unit")])
    filters = kind.resolve(with_default_area(kind, raw_filters, account))
    check_scope(kind, filters, account)
    day = date or dt.date.today()
    rule = rule_for(kind.name, dict(filters))
    days, count = notice_days or rule.days, notice_unit or rule.unit
    contacts = notice_contacts()
    return LedgerSpec(
        kind=kind.name, filters=filters, date=day, public=public, paper=paper, portrait=portrait,
        preparer=preparer.strip(), reviewer=reviewer.strip(), head=head.strip(), unit=unit.strip(),
        notice_days=days, form=FORM, notice_unit=count,
        notice_end=notice_period(day, days, count).end if public else None,
        notice_office=contacts.office if public else "", notice_phone=contacts.phone if public else "",
        report_phone=contacts.report_phone if public else "", notice_address=contacts.address if public else "",
        hidden=tuple(check_hidden(hidden_notice_columns())) if public else (),
        signers=signer_roles(kind.name, default_signers(kind.name)),
        names=(("deputy", deputy.strip()),) if deputy.strip() else (),
    )


def spec_warnings(spec: LedgerSpec) -> list[Problem]:
    """What a clerk should know before printing (never a refusal): a notice shorter than its
    rule, working days counted over a year the holiday calendar does not know, a notice
    without a 监督电话."""
    found = notice_warnings(spec)
    if spec.public and spec.form >= 2 and not spec.notice_phone:
        found.append(Problem("notice_no_phone", {}, Severity.WARNING))
    return found


def latest_change_seq(refs: Mapping[str, Sequence[int]]) -> int:
    """The sequence number of the latest audit entry about any of the records shown."""
    latest = 0
    for table, ids in refs.items():
        for part in chunks(list(ids)):
            marks = ", ".join("?" * len(part))
            sql = f"SELECT MAX(seq) FROM audit_entry WHERE table_name = ? AND record_id IN ({marks})"
            row = database.execute_sql(sql, [table, *(str(i) for i in part)]).fetchone()
            latest = max(latest, row[0] or 0)
    return latest


@contextlib.contextmanager
def _bulk_work() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of rows are built and drawn:
    each collection walks every live object, which made 50,000 rows cost more than five
    times 10,000. Nothing here makes cycles that need collecting; the collector is back
    on (if it was) as soon as the ledger is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def prepare(spec: LedgerSpec) -> Prepared:
    """Read the rows and stamp them; nothing is drawn yet."""
    kind = get_kind(spec.kind)
    content = kind.build(spec.filters, spec.public, spec.hidden)
    if spec.unit:
        content = replace(content, unit=spec.unit)
    setup = PageSetup(spec.paper, spec.portrait)
    signatures = signatures_for(spec, content)
    table = None
    if content.sections:
        pages = flow_ranges(content.sections, setup, notes=len(content.notes), signatures=signatures)
    else:
        table = table_layout(content.columns, setup, spec.public, content.rows, notes=len(content.notes),
                             signatures=signatures)
        pages = table.pages
    fp = fingerprint(content, pages, latest_change_seq(content.audit_refs))
    notice = None
    if spec.public:
        end = spec.notice_end or spec.date + dt.timedelta(days=spec.notice_days - 1)
        if spec.form < 2:
            notice = Notice(start=spec.date, end=end, contact=content.unit)
        else:
            notice = Notice(start=spec.date, end=end, contact=spec.notice_office or content.unit,
                            days=spec.notice_days, unit=NOTICE_UNITS[spec.notice_unit], phone=spec.notice_phone,
                            report_phone=spec.report_phone, address=spec.notice_address)
    document = LedgerDocument(content, setup, signatures, make_stamp(spec, fp), notice)
    return Prepared(spec, document, fp, pages, table)


def render_document(prepared: Prepared, out: BinaryIO, *, progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> int:
    def on_page(number: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise LedgerCancelled()
        if progress is not None:
            progress(number, total)

    if prepared.document.content.sections:
        return render_sections(prepared.document, out, on_page=on_page)
    return render(prepared.document, out, on_page=on_page, layout=prepared.table)


def write_ledger(spec: LedgerSpec, out: Path, *, username: str, record: bool = True,
                 progress: Progress | None = None, cancel: threading.Event | None = None,
                 printed_as: str | None = None) -> LedgerResult:
    """Make the ledger, save it to ``out`` (whole or not at all) and log the print under
    ``username``. ``printed_as``: the user printing, whose township scope the spec must
    keep to (None: a print not limited to a township, as by the command line without a user)."""
    check_scope(get_kind(spec.kind), spec.filters, printing_account(printed_as))
    out = Path(out)
    if not out.parent.is_dir():
        raise InvalidInput([Problem("ledger_out_dir_missing", {"path": str(out.parent)})])
    check_output(out, "pdf")  # an earlier PDF is replaced; a database or a spreadsheet never
    with _bulk_work():
        prepared = prepare(spec)
    content = prepared.document.content
    if not content.rows and not content.sections:
        raise InvalidInput([Problem(get_kind(spec.kind).empty, {"title": content.title})])
    if content.newest is not None and spec.date < content.newest:
        raise InvalidInput([Problem("ledger_date_before_records", {
            "date": spec.date.isoformat(), "newest": content.newest.isoformat()}, field="date")])
    # A temporary file beside the target, made with the usual permissions (mkstemp's are
    # owner-only), renamed over the target once complete.
    temp_name = out.with_name(f".{out.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temp_name, "xb") as fh, _bulk_work():
            pages = render_document(prepared, fh, progress=progress, cancel=cancel)
        os.replace(temp_name, out)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise InvalidInput([Problem("ledger_cannot_write", {"path": str(out), "reason": os_reason(exc)})]
                           ) from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    stamp, fp = prepared.document.stamp, prepared.fingerprint
    if record:
        with database.atomic("IMMEDIATE"):
            audit.append(AUDIT_ACTION, username=username, table_name="ledger", record_id=stamp.code,
                         after={"spec": spec.to_json(), "code": stamp.code, "digest": fp.digest(spec),
                                "rows": fp.rows, "total_fen": fp.total_fen, "pages": pages,
                                "file": out.name})
    return LedgerResult(out, content.title, stamp.code, pages, fp.rows, fp.total_fen)


def record_sent_to_printer(result: LedgerResult, *, username: str, printer: str = "", pages: int | None = None,
                           copies: int = 1) -> None:
    """Log that a ledger already made (and logged by :func:`write_ledger`) went to a printer:
    the window calls this once the clerk confirmed the print dialog."""
    with database.atomic("IMMEDIATE"):
        audit.append(PRINTER_ACTION, username=username, table_name="ledger", record_id=result.code,
                     after={"title": result.title, "code": result.code,
                            "pages": result.pages if pages is None else pages, "copies": copies,
                            "printer": printer})
