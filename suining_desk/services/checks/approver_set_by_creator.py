"""A batch approved by an account whose password its creator had set.

The four-eyes rule (the clerk who enters a batch does not approve it) holds only while the
approver's password is the approver's own. An admin who creates an account (or resets its
password) knows that password: an admin who entered a batch could approve it through an
account they created. So a batch is flagged when the last password set on its approver's
account before the approval — a new account's initial password, or a reset — was set by the
batch's creator — or by someone whose own password the creator had set, and so on down a
chain (A resets B's password, B resets C's: A can act as C). Read from the audit log
(tamper-evident, and as old as the database), so batches approved before approval itself
refused this are found too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from suining_desk.audit.labels import ACTION_LABELS
from suining_desk.db.models import database
from suining_desk.services.access import PASSWORD_SET_ACTIONS, PasswordSet, chain_text, control_chain, controlled_by
from suining_desk.services.checks.base import Check, Finding, RecordRef

CODE = "chk_approver_set_by_creator"
CODE_CHAIN = "chk_approver_controlled_by_creator"  # through accounts whose passwords were set in turn

_MARKS = ", ".join("?" * len(PASSWORD_SET_ACTIONS))
_SETTINGS = f"""SELECT a.seq, a.at, a.action, a.username, u.username FROM audit_entry a
JOIN "user" u ON a.record_id = CAST(u.id AS TEXT)
WHERE a.table_name = 'user' AND a.action IN ({_MARKS}) ORDER BY a.seq"""
_APPROVALS = """SELECT record_id, MAX(seq) FROM audit_entry
WHERE table_name = 'payment_batch' AND action = 'batch_approved' GROUP BY record_id"""
_APPROVED = """SELECT id, batch_no, created_by, approved_by FROM payment_batch
WHERE approved_by <> '' AND approved_by <> created_by ORDER BY id"""


def run() -> list[Finding]:
    # Per account, every password set on it, in log order.
    settings: dict[str, list[tuple[int, PasswordSet]]] = defaultdict(list)
    for seq, at, action, by, target in database.execute_sql(_SETTINGS, list(PASSWORD_SET_ACTIONS)):
        settings[str(target)].append((int(seq), PasswordSet(str(by), str(action), str(at), int(seq))))
    if not settings:  # no account made by an admin (the demo, a lone admin): nothing to compare
        return []
    approved_at = {str(rid): int(seq) for rid, seq in database.execute_sql(_APPROVALS)}
    findings = []
    for bid, no, creator, approver in database.execute_sql(_APPROVED):
        cut = approved_at.get(str(bid))  # as things stood at the approval (now, if it is not in the log)

        def setter(account: str, cut: int | None = cut) -> PasswordSet | None:
            sets = settings.get(account, [])
            before = sets[:bisect_left(sets, (cut,))] if cut is not None else sets
            return before[-1][1] if before else None

        links = controlled_by(control_chain(str(approver), setter), str(creator))
        if not links:
            continue
        if len(links) > 1:
            findings.append(Finding(CODE_CHAIN, (RecordRef("batch", bid, no),), {
                "batch": no, "creator": creator, "approver": approver, "chain": chain_text(links)}))
            continue
        link = links[0][1]
        findings.append(Finding(CODE, (RecordRef("batch", bid, no),), {
            "batch": no, "creator": creator, "approver": approver,
            "how": ACTION_LABELS.get(link.action, link.action), "at": link.at[:10]}))
    return findings


CHECK = Check(CODE, "审核人的密码由录入人设置", run)
