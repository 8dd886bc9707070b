"""Bank files (一卡通代发): the list a posted batch sends to the bank, and the bank's
return file, which says of each line whether the money arrived.

The files themselves are written and read as a bank profile says
(:mod:`suining_desk.exchange.bank_profile`: the list as .xlsx, CSV, delimited or fixed-width text;
the return file likewise), by :mod:`suining_desk.exchange.bank_list` and
:mod:`suining_desk.exchange.bank_return`; the profile used is recorded with each export and
import. A return file that does not fit its profile is refused whole. What the bank has of a
batch is asked of :mod:`suining_desk.services.bank_outcomes`.
A return line is matched
to a payment by account and amount (and by ID number when the file has one); a line
that matches nothing, or matches several payments that the file does not tell apart,
is reported and left alone — nothing is guessed. A 合计 line or a signature line (in
序号, 账号, 姓名 or 身份证号) is not a payment and is passed over. Each match becomes a PaymentOutcome
(paid or failed; a status that says neither, such as 处理中, is reported and not recorded —
:mod:`suining_desk.services.bank_status`); a failed payment can then be reversed and re-issued.
A file that cannot be read at all raises :class:`BankFileUnusable`; the bank's date must lie
between the batch's paid date and today. Each export is recorded in the audit log: a line that
went out in a bank file is re-issued only once the bank said it failed
(:func:`sent_to_bank`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from suining_desk import audit
from suining_desk.db.models import Area, PaymentOutcome, Program, database
from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.messages import describe
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.bank_list import ListContext, check_target, write_list
from suining_desk.exchange.bank_profiles import get_profile
from suining_desk.exchange.bank_return import ReturnLine, read_return
from suining_desk.exchange.bank_sheets import BankFileUnusable
from suining_desk.services.actors import ENTER, require_in_area
from suining_desk.services.bank_outcomes import (
    BankLine,
    bank_date_problems,
    bank_lines,
    confirmed_paid,
    latest_outcomes,
    posted_batch,
)

__all__ = ["BankFileUnusable", "ReturnReport", "export_bank_file", "import_return_file", "missing_problems"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReturnReport:
    paid: list[int] = field(default_factory=list)  # payment ids
    failed: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)  # the same result was recorded before
    problems: list[Problem] = field(default_factory=list)  # unmatched / ambiguous / unreadable lines
    missing: list[int] = field(default_factory=list)  # lines of the batch the file does not mention
    missing_lines: list[BankLine] = field(default_factory=list)  # the same lines, to name them

    @property
    def unmatched(self) -> int:
        return len(self.problems)


def export_bank_file(batch_id: int, path: Path, *, user: str, reissues_only: bool = False,
                     profile: str | None = None, today: dt.date | None = None) -> int:
    """Write the bank's list of a posted batch as the bank profile says (``profile``: a name or
    title; the chosen one when None); returns the number of lines. The export and its profile
    are recorded (audited) in the same transaction: from then on its lines are with the bank."""
    path = Path(path)
    chosen = get_profile(profile)
    check_target(chosen, path)
    with database.atomic("IMMEDIATE"):
        batch = posted_batch(batch_id)
        require_in_area(user, ENTER, batch.area_id)
        paid = confirmed_paid(batch_id)
        lines = [ln for ln in bank_lines(batch_id, reissues_only=reissues_only) if ln.payment_id not in paid]
        if not lines:
            raise InvalidInput([Problem("bank_no_lines", {"batch": batch.batch_no})])
        rows = [(n, ln.name, ln.id_number, ln.account, ln.amount_fen) for n, ln in enumerate(lines, 1)]
        program = Program.get_or_none(Program.id == batch.program_id)
        area = Area.get_or_none(Area.id == batch.area_id)
        context = ListContext(batch.batch_no, program.name if program else "", batch.period,
                              area.name if area else "", batch.paid_date, today or dt.date.today())
        write_list(path, chosen, context, rows)
        audit.append("bank_file_exported", username=user, table_name="payment_batch", record_id=batch_id,
                     after={"file": path.name, "lines": len(lines), "reissues_only": reissues_only,
                            "total_fen": sum(ln.amount_fen for ln in lines), "profile": chosen.name,
                            "profile_title": chosen.title})
    log.info("bank list exported: batch %s, %d lines, profile %s, file %s", batch.batch_no, len(lines),
             chosen.name, path.name)
    return len(lines)


# Lines of a posted batch that were reversed since (a return line for one is not a new result).
_REVERSED = """
SELECT p.id, p.payee_name, p.payee_id_number, p.bank_account, p.amount_fen, p.reissue_of_id
FROM payment p
WHERE p.batch_id = ? AND p.posted = 1 AND p.amount_fen > 0
  AND EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)
