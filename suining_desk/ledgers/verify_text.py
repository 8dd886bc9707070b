"""What ``verify`` says, in words: the same for ``suining-desk verify`` and 文件 → 核验台账… .

:func:`check_ledger_file` runs the whole check as the user logged in (a township user
checks only ledgers of their township) and returns the result as lines of Chinese: the
verdict, what the file says it is (code, rows, total), any note (an older form), and each
difference — records named with their beneficiaries — or what is wrong with the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from suining_desk.domain.messages import describe
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput
from suining_desk.ledgers.kinds import get_kind
from suining_desk.ledgers.scope import check_scope
from suining_desk.ledgers.verify import FILE_PROBLEMS, VerifyReport, read_ledger, verify_file
from suining_desk.services.access import Account


@dataclass(frozen=True)
class VerifyOutcome:
    ok: bool
    headline: str  # 核验通过：… / 核验不通过：…
    details: tuple[str, ...]  # notes and differences, one line each
    exit_code: int  # as the command line ends: 0 matches, 1 differs or the file is altered, 2 not a ledger

    def text(self) -> str:
        return "\n".join((self.headline, *(f"  - {line}" for line in self.details)))


def file_problem_outcome(path: Path, exc: InvalidInput) -> VerifyOutcome | None:
    """A ledger of ours that is altered or damaged (not compared): the outcome; None when
    the file is not a ledger at all (the caller reports that as an error)."""
    if not all(p.code in FILE_PROBLEMS for p in exc.problems):
        return None
    return VerifyOutcome(False, f"核验不通过：{path.name} 未与数据库比对，因为文件本身有问题：",
                         tuple(describe(p) for p in exc.problems), 1)


def describe_report(path: Path, report: VerifyReport) -> VerifyOutcome:
    fp = report.recorded.fingerprint
    title = f"校验码 {report.recorded.code}，{fp.rows} 行，合计 {format_fen(fp.total_fen)} 元"
    notes = tuple(f"说明：{describe(n)}" for n in report.notes)
    if report.ok:
        return VerifyOutcome(True, f"核验通过：{path.name} 与数据库一致（{title}）", notes, 0)
    if any(p.code in FILE_PROBLEMS for p in report.differences):
        headline = f"核验不通过：{path.name}（{title}）未与数据库比对，因为文件本身有问题："
    else:
        headline = f"核验不通过：{path.name}（{title}）与数据库现在的数据不一致："
    lines = [*notes, *(describe(p) for p in report.differences)]
    if report.current_code:
        lines.append(f"按现在的数据重新生成，校验码为 {report.current_code}")
    return VerifyOutcome(False, headline, tuple(lines), 1)


def check_ledger_file(path: Path, reader: Account | None) -> VerifyOutcome:
    """Verify ``path`` against the open database as ``reader``; :class:`InvalidInput` when the
    file is missing or not a ledger of ours, or the reader may not check it."""
    path = Path(path)
    try:
        recorded = read_ledger(path)
    except InvalidInput as exc:
        outcome = file_problem_outcome(path, exc)
        if outcome is None:
            raise
        return outcome
    check_scope(get_kind(recorded.spec.kind), recorded.spec.filters, reader, refusal="verify_scope")
    return describe_report(path, verify_file(path))
