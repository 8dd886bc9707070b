"""Any record an audit finding names, shown read-only: a household (with its members and
payments), a payment with its corrections, a batch with its lines, a relocation or a
renovation."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTextBrowser, QWidget

from suining_desk.domain.enums import BATCH_STATUS
from suining_desk.domain.money import format_fen
from suining_desk.services.batch_query import batch_history, batch_lines, batch_row
from suining_desk.services.corrections import payment_state
from suining_desk.services.household_detail import household_detail, household_of_person
from suining_desk.services.housing_detail import record_fields
from suining_desk.services.payment_query import payment_row

from ..session import Session


class RecordView(QObject):
    """The translation context of this module's text: ``RecordView.tr("…")`` is what lupdate reads."""


def _table(rows: list[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                    for k, v in rows)
    return f"<table cellspacing='4'>{cells}</table>"


def _payment(payment_id: int) -> tuple[str, str]:
    row = payment_row(payment_id)
    if row is None:
        return RecordView.tr("发放记录"), RecordView.tr("记录不存在")
    state = payment_state(payment_id)
    rows = [
        (RecordView.tr("记录号"), row.id), (RecordView.tr("类型"), row.kind), (RecordView.tr("项目"), row.program),
        (RecordView.tr("期间"), row.period), (RecordView.tr("村"), row.village),
        (RecordView.tr("户编号"), row.household_no),
        (RecordView.tr("领款人"), row.payee_name), (RecordView.tr("身份证号"), row.payee_id_number),
        (RecordView.tr("账号"), row.bank_account), (RecordView.tr("金额(元)"), format_fen(row.amount_fen)),
        (RecordView.tr("发放日期"), row.paid_date or RecordView.tr("未发放")), (RecordView.tr("批次"), row.batch_no),
        (RecordView.tr("说明"), row.reason),
    ]
    for label, other in (
        (RecordView.tr("冲销的原记录"), row.reverses_id), (RecordView.tr("重新发放的原记录"), row.reissue_of_id),
        (RecordView.tr("已被冲销（冲销记录）"), state.reversed_by),
        (RecordView.tr("已重新发放（新记录）"), state.reissued_by),
    ):
        if other:
            rows.append((label, other))
    return RecordView.tr("发放记录 {id}").format(id=payment_id), _table(rows)


def _batch(batch_id: int) -> tuple[str, str]:
    b = batch_row(batch_id)
    head = _table([
        (RecordView.tr("批次号"), b.batch_no), (RecordView.tr("项目"), b.program), (RecordView.tr("期间"), b.period),
        (RecordView.tr("区域"), b.area), (RecordView.tr("状态"), BATCH_STATUS.get(b.status, b.status)),
        (RecordView.tr("笔数"), b.lines), (RecordView.tr("金额(元)"), format_fen(b.total_fen)),
        (RecordView.tr("录入"), b.created_by), (RecordView.tr("审核"), b.approved_by),
        (RecordView.tr("发放"), b.posted_by),
        (RecordView.tr("发放日期"), b.paid_date or ""),
    ])
    history = "".join(f"<li>{html.escape(f'{h.at} {h.user} {h.action} {h.detail}')}</li>"
                      for h in batch_history(batch_id))
    lines = "".join(f"<tr><td>{ln.id}</td><td>{html.escape(ln.household_no)}</td><td>{html.escape(ln.payee_name)}"
                    f"</td><td align='right'>{format_fen(ln.amount_fen)}</td></tr>"
                    for ln in batch_lines(batch_id)[:500])
    return RecordView.tr("发放批次 {no}").format(no=b.batch_no), f"{head}<ul>{history}</ul><table>{lines}</table>"


def _household(household_id: int, session: Session) -> tuple[str, str]:
    d = household_detail(household_id)
    members = "".join(f"<li>{html.escape(m.name + '（' + m.relation + '）' + (m.id_number or ''))}</li>"
                      for m in d.members)
    from suining_desk.services.payment_query import household_payments

    pays = "".join(f"<tr><td>{p.id}</td><td>{html.escape(p.program)}</td><td>{p.period}</td>"
                   f"<td align='right'>{format_fen(p.amount_fen)}</td><td>{p.paid_date or ''}</td>"
                   f"<td>{p.kind}</td></tr>" for p in household_payments(household_id, limit=200))
    removed_label = RecordView.tr("移出日期")
    text = (f"<p><b>{html.escape(d.data.household_no)}</b>　{html.escape(d.township)} {html.escape(d.village)} "
            f"{html.escape(d.group)}　{html.escape(removed_label)}：{d.removed_on or '—'}</p>"
            f"<ul>{members}</ul><table>{pays}</table>")
    return RecordView.tr("户 {no}").format(no=d.data.household_no), text


def _field_labels() -> dict[str, str]:
    """What a relocation's or renovation's stored fields are called (services.housing_detail.record_fields)."""
    return {
        "id": RecordView.tr("记录号"),
        "household": RecordView.tr("户编号"),
        "township": RecordView.tr("乡镇"),
        "village": RecordView.tr("村"),
        "batch_year": RecordView.tr("搬迁年度"),
        "year": RecordView.tr("年度"),
        "people": RecordView.tr("搬迁人数"),
        "origin": RecordView.tr("迁出地"),
        "site": RecordView.tr("安置点"),
        "mode": RecordView.tr("安置方式"),
        "house_area_x100": RecordView.tr("住房面积(㎡)"),
        "subsidy_fen": RecordView.tr("补助(元)"),
        "self_raised_fen": RecordView.tr("自筹(元)"),
        "plan_date": RecordView.tr("计划日期"),
        "moved_in_date": RecordView.tr("入住日期"),
        "demolished_date": RecordView.tr("拆旧日期"),
        "status": RecordView.tr("进度"),
        "notes": RecordView.tr("备注"),
        "override_reason": RecordView.tr("重复享受的理由"),
        "override_by": RecordView.tr("确认人"),
        "beneficiary_type": RecordView.tr("对象类型"),
        "grade": RecordView.tr("危房等级"),
        "method": RecordView.tr("改造方式"),
        "build_mode": RecordView.tr("建设方式"),
        "area_x100": RecordView.tr("改造面积(㎡)"),
        "standard_fen": RecordView.tr("补助标准(元)"),
        "start_date": RecordView.tr("开工日期"),
        "completed_date": RecordView.tr("竣工日期"),
        "accepted_date": RecordView.tr("验收日期"),
        "accepted_by": RecordView.tr("验收人"),
        "acceptance_result": RecordView.tr("验收结果"),
    }


def _housing(kind: str, record_id: int) -> tuple[str, str]:
    fields = record_fields(kind, record_id)
    if fields is None:
        return kind, RecordView.tr("记录不存在")
    labels = _field_labels()
    rows: list[tuple[str, object]] = [(labels.get(name, name), text) for name, text in fields]
    return (RecordView.tr("易地搬迁") if kind == "relocation" else RecordView.tr("危房改造")), _table(rows)


def record_widget(kind: str, record_id: int, session: Session, parent: QWidget | None = None) -> tuple[QWidget, str]:
    if kind == "person":
        household = household_of_person(record_id)
        if household is None:
            kind = "missing"
        else:
            kind, record_id = "household", household
    if kind == "missing":
        title, text = RecordView.tr("人员"), RecordView.tr("记录不存在")
    elif kind == "payment":
        title, text = _payment(record_id)
    elif kind == "batch":
        title, text = _batch(record_id)
    elif kind == "household":
        title, text = _household(record_id, session)
    else:
        title, text = _housing(kind, record_id)
    view = QTextBrowser(parent, objectName="record_view")
    view.setHtml(text)
    return view, title