ORDER BY p.id
"""


def _reversed_lines(batch_id: int) -> dict[tuple[str, int], list[BankLine]]:
    found: dict[tuple[str, int], list[BankLine]] = {}
    for pid, name, number, account, amount, reissue in database.execute_sql(_REVERSED, [batch_id]):
        found.setdefault((account, amount), []).append(BankLine(pid, name, number, account, amount,
                                                                reissue is not None))
    return found


def _reversed_problem(rl: ReturnLine, lines: list[BankLine]) -> Problem:
    ln = lines[0]
    code = "bank_line_reversed_paid" if rl.result == "paid" else "bank_line_reversed"
    return Problem(code, {"row": rl.row, "account": rl.account, "amount": fen_to_yuan_str(rl.amount_fen),
                          "name": ln.name, "payment": ln.payment_id})


def import_return_file(batch_id: int, path: Path, *, user: str, on: dt.date | None = None,
                       today: dt.date | None = None, progress: Callable[[float], None] | None = None,
                       cancel: threading.Event | None = None, profile: str | None = None) -> ReturnReport:
    """Record what the bank's return file says of a posted batch's lines (one transaction),
    read as the bank profile says (``profile``: a name or title; the chosen one when None);
    ``on`` is the bank's date (default today) for lines the file gives no date of, between the
    batch's paid date and today, as every line's own date must be."""
    chosen = get_profile(profile)
    lines, problems = read_return(Path(path), chosen)
    today = today or dt.date.today()
    on = on or today
    report = ReturnReport(problems=problems)
    with database.atomic("IMMEDIATE"):
        batch = posted_batch(batch_id)
        require_in_area(user, ENTER, batch.area_id)
        if dated := bank_date_problems(on, batch, today):
            raise InvalidInput(dated)
        for rl in lines:
            if rl.date is not None and (dated := bank_date_problems(rl.date, batch, today)):
                raise BankFileUnusable([Problem("bank_line_date", {"row": rl.row, "why": describe(dated[0])})])
        standing = bank_lines(batch_id)
        by_key: dict[tuple[str, int], list[BankLine]] = {}
        for ln in standing:
            by_key.setdefault((ln.account, ln.amount_fen), []).append(ln)
        reversed_lines = _reversed_lines(batch_id)
        file_keys: dict[tuple[str, int], list[ReturnLine]] = {}
        for rl in lines:
            file_keys.setdefault((rl.account, rl.amount_fen), []).append(rl)
        latest = latest_outcomes(batch_id)
        matched: set[int] = set()
        for n, (key, returned) in enumerate(file_keys.items()):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            if progress is not None and n % 200 == 0:
                progress(n / max(len(file_keys), 1))
            if key not in by_key and key in reversed_lines:  # reversed meanwhile: say so, record nothing
                report.problems.extend(_reversed_problem(rl, reversed_lines[key]) for rl in returned)
                continue
            for rl, payment in _pair(returned, by_key.get(key, []), report.problems):
                matched.add(payment.payment_id)
                if latest.get(payment.payment_id) == rl.result:
                    report.already.append(payment.payment_id)
                    continue
                PaymentOutcome.create(payment=payment.payment_id, result=rl.result, date=rl.date or on,
                                      note=rl.note[:200], recorded_by=user)
                (report.paid if rl.result == "paid" else report.failed).append(payment.payment_id)
        report.missing_lines.extend(ln for ln in standing if ln.payment_id not in matched)
        report.missing.extend(ln.payment_id for ln in report.missing_lines)
        audit.append("bank_return_imported", username=user, table_name="payment_batch", record_id=batch_id,
                     after={"file": Path(path).name, "date": on, "paid": len(report.paid),
                            "failed": len(report.failed), "already": len(report.already),
                            "unmatched": report.unmatched, "missing": len(report.missing),
                            "profile": chosen.name})
    log.info("bank return imported: batch %s, profile %s, file %s: %d paid, %d failed, %d already, "
             "%d unmatched, %d missing", batch.batch_no, chosen.name, Path(path).name, len(report.paid),
             len(report.failed), len(report.already), report.unmatched, len(report.missing))
    if progress is not None:
        progress(1.0)
    return report


def missing_problems(report: ReturnReport, limit: int = 20) -> list[Problem]:
    """The batch's lines the return file does not mention (姓名, 账号, 金额), at most ``limit``
    of them and then how many there are."""
    shown = [Problem("bank_missing_line", {"name": ln.name, "account": ln.account,
                                           "amount": fen_to_yuan_str(ln.amount_fen), "payment": ln.payment_id})
             for ln in report.missing_lines[:limit]]
    if len(report.missing_lines) > limit:
        shown.append(Problem("bank_missing_more", {"count": len(report.missing_lines), "shown": limit}))
    return shown


def _pair(returned: list[ReturnLine], candidates: list[BankLine],
          problems: list[Problem]) -> list[tuple[ReturnLine, BankLine]]:
    """Return lines with one key, paired with the batch's lines of that key — only when
    nothing has to be guessed."""
    def problem(code: str, rl: ReturnLine, **extra: object) -> None:
        problems.append(Problem(code, {"row": rl.row, "account": rl.account,
                                       "amount": fen_to_yuan_str(rl.amount_fen), **extra}))

    if not candidates:
        for rl in returned:
            problem("bank_unknown_line", rl)
        return []
    pairs: list[tuple[ReturnLine, BankLine]] = []
    left = list(candidates)
    undecided: list[ReturnLine] = []
    for rl in returned:  # an ID number in the file settles it
        same_id = [c for c in left if rl.id_number and c.id_number == rl.id_number]
        if len(same_id) == 1:
            pairs.append((rl, same_id[0]))
            left.remove(same_id[0])
        elif rl.id_number and not same_id and all(c.id_number != rl.id_number for c in candidates):
            problem("bank_unknown_line", rl)
        else:
            undecided.append(rl)
    if not undecided:
        return pairs
    if len(undecided) == len(left) and len({rl.result for rl in undecided}) == 1:
        pairs.extend(zip(undecided, left, strict=True))  # same result for all: which is which does not matter
    else:
        for rl in undecided:
            problem("bank_ambiguous_line", rl, count=len(left))
    return pairs
