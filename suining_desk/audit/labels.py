"""Chinese names of audited tables and log actions (the audit page and ``audit verify``)."""

from __future__ import annotations

TABLE_LABELS = {
    "area": "区划", "user": "用户", "household": "农户", "person": "人员", "member_change": "成员变动",
    "status_change": "户状态变动", "settlement_site": "安置点", "relocation": "易地搬迁",
    "renovation": "危房改造", "attachment": "附件", "blob": "附件内容", "program": "项目",
    "standard": "补助标准", "enrolment": "享受名单", "payment_batch": "发放批次", "payment": "资金发放",
    "payment_outcome": "发放结果", "period_lock": "月份结账", "setting": "设置", "ledger": "台账",
    "bank_profile": "银行文件格式",
    "allocation": "资金下达",
}

ACTION_LABELS = {
    "login": "登录", "login_failed": "登录失败", "login_refused_locked": "登录被拒（账户锁定）",
    "login_refused_disabled": "登录被拒（账户停用）", "admin_created": "创建初始管理员",
    "database_seeded": "新建数据库：县、乡镇和项目",
    "user_created": "新增用户", "user_updated": "修改用户", "user_disabled": "停用用户",
    "user_enabled": "启用用户", "password_changed": "修改密码", "password_reset": "重置密码",
    "audit_baseline": "审计基线", "demo_generated": "生成演示数据", "backup_restored": "从备份恢复",
    "household_registered": "登记农户", "household_updated": "修改农户", "household_status_changed": "变更户状态",
    "household_removed": "清退（移出建档立卡）", "household_reinstated": "撤销清退（恢复在册）",
    "member_added": "新增成员", "person_updated": "修改成员", "member_died": "成员死亡",
    "member_married_out": "成员婚出", "member_moved_out": "成员迁出", "member_removed": "其他减员",
    "relocation_created": "新增搬迁", "relocation_updated": "修改搬迁", "relocation_status_changed": "搬迁进度",
    "renovation_created": "新增危改", "renovation_updated": "修改危改", "renovation_status_changed": "危改进度",
    "site_created": "新增安置点", "site_updated": "修改安置点", "setting_changed": "修改设置",
    "ledger_printed": "打印台账", "ledger_sent_to_printer": "台账送打印机",
    "program_created": "新增项目", "program_updated": "修改项目",
    "standard_added": "新增标准", "enrolment_started": "纳入享受名单", "enrolment_changed": "修改享受名单",
    "enrolment_ended": "退出享受名单", "batch_created": "新建批次", "batch_submitted": "提交批次",
    "batch_approved": "审核批次", "batch_returned": "退回批次", "batch_posted": "发放批次",
    "batch_deleted": "删除批次草稿", "payment_reversed": "冲销", "payment_reissued": "补发",
    "month_closed": "月份结账", "month_reopened": "月份反结账", "import": "导入",
    "protections_restored": "恢复数据库保护规则", "rollback_accepted": "确认接受数据库回退",
    "bank_file_exported": "导出银行代发文件", "bank_return_imported": "导入银行回盘",
    "bank_profile_saved": "保存银行文件格式", "bank_profile_chosen": "选定银行文件格式",
    "bank_profile_deleted": "删除银行文件格式",
    "allocation_added": "登记资金下达", "allocation_voided": "作废资金下达", "ledger_settings_changed": "修改台账设置",
    "enrolment_details_changed": "修改项目情况",
}


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def action_label(action: str) -> str:
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    for suffix, label in (("_attachment_added", "添加附件"), ("_attachment_removed", "移除附件"),
                          ("_double_benefit_overridden", "审核同意重复享受")):
        if action.endswith(suffix):
            return table_label(action[: -len(suffix)]) + label
    return action
