"""The Chinese wording of every problem code, in one place.

Templates use ``str.format`` with the problem's parameters.
"""

from __future__ import annotations

from collections.abc import Sequence

from suining_desk.domain.form_messages import FORM_MESSAGES
from suining_desk.domain.problems import Problem

MESSAGES: dict[str, str] = {
    # --- generic input ---
    "required": "{label}不能为空",
    "too_long": "{label}不能超过{max}个字",
    "bad_date": "“{value}”不是有效日期，请按 2018-11-01 的格式填写",
    "bad_choice": "{label}“{value}”不在可选范围内",
    # --- money (suining_desk.domain.money) ---
    "money_required": "金额不能为空",
    "money_negative": "金额“{value}”不能为负数",
    "money_fraction_of_fen": "金额“{value}”最多只能到分（两位小数）",
    "money_not_number": "“{value}”不是有效金额，请填写如 1,234.50 的数字",
    "money_too_large": "金额“{value}”过大（超过100亿元），请检查是否多输了数字",
    # --- ID numbers (suining_desk.domain.idnumber) ---
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
    "household_already_removed": "该户已于{date}清退",
    "removed_before_registered": "清退日期{date}早于该户建档日期{registered}",
    "household_not_removed": "该户没有清退，不需要恢复",
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
    "attachment_cannot_open": "无法打开附件“{name}”：写入临时文件时出错（{reason}）",
    "attachment_unsafe_type": ("附件“{name}”不是 PDF 扫描件或照片（文件内容与记录的类型不符），"
                               "为了安全不打开它，请向提供数据的单位核实"),
    "attachment_not_its_type": "“{name}”的内容与文件类型不符（不是真正的 PDF 扫描件或照片），不能附加",
    # --- programs and payments ---
    "bad_period": "期间“{value}”格式不对，应如 {example}",
    "bad_month": "月份“{value}”格式不对，应如 2018-11",
    "user_unknown": "用户“{user}”不存在或已停用",
    "role_required": "用户“{user}”是{role}，此操作需要{wanted}",
    "outside_scope": "用户“{user}”只能办理{township}的业务，“{area}”不在其范围内",
    "program_none_yet": "数据库中还没有任何项目，找不到“{value}”。请先在“项目与标准”中新增项目",
    "program_unknown": "没有名称或代码为“{value}”的项目（可选：{choices}）",
    "program_bad_code": "项目代码“{value}”应为2到20位小写字母、数字或下划线，以字母开头",
    "program_taken": "已有名称或代码为“{value}”的项目",
    "program_in_use": "项目“{name}”已有发放批次，不能再修改发放周期或发放对象",
    "program_inactive": "项目“{program}”已停用",
    "standard_not_positive": "标准金额必须大于0",
    "standard_exists": "类别“{category}”在{date}已有标准；标准不修改，如需调整请从新的日期起另设标准",
    "enrol_one_off": "“{program}”是一次性救助，不需要纳入名单，请在一次性发放批次中逐笔登记",
    "enrol_bad_category": "类别“{value}”不在该项目的标准中（可选：{choices}）",
    "enrol_bad_people": "享受人数{value}无效，应为1到{max}人",
    "enrol_person_gone": "{name}已于{date}减员（死亡或迁出），不能纳入",
    "enrol_person_one": "按人纳入时享受人数只能是1人",
    "enrol_people_above_members": "享受人数{people}人超过该户{date}的在户人数{members}人",
    "enrol_overlap": "该对象已享受“{program}”（自{start}起），不能重复纳入",
    "enrol_already_ended": "该享受记录已于{date}终止",
    "enrol_end_before_start": "终止日期{value}早于开始日期{start}",
    "enrol_change_too_early": "变更日期必须晚于原享受开始日期{start}",
    "enrol_unchanged": "类别和享受人数都没有变化",
    "enrol_person_other_household": "{name}不是户{household_no}的成员（属于户{other}），不能按此户纳入",
    "enrol_covered_by_household": ("该户已整户享受“{program}”（自{start}起），户内人员不能再单独纳入，"
                                   "否则同一期会重复发放"),
    "enrol_member_enrolled": ("户内{name}已单独享受“{program}”（自{start}起），不能再整户纳入，"
                              "否则同一期会重复发放；请先终止其单独享受"),
    "enrolment_unknown": "没有享受记录“{value}”",
    "month_closed": "{month}已关账，不能登记日期为{date}的发放或冲销（须由管理员填写原因重新开放）",
    "period_closed": ("{months}已关账，不能再登记属于{period}的发放、冲销或重新发放"
                      "（须由管理员填写原因重新开放）"),
    "month_already_closed": "{month}已经关账",
    "month_not_closed": "{month}没有关账",
    "batch_one_off_computed": "“{program}”是一次性救助，请新建一次性发放批次逐笔登记",
    "batch_not_one_off": "“{program}”不是一次性救助，发放批次按名单和标准自动生成",
    "batch_empty": "{program}{period}在所选区域内没有应发放的对象，未生成批次",
    "batch_unknown": "没有批次“{value}”",
    "batch_not_draft": "批次{batch}{status}，只有草稿可以修改",  # status: 已提交, 已审核, 已发放
    "batch_wrong_status": "批次{batch}当前为“{status}”，此操作要求“{wanted}”",
    "batch_no_lines": "批次{batch}没有发放明细，不能提交",
    "approver_is_creator": "批次{batch}由{user}录入，录入人不能审核自己录入的批次",
    "approver_set_by_creator": ("用户“{user}”的密码是批次{batch}的录入人{creator}于{at}{how}时设置的，"
                                "录入人可能知道这个密码，所以{user}不能审核此批次。请由另一位审核员审核；"
                                "或由另一位管理员重置{user}的密码、{user}本人改密后再审核"),
    "approver_controlled_by_creator": ("批次{batch}的录入人{creator}可能知道用户“{user}”的密码：{chain}。"
                                       "所以{user}不能审核此批次。请由另一位审核员审核；"
                                       "或由另一位管理员重置{user}的密码、{user}本人改密后再审核"),
    "amount_not_positive": "金额必须大于0",
    "amount_above_cap": "金额{value}元超过该项目单笔上限{cap}元",
    "household_outside_batch": "户{household_no}不在本批次的发放区域内",
    "person_not_present": "所选人员不在该户或已减员",
    "one_off_person_required": "“{program}”按人救助，请选择享受人员（每人每期只能发放一次）",
    "one_off_twice": "该对象本期（{period}）已有“{program}”发放记录，同一期不能重复发放",
    "payment_unknown": "没有发放记录“{value}”",
    "paid_long_before_period": "发放日期{value}比期间{period}的开始早三个月以上，请核对",
    "post_household_removed": "户{household_no}已于{date}移出建档立卡名单，不能发放",
    "post_person_died": "{name}（户{household_no}）已于{date}死亡，不能发放",
    "post_person_left": "{name}（户{household_no}）已于{date}减员，不能发放",
    "post_already_paid": "{name}（户{household_no}）{period}已在批次{batch}中发放",
    "and_more": "……另有{count}条问题",
    "correction_before_payment": "冲销或重新发放的日期{value}早于原发放日期{paid}",
    "payment_not_posted": "发放记录{value}尚未发放，草稿请直接调整",
    "payment_is_reversal": "发放记录{value}是冲销记录，不能再冲销或重新发放",
    "payment_already_reversed": "发放记录{value}已经冲销过",
    "payment_already_reissued": "发放记录{value}已经重新发放（记录{other}）",
    "reissue_needs_reversal": "发放记录{value}尚未冲销，请先冲销（或填写冲销原因）再重新发放",
    "excl_starts_later": "自{start}起享受，本期尚未开始",
    "excl_ended": "享受已于{end}终止（{reason}）",
    "excl_household_removed": "户已于{date}移出建档立卡名单（{reason}）",
    "excl_died": "已于{date}死亡",
    "excl_person_left": "已于{date}减员（{reason}）",
    "excl_enrolled_twice": "同一对象重复纳入，只计一次",
    "excl_no_head": "该户没有户主（领款人），请先确定户主",
    "excl_no_account": "该户没有一卡通账号",
    "excl_no_standard": "类别“{category}”在{date}没有补助标准",
    "excl_already_paid": "本期（{period}）已在批次{batch}中发放",
    "excl_in_other_batch": "本期（{period}）已列入尚未发放的批次{batch}",
    "excl_covered_by_household": "已随全户享受本项目（享受记录{enrolment}），不重复发放；请终止其中一条享受记录",
    "excl_member_enrolled_alone": ("户内{name}已单独享受本项目（享受记录{enrolment}），整户不重复发放；"
                                   "请终止其中一条享受记录"),
    "excl_paid_with_household": "本期（{period}）已随全户列入批次{batch}，不重复发放",
    "excl_paid_member_alone": "户内{name}本期（{period}）已单独列入批次{batch}，整户不重复发放",
    "excl_member_died": "{name}已于{date}死亡",
    "excl_member_left": "{name}已于{date}减员（{reason}）",
    "excl_head_died": "户主{name}已于{date}死亡，请先确定新户主（领款人）",
    "excl_head_left": "户主{name}已于{date}减员（{reason}），请先确定新户主（领款人）",
    "excl_no_members": "该户已没有在户人员",
    "note_people_reduced": "享受人数由{people}人减为{now}人：{why}",
    "bank_not_posted": "批次{batch}尚未发放（过账），不能导出或导入银行文件",
    "bank_no_lines": "批次{batch}没有可导出的发放记录",
    "bank_bad_format": "不支持的文件类型“{suffix}”（支持 {allowed}）",
    "bank_missing_columns": "银行回盘文件缺少“{columns}”列",
    "bank_unreadable": "无法读取银行回盘文件“{path}”：{reason}",
    "bank_not_spreadsheet": ("无法读取银行回盘文件“{path}”：不是有效的 Excel 文件"
                             "（可能已损坏、没有下载完整或被改了扩展名）"),
    "bank_bad_encoding": "无法读取银行回盘文件“{path}”：文字编码无法识别（请用 Excel 打开后另存为 .xlsx 再导入）",
    "bank_date_before_payment": "银行处理日期{value}早于批次{batch}的发放日期{paid}",
    "bank_line_reversed": ("第{row}行：账号{account}、金额{amount}元是{name}的发放（记录{payment}），"
                           "该笔已冲销，银行结果未登记"),
    "bank_line_reversed_paid": ("第{row}行：账号{account}、金额{amount}元是{name}的发放（记录{payment}），该笔已冲销，"
                                "但银行回盘为成功（钱已到账），请核实是否重复发放"),
    "bank_missing_line": "回盘中没有：{name}　账号{account}　{amount}元（记录{payment}）",
    "bank_missing_more": "……等 {count} 笔（以上只列出前{shown}笔）",
    "reissue_bank_paid": "银行回盘显示发放记录{value}已于{date}成功入账，不能重新发放（否则同一笔钱会发两次）",
    "reissue_bank_unknown": ("发放记录{value}已随银行代发文件送出，银行还没有回盘确认失败（或仍在处理中），"
                             "不能重新发放；请先导入银行回盘文件，银行确认失败后再重新发放"),
    "bank_unknown_line": "第{row}行：账号{account}、金额{amount}元在本批次中找不到对应的发放",
    "bank_ambiguous_line": "第{row}行：账号{account}、金额{amount}元对应本批次{count}笔发放，无法确定是哪一笔，未处理",
    "bank_bad_result": "第{row}行：处理结果“{value}”不是明确的成功或失败（如处理中），未登记，请待银行确认后再导入",
    "bank_line_date": "银行回盘第{row}行的处理日期不对：{why}。整份未导入",
    "bank_profile_mismatch": ("银行回盘文件“{path}”与银行文件格式“{profile}”不符，整份未导入：第{row}行{column}："
                              "{reason}。请确认选对了格式，或在 设置 → 银行文件格式 中按银行的实际格式修改"),
    "bank_list_unwritable": "无法按所选银行文件格式写出代发文件：第{row}行第{column}列（{label}）{reason}，未导出",
    "bank_list_encoding": ("无法按所选银行文件格式写出代发文件：第{row}行的“{char}”在 {encoding} 编码中没有对应的字，"
                           "未导出（可改用 GB18030 或 UTF-8 编码的格式，或先与银行确认这个字的写法）"),
    "bank_profile_bad_value": "银行文件格式“{file}”中 {key} 的值不对，应为{expected}",
    "bank_profile_syntax": "银行文件格式“{file}”{where}的写法有误（TOML 格式：检查引号、等号和方括号是否成对）",
    "bank_profile_unknown": "没有名为“{value}”的银行文件格式（现有：{choices}）",
    "bank_profile_bad_name": "银行文件格式的名称“{value}”只能由汉字、字母、数字、- 和 _ 组成，至多40个字",
    "bank_profile_shipped": "“{value}”是软件自带的银行文件格式，不能修改或删除：请先复制一份，再修改复制的格式",
    "bank_profile_exists": "已有名为“{value}”的银行文件格式，请换一个名称",
    "chk_paid_after_death": "{name}已于{death}死亡，{paid}仍发放{program}{amount}元（{period}）",
    "chk_paid_after_removal": ("户{household_no}已于{removed}移出建档立卡名单，"
                               "{paid}仍发放{program}{amount}元（{period}）"),
    "chk_paid_twice": "{name}（户{household_no}）{period}的{program}发放了{count}笔，合计{amount}元",
    "chk_paid_twice_household": ("{name}（户{household_no}）{period}的{program}既随全户发放，又单独发放，"
                                 "共{count}笔，合计{amount}元"),
    "chk_above_standard": ("{name}（户{household_no}）{period}的{program}发放{amount}元，"
                           "超过标准{standard}元×{people}人×{months}期={limit}元"),
    "chk_above_members": ("{name}（户{household_no}）{period}的{program}按{people}人发放{amount}元，"
                          "但该期第一天在户人员只有{living}人（{why}）"),
    "chk_invalid_id": "领款人{name}的身份证号码“{id_number}”无效（{count}笔发放，合计{amount}元）",
    "chk_double_housing": ("户{household_no}（{name}）既享受易地扶贫搬迁补助{relocation}元，"
                           "又享受危房改造补助{renovation}元{note}"),
    "chk_self_approved": "批次{batch}由{user}录入，又由同一人审核",
    "chk_approver_set_by_creator": ("批次{batch}由{creator}录入、{approver}审核，而{approver}的密码是{creator}"
                                    "于{at}{how}时设置的：录入人可能知道审核人的密码，等于自己审核了自己录入的批次"),
    "chk_approver_controlled_by_creator": ("批次{batch}由{creator}录入、{approver}审核，而{chain}："
                                           "录入人可能知道审核人的密码，等于自己审核了自己录入的批次"),
    "area_unknown": "没有名称或代码为“{value}”的区域",
    "area_ambiguous": "有{count}个区域叫“{value}”，请写成 乡镇/村 的形式或使用区域代码",
    "enrol_not_ended": "享受记录{value}尚未退出：要结束享受请用“退出”，不是更正",
    "enrol_end_unchanged": "新的终止日期与原来的{date}相同",
    "enrol_end_into_next": "同一对象自{start}起另有享受记录，终止日期不能在此之后",
    "enrol_end_paid_after": "终止日期更正为{date}后，{periods}的发放已不在享受期内，请核对是否需要冲销",
    "approve_above_cap": ("有{count}笔超过本项目审核上限{cap}元（{lines}），审核人须确认并填写理由后才能审核通过"
                          "（命令行加 --cap-reason 理由）"),
    "amount_above_review_cap": "金额{value}元超过本项目审核上限{cap}元，审核时须由审核人确认并填写理由",
    "chk_above_cap": "{name}（户{household_no}）{period}的{program}{amount}元超过审核上限{cap}元（{confirmed}）",
    "post_people_changed": ("{name}（户{household_no}）按{people}人计算，本期第一天在户的现在是{now}人（{why}）："
                            "批次生成后成员有变动，请退回、删除草稿后重新生成批次"),
    "excl_joined_later": "{date}才入户，不在本期",
    "note_joined_later": "{name}于{date}入户，下一期起计入",
    "joined_before_birth": "入户日期{value}早于出生日期{birth}",
    "exit_before_joined": "{name}的减员日期{value}早于其入户日期{joined}，请核对两个日期",
    "area_name_taken": "{parent}已有“{name}”{state}，请换一个名称",
    "area_bad_code": "代码“{value}”无效：应为上级代码{parent}后加{digits}位数字",
    "area_code_taken": "代码“{value}”已被其他区划使用",
    "area_retired": "“{area}”已撤销，不能再登记新的户或下级区划",
    "area_has_households": "“{area}”还有{count}户在册，请先把这些户调整到其他村组后再撤销",
    "area_not_managed": "只能管理行政村和村民小组（县和乡镇按国家区划设置）",
    "area_name_unchanged": "新名称与原名称“{name}”相同",
    "household_unknown": "没有户编号为“{value}”的户",
    # --- database / CLI ---
    "db_not_database": "“{path}”不是本软件的数据库文件，或文件已损坏",
    "db_newer_schema": "数据库版本（{found}）比本软件（{known}）新，请升级软件后再打开",
    "cli_passwd_other_user": ("user passwd 只修改登录者（{user}）自己的密码，不能修改“{other}”的；"
                              "要给“{other}”设新密码，请管理员运行 suining-desk user reset {other} --user 管理员，"
                              "“{other}”下次登录时再改成自己的密码"),
    "db_schema_tampered": ("数据库“{path}”中记录的结构版本（{versions}）被改动过，无法确定它的结构，"
                           "未打开、未做任何改动。请用备份恢复（suining-desk restore 备份文件 --user 管理员），"
                           "或请技术人员检查"),
    "db_unsupported_url": "暂不支持“{scheme}”类型的数据库地址（目前只支持本机 SQLite 文件）：{url}",
    "db_uri_parameters": ("数据库地址“{url}”带有参数（?…）或不完整：请只写数据库文件的路径"
                          "（如 file:/data/suining.sqlite3 或 D:\\台账\\suining.sqlite3），打开方式由本软件决定"),
    "db_uri_host": "数据库地址“{url}”指向另一台电脑“{host}”：只能打开本机（或已映射的共享文件夹中）的数据库文件",
    "db_missing": "数据库文件“{path}”不存在，请检查路径（新建数据库请直接打开窗口）",
    "db_cannot_open": "无法打开数据库“{path}”：{reason}",
    "demo_not_empty": "数据库“{path}”中已有数据，演示数据只能生成到空数据库（可加 --replace 删除后重新生成）",
    # --- ledgers ---
    "ledger_unknown_kind": "没有“{value}”这种台账（可选：{choices}）",
    "ledger_month_not_monthly": "{program}是{frequency}发放的，没有按月份的台账；不填月份即打印全年台账",
    "ledger_unknown_program": "没有名称或代码为“{value}”的项目（可选：{choices}）",
    "ledger_unknown_township": "没有名称或代码为“{value}”的乡镇",
    "ledger_unknown_village": "{township}没有名称或代码为“{value}”的行政村",
    "ledger_ambiguous_village": "有多个乡镇都有“{value}”（{townships}），请同时指明乡镇",
    "ledger_bad_year": "年度“{value}”无效，应为2000到2100之间的四位年份",
    "ledger_bad_month": "月份“{value}”无效，应为1到12",
    "ledger_bad_notice_days": "公示天数{value}无效，应为1到{max}天",
    "ledger_no_public": "{label}没有公示版",
    "ledger_unknown_household": "没有户编号为“{value}”的农户",
    "ledger_empty": "所选范围内没有已发放的记录，未生成台账（{title}）",
    "ledger_empty_records": "所选范围内没有记录，未生成台账（{title}）",
    "ledger_out_dir_missing": "输出文件夹“{path}”不存在",
    "ledger_cannot_write": "无法写入“{path}”：{reason}",
    "ledger_file_missing": "文件“{path}”不存在",
    "ledger_file_is_folder": "“{path}”是文件夹，不是台账 PDF 文件",
    "ledger_scope": "用户“{user}”只管理{township}，不能打印{other}的台账",
    "verify_scope": "用户“{user}”只管理{township}，不能核验{other}的台账",
    "ledger_not_ledger": "“{path}”不是本软件生成的台账（文件中没有核验信息）",
    "verify_rows": "行数不同：台账上是{recorded}行，数据库现在是{current}行",
    "verify_total": "合计金额不同：台账上是{recorded}元，数据库现在是{current}元",
    "verify_added": "数据库中新增了{count}条记录：{items}",
    "verify_removed": "台账上有{count}条记录已不在所选范围内：{items}",
    "verify_pages": "第{pages}页所印内容与数据库现在的内容不一致（如笔数、金额、村组、姓名有变化）",
    "verify_sections": "以下部分所印内容与数据库现在的内容不一致：{sections}",
    "verify_changed": "台账所列记录在打印后有修改（审计日志序号由{recorded}变为{current}）",
    "verify_code": "校验码不同：台账上是{recorded}，按现在的数据应为{current}",
    "verify_payload_damaged": "台账文件中的核验信息与校验码不符，文件可能被改动过",
    "verify_file_altered": "“{path}”已被改动：文件与生成时不同（被其他软件编辑或重新保存、页面被替换，"
                           "或附上了别的台账的核验信息），无法确认页面上印的内容未被修改。"
                           "请使用生成时保存的原文件，或重新生成台账",
    "ledger_file_damaged": "“{path}”不完整或已损坏（可能是复制或下载时中断），无法核验。"
                           "请使用完整的原文件，或重新生成台账",
    # --- accounts, audit, backups ---
    "access_no_user": "没有登录的用户，不能修改数据",
    "access_unknown_user": "用户“{user}”不存在",
    "access_disabled": "用户“{user}”已停用",
    "access_role": "用户“{user}”是{role}，此操作需要{needed}或更高的权限",
    "access_county_only": "用户“{user}”只管理{township}，此操作需要全县范围的权限",
    "access_scope": "用户“{user}”只管理{township}，不能修改{other}的数据",
    "access_scope_read": "用户“{user}”只管理{township}，不能查看{other}的数据",
    "access_must_change_password": ("用户“{user}”的密码是管理员设置的（新建账户或重置密码），"
                                    "须本人先改成只有自己知道的密码才能操作：在窗口中登录时按提示修改，"
                                    "或运行 suining-desk user passwd --user {user}"),
    "login_failed": "用户名或密码错误",
    "login_failed_left": "用户名或密码错误。再输错{left}次，账户将被锁定{minutes}分钟",
    "login_now_locked": "密码已连续输错{count}次，账户锁定{minutes}分钟。请稍后再试，或请管理员重置密码",
    "login_locked": "账户已锁定，请在{until}以后再试（连续输错密码会锁定{minutes}分钟），或请管理员重置密码",
    "login_disabled": "用户“{user}”已停用，请联系管理员",
    "password_too_short": "密码至少要{min}位",
    "password_too_long": "密码不能超过{max}位",
    "password_one_kind": "密码要包含小写字母、大写字母、数字、符号中的至少两类",
    "password_is_username": "密码不能与用户名相同",
    "password_wrong": "原密码不正确",
    "password_same": "新密码不能与原密码相同",
    "password_mismatch": "两次输入的密码不一致",
    "username_bad": "用户名“{value}”只能由2到40个字母、数字、汉字或 _ . - 组成",
    "username_taken": "用户名“{value}”已被使用",
    "accounts_exist": "数据库中已有用户，不能再创建初始管理员",
    "cannot_disable_self": "不能停用自己的账户",
    "last_admin": "这是最后一位在用的管理员，不能停用或改为其他角色",
    "cli_user_required": ("此命令会修改数据库，请用 --user 指明用户名"
                          "（密码会提示输入，或取自环境变量 SUINING_PASSWORD）"),
    "cli_no_accounts": "数据库“{path}”中还没有用户，请先用 suining-desk init --db 路径 --admin 用户名 创建管理员",
    "cli_no_password": "没有输入密码",
    "cli_user_required_read": ("此命令会读出个人信息（姓名、身份证号、银行账号等），须先登录：请用 --user 指明用户名"
                               "（密码会提示输入，或取自环境变量 SUINING_PASSWORD）"),
    "cli_must_change_password": ("用户“{user}”的密码是管理员设置的（新建账户或重置密码），须先改成只有自己知道的密码"
                                 "才能使用其他命令。请运行：suining-desk user passwd --user {user}{db}"
                                 "（先输入现在的密码，再输入两次新密码；窗口登录时也会要求修改）"),
    "cli_demo_login_failed": ("演示数据库的 admin 密码已不是 suining2018，不能自动登录：请用 --user 指明用户名"
                              "（密码会提示输入，或取自环境变量 SUINING_PASSWORD）"),
    "restore_not_admin": "恢复须由当前数据库的管理员办理：用户“{user}”不是当前数据库中在用的管理员，或密码错误",
    "restore_other_database": "“{path}”不是这个数据库的备份（审计日志的起点不同），不能用来恢复",
    "report_folder_unusable": "报告的文件夹“{path}”不存在或不能写入，未导入（请换一个保存报告的位置）",
    "backup_out_exists": "“{path}”已存在，备份不会覆盖已有的文件（以免覆盖另一个数据库或以前的备份），请换一个文件名",
    "cli_no_new_password": "没有终端可以输入新密码：请在命令行窗口中运行，或把新密码放在环境变量 {env} 中",
    "init_exists": "“{path}”已存在：init 只创建新的数据库",
    "db_disk_full": "磁盘空间已满，本次修改没有保存，数据库保持原样。请清理磁盘后再试",
    "db_busy": "数据库正忙（另一个程序正在写入），本次修改没有保存，请稍后再试",
    "db_readonly": "数据库文件是只读的，不能保存修改（请检查文件权限，或文件是否在只读的U盘、光盘上）",
    "db_io_error": "读写数据库文件时出错（磁盘或网络故障），本次修改没有保存",
    "db_corrupt": "数据库文件已损坏，请从备份恢复",
    "db_in_use": "数据库“{path}”已在另一个窗口中打开（{host}上的进程{pid}）。同一个数据库同时只能在一个窗口中打开",
    "db_network_share": ("数据库“{path}”在网络共享文件夹上。几台电脑通过网络同时使用一个数据库可能损坏数据，"
                         "建议把数据库放在本机硬盘上，用备份在电脑之间传递"),
    "data_on_removable": ("数据文件夹在可移动磁盘（U 盘）{root} 上（{fs} 格式）。软件照常使用，但数据库边写边记日志，"
                          "突然拔出 U 盘或断电可能损坏数据：请先关闭软件、用“安全删除硬件”后再拔出，并经常备份"),
    "data_on_fat": ("数据文件夹所在的磁盘 {root} 是 {fs} 格式。软件照常使用，但这种格式在断电时容易损坏正在写入的"
                    "数据库：请经常备份，有条件时把数据放在 NTFS 格式的本机硬盘上"),
    "backup_missing": "备份文件“{path}”不存在",
    "backup_not_database": "“{path}”不是本软件的数据库或备份文件",
    "backup_damaged": "备份文件“{path}”已损坏（完整性检查未通过）",
    "backup_newer": "备份文件“{path}”来自更新版本的软件（数据库版本{found}），请先升级软件",
    "backup_cannot_write": "无法写入备份“{path}”：{reason}",
    "restore_in_use": "数据库“{path}”正在被另一个程序（进程{pid}）使用，请先关闭它再恢复",
    "audit_chain_changed": "审计日志第{seq}条的内容被改动过",
    "audit_chain_removed": "审计日志第{seq}条被删除了（日志链在这里断开）",
    "audit_chain_inserted": "审计日志第{seq}条是后来插进去的，不属于原来的日志链",
    "audit_chain_reordered": "审计日志第{seq}条的位置被调换过",
    "audit_record_changed": "{table}第{id}条记录与审计日志第{seq}条记下的状态不一致{fields}",
    "audit_record_removed": "{table}第{id}条记录被删除了，但审计日志（第{seq}条之后）没有删除它的记录",
    "audit_record_inserted": "{table}第{id}条记录不在审计日志中（是在本软件之外写入的）",
    "audit_record_set_changed": "{table}第{id}条记录（共{rows}条，作为一组记在审计日志第{seq}条）中有记录被改动或删除",
    "audit_records_more": "……另有{count}条记录不一致",
    "audit_anchor_broken": "审计日志在备份之后被改写过：{time}备份时记下的锚点（第{seq}条，校验值{hash}）"
                           "与现在的日志不符（现在第{seq}条{now}）；从第{first}条起与该备份不一致",
    "audit_anchor_broken_unsure": "审计日志在备份之后被改写过：{time}备份时记下的锚点（第{seq}条，校验值{hash}）"
                                  "与现在的日志不符（现在第{seq}条{now}）；该备份已不在，"
                                  "无法确定最早改动的是第{seq}条还是更早的条目",
    # --- the data's own safety (demo mark, rollback, protections, opening; docs/security.md) ---
    "demo_not_demo": ("“{path}”不是演示数据库（没有演示数据的标记），演示数据不会写入或替换它，"
                      "加 --replace 也不会。演示数据只能生成到新文件或原有的演示数据库中"),
    "demo_in_use": "演示数据库“{path}”正在被另一个程序（进程{pid}）使用，请先关闭它再重新生成",
    "db_open_disk_full": "无法打开数据库“{path}”：磁盘空间已满。请清理磁盘（删除不用的文件、清空回收站）后再打开",
    "db_open_busy": "无法打开数据库“{path}”：另一个程序正在使用它，请稍后再试",
    "db_open_readonly": ("无法打开数据库“{path}”：文件或所在磁盘是只读的"
                         "（请检查文件权限，或文件是否在只读的U盘、光盘上）"),
    "db_open_io_error": "无法打开数据库“{path}”：读写文件时出错（磁盘、U盘或网络故障），请检查后再试",
    "db_protections_missing": ("数据库的保护规则被人改动过（{names}）：有人绕过本软件修改了数据库的结构，"
                               "已发放的记录和审计日志不再受保护。在管理员恢复之前，本软件只能查看、"
                               "不能修改此数据库。管理员可在窗口中登录后按提示恢复，"
                               "或运行 suining-desk db repair-protections --user 管理员用户名"),
    "db_unprotected_write": ("数据库的保护规则（防止改动已发放记录和审计日志的触发器）已缺失，本次修改没有保存："
                             "在管理员恢复之前只能查看，不能修改。请管理员恢复"
                             "（suining-desk db repair-protections --user 管理员用户名，"
                             "或在窗口中登录后按提示恢复）"),
    "db_rolled_back": ("数据库被回退了：这台电脑在{time}看到此数据库的审计日志已记到第{seen}条，"
                       "现在的数据库只到第{now}条，其后的{lost}条记录已不在其中（数据库可能被换成了较早的副本）。"
                       "若不是管理员有意恢复备份，请立即告知管理员，找回最新的数据库或备份；"
                       "核实后管理员可确认接受现状（在窗口中登录后按提示确认，"
                       "或 suining-desk db accept-rollback --user 管理员用户名，记入审计日志）"),
    "db_rolled_back_diverged": ("数据库被回退了：这台电脑在{time}看到此数据库审计日志的第{seen}条，"
                                "现在的数据库中第{seen}条已是另一条记录（现到第{now}条）："
                                "数据库可能被换成了较早的副本后又继续录入，原来的部分记录已不在其中。"
                                "若不是管理员有意恢复备份，请立即告知管理员，找回最新的数据库或备份；"
                                "核实后管理员可确认接受现状（在窗口中登录后按提示确认，"
                                "或 suining-desk db accept-rollback --user 管理员用户名，记入审计日志）"),
    "verify_rolled_back": ("数据库被回退了：台账生成时审计日志已有第{recorded}条记录，现在的数据库只到第{current}条"
                           "（数据库可能被换成了较早的副本，台账上的部分记录已不在数据库中）"),
    # --- import and export ---
    "file_missing": "文件“{path}”不存在",
    "file_not_spreadsheet": "“{path}”不是表格文件",
    "file_old_format": "无法读取“{path}”（{suffix} 格式或文件已损坏），"
                       "请在 Excel 或 WPS 中“另存为” .xlsx 工作簿后再导入",
    "file_html_no_table": "“{path}”实际上是网页文件（网上系统导出时常把网页存成 .xls），但其中没有表格；"
                          "请在 Excel 或 WPS 中打开后“另存为” .xlsx 工作簿再导入",
    "file_not_xlsx": "无法读取“{path}”：不是有效的 .xlsx 文件（可能已损坏、设置了打开密码，或是改了扩展名的其他文件）",
    "file_sheet_missing": "“{path}”已损坏：工作表“{sheet}”的内容缺失（文件可能不完整，或被其他软件改坏），未导入",
    "file_damaged_at": "“{path}”已损坏：{where}的内容无法读取（文件可能不完整，如复制或下载时中断），未导入",
    "file_read_failed": "读取“{path}”时出错：{reason}",
    "file_out_of_memory": "读取“{path}”时内存不足：文件太大，未导入。请分成几个较小的文件再导入",
    "file_too_big": "“{path}”有{size}，超过可以导入的上限{max}，未导入。请分成几个较小的文件再导入",
    "file_too_many_rows": ("“{path}”超过{max}行（可以导入的上限），读到第{row}行时停止，未导入。"
                           "请按乡镇或村分成几个文件再导入"),
    "file_sheet_too_many_rows": ("“{path}”的工作表“{sheet}”超过{max}行（可以导入的上限），未导入。"
                                 "请按乡镇或村分成几个文件再导入"),
    "file_too_many_cells": ("“{path}”的单元格超过{max}个（可以导入的上限），读到第{row}行时停止，未导入。"
                            "请删去多余的列，或分成几个文件再导入"),
    "file_too_many_styles": "“{path}”中的单元格格式超过{max}种：文件已损坏或不是正常的表格，未导入",
    "file_too_many_names": "“{path}”中定义的名称超过{max}个：文件已损坏或不是正常的表格，未导入",
    "file_too_many_sheets": "“{path}”中的工作表超过{max}个：文件已损坏或不是正常的表格，未导入",
    "file_part_too_many_elements": "“{path}”的“{part}”中的元素超过{max}个：文件已损坏或不是正常的表格，未导入",
    "file_texts_beyond_cells": ("“{path}”中的文字超过{max}段，比各工作表的单元格还多："
                                "文件已损坏或不是正常的表格，未导入"),
    "file_html_too_many_tables": ("网页文件“{path}”中的表格超过{max}个，或表格套表格超过{depth}层："
                                  "不像是导出的名单，文件已损坏或不是正常的表格，未导入"),
    "file_too_many_texts": "“{path}”中的文字超过{max}段（可以导入的上限），未导入。请分成几个文件再导入",
    "file_too_many_columns": ("“{path}”第{row}行有第{column}列，超过表格的最大列数{max}："
                              "文件已损坏或不是正常的表格，未导入"),
    "file_cell_too_long": ("“{path}”第{row}行有一个单元格超过{max}个字（Excel 单元格的上限）："
                           "文件已损坏或不是正常的表格，未导入"),
    "file_shared_text_too_long": ("“{path}”中有一段文字超过{max}个字（Excel 单元格的上限）："
                                  "文件已损坏或不是正常的表格，未导入"),
    "file_line_too_long": "“{path}”第{row}行超过{max}个字符：文件已损坏或不是正常的表格，未导入",
    "file_unpacked_too_big": ("“{path}”解压后超过{max}（可以导入的上限），未导入："
                              "文件可能是恶意构造的“压缩炸弹”；正常的表格请分成几个较小的文件"),
    "file_unpacked_too_big_declared": ("“{path}”解压后有{size}，超过可以导入的上限{max}，未导入："
                                       "文件可能是恶意构造的“压缩炸弹”；正常的表格请分成几个较小的文件"),
    "file_part_too_big": ("“{path}”中的“{part}”解压后有{size}，超过上限{max}，未导入："
                          "文件可能是恶意构造的“压缩炸弹”，或不是正常的表格"),
    "file_too_many_parts": "“{path}”内含{count}个部件，超过上限{max}：不是正常的表格，未导入",
    "file_xml_quiet": ("“{path}”的“{part}”中有超过{max}的内容不是表格数据："
                       "文件已损坏或不是正常的表格，未导入"),
    "bank_note_formula": ("第{row}行：{label}“{value}”以“{first}”开头，是表格公式的写法，这一行没有登记"
                          "（在 Excel、WPS 中会被当作公式执行）；请向银行核实后去掉开头的“{first}”再导入"),
    "cell_formula": ("{label}“{value}”以“{first}”开头，是表格公式的写法，不能导入（在 Excel、WPS 中会被当作公式执行）；"
                     "如确是文字，请去掉开头的“{first}”"),
    "file_in_use": "无法打开“{path}”：文件可能正在 Excel 或 WPS 中打开，请先关闭后再导入",
    "file_no_sheet": "“{path}”中没有名为“{sheet}”的工作表（有：{sheets}）",
    "file_no_header": "在“{path}”的前30行中找不到{title}的表头，表头应包含“{required}”等列",
    "file_missing_columns": "“{path}”第{row}行的表头缺少必需的列：{missing}",
    "file_payments_report": ("“{path}”是导出的资金发放明细（工作表“{sheet}”第{row}行表头有“{column}”列），"
                             "记录的是已编入发放批次的资金，再导入会重复发放，因此整份不能导入。"
                             "要导入医疗救助、临时救助等一次性救助，请用导入模板填写（导入向导第一页的“保存空白模板”，"
                             "或命令行 suining-desk template payments --out 模板.xlsx）"),
    "file_no_data_rows": ("“{path}”的工作表“{sheet}”只有表头（第{row}行），下面没有数据行，没有可导入的内容；"
                          "请检查是否选错了文件或工作表"),
    "cell_number_lost_digits": ("{label}“{value}”是以数字格式保存的：Excel 只保留15位有效数字，后几位已经丢失，"
                                "无法还原。请把该列设为“文本”格式后重新填写正确的号码"),
    "cell_bad_date": "{label}“{value}”不是有效日期，请写作 2018-11-01、2018/11/1 或 2018年11月1日",
    "cell_ambiguous_month": ("{label}“{value}”含义不明确：Excel 把 2018.10 存成了 2018.1，"
                             "分不清是1月还是10月，请写作 2018-01 或 2018-10"),
    "cell_not_integer": "{label}“{value}”应为整数",
    "import_unknown_columns": "不认识的列，已忽略：{columns}",
    "import_household_updated": "该户已在册，已按表更新户的信息：{fields}（表中空白的不改）",
    "import_removal_not_applied": "该户已在册，表中的清退日期{date}未导入：清退请在窗口“变更状态…→清退”中办理，"
                                  "或用 suining-desk household remove",
    "import_subsidy_before_acceptance": "补助金额{value}元未导入：危改补助在验收合格后才登记（状态为已验收时填写）",
    "import_subsidy_above_standard": "补助金额{subsidy}元超过补助标准{standard}元，请核对",
    "import_column_twice": "“{column}”列出现了两次，只读取第一列",
    "import_column_same": "“{column}”列与“{used}”列是同一项，只读取“{used}”列",
    "import_total_row": "合计行，已忽略",
    "import_note_row": "签名、日期或说明行，不是数据行，已忽略",
    "import_not_data_row": "没有户编号、姓名或证件号码，不是数据行，已忽略",
    "import_sex_mismatch": "性别“{value}”与身份证号码不符，以身份证号码为准（{sex}）",
    "import_id_twice": "证件号码{value}在表中重复：与第{row}行相同",
    "import_person_no_twice": "人编号{value}在表中重复：与第{row}行相同",
    "import_person_no_taken": "人编号{value}已被{name}（户编号{household_no}）使用",
    "import_household_field_conflict": "{label}“{value}”与同户第{row}行的“{other}”不一致，以第{row}行为准",
    "import_household_area_conflict": "同一户（户编号{household_no}）的乡镇、村、组与第{row}行不一致",
    "import_area_missing": ("区划中没有“{area}”：请管理员在“区划管理”中新增（命令行 area add），"
                            "或确认无误后选择自动创建区划（命令行加 --create-areas）"),
    "import_area_retired": "“{area}”已撤销，不能再导入新的户；请改填现在所属的村组",
    "import_area_created": "新建区划“{area}”",
    "import_village_ambiguous": "有多个乡镇都有“{village}”（{townships}），请填写乡镇列",
    "import_township_missing": "区划中没有“{village}”，表中又没有乡镇，无法确定位置",
    "import_duplicate_skipped": ("{name}（{value}）已在册（户编号{household_no}），已跳过；"
                                 "选择“更新已在册人员”可按表更新"),
    "import_duplicate_updated": "{name}（{value}）已在册，已按表更新：{fields}",
    "import_duplicate_unchanged": "{name}（{value}）已在册，信息与表中相同",
    "import_registered_elsewhere": ("{name}（{value}）已在户编号{household_no}中登记，表中为户编号{file_no}；"
                                    "一人只能在一户中登记，迁户请在窗口中办理"),
    "import_household_all_registered": "户编号{household_no}的成员都已在册，未新建该户",
    "import_heads": "户编号{household_no}应有且只有一位在户的户主（现在有{count}位）",
    "import_household_refused": "同户（户编号{household_no}）其他行有错误，整户未导入",
    "import_household_missing": "户编号{value}不在册，请先导入或登记该户",
    "import_person_missing": "身份证号码{value}不在册，请先导入或登记此人所在的户",
    "import_person_elsewhere": "{name}不在户编号{household_no}中",
    "import_site_missing": "该乡镇没有名为“{value}”的安置点，请先在“安置点”中登记",
    "import_record_twice": "与第{row}行重复",
    "import_record_exists": "已有相同的记录（{other}），已跳过",
    "import_unknown_program": "没有名称或代码为“{value}”的项目",
    "import_payment_not_one_off": ("“{program}”按月发放，批次由享受名单和标准自动生成，不能作为一次性救助导入；"
                                   "已发放的记录请在“资金发放”中查看"),
    "import_cancelled": "已取消导入，数据库未改动",
    "import_unknown_kind": "没有“{value}”这种数据（可选：{choices}）",
    "out_bad_suffix": "输出文件“{path}”的扩展名应为 {suffixes}，请改正文件名",
    "out_is_input": "“{path}”就是要读取的文件“{input}”，不能写在它上面（请换一个文件名）",
    "out_is_folder": "无法写入“{path}”：这是一个文件夹，不是文件",
    "out_other_kind": ("“{path}”已存在，它是{found}，不是{kind}，不会覆盖（以免丢失其中的内容）。"
                       "请换一个文件名；确实不要它时，先自行删除"),
    "export_cannot_write": "无法写入“{path}”：{reason}",
    "export_empty": "所选范围内没有记录，未生成文件",
    "export_scope": "用户“{user}”只管理{township}，不能导出{other}的数据",
    "export_bad_area": "找不到区域“{value}”（或有{count}个同名的，请写成“长铺镇/青石村”或用区划代码）",
    # --- files (suining_desk.domain.os_errors) ---
    "os_error": "无法读写“{path}”：{reason}",
    "os_error_no_path": "读写文件失败：{reason}",
    "cli_no_window": "这里只有命令行：不带命令时请用 suining-desk 或 python -m suining_desk 打开窗口",
    "cli_crashed": "程序内部出错（{kind}）。错误报告已保存到：{path}，请交给技术支持人员",
    "cli_crashed_unreported": "程序内部出错（{kind}），未能保存错误报告",
    **FORM_MESSAGES,
}

