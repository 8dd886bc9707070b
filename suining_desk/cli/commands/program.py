"""``suining-desk program …``: aid programs, their standards over time, and enrolment."""

from __future__ import annotations

import argparse
from typing import Any

from suining_desk.cli.money_args import acting_user, add_common, date_arg, money_arg
from suining_desk.cli.parser import ChineseArgumentParser
from suining_desk.domain.enums import FREQUENCIES, FUND_LEVELS, PROGRAM_BASIS


def _choice_help(choices: dict[str, str]) -> str:
    return "，".join(f"{code}={label}" for code, label in choices.items())


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser("program", help="扶贫项目：补助标准、纳入和退出享受名单")
    actions = parser.add_subparsers(dest="action", title="操作", metavar="操作", parser_class=ChineseArgumentParser)
    actions.required = True
    listing = actions.add_parser("list", help="列出项目和现行标准")
    create = actions.add_parser("add", help="新增项目（管理员）；补助标准另用 add-standard 设置")
    create.add_argument("--code", required=True, metavar="代码", help="小写字母开头，如 dibao、water_aid")
    create.add_argument("--name", required=True, metavar="名称", help="如 低保")
    create.add_argument("--basis", required=True, choices=list(PROGRAM_BASIS), metavar="对象",
                        help=_choice_help(PROGRAM_BASIS))
    create.add_argument("--frequency", required=True, choices=list(FREQUENCIES), metavar="周期",
                        help=_choice_help(FREQUENCIES))
    create.add_argument("--funding", default="", metavar="来源", help="资金来源，如 中央财政、县级财政")
    edit = actions.add_parser("edit", help="修改项目（管理员）；未给出的内容不变")
    edit.add_argument("program", metavar="项目", help="项目代码或名称")
    edit.add_argument("--code", metavar="代码", help="新的项目代码")
    edit.add_argument("--name", metavar="名称", help="新的项目名称")
    edit.add_argument("--basis", choices=list(PROGRAM_BASIS), metavar="对象", help=_choice_help(PROGRAM_BASIS))
    edit.add_argument("--frequency", choices=list(FREQUENCIES), metavar="周期", help=_choice_help(FREQUENCIES))
    edit.add_argument("--funding", metavar="来源", help="资金来源")
    standards = actions.add_parser("standards", help="某项目历年的补助标准")
    standards.add_argument("program", metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    add = actions.add_parser("add-standard", help="从某日起执行新的补助标准（管理员）")
    add.add_argument("program", metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    add.add_argument("--category", default="", metavar="类别", help="如 低保的 A、B、C；无类别时省略")
    add.add_argument("--amount", required=True, type=money_arg, metavar="金额", help="每人（户）每期，元")
    add.add_argument("--from", dest="effective_from", required=True, type=date_arg, metavar="日期",
                     help="新标准开始执行的日期，如 2018-07-01")
    enrol = actions.add_parser("enrol", help="纳入享受名单")
    enrol.add_argument("program", metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    enrol.add_argument("--household", required=True, metavar="户编号", help="纳入的户的户编号")
    enrol.add_argument("--person", metavar="身份证号", help="按人纳入时的人员")
    enrol.add_argument("--category", default="", metavar="类别", help="享受类别，如 低保的 A、B、C；无类别时省略")
    enrol.add_argument("--people", type=int, default=1, metavar="人数", help="享受人数（默认 1）")
    enrol.add_argument("--from", dest="start", required=True, type=date_arg, metavar="日期",
                       help="开始享受的日期，如 2018-01-01")
    leave = actions.add_parser("leave", help="退出享受名单（须填原因）")
    leave.add_argument("enrolment", type=int, metavar="享受记录号", help="要终止的享受记录的编号（纳入时显示）")
    leave.add_argument("--on", required=True, type=date_arg, metavar="日期", help="最后享受的一天")
    leave.add_argument("--reason", required=True, metavar="原因", help="退出原因，如 收入超标、死亡（记入审计日志）")
    allocate = actions.add_parser("allocate", help="登记资金下达（管理员）：年度、级别、金额、文号")
    allocate.add_argument("program", metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    allocate.add_argument("--year", required=True, metavar="年度", help="资金所属年度，如 2018")
    allocate.add_argument("--level", required=True, metavar="级别", help="下达资金的级别：中央、省、市 或 县")
    allocate.add_argument("--amount", required=True, type=money_arg, metavar="金额", help="下达金额，元")
    allocate.add_argument("--doc", required=True, metavar="文号", help="下达文件的文号，如 湘财社〔2018〕12号")
    allocate.add_argument("--date", type=date_arg, metavar="日期", help="文件日期，如 2018-03-15")
    allocations = actions.add_parser("allocations", help="某项目的资金下达记录（含已作废的）")
    allocations.add_argument("program", metavar="项目", help="项目名称或代码，如 低保 或 dibao")
    allocations.add_argument("--year", metavar="年度", help="只列该年度")
    void = actions.add_parser("void-allocation", help="作废登记错误的资金下达（管理员，须填原因）")
    void.add_argument("allocation", type=int, metavar="编号", help="资金下达记录的编号（program allocations 列出）")
    void.add_argument("--reason", required=True, metavar="原因", help="作废原因（记入审计日志）")
    for p, login in ((listing, False), (create, True), (edit, True), (standards, False), (add, True),
                      (enrol, True), (leave, True), (allocate, True), (allocations, False), (void, True)):
        add_common(p, login=login)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from suining_desk.cli.target import open_from_args
    from suining_desk.domain.money import format_fen
    from suining_desk.services import enrolments, programs

    open_from_args(args)
    if args.action == "list":
        today = dt.date.today()
        print("代码\t名称\t对象\t周期\t现行标准（元）\t资金来源")
        for p in programs.programs():
            table = programs.StandardTable(p.id)
            now = "、".join(f"{c or ''}{format_fen(v)}" for c in table.categories
                           if (v := table.on(c, today)) is not None)
            print(f"{p.code}\t{p.name}\t{PROGRAM_BASIS.get(p.basis, p.basis)}\t"
                  f"{FREQUENCIES.get(p.frequency, p.frequency)}\t{now}\t{p.funding_source}")
    elif args.action in ("add", "edit"):
        _save(args)
    elif args.action == "standards":
        program = programs.find_program(args.program)
        print("类别\t起始日期\t金额（元）")
        for s in programs.standards_of(program.id):
            print(f"{s.category or '—'}\t{s.effective_from}\t{format_fen(s.amount_fen)}")
    elif args.action == "add-standard":
        program = programs.find_program(args.program)
        programs.add_standard(program.id, args.category, args.amount, args.effective_from, user=acting_user(args))
        print(f"{program.name}{args.category}自{args.effective_from}起标准为{format_fen(args.amount)}元")
    elif args.action in ("allocate", "allocations", "void-allocation"):
        _allocations(args)
    elif args.action == "enrol":
        from suining_desk.db.models import Household, Person
        from suining_desk.domain.problems import InvalidInput, Problem

        program = programs.find_program(args.program)
        household = Household.get_or_none(Household.household_no == args.household.strip())
        if household is None:
            raise InvalidInput([Problem("household_unknown", {"value": args.household})])
        person = Person.get_or_none(Person.id_number == args.person.strip().upper()) if args.person else None
        if args.person and person is None:
            raise InvalidInput([Problem("person_not_present", {})])
        new = enrolments.enrol(enrolments.EnrolmentInput(
            program.id, household.id, person.id if person else None, args.category, args.people, args.start),
            user=acting_user(args))
        print(f"已纳入{program.name}：享受记录 {new}")
    else:
        enrolments.end_enrolment(args.enrolment, args.on, args.reason, user=acting_user(args))
        print(f"享受记录 {args.enrolment} 已于 {args.on} 终止")
    return 0


def _save(args: argparse.Namespace) -> None:
    """``program add`` / ``program edit``: the service the window's program dialog uses."""
    from suining_desk.services import programs

    if args.action == "add":
        entered = programs.ProgramInput(args.code, args.name, args.basis, args.frequency, args.funding)
        program_id = programs.save_program(entered, user=acting_user(args))
    else:
        old = programs.find_program(args.program)
        entered = programs.ProgramInput(
            args.code if args.code is not None else old.code, args.name if args.name is not None else old.name,
            args.basis or old.basis, args.frequency or old.frequency,
            args.funding if args.funding is not None else old.funding_source, old.active)
        program_id = programs.save_program(entered, user=acting_user(args), program_id=old.id)
    saved = programs.program(program_id)
    print(f"{'已新增' if args.action == 'add' else '已修改'}项目：{saved.code}\t{saved.name}\t"
          f"{PROGRAM_BASIS[saved.basis]}\t{FREQUENCIES[saved.frequency]}\t{saved.funding_source}")
    if args.action == "add":
        print(f"请用 program add-standard {saved.code} --amount 金额 --from 日期 设置补助标准")


def _allocations(args: argparse.Namespace) -> None:
    """``program allocate`` / ``allocations`` / ``void-allocation``: the 项目与标准 page's services."""
    from suining_desk.domain.money import format_fen
    from suining_desk.domain.periods import check_year
    from suining_desk.domain.problems import InvalidInput, Problem
    from suining_desk.services import allocations, programs

    if args.action == "void-allocation":
        allocations.void_allocation(args.allocation, args.reason, user=acting_user(args))
        print(f"资金下达 {args.allocation} 已作废")
        return
    program = programs.find_program(args.program)
    if args.action == "allocations":
        year = check_year(args.year) if args.year else None
        print("编号\t年度\t级别\t金额（元）\t文号\t文件日期\t状态")
        for a in allocations.allocations_of(program.id, year=year):
            state = f"已作废：{a.void_reason}" if a.voided else ""
            print(f"{a.id}\t{a.year}\t{a.level_label}\t{format_fen(a.amount_fen)}\t{a.doc_no}\t"
                  f"{a.issued_on or ''}\t{state}")
        return
    year = check_year(args.year)
    level = allocations.level_code(args.level)
    if level is None:
        raise InvalidInput([Problem("allocation_bad_level", {"value": args.level}, field="level")])
    new = allocations.add_allocation(allocations.AllocationInput(
        program.id, year, level, args.amount, args.doc, args.date), user=acting_user(args))
    print(f"已登记资金下达 {new}：{program.name} {year}年 {FUND_LEVELS[level]} "
          f"{format_fen(args.amount)}元（{args.doc.strip()}）")
