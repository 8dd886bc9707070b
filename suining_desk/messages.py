"""The Chinese wording of every problem code, in one place.

Templates use ``str.format`` with the problem's parameters.
"""

from __future__ import annotations

from suining_desk.problems import Problem

MESSAGES: dict[str, str] = {
    # --- generic input ---
    "required": "{label}不能为空",
    "too_long": "{label}不能超过{max}个字",
    "bad_date": "“{value}”不是有效日期，请按 2018-11-01 的格式填写",
    "bad_choice": "{label}“{value}”不在可选范围内",
    # --- money (suining_desk.money) ---
    "money_required": "金额不能为空",
    "money_negative": "金额“{value}”不能为负数",
    "money_fraction_of_fen": "金额“{value}”最多只能到分（两位小数）",
    "money_not_number": "“{value}”不是有效金额，请填写如 1,234.50 的数字",
    "money_too_large": "金额“{value}”过大（超过100亿元），请检查是否多输了数字",
    # --- ID numbers (suining_desk.idnumber) ---
    "id_required": "身份证号码不能为空",
    "id_bad_length": "身份证号码应为18位（输入了{length}位）",
    "id_bad_chars": "身份证号码“{value}”只能是数字，最后一位可以是X",
    "id_bad_birth_date": "身份证号码“{value}”中的出生日期{birth}无效",
    "id_future_birth": "身份证号码“{value}”中的出生日期{birth}晚于今天",
    "id_bad_checksum": "身份证号码“{value}”校验位错误，最后一位应为{expected}",
    "id_converted_from_15": "15位旧身份证号码已转换为18位：{new}",
    "id_unknown_area": "身份证号码的地区码{code}不在现行行政区划中，请核对（旧证可能如此）",
    "id_old_area_code": "身份证号码的地区码{code}是绥宁县1986年前的旧代码（现为{current}）",
    # --- households and members (suining_desk.rules.household, services.households) ---
    "bad_phone": "电话号码“{value}”格式不对（手机11位，座机如 0739-7621234）",
    "bad_bank_account": "银行卡号“{value}”应为12到25位数字",
    "bad_name": "姓名“{value}”只能包含汉字、字母或间隔号·",
    "bad_exit_year": "脱贫年度{value}无效，应在2014年到{max}年之间",
    "id_twice_in_form": "身份证号码{value}与第{row}位成员重复",
    "no_members": "至少要登记一位家庭成员（户主）",
    "one_head": "每户必须有且只有一位户主（现在有{count}位）",
    "id_on_register": "身份证号码{value}已登记：{name}，户编号{household_no}。一人只能在一户中登记",
    "household_no_taken": "户编号{value}已被使用",
    "status_via_change": "户状态请通过“变更状态”修改，以便保留变更记录",
    "date_in_future": "日期{value}晚于今天",
    "member_already_gone": "{name}已经减员，不能重复登记",
    "date_before_birth": "日期{value}早于出生日期",
    "status_unchanged": "新状态与当前状态相同",
    # --- database / CLI ---
    "db_not_database": "“{path}”不是本软件的数据库文件，或文件已损坏",
    "db_newer_schema": "数据库版本（{found}）比本软件（{known}）新，请升级软件后再打开",
    "db_unsupported_url": "暂不支持“{scheme}”类型的数据库地址（目前只支持本机 SQLite 文件）：{url}",
    "db_missing": "数据库文件“{path}”不存在，请检查路径（新建数据库请直接打开窗口）",
    "db_cannot_open": "无法打开数据库“{path}”：{reason}",
    "demo_not_empty": "数据库“{path}”中已有数据，演示数据只能生成到空数据库（可加 --replace 删除后重新生成）",
}


def describe(problem: Problem) -> str:
    """Chinese text for a problem; an unknown code still says something useful."""
    template = MESSAGES.get(problem.code)
    if template is None:
        return f"{problem.code} {problem.params}"
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError):
        return template
