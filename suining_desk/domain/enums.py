"""Enumerations: the short codes stored in the database and their Chinese labels."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class AreaLevel(IntEnum):
    COUNTY = 1
    TOWNSHIP = 2
    VILLAGE = 3
    GROUP = 4


AREA_LEVEL_LABELS = {1: "县", 2: "乡镇", 3: "行政村", 4: "村民小组"}

HOUSEHOLD_STATUS = {
    "poor": "建档立卡贫困户",
    "exited": "已脱贫",
    "monitored": "监测户",
    "ordinary": "一般农户",
}

REMOVED = "removed"  # not a status: 清退, the household has left the register (Household.removed_on)
STATUS_WORDS = {**HOUSEHOLD_STATUS, REMOVED: "已清退"}  # history lines and filters, 清退 included

RELATIONS = ("户主", "配偶", "子", "女", "父母", "孙子女", "其他")
HEAD = "户主"

POVERTY_CAUSES = (
    "因病",
    "因残",
    "因学",
    "因灾",
    "缺土地",
    "缺水",
    "缺技术",
    "缺劳力",
    "缺资金",
    "交通条件落后",
    "自身发展动力不足",
)

MEMBER_CHANGE_KINDS = {
    "registered": "登记",
    "born": "出生",
    "married_in": "婚入",
    "moved_in": "迁入",
    "edited": "信息变更",
    "died": "死亡",
    "married_out": "婚出",
    "moved_out": "迁出",
    "removed": "其他减员",
}

BANK_RESULTS = {"paid": "成功", "failed": "失败"}  # what the bank's return file said of a payment

ROLES = {"clerk": "录入员", "reviewer": "审核员", "admin": "管理员"}

PROGRAM_BASIS = {"person": "按人", "household": "按户"}

FREQUENCIES = {
    "monthly": "按月",
    "quarterly": "按季",
    "yearly": "按年",
    "term": "按学期",
    "once": "一次性",
}

class BatchStatus(StrEnum):
    """A payment batch's way: a clerk's draft, submitted, approved by another person, posted
    (paid: its lines are then append-only). Stored as the value; equal to it as a str."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    POSTED = "posted"


BATCH_STATUS: dict[str, str] = {  # keys equal their values: BATCH_STATUS["draft"] works too
    BatchStatus.DRAFT: "草稿", BatchStatus.SUBMITTED: "已提交",
    BatchStatus.APPROVED: "已审核", BatchStatus.POSTED: "已发放",
}

SETTLEMENT_MODES = {"concentrated": "集中安置", "scattered": "分散安置"}
SITE_KINDS = ("县城", "集镇", "中心村", "插花")
RELOCATION_STATUS = {
    "planned": "计划",
    "building": "建设中",
    "moved_in": "已入住",
    "demolished": "旧房已拆除",
}

RENOVATION_GRADES = {"C": "C级", "D": "D级"}
RENOVATION_METHODS = ("修缮加固", "拆除重建", "无房户新建", "移民避险搬迁")
RENOVATION_BENEFICIARIES = (
    "建档立卡贫困户",
    "低保户",
    "分散供养特困人员",
    "贫困残疾人家庭",
    "其他",
)
RENOVATION_STATUS = {
    "planned": "计划",
    "in_progress": "施工中",
    "completed": "竣工",
    "accepted": "已验收",
}

RENOVATION_BUILD_MODES = {"self": "农户自建", "central": "统建"}
ACCEPTANCE_PASSED = "合格"
ACCEPTANCE_RESULTS = (ACCEPTANCE_PASSED, "不合格（限期整改）")
ATTACHMENT_KINDS = {
    "before": "施工前/旧房照片",
    "after": "竣工/新房照片",
    "acceptance": "验收表/确认书",
    "other": "其他",
}

# 资金下达: the level of government that allotted a program's money (services.allocations).
FUND_LEVELS = {"central": "中央", "province": "省级", "city": "市级", "county": "县级"}
# 易地扶贫搬迁: a registered poor household, or one that moves with them (同步搬迁).
RELOCATION_HOUSEHOLD_KINDS = {"registered": "建档立卡", "synchronous": "同步搬迁"}
# How a notice period (公示期) counts its days.
CALENDAR_DAYS = "calendar"
WORKING_DAYS = "working"
NOTICE_UNITS = {CALENDAR_DAYS: "自然日", WORKING_DAYS: "工作日"}
