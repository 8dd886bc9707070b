"""An audit entry in words a clerk or an auditor reads: Chinese field names, values as the
window shows them (元, ㎡, 是/否, 户状态 …, area and program names instead of ids), old → new
for a change, the user's full name and 系统 for the program itself.

The log itself keeps its canonical JSON (it is what the hash covers); this only reads it.
ID and bank numbers are masked before anything is put into words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from suining_desk.db.models import Area, Household, PaymentBatch, Person, Program, SettlementSite
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import (
    ATTACHMENT_KINDS,
    BANK_RESULTS,
    BATCH_STATUS,
    FREQUENCIES,
    FUND_LEVELS,
    MEMBER_CHANGE_KINDS,
    PROGRAM_BASIS,
    RELOCATION_HOUSEHOLD_KINDS,
    RELOCATION_STATUS,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_STATUS,
    ROLES,
    SETTLEMENT_MODES,
    STATUS_WORDS,
)
from suining_desk.domain.money import format_fen
from suining_desk.domain.privacy import mask_fields

SYSTEM = "系统"  # what the program did by itself ("system" in the log)
EMPTY = "（空）"
SEP = "；"

FIELD_LABELS: dict[str, str] = {
    # households and people
    "household": "户", "household_id": "户", "household_no": "户编号", "township": "乡镇", "township_id": "乡镇",
    "village": "村", "village_id": "村", "group": "村民小组", "group_id": "村民小组", "area": "区域",
    "area_id": "区域", "address": "住址", "phone": "联系电话", "status": "状态", "exit_year": "脱贫年度",
    "main_cause": "主要致贫原因", "other_causes": "其他致贫原因", "dibao": "低保户", "tekun": "特困供养",
    "bank_name": "开户银行", "bank_account": "一卡通账号", "registered_on": "建档日期", "removed_on": "清退日期",
    "removal_reason": "减员原因", "head_name": "户主", "head_id_number": "户主身份证号", "member_count": "在户人数",
    "members": "成员", "person": "人员", "person_id": "人员", "person_no": "人编号", "name": "名称",
    "id_number": "身份证号", "sex": "性别", "birth_date": "出生日期", "relation": "与户主关系",
    "ethnicity": "民族", "education": "文化程度", "schooling": "在校生状况", "health": "健康状况",
    "disability": "残疾", "labour": "劳动技能", "work_status": "务工状况", "death_date": "死亡日期",
    "joined_on": "入户日期", "old_status": "原状态", "new_status": "新状态", "year": "年度",
    # housing
    "batch_year": "搬迁年度", "people": "人数", "origin": "原住址", "site": "安置点", "site_id": "安置点",
    "mode": "安置方式", "house_area_x100": "住房面积", "area_x100": "面积", "subsidy_fen": "补助金额",
    "self_raised_fen": "自筹资金", "plan_date": "计划日期", "moved_in_date": "入住日期",
    "demolished_date": "旧房拆除日期", "notes": "备注", "note": "说明", "override_reason": "重复享受理由",
    "override_by": "批准人", "household_kind": "搬迁户类型", "beneficiary_type": "对象类型", "grade": "危房等级",
    "method": "改造方式", "build_mode": "建设方式", "standard_fen": "补助标准", "start_date": "开始日期",
    "completed_date": "竣工日期", "accepted_date": "验收日期", "accepted_by": "验收人",
    "acceptance_result": "验收结果", "appraised_by": "鉴定单位", "appraised_on": "鉴定日期",
    "paid_on": "补助发放日期", "capacity": "容量（户）", "from": "原进度", "to": "新进度",
    # programs and money
    "program": "项目", "program_id": "项目", "code": "代码", "basis": "对象", "frequency": "发放周期",
    "funding_source": "资金来源", "category": "类别", "amount_fen": "金额",
    "effective_from": "生效日期", "end_date": "终止日期", "end_reason": "终止原因", "details": "项目情况",
    "enrolment_id": "享受记录", "batch": "批次", "batch_id": "批次", "batch_no": "批次号", "kind": "类型",
    "period": "期间", "lines": "笔数", "total_fen": "合计", "paid_date": "发放日期", "reason": "原因",
    "payee_name": "领款人", "payee_id_number": "领款人身份证号", "months": "月数", "posted": "已过账",
    "reversal_id": "冲销记录", "reissue_id": "重新发放记录", "cap_reason": "超上限理由", "doc_no": "文号",
    "issued_on": "文件日期", "level": "级别", "void_reason": "作废原因", "result": "结果", "date": "日期",
    "cap_fen": "上限", "above_cap": "超过上限的发放",
    # users, settings, files
    "username": "用户名", "display_name": "姓名", "role": "角色", "active": "在用",
    "must_change_password": "须修改密码", "last_login_at": "上次登录", "locked_until": "锁定至",
    "failed_attempts": "连续输错次数", "via": "方式",
    "failures": "输错次数", "locked": "已锁定", "key": "设置项", "value": "值", "file": "文件", "file_name": "文件名",
    "attachment_id": "附件", "path": "区划", "retired_on": "撤销日期", "groups": "村民小组",
    "title": "标题", "tables": "表", "townships": "乡镇", "programs": "项目", "county": "县",
    "households": "户数", "rows": "行数", "paid": "成功", "failed": "失败", "by": "操作人",
    "deceased": "已故", "enrolments": "享受记录", "name_keys": "姓名检索键", "payment_batches": "发放批次",
    "payments": "发放笔数", "relocated_people": "搬迁人口", "relocations": "搬迁", "renovations": "危改",
    "removed_households": "清退户", "villages": "行政村", "scale": "规模", "seed": "随机种子",
    "removed_people": "减员人数", "renovations_c": "C级危改", "renovations_d": "D级危改", "reversals": "冲销笔数",
    "status_changes": "户状态变动", "settlement_sites": "安置点", "users": "用户",
    # imports, exports, files, printing
    "added": "新增", "already": "已有", "altered": "已改动", "areas_created": "新建区划", "copies": "份数",
    "duplicates_skipped": "跳过的重复", "excluded": "未纳入", "households_added": "新增户",
    "households_updated": "更新户", "kept": "保留", "known": "已知用户", "missing": "缺少", "original_name": "原文件名",
    "original_size": "原大小", "pages": "页数", "people_added": "新增人员", "people_updated": "更新人员",
    "printer": "打印机", "profile_title": "银行文件格式", "reduced": "人数减少", "reissues_only": "只含重新发放",
    "removed": "删除", "rows_rejected": "被拒的行", "seen_at": "本机见到的时间", "seen_hash": "本机见到的校验值",
    "seen_path": "本机见到的位置", "seen_seq": "本机见到的序号", "seq_now": "现在的序号", "sha256": "SHA-256",
    "sheet": "工作表", "size": "大小", "skipped": "跳过", "source": "来源", "unmatched": "未匹配",
    "created_by": "录入人", "approved_by": "审核人", "posted_by": "过账人",
}

# Never worth a word: derived copies, internal order, hashes and stored content.
HIDDEN = frozenset({"id", "id_reversed", "password_hash", "sort_order", "thumbnail", "blob", "data", "hash",
                    "states", "created_at", "recorded_at", "added_at", "submitted_at", "approved_at", "posted_at",
                    "spec", "digest", "profile"})

# Stored as 0/1 in the rows an entry wrote: read as 是/否.
BOOLEANS = frozenset({"dibao", "tekun", "active", "posted", "must_change_password", "locked", "reissues_only"})
_BATCH_KINDS = {"regular": "按期", "one_off": "一次性", "reissue": "重新发放"}
_STATUS_BY_TABLE: dict[str, dict[str, str]] = {
    "household": STATUS_WORDS, "relocation": RELOCATION_STATUS, "renovation": RENOVATION_STATUS,
    "payment_batch": BATCH_STATUS,
}
_KIND_BY_TABLE: dict[str, dict[str, str]] = {
    "person": MEMBER_CHANGE_KINDS, "member_change": MEMBER_CHANGE_KINDS, "payment_batch": _BATCH_KINDS,
    "attachment": ATTACHMENT_KINDS,
}
_CHOICES: dict[str, dict[str, str]] = {
    "old_status": STATUS_WORDS, "new_status": STATUS_WORDS, "role": ROLES, "basis": PROGRAM_BASIS,
    "frequency": FREQUENCIES, "mode": SETTLEMENT_MODES, "grade": RENOVATION_GRADES,
    "build_mode": RENOVATION_BUILD_MODES, "level": FUND_LEVELS, "household_kind": RELOCATION_HOUSEHOLD_KINDS,
    "result": BANK_RESULTS, "via": {"window": "窗口", "cli": "命令行"},
}
_AREA_KEYS = frozenset({"township", "township_id", "village", "village_id", "group", "group_id", "area", "area_id",
                        "parent"})


class Names:
    """Names for the ids an entry holds (areas, programs, households, people, batches, users),
    each read once per page of entries."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, object], str] = {}
        self._users: dict[str, str] | None = None

    def _get(self, kind: str, key: object, read: Callable[[], object]) -> str:
        if (kind, key) not in self._cache:
            found = read()
            self._cache[(kind, key)] = str(found) if found not in (None, "") else str(key)
        return self._cache[(kind, key)]

    def area(self, area_id: object) -> str:
        """「长铺镇青石村一组」: a group's name alone says little (every village has an 一组)."""
        def path() -> str:
            names: list[str] = []
            current = Area.get_or_none(Area.id == area_id)
            while current is not None and current.level > 1:
                names.append(current.name)
                current = current.parent
            return "".join(reversed(names)) or str(
                Area.select(Area.name).where(Area.id == area_id).scalar() or area_id)

        return self._get("area", area_id, path)

    def program(self, value: object) -> str:
        column = Program.id if isinstance(value, int) else Program.code
        return self._get("program", value, lambda: Program.select(Program.name).where(column == value).scalar())

    def household(self, household_id: object) -> str:
        return self._get("household", household_id, lambda: Household.select(Household.household_no).where(
            Household.id == household_id).scalar())

    def person(self, person_id: object) -> str:
        return self._get("person", person_id, lambda: Person.select(Person.name).where(
            Person.id == person_id).scalar())

    def batch(self, batch_id: object) -> str:
        return self._get("batch", batch_id, lambda: PaymentBatch.select(PaymentBatch.batch_no).where(
            PaymentBatch.id == batch_id).scalar())

    def site(self, site_id: object) -> str:
        return self._get("site", site_id, lambda: SettlementSite.select(SettlementSite.name).where(
            SettlementSite.id == site_id).scalar())

    def user(self, username: str) -> str:
        """The user's full name; 系统 for the program itself; the login where no account has it."""
        if username == "system":
            return SYSTEM
        if self._users is None:
            from suining_desk.db.models import User

            self._users = {str(u): str(d or u) for u, d in tuples(User.select(User.username, User.display_name))}
        return self._users.get(username, username)


