"""``suining-desk payment …``: one payment — show it, reverse it (冲销), re-issue it —
and the totals of posted payments over area, program and period (exact to the fen, the
same figures as the payments page's footer)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from suining_desk.cli.args import plain, year_or_none
from suining_desk.cli.money_args import acting_user, add_common, date_arg, find_area, print_json, reading_user
from suining_desk.cli.parser import ChineseArgumentParser


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser("payment", help="发放记录：冲销、重新发放、查看、合计")
    actions = parser.add_subparsers(dest="action", title="操作", metavar="操作", parser_class=ChineseArgumentParser)
    actions.required = True
    reverse = actions.add_parser("reverse", help="冲销一笔已发放的记录（红字更正：新增一笔负数记录指向原记录）")
    reverse.add_argument("payment", type=int, metavar="记录号", help="要冲销的发放记录号（batch show --lines 第一列）")
    reverse.add_argument("--reason", required=True, metavar="原因",
                         help="冲销原因，如 重复发放、对象已死亡（记入审计日志）")
    reverse.add_argument("--date", type=date_arg, metavar="日期", help="冲销日期（默认今天）")
    reissue = actions.add_parser("reissue", help="把已冲销（或银行退回）的一笔加入重新发放批次（须审核后过账）")
    reissue.add_argument("payment", type=int, metavar="记录号", help="要重新发放的原发放记录号")
    reissue.add_argument("--reason", required=True, metavar="原因", help="重新发放的原因，如 银行退回、账号已更换")
    reissue.add_argument("--account", metavar="账号", help="新的一卡通账号（默认该户现在的账号）")
    reissue.add_argument("--reverse-reason", metavar="冲销原因", help="原记录尚未冲销时，先以此原因冲销")
    reissue.add_argument("--date", type=date_arg, metavar="日期", help="冲销日期（默认今天；重新发放日期在过账时填写）")
    show = actions.add_parser("show", help="查看一笔发放记录及其冲销、重新发放")
    show.add_argument("payment", type=int, metavar="记录号", help="发放记录号")
    totals = actions.add_parser("totals", help="已发放金额合计（按区域、项目、期间或年度）")
    totals.add_argument("--area", metavar="区域", help="乡镇、村或组（名称、代码或 乡镇/村）")
    totals.add_argument("--program", metavar="项目", help="项目名称或代码（不填为全部项目）")
    totals.add_argument("--period", type=plain, metavar="期间",
                        help="如 2018-11（按月）、2018-T1、2018-Q3、2018；按月发放的项目也可按季、学期或年合计")
    totals.add_argument("--year", type=plain, metavar="年度", help="归属年度，如 2018（与 --period 同时给出时按期间）")
    totals.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    for name, p in (("reverse", reverse), ("reissue", reissue), ("show", show), ("totals", totals)):
        add_common(p, login=name in ("reverse", "reissue", "show"))  # show: a payee's ID and account
    parser.set_defaults(func=run)
    return parser


def _print_bank(payment_id: int, standing: bool, reissued_by: int | None) -> None:
    """What the bank said of the payment (each return file), and whether it may be re-issued."""
    from suining_desk.domain.messages import describe
    from suining_desk.services.bank_outcomes import bank_results, sent_to_bank
    from suining_desk.services.batch_query import bank_result_text
    from suining_desk.services.corrections import bank_problem

    if not standing:
        return
    results = bank_results(payment_id)
    for r in results:
        print(f"银行结果：{bank_result_text(r.result, r.date, r.note)}　{r.recorded_by} 登记")
    if not results:
        sent = "已随银行代发文件送出" if sent_to_bank(payment_id) else "尚未导出银行代发文件"
        print(f"银行结果：尚无回盘（{sent}）")
    if reissued_by is None and (refused := bank_problem(payment_id)) is not None:
        print(f"不能重新发放：{describe(refused)}")


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args
    from suining_desk.domain.money import format_fen
    from suining_desk.services import corrections, payment_query
    from suining_desk.services.programs import find_program

    open_from_args(args)
    if args.action == "reverse":
        new = corrections.reverse_payment(args.payment, args.reason, user=acting_user(args),
                                          on=args.date or dt.date.today())
        print(f"已冲销记录 {args.payment}（冲销记录 {new}）")
    elif args.action == "reissue":
        reissue = corrections.reissue_payment(args.payment, args.reason, user=acting_user(args),
                                              on=args.date or dt.date.today(), bank_account=args.account,
                                              reverse_reason=args.reverse_reason)
        print(f"记录 {args.payment} 的重新发放（新记录 {reissue.payment_id}）已加入批次 {reissue.batch_no}（草稿）；"
              f"提交、由另一人审核后过账才发放：suining-desk batch submit {reissue.batch_no} …")
    elif args.action == "show":
        from suining_desk.db.models import Payment
        from suining_desk.services.access import require

        reader = reading_user(args)
        row = payment_query.payment_row(args.payment)
        if row is None:
            from suining_desk.domain.problems import InvalidInput, Problem

            raise InvalidInput([Problem("payment_unknown", {"value": args.payment})])
        town = Payment.select(Payment.township).where(Payment.id == row.id).scalar()
        require(reader.username, township=town, reading=True)  # a payee's ID and bank account
        state = corrections.payment_state(args.payment)
        print(f"记录 {row.id}（{row.kind}）：{row.program} {row.period} {row.village} 户{row.household_no}")
        print(f"领款人 {row.payee_name} {row.payee_id_number} 账号 {row.bank_account}")
        print(f"金额 {format_fen(row.amount_fen)} 元　发放日期 {row.paid_date or '未发放'}　批次 {row.batch_no}")
        if row.reason:
            print(f"说明：{row.reason}")
        for label, other in (("冲销", row.reverses_id), ("重新发放自", row.reissue_of_id),
                             ("已被冲销：记录", state.reversed_by), ("已重新发放：记录", state.reissued_by)):
            if other:
                print(f"{label} {other}")
        _print_bank(row.id, row.paid_date is not None and row.amount_fen > 0, state.reissued_by)
    else:
        from suining_desk.domain.periods import parse_period

        program = find_program(args.program) if args.program else None
        period, months = None, None
        if args.period:
            asked = parse_period(args.period)  # years 2000–2100, as batch create and ledger
            if program is not None and program.frequency in ("monthly", "once") and len(asked.months()) > 1:
                months = (asked.months()[0], asked.months()[-1])  # a quarter, term or year of a monthly program
            else:  # otherwise the program's own kind of period
                period = parse_period(args.period, program.frequency if program else None).label
        f = payment_query.PaymentFilter(
            area_id=find_area(args.area) if args.area else None, program_id=program.id if program else None,
            period=period, year=year_or_none(args.year), months=months)
        totals = payment_query.payment_totals(f)
        if args.json:
            print_json({"payments": totals.payments, "total_fen": totals.total_fen})
        else:
            print(f"笔数\t{totals.payments}\n金额（元）\t{format_fen(totals.total_fen)}")
    return 0
