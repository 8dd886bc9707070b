"""What each ``suining-desk batch`` action does (the parser is in :mod:`.batch`)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from suining_desk.cli.args import year_or_none
from suining_desk.cli.money_args import acting_user, find_area, find_batch_id, print_json, reading_user, warn
from suining_desk.domain.enums import BATCH_STATUS, BatchStatus
from suining_desk.domain.messages import describe, described
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services import batch_workflow as wf
from suining_desk.services import batches as bs
from suining_desk.services.actors import ENTER, require_in_area
from suining_desk.services.batch_compute import Preview, compute_batch
from suining_desk.services.batch_query import (
    BatchFilter,
    BatchRow,
    bank_result_text,
    batch_history,
    batch_ids,
    batch_lines,
    batch_rows,
)
from suining_desk.services.caps import line_cap_warning
from suining_desk.services.programs import find_program


def _print_preview(preview: Preview, as_json: bool, batch_no: str = "") -> None:
    if as_json:
        print_json({
            "batch_no": batch_no, "program": preview.program_name, "period": preview.period.label,
            "lines": [dataclasses.asdict(ln) for ln in preview.lines], "total_fen": preview.total_fen,
            "exclusions": [{**dataclasses.asdict(e), "text": e.text} for e in preview.exclusions],
            "notes": [{**dataclasses.asdict(e), "text": e.text} for e in preview.notes],
        })
        return
    if batch_no:
        print(f"已生成草稿批次 {batch_no}")
    print(f"{preview.program_name} {preview.period.label}：应发 {len(preview.lines)} 笔，"
          f"{preview.people} 人，合计 {format_fen(preview.total_fen)} 元")
    if preview.exclusions:
        print(f"未列入 {len(preview.exclusions)} 个对象：")
        for e in preview.exclusions:
            print(f"  {e.household_no}\t{e.name}\t{e.text}")
    if preview.notes:
        print(f"说明 {len(preview.notes)} 条（已列入，但与享受记录不同）：")
        for e in preview.notes:
            print(f"  {e.household_no}\t{e.name}\t{e.text}")


def do_preview(args: argparse.Namespace) -> int:
    program = find_program(args.program)
    area = find_area(args.area)  # the request is checked before anyone is asked for a password
    reader = reading_user(args)
    require_in_area(reader.username, ENTER, area, reading=True)  # names the people it leaves out
    preview = compute_batch(program.id, args.period, area, args.pay_date or dt.date.today())
    _print_preview(preview, args.json)
    return 0


def do_create(args: argparse.Namespace) -> int:
    user = acting_user(args)
    program = find_program(args.program)
    created = bs.create_batch(program.id, args.period, find_area(args.area), user=user,
                              pay_date=args.pay_date or dt.date.today(), notes=args.notes)
    assert created.preview is not None
    _print_preview(created.preview, args.json, created.batch_no)
    return 0


def do_one_off(args: argparse.Namespace) -> int:
    user = acting_user(args)
    created = bs.create_one_off_batch(find_program(args.program).id, args.period, find_area(args.area), user=user,
                                      notes=args.notes)
    print(f"已新建一次性救助批次 {created.batch_no}（草稿），请用 batch add-line 逐笔登记")
    return 0


def do_add_line(args: argparse.Namespace) -> int:
    from suining_desk.db.models import Household, Person
    from suining_desk.services.attachments import read_file

    user = acting_user(args)
    batch_id = find_batch_id(args.batch)
    household = Household.get_or_none(Household.household_no == args.household.strip())
    if household is None:
        raise InvalidInput([Problem("household_unknown", {"value": args.household})])
    person_id = None
    if args.person:
        person = Person.get_or_none(Person.id_number == args.person.strip().upper())
        if person is None:
            raise InvalidInput([Problem("person_not_present", {})])
        person_id = int(person.id)
    files = [read_file(Path(path)) for path in args.attach]  # a file that cannot be used refuses the line
    payment_id = bs.add_one_off_line(batch_id, household.id, args.amount, args.reason, user=user,
                                     person_id=person_id, attachments=files)
    print(f"已登记发放记录 {payment_id}：{household.head_name} {format_fen(args.amount)} 元")
    warn([w for w in [line_cap_warning(payment_id)] if w is not None])
    return 0


def _batch_json(row: BatchRow) -> dict[str, object]:
    return {**dataclasses.asdict(row), "status_label": BATCH_STATUS.get(row.status, row.status)}


def do_list(args: argparse.Namespace) -> int:
    program_id = find_program(args.program).id if args.program else None
    area_id = find_area(args.area) if args.area else None
    ids = batch_ids(BatchFilter(area_id=area_id, program_id=program_id, status=args.status,
                                year=year_or_none(args.year)))
    rows = batch_rows(list(ids))
    ordered = [rows[i] for i in ids]
    if args.json:
        print_json([_batch_json(r) for r in ordered])
        return 0
    print("批次号\t项目\t期间\t区域\t状态\t笔数\t金额（元）\t录入\t审核\t发放日期")
    for r in ordered:
        print(f"{r.batch_no}\t{r.program}\t{r.period}\t{r.area}\t{BATCH_STATUS.get(r.status, r.status)}\t{r.lines}\t"
              f"{format_fen(r.total_fen)}\t{r.created_by}\t{r.approved_by}\t{r.paid_date or ''}")
    # Money paid and money still in the workflow apart: only posted batches are paid.
    for label, chosen in (("已发放合计", [r for r in ordered if r.status == BatchStatus.POSTED]),
                          ("未发放合计", [r for r in ordered if r.status != BatchStatus.POSTED])):
        if chosen:
            print(f"{label}\t{len(chosen)} 个批次\t\t\t\t{sum(r.lines for r in chosen)}\t"
                  f"{format_fen(sum(r.total_fen for r in chosen))}")
    return 0


def do_show(args: argparse.Namespace) -> int:
    batch_id = find_batch_id(args.batch)
    reader = reading_user(args)
    row = batch_rows([batch_id])[batch_id]
    require_in_area(reader.username, ENTER, row.area_id, reading=True)
    lines = batch_lines(batch_id) if args.lines or args.json else []
    if args.json:
        print_json({**_batch_json(row), "history": [dataclasses.asdict(h) for h in batch_history(batch_id)],
                    "lines": [dataclasses.asdict(ln) for ln in lines]})
        return 0
    print(f"批次号：{row.batch_no}\n项目：{row.program}　期间：{row.period}　区域：{row.area}")
    print(f"状态：{BATCH_STATUS.get(row.status, row.status)}　笔数：{row.lines}　金额：{format_fen(row.total_fen)} 元")
    print(f"录入：{row.created_by}　审核：{row.approved_by or '—'}　发放：{row.posted_by or '—'}"
          f"　发放日期：{row.paid_date or '—'}")
    for h in batch_history(batch_id):
        print(f"  {h.at}\t{h.user}\t{h.action}\t{h.detail}")
    if lines:
        print("明细号\t户编号\t村\t享受人\t领款人\t类别\t人数\t标准\t金额\t账号\t银行结果\t备注")
        for ln in lines:
            note = "冲销" if ln.reverses_id else ("重新发放" if ln.reissue_of_id else ln.reason)
            outcome = bank_result_text(ln.outcome, ln.outcome_date, ln.outcome_note)
            print(f"{ln.id}\t{ln.household_no}\t{ln.village}\t{ln.beneficiary}\t{ln.payee_name}\t{ln.category}\t"
                  f"{ln.people}\t{format_fen(ln.standard_fen)}\t{format_fen(ln.amount_fen)}\t{ln.bank_account}\t"
                  f"{outcome}\t{note}")
    return 0


def do_adjust(args: argparse.Namespace) -> int:
    bs.adjust_line(args.line, args.amount, args.reason, user=acting_user(args))
    print(f"已将明细 {args.line} 调整为 {format_fen(args.amount)} 元")
    warn([w for w in [line_cap_warning(args.line)] if w is not None])
    return 0


def do_remove_line(args: argparse.Namespace) -> int:
    bs.remove_line(args.line, args.reason, user=acting_user(args))
    print(f"已删除明细 {args.line}")
    return 0


def _step(args: argparse.Namespace, label: str) -> int:
    user = acting_user(args)
    batch_id = find_batch_id(args.batch)
    if args.action == "submit":
        wf.submit_batch(batch_id, user=user)
    elif args.action == "approve":
        wf.approve_batch(batch_id, user=user, cap_reason=args.cap_reason or "")
    elif args.action == "return":
        wf.return_batch(batch_id, args.reason, user=user)
    elif args.action == "delete":
        bs.delete_draft(batch_id, user=user)
    elif args.action == "post":
        count = wf.post_batch(batch_id, args.date, user=user)
        label = f"已发放过账 {count} 笔，发放日期 {args.date}"
    print(f"批次 {args.batch}：{label}")
    return 0


def do_submit(args: argparse.Namespace) -> int:
    return _step(args, "已提交审核")


def do_approve(args: argparse.Namespace) -> int:
    return _step(args, "审核通过")


def do_return(args: argparse.Namespace) -> int:
    return _step(args, "已退回修改")


def do_delete(args: argparse.Namespace) -> int:
    return _step(args, "草稿已删除")


def do_post(args: argparse.Namespace) -> int:
    return _step(args, "")


def do_export_bank(args: argparse.Namespace) -> int:
    from suining_desk.exchange.bank_files import export_bank_file
    from suining_desk.exchange.bank_profiles import get_profile
    from suining_desk.services.bank_outcomes import confirmed_paid

    batch_id = find_batch_id(args.batch)
    profile = get_profile(args.profile)  # an unknown name is said before anyone is asked for a password
    count = export_bank_file(batch_id, Path(args.file), user=acting_user(args), reissues_only=args.reissues,
                             profile=profile.name)
    print(f"已导出 {count} 笔到 {args.file}（银行文件格式：{profile.title}）")
    if paid := len(confirmed_paid(batch_id)):
        print(f"银行回盘已确认成功的 {paid} 笔未再导出（否则会重复发放）")
    return 0


def do_import_bank(args: argparse.Namespace) -> int:
    from suining_desk.exchange.bank_files import import_return_file, missing_problems
    from suining_desk.exchange.bank_profiles import get_profile
    from suining_desk.exchange.bank_sheets import BankFileUnusable

    profile = get_profile(args.profile)
    try:
        report = import_return_file(find_batch_id(args.batch), Path(args.file), user=acting_user(args),
                                    on=args.date or dt.date.today(), profile=profile.name)
    except BankFileUnusable as exc:  # like an import of an unusable file: exit 2, nothing written
        for line in described(exc.problems, prefix="错误："):
            print(line, file=sys.stderr)
        return 2
    print(f"成功 {len(report.paid)} 笔，失败 {len(report.failed)} 笔，此前已登记 {len(report.already)} 笔，"
          f"未能对应 {report.unmatched} 行，回盘中没有的 {len(report.missing)} 笔")
    for line in described(report.problems, prefix="  "):  # a file of a million bad rows: a thousand lines
        print(line)
    for p in missing_problems(report):
        print(f"  {describe(p)}")
    if report.failed:
        print("失败的发放可冲销后加入重新发放批次：suining-desk payment reissue 明细号 --reverse-reason … --reason … "
              "--user …，再提交、审核、过账该批次")
    return 0 if not report.problems else 3
