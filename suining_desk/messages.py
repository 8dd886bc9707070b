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
    # --- ID numbers (suining_desk.idnumber) ---
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