# Why a file could not be read or written, by error name (errno), for suining_desk.domain.os_errors.
OS_REASONS: dict[str, str] = {
    "EACCES": "没有权限",
    "EPERM": "没有权限（操作不允许）",
    "ENOENT": "文件或文件夹不存在",
    "EISDIR": "这是一个文件夹，不是文件",
    "ENOTDIR": "路径中有一级不是文件夹",
    "ENOSPC": "磁盘已满",
    "EDQUOT": "磁盘配额已用完",
    "EROFS": "所在磁盘是只读的",
    "EEXIST": "已经存在",
    "ENOTEMPTY": "文件夹不是空的",
    "ENAMETOOLONG": "文件名或路径太长",
    "EINVAL": "文件名或路径无效",
    "EBUSY": "正被其他程序使用",
    "ETXTBSY": "正被其他程序使用",
    "EIO": "磁盘读写出错（磁盘或U盘可能有故障）",
    "ENXIO": "设备不存在（U盘可能已拔出）",
    "ENODEV": "设备不存在（U盘可能已拔出）",
    "EMFILE": "同时打开的文件太多",
    "ENFILE": "同时打开的文件太多",
    "EXDEV": "不能跨磁盘移动",
    "EFBIG": "文件太大",
    "ELOOP": "路径中的快捷方式（符号链接）形成了循环",
    "ETIMEDOUT": "网络连接超时",
    "EHOSTDOWN": "网络上的电脑无法连接",
    "EHOSTUNREACH": "网络上的电脑无法连接",
    "ENOTCONN": "网络连接已断开",
    "in_use": "文件正在其他程序（如 Excel、WPS）中打开，请先关闭",
    "other": "系统错误（{code}）",
}