_TABLE_LABELS = {("person", "name"): "姓名", ("user", "name"): "姓名", ("household", "status"): "户状态",
                 ("person", "kind"): "变动类型", ("relocation", "status"): "进度", ("renovation", "status"): "进度"}
_ORDER = {key: n for n, key in enumerate(FIELD_LABELS)}


def _label(key: str, table: str = "") -> str:
    return _TABLE_LABELS.get((table, key)) or FIELD_LABELS.get(key, key)


def _ordered(values: dict[str, Any]) -> list[tuple[str, Any]]:
    """Fields in the order the window shows them (the log stores them sorted by their English name)."""
    return sorted(values.items(), key=lambda kv: _ORDER.get(kv[0], len(_ORDER)))


def _date(value: str) -> str:
    """An ISO timestamp shortened to the minute; a date as it is."""
    if len(value) >= 16 and value[10] in "T ":
        try:
            return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    return value


def value_words(key: str, value: Any, table: str, names: Names) -> str:
    """One value as the window shows it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool) or (key in BOOLEANS and value in (0, 1)):
        return "是" if value else "否"
    if isinstance(value, int) and key.endswith("_fen"):
        return f"{format_fen(value)}元"
    if isinstance(value, int) and key.endswith("_x100"):
        return f"{value / 100:g}㎡"
    if isinstance(value, int) and key in _AREA_KEYS:
        return names.area(value)
    if key in ("program", "program_id") and isinstance(value, int | str):
        return names.program(value)
    if key in ("household", "household_id") and isinstance(value, int):
        return names.household(value)
    if key in ("person", "person_id") and isinstance(value, int):
        return names.person(value)
    if key in ("batch", "batch_id") and isinstance(value, int):
        return names.batch(value)
    if key in ("site", "site_id") and isinstance(value, int):
        return names.site(value)
    if isinstance(value, str):
        choices = (_STATUS_BY_TABLE.get(table) if key in ("status", "from", "to") else
                   _KIND_BY_TABLE.get(table) if key == "kind" else _CHOICES.get(key))
        if choices is not None and value in choices:
            return choices[value]
        return _date(value)
    if isinstance(value, list):
        return "、".join(_item_words(v, table, names) for v in value)
    if isinstance(value, dict):
        return "（" + SEP.join(field_lines(value, table, names)) + "）"
    return str(value)


def _item_words(item: Any, table: str, names: Names) -> str:
    """A member in a list reads 曾伟（户主）; other items in full."""
    if isinstance(item, dict) and item.get("name"):
        relation = item.get("relation")
        return f"{item['name']}（{relation}）" if relation else str(item["name"])
    return value_words("", item, table, names)


def field_lines(values: dict[str, Any], table: str, names: Names) -> list[str]:
    """「住址：青石村12号」 for each field with a value (blank and 否 are left out)."""
    if "key" in values and "value" in values:  # a setting: its own label and unit
        return _setting_lines(values, names)
    lines = []
    for key, value in _ordered(values):
        if key in HIDDEN or value is None or value == "" or value == [] or value is False or (
                key in BOOLEANS and value == 0):
            continue
        lines.append(f"{_label(key, table)}：{value_words(key, value, table, names)}")
    return lines


def _setting_lines(values: dict[str, Any], names: Names) -> list[str]:
    from suining_desk.services.settings import SPECS, Unit

    spec = SPECS.get(str(values["key"]))
    label = spec.label if spec else str(values["key"])
    value = values["value"]
    if spec is not None and isinstance(value, int):
        value = f"{value / 100:g}㎡" if spec.unit is Unit.AREA_X100 else f"{format_fen(value)}元"
    lines = [f"{label}：{value}"]
    rest = {k: v for k, v in values.items() if k not in ("key", "value")}
    return lines + field_lines(rest, "setting", names)


def change_lines(before: dict[str, Any], after: dict[str, Any], table: str, names: Names) -> list[str]:
    """「住址：青石村12号 → 青石村15号」 for each field that changed; what only the new state
    names (a reason, a date) as it is."""
    lines = []
    for key, new in _ordered(after):
        if key in HIDDEN:
            continue
        if key in before:
            old = before[key]
            if old == new:
                continue
            lines.append(f"{_label(key, table)}：{value_words(key, old, table, names)} → "
                         f"{value_words(key, new, table, names)}")
        elif new not in (None, "", [], False):
            lines.append(f"{_label(key, table)}：{value_words(key, new, table, names)}")
    return lines


def entry_lines(table: str, before: Any, after: Any, names: Names) -> list[str]:
    """What an entry says, one field or change a line (masked)."""
    before, after = mask_fields(before), mask_fields(after)
    if isinstance(before, dict) and isinstance(after, dict):
        return change_lines(before, after, table, names) or field_lines(after, table, names)
    lines: list[str] = []
    if isinstance(after, dict) and "key" in after and "value" in after:
        lines += field_lines(after, table, names)
    elif isinstance(after, dict):
        for key, value in _ordered(after):  # a registration: {"household": {...}, "members": [...]}
            if isinstance(value, dict) and key in ("household", "profile") and key not in HIDDEN:
                lines += field_lines(value, key, names)
            else:
                lines += field_lines({key: value}, table, names)
    elif after not in (None, ""):
        lines.append(value_words("", after, table, names))
    if isinstance(before, dict):
        shown = field_lines(before, table, names)
        if shown:
            lines.append("原记录：" + SEP.join(shown))
    return lines


def summary(lines: list[str], limit: int = 160) -> str:
    text = SEP.join(lines)
    return text if len(text) <= limit else text[: limit - 1] + "…"
