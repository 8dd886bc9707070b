"""一户一档: one household's whole file — its data, members and their history, status
history, relocations, renovations, enrolments, payments (with 合计) and photos.

Internal only (full ID numbers and the 一卡通 account, as in the clerk's own records), so
there is no 公示 version. The household is read the way its detail window reads it
(:func:`~suining_desk.services.household_detail.household_detail`, the enrolment and
payment queries, the attachments service). The records shown are all in the audit refs,
so a change to any of them after printing fails ``verify``; the payments are the source
records (their ids), so verify names a payment added, such as a reversal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from suining_desk.db.models import Area, Household, Program
from suining_desk.domain.enums import (
    HEAD,
    HOUSEHOLD_STATUS,
    RELOCATION_STATUS,
    RENOVATION_BUILD_MODES,
    RENOVATION_STATUS,
    SETTLEMENT_MODES,
)
from suining_desk.domain.images import NotAnImage, print_copy
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.periods import period_words
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.kinds.payments import ONE_OFF
from suining_desk.ledgers.model import Align, Column, LedgerContent, Picture, Row, Section, Total
from suining_desk.ledgers.spec import FilterValue
from suining_desk.rules.housing import m2
from suining_desk.services.accounts import full_names
from suining_desk.services.attachments import AttachmentView, attachment_content, attachments_of
from suining_desk.services.cadres import responsible_cadre
from suining_desk.services.enrolment_query import (
    EnrolmentColumn,
    EnrolmentFilter,
    EnrolmentRow,
    enrolment_ids,
    enrolment_rows,
)
from suining_desk.services.household_detail import HistoryLine, HouseholdDetail, MemberView, household_detail
from suining_desk.services.payment_query import PaymentColumn, PaymentFilter, PaymentRow, payment_page

L, C, R = Align.LEFT, Align.CENTER, Align.RIGHT


def Fig(title: str, weight: float, align: Align = C) -> Column:  # noqa: N802 - reads like Column
    """A column of figures (numbers, dates, ID numbers, accounts): never split over two lines."""
    return Column(title, weight, align, whole=True)


FORM = tuple(Column(t, w, a) for t, w, a in (("项目", 5, C), ("内容", 9, L)) * 3)
MEMBERS = (Fig("序号", 2.6), Column("姓名", 5), Column("与户主关系", 4.4), Fig("身份证号", 10.5),
           Column("性别", 2.6), Fig("出生日期", 5.4), Column("民族", 3.4), Column("文化程度", 4.4),
           Column("健康状况", 5), Column("劳动技能", 4.4), Column("务工状况", 4.4), Column("状态", 9, L))
MEMBER_HISTORY = (Fig("序号", 2.6), Fig("日期", 5.4), Column("变动", 5), Column("成员", 5),
                  Column("原因", 18, L), Column("经办人", 5))
STATUS_HISTORY = (Fig("序号", 2.6), Fig("日期", 5.4), Column("变动", 12), Column("原因", 16, L),
                  Column("经办人", 5))
RELOCATIONS = (Fig("序号", 2.6), Fig("搬迁年度", 4.2), Fig("搬迁人口", 4), Column("安置方式", 5),
               Column("安置点", 9, L), Fig("安置房面积（㎡）", 5.6, R), Fig("补助金额", 5.6, R),
               Fig("自筹资金", 5.2, R), Fig("入住日期", 5.4), Fig("旧房拆除日期", 5.4), Column("状态", 5),
               Column("备注", 9, L))
RENOVATIONS = (Fig("序号", 2.6), Fig("年度", 3.6), Column("户类型", 7), Column("危房等级", 4),
               Column("改造方式", 5.6), Column("建设方式", 4.6), Fig("面积（㎡）", 4.4, R), Fig("补助标准", 5, R),
               Fig("补助金额", 5, R), Fig("开工日期", 5.4), Fig("竣工日期", 5.4), Fig("验收日期", 5.4),
               Column("状态", 4.4), Column("备注", 7, L))
ENROLMENTS = (Fig("序号", 2.6), Column("项目", 8), Column("享受对象", 6), Column("类别", 4), Fig("人数", 3),
              Fig("开始日期", 5.4), Fig("终止日期", 5.4), Column("终止原因", 14, L))
PAYMENTS = (Fig("序号", 2.6), Column("项目", 7.5), Column("归属期间", 6.4), Column("享受人", 5), Fig("人数", 3),
            Fig("补助标准", 4.8, R), Column("金额", 5.6, R, Total.FEN), Fig("发放日期", 5.4),
            Fig("账号", 10), Column("类型", 4), Column("备注", 11, L))
ATTACHMENTS = (Fig("序号", 2.6), Column("所属", 12, L), Column("类别", 7), Column("文件名", 14, L),
               Column("添加人", 5), Fig("添加日期", 5.4))
PAGE_SIZE = 500  # payments read at a time


def resolve(raw: Mapping[str, object]) -> dict[str, FilterValue]:
    text = str(raw.get("household") or "").strip()
    if not text:
        raise InvalidInput([Problem("required", {"label": "户编号"}, field="household")])
    find_household(text)
    return {"household": text}


def find_household(number: str) -> Household:
    found: Household | None = Household.get_or_none(Household.household_no == number)
    if found is None:
        raise InvalidInput([Problem("ledger_unknown_household", {"value": number}, field="household")])
    return found


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _money(fen: int) -> str:
    return fen_to_yuan_str(fen) if fen else ""


def _numbered(rows: Sequence[Sequence[str]], numbers: Sequence[int] = ()) -> list[Row]:
    """Rows with 序号 in front and, per row, the values of the summed columns."""
    return [Row((str(i + 1), *cells), (numbers[i],) if numbers else ()) for i, cells in enumerate(rows)]


def member_state(m: MemberView) -> str:
    if m.death_date:
        return f"已故（{m.death_date.isoformat()}）"
    if m.removed_on:
        return f"减员（{m.removed_on.isoformat()}" + (f"，{m.removal_reason}）" if m.removal_reason else "）")
    return "在户"


def _head(detail: HouseholdDetail) -> MemberView | None:
    heads = [m for m in detail.members if m.relation == HEAD]
    return next((m for m in heads if m.active), heads[0] if heads else None)


def _past_programs(detail: HouseholdDetail, enrolments: Sequence[EnrolmentRow],
                   payments: Sequence[PaymentRow]) -> str:
    """Programs the household had (an ended enrolment, or payments) and no longer has: the
    form must not say 无 beside a table of 助学补助 payments."""
    now = set(detail.aid_words().split("、"))
    past = [*(e.program for e in enrolments), *(p.program for p in payments)]
    return "、".join(dict.fromkeys(x for x in past if x not in now)) or "—"


def _form(detail: HouseholdDetail, household: Household, past: str, cadre: str | None) -> list[Row]:
    d, head = detail.data, _head(detail)
    status = HOUSEHOLD_STATUS.get(d.status, d.status) + (f"（{d.exit_year}年脱贫）" if d.exit_year else "")
    aid = detail.aid_words() or "无"
    active = sum(1 for m in detail.members if m.active)
    removed = "—"
    if detail.removed_on:
        reason = household.removal_reason
        removed = detail.removed_on.isoformat() + (f"（{reason}）" if reason else "")
    pairs = (
        ("户编号", d.household_no), ("户主姓名", head.name if head else ""),
        ("户主身份证号", head.id_number if head else ""),
        ("乡镇", detail.township), ("行政村", detail.village), ("村民小组", detail.group),
        ("家庭住址", d.address), ("联系电话", d.phone), ("户状态", status),
        ("主要致贫原因", d.main_cause), ("其他致贫原因", "、".join(d.other_causes)), ("享受政策", aid),
        ("开户银行", d.bank_name), ("一卡通账号", d.bank_account), ("建档立卡日期", _date(d.registered_on)),
        ("家庭人口", f"{active}人（在户）"), ("登记成员", f"{len(detail.members)}人"), ("移出登记", removed),
        ("曾享受政策", past), *((("帮扶责任人", cadre),) if cadre else ()),
    )
    cells = [text for pair in pairs for text in pair]
    cells += [""] * (-len(cells) % 6)
    return [Row(tuple(cells[i:i + 6])) for i in range(0, len(cells), 6)]


def _members(detail: HouseholdDetail) -> list[Row]:
    return _numbered([
        (m.name, m.relation, m.id_number, m.sex, _date(m.birth_date), m.ethnicity, m.education, m.health, m.labour,
         m.work_status, member_state(m)) for m in detail.members
    ])


def _history(lines: Sequence[HistoryLine], with_who: bool, names: Mapping[str, str]) -> list[Row]:
    """Each change with who recorded it, by their full name (经办人), not their login."""
    return _numbered([
        (h.date.isoformat(), h.what, *((h.who,) if with_who else ()), h.reason,
         names.get(h.recorded_by, h.recorded_by)) for h in lines
    ])


def _relocations(detail: HouseholdDetail) -> list[Row]:
    return _numbered([
        (str(r.batch_year), str(r.people), SETTLEMENT_MODES.get(r.mode, r.mode), r.site, m2(r.house_area_x100),
         _money(r.subsidy_fen), _money(r.self_raised_fen), _date(r.moved_in_date), _date(r.demolished_date),
         RELOCATION_STATUS.get(r.status, r.status), "；".join(r.flags)) for r in detail.relocations
    ])


def _renovations(detail: HouseholdDetail) -> list[Row]:
    return _numbered([
        (str(r.year), r.beneficiary_type, f"{r.grade}级", r.method, RENOVATION_BUILD_MODES.get(r.build_mode,
                                                                                             r.build_mode),
         m2(r.area_x100), _money(r.standard_fen), _money(r.subsidy_fen), _date(r.start_date),
         _date(r.completed_date), _date(r.accepted_date), RENOVATION_STATUS.get(r.status, r.status),
         "；".join(r.flags)) for r in detail.renovations
    ])


def _payments(household_id: int) -> list[PaymentRow]:
    """Every posted payment of the household, by program and period (the list's own order)."""
    found: list[PaymentRow] = []
    f = PaymentFilter(household_ids=(household_id,))
    while True:
        page = payment_page(f, PaymentColumn.PROGRAM, limit=PAGE_SIZE, after=found[-1] if found else None)
        found += page
        if len(page) < PAGE_SIZE:
            return found


def _payment_rows(payments: Sequence[PaymentRow]) -> list[Row]:
    """One row per payment; a one-off program's standard (only its cap) is left empty."""
    one_off = {int(p.id) for p in Program.select(Program.id).where(Program.frequency == ONE_OFF)}
    number = {p.id: i + 1 for i, p in enumerate(payments)}
    reversed_by = {p.reverses_id: number[p.id] for p in payments if p.reverses_id is not None}
    rows = []
    for p in payments:
        notes = []
        if p.reverses_id is not None:
            notes.append(f"冲销第{number[p.reverses_id]}行" if p.reverses_id in number else f"冲销#{p.reverses_id}")
        if p.reissue_of_id is not None:
            notes.append(f"重新发放#{p.reissue_of_id}")
        if p.id in reversed_by:
            notes.append(f"已由第{reversed_by[p.id]}行冲销")
        if p.reason:
            notes.append(p.reason)
        standard = "" if p.program_id in one_off else _money(p.standard_fen)
        rows.append((p.program, period_words(p.period), p.person_name or p.payee_name, str(p.people), standard,
                     fen_to_yuan_str(p.amount_fen), _date(p.paid_date), p.bank_account, p.kind, "；".join(notes)))
    return _numbered(rows, [p.amount_fen for p in payments])


def _attachments(detail: HouseholdDetail, payments: Sequence[PaymentRow]) -> list[tuple[str, AttachmentView]]:
    """(what it belongs to, attachment) of the household and of its records, in that order."""
    owners: list[tuple[str, str, int]] = [("household", "本户", detail.id)]
    owners += [("relocation", f"易地扶贫搬迁（{r.batch_year}年）", r.id) for r in detail.relocations]
    owners += [("renovation", f"危房改造（{r.year}年）", r.id) for r in detail.renovations]
    owners += [("payment", f"资金发放（{p.program} {period_words(p.period)}）", p.id) for p in payments]
    return [(label, a) for kind, label, owner_id in owners for a in attachments_of(kind, owner_id)]


def _pictures(attached: Sequence[tuple[str, AttachmentView]]) -> list[Picture]:
    pictures: list[Picture] = []
    for label, a in attached:
        if not a.is_image:
            continue
        try:
            copy = print_copy(attachment_content(a.id)[2])
        except NotAnImage:  # listed above; a picture that cannot be read is not drawn
            continue
        caption = f"图{len(pictures) + 1}　{label}　{a.kind_label}　{a.file_name}"
        pictures.append(Picture(copy.data, copy.width, copy.height, caption, a.sha256))
    return pictures


def build(filters: Filters, public: bool, hidden: Sequence[str] = ()) -> LedgerContent:
    household = find_household(str(filters["household"]))
    detail = household_detail(household.id)
    enrol_ids = list(enrolment_ids(EnrolmentFilter(household_ids=(detail.id,)), EnrolmentColumn.START))
    by_id = enrolment_rows(enrol_ids)
    enrolments = [by_id[i] for i in enrol_ids]
    payments = _payments(detail.id)
    attached = _attachments(detail, payments)
    names = full_names()
    cadre = responsible_cadre(detail.id)
    sections = (
        Section("户基本情况", FORM, _form(detail, household, _past_programs(detail, enrolments, payments), cadre),
                header=False),
        Section("家庭成员", MEMBERS, _members(detail)),
        Section("成员变动记录", MEMBER_HISTORY, _history(detail.member_history, True, names)),
        Section("户状态变动记录", STATUS_HISTORY, _history(detail.status_history, False, names)),
        Section("易地扶贫搬迁", RELOCATIONS, _relocations(detail)),
        Section("危房改造", RENOVATIONS, _renovations(detail)),
        Section("享受项目", ENROLMENTS, _numbered([
            (e.program, e.person_name or "全户", e.category, str(e.people), e.start_date.isoformat(),
             _date(e.end_date), e.end_reason) for e in enrolments])),
        Section("资金发放记录", PAYMENTS, _payment_rows(payments)),
        Section("照片及附件", ATTACHMENTS, _numbered([
            (label, a.kind_label, a.file_name, names.get(a.added_by, a.added_by), a.added_at.date().isoformat())
            for label, a in attached
        ]), _pictures(attached)),
    )
    township = Area.get_by_id(household.township_id)
    head = _head(detail)
    payment_ids = sorted(p.id for p in payments)
    return LedgerContent(
        title=f"{common.COUNTY_NAME}{detail.township}{detail.village}一户一档（户主：{head.name if head else ''}）",
        unit=common.unit_for(township), period_label=f"户编号：{detail.data.household_no}",
        columns=(), rows=(), source_table="payment", source_ids=payment_ids,
        audit_refs={
            "household": [detail.id],
            "person": sorted(m.id for m in detail.members),
            "relocation": sorted(r.id for r in detail.relocations),
            "renovation": sorted(r.id for r in detail.renovations),
            "enrolment": sorted(enrol_ids),
            "payment": payment_ids,
            "attachment": sorted(a.id for _, a in attached),
        },
        sections=sections,
        newest=_newest(detail, enrolments, payments, attached),
        data_signers=("户主签字", *(("帮扶责任人",) if cadre else ())),
    )


def _newest(detail: HouseholdDetail, enrolments: Sequence[EnrolmentRow], payments: Sequence[PaymentRow],
            attached: Sequence[tuple[str, AttachmentView]]) -> dt.date | None:
    """The newest date among the records the file shows (its 填报日期 may not be earlier)."""
    days: list[dt.date] = [h.date for h in (*detail.member_history, *detail.status_history)]
    days += [d for r in detail.relocations for d in (r.moved_in_date, r.demolished_date) if d]
    days += [d for r in detail.renovations for d in (r.start_date, r.completed_date, r.accepted_date) if d]
    days += [d for e in enrolments for d in (e.start_date, e.end_date) if d]
    days += [p.paid_date for p in payments if p.paid_date]
    days += [a.added_at.date() for _, a in attached]
    return max(days) if days else None


def township_of(filters: Filters) -> int | None:
    return int(find_household(str(filters["household"])).township_id)


KIND = LedgerKind(name="household", label="一户一档", resolve=resolve, build=build,
                  describe=common.describe_payments, township_of=township_of, area_filtered=False)