SHOWN_CHARS = 200  # a value longer than this (a cell full of pasted text) is cut in a message
_LONGER = {"path": 1000, "chain": 1000, "items": 4000, "pages": 4000, "sections": 4000}  # composed by the program


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` as a message may show it: a huge value is never printed whole."""
    if len(text) <= limit:
        return text
    return f"{text[:limit // 2]}……（共{len(text):,}个字，未全部显示）"


def describe(problem: Problem) -> str:
    """Chinese text for a problem; an unknown code still says something useful. A parameter
    too long to show (a 200 MB cell) is shortened, never echoed whole."""
    params = {key: shorten(value, _LONGER.get(key, SHOWN_CHARS)) if isinstance(value, str) else value
              for key, value in problem.params.items()}
    template = MESSAGES.get(problem.code)
    if template is None:
        return shorten(f"{problem.code} {params}", 4000)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


SHOWN_PROBLEMS = 1000  # problems listed one by one in a message or on the console; then a count


def described(problems: Sequence[Problem], *, prefix: str = "", limit: int = SHOWN_PROBLEMS) -> list[str]:
    """The first ``limit`` problems in Chinese (each after ``prefix``), then 还有N个问题未列出:
    a file with a million bad rows gives a message of a thousand lines, never a million (only
    the lines shown are described)."""
    lines = [prefix + describe(p) for p in problems[:limit]]
    if len(problems) > limit:  # indented as the lines are, without a word such as 错误：
        lines.append(f"{prefix[:len(prefix) - len(prefix.lstrip())]}……还有{len(problems) - limit:,}个问题未列出")
    return lines
