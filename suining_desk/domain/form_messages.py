"""The Chinese wording of the problems about funds, notices, signatures and the per-program
facts of the printed forms (issue 18), merged into :data:`suining_desk.domain.messages.MESSAGES`.

Kept apart so the forms' wording is read in one place; templates use ``str.format``.
"""

from __future__ import annotations

FORM_MESSAGES: dict[str, str] = {
    # --- allocations (services.allocations) ---
    "allocation_not_positive": "下达金额必须大于0",
    "allocation_late": "文件日期{date}比资金年度{year}年晚一年以上，请核对年度",
    "allocation_twice": "{year}年已登记过文号为“{doc}”的同级资金下达",
    "allocation_unknown": "没有编号为{value}的资金下达记录",
    "allocation_voided": "文号为“{doc}”的资金下达已作废",
    "allocation_bad_level": "资金级别“{value}”无效，应为 中央、省、市 或 县",
    # --- notices (ledgers.notice_rules) ---
    "notice_shorter_than_rule": "公示期{chosen}，短于{rule_label}的规定（至少{days}{unit}，应到{end}）",
    "notice_holidays_unknown": "节假日安排只收录到{last}年（{package}），{years}年按周一至周五计算工作日，"
                               "未计入节假日和调休，公示期可能短于规定：请对照国务院办公厅的放假通知核对",
    "notice_rule_below_law": "{rule_label}的公示期不能少于{law}天（填了{days}天）：只能比规定更严",
    "notice_no_phone": "公示的监督电话尚未设置（台账设置），打印后留空待手填",
    "notice_bad_unit": "公示期的计算方式“{value}”无效，应为 自然日 或 工作日",
    # --- verify ---
    "verify_old_form": "本表按旧版格式打印，格式已更新，版面不再逐页比对；已核对其中的记录、合计金额和修改记录",
    # --- printing ---
    "ledger_date_before_records": "填报日期{date}早于台账中最新的记录（{newest}）：填报日期不能早于所列记录",
    "ledger_signer_unknown": "没有“{value}”这种签字栏（可选：{choices}）",
    # --- per-program facts (services.aid_details) ---
    "detail_bad_number": "{label}“{value}”不是有效数字",
    "detail_bad_rate": "{label}“{value}”无效，应为0到100之间的百分数",
    "detail_reimbursed_above_cost": "医保等报销{reimbursed}元超过总费用{total}元",
    "detail_aid_above_self_paid": "救助金额{amount}元超过个人自付{self_paid}元",
    "detail_aid_not_rate": "救助金额{amount}元与 自付{self_paid}元×救助比例{rate}% = {expected}元 不符，请核对",
    "detail_unknown_field": "{program}没有“{value}”这一项",
    "detail_not_accepted": "产业项目验收结果为“{value}”，验收合格后才能发放奖补",
    "detail_ranger_failed": "护林员考核结果为“{value}”，请核对是否应发放",
    "detail_approval_after_payment": "审批日期{approved}晚于发放期间{period}，请核对",
    "renovation_paid_late": "补助发放日期{paid}比验收日期{accepted}晚{days}天（超过{limit}天）",
    "renovation_paid_before_acceptance": "补助发放日期{paid}早于验收日期{accepted}：验收合格后才能发放补助",
    "renovation_appraised_after_start": "危房鉴定日期{appraised}晚于开工日期{started}",
    "relocation_area_per_person_high": "人均安置面积{area}㎡，超过{limit}㎡",
    "relocation_bad_household_kind": "搬迁户类型“{value}”无效，应为 建档立卡 或 同步搬迁",
}
