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
    # --- relocations and renovations ---
    "bad_year": "{label}{value}无效，应在{min}年到{max}年之间",
    "household_removed": "户{household_no}已从建档立卡名单中移除，不能再登记",
    "household_fixed": "已登记的记录不能改到另一户，请新建记录",
    "relocation_exists": "户{household_no}已有{other}，一户只登记一条搬迁记录",
    "renovation_exists": "户{household_no}已有{other}，请核对是否重复登记",
    "relocation_no_people": "搬迁人口至少为1人",
    "relocation_people_above_members": "搬迁人口{people}人超过该户{day}的在户人数{members}人",
    "site_required": "集中安置必须选择安置点",
    "site_other_township": "安置点“{site}”不在该户所在乡镇，请核对",
    "site_full": "安置点“{site}”已满（容量{capacity}户），请核对",
    "area_negative": "面积不能为负数",
    "bad_area": "“{value}”不是有效面积，请填写如 75 或 75.5 的数字（平方米，最多两位小数）",
    "relocation_area_above_cap": "安置房面积{area}㎡超过上限：人均不超过{per_person}㎡，{people}人最多{max}㎡",
    "self_raised_above_cap": "自筹资金{value}元超过每户上限{cap}元，请核查",
    "subsidy_above_standard": "补助金额{value}元超过标准{standard}元，请核查",
    "double_benefit_relocated": ("搬迁户不得重复享受危房改造：户{household_no}已有{other}。"
                                 "确需享受的，须由审核人员填写审核意见后保存"),
    "double_benefit_renovated": ("已享受危房改造的户不得再纳入易地扶贫搬迁：户{household_no}已有{other}。"
                                 "确需搬迁的，须由审核人员填写审核意见后保存"),
    "double_benefit_overridden": "户{household_no}已有{other}，经审核同意重复享受：{reason}",
    "override_not_allowed": "只有审核人员才能批准重复享受",
    "grade_method_mismatch": "{grade}危房一般不采用“{method}”（C级修缮加固，D级拆除重建），请核对",
    "subsidy_before_acceptance": "竣工验收合格后才能登记补助金额",
    "status_final": "已是最后一步“{current}”",
    "status_skip": "不能跳过步骤：当前为“{current}”，下一步应为“{next}”，不能直接到“{wanted}”",
    "date_before_step": "{label}日期{value}不能早于{other_label}{other}",
    "accepted_before_completed": "验收日期{value}不能早于{other_label}{other}：竣工后才能验收",
    "moved_in_needs_area": "入住前请先填写安置房面积",
    "capacity_negative": "容量不能为负数",
    "capacity_below_placed": "容量{capacity}户少于已安置的{placed}户",
    "site_name_taken": "该乡镇已有名为“{value}”的安置点",
    "setting_not_positive": "{label}必须大于0",
    "attachment_bad_type": "“{name}”不是可以附加的文件（支持照片 JPG/PNG/BMP/GIF/TIFF/WebP 和 PDF 扫描件）",
    "attachment_empty": "文件“{name}”是空的",
    "attachment_too_large": "文件“{name}”超过{max_mb}MB，请先压缩或分页扫描",
    "attachment_unreadable": "无法读取文件“{name}”：{reason}",
    "attachment_not_image": "“{name}”不是有效的图片文件，或文件已损坏",
    "attachment_duplicate": "“{name}”已经附加在这条记录上",
    # --- database / CLI ---
    "db_not_database": "“{path}”不是本软件的数据库文件，或文件已损坏",
    "db_newer_schema": "数据库版本（{found}）比本软件（{known}）新，请升级软件后再打开",
    "db_unsupported_url": "暂不支持“{scheme}”类型的数据库地址（目前只支持本机 SQLite 文件）：{url}",
    "db_missing": "数据库文件“{path}”不存在，请检查路径（新建数据库请直接打开窗口）",
    "db_cannot_open": "无法打开数据库“{path}”：{reason}",
    "demo_not_empty": "数据库“{path}”中已有数据，演示数据只能生成到空数据库（可加 --replace 删除后重新生成）",
    # --- ledgers ---
    "ledger_unknown_kind": "没有“{value}”这种台账（可选：{choices}）",
    "ledger_unknown_program": "没有名称或代码为“{value}”的项目（可选：{choices}）",
    "ledger_unknown_township": "没有名称或代码为“{value}”的乡镇",
    "ledger_unknown_village": "{township}没有名称或代码为“{value}”的行政村",
    "ledger_ambiguous_village": "有多个乡镇都有“{value}”（{townships}），请用 --township 指明乡镇",
    "ledger_bad_year": "年度“{value}”无效，应为2000到2100之间的四位年份",
    "ledger_bad_month": "月份“{value}”无效，应为1到12",
    "ledger_bad_notice_days": "公示天数{value}无效，应为1到{max}天",
    "ledger_no_public": "{label}没有公示版",
    "ledger_empty": "所选范围内没有已发放的记录，未生成台账（{title}）",
    "ledger_out_dir_missing": "输出文件夹“{path}”不存在",
    "ledger_cannot_write": "无法写入“{path}”：{reason}",
    "ledger_file_missing": "文件“{path}”不存在",
    "ledger_not_ledger": "“{path}”不是本软件生成的台账（文件中没有核验信息）",
    "verify_rows": "行数不同：台账上是{recorded}行，数据库现在是{current}行",
    "verify_total": "合计金额不同：台账上是{recorded}元，数据库现在是{current}元",
    "verify_added": "数据库中新增了{count}条记录：{items}",
    "verify_removed": "台账上有{count}条记录已不在所选范围内：{items}",
    "verify_pages": "第{pages}页所印内容与数据库现在的内容不一致（如村组、姓名有修改）",
    "verify_changed": "台账所列记录在打印后有修改（审计日志序号由{recorded}变为{current}）",
    "verify_code": "校验码不同：台账上是{recorded}，按现在的数据应为{current}",
    "verify_payload_damaged": "台账文件中的核验信息与校验码不符，文件可能被改动过",
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
