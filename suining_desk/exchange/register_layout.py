"""The household register in a spreadsheet: one row per person, households grouped by
户编号 — the layout of the national poverty register's export (全国扶贫开发信息系统),
plus the columns this program needs to give a household back exactly (other causes,
address, registration date, members who died or left).
"""

from __future__ import annotations

from suining_desk.domain.enums import HOUSEHOLD_STATUS, POVERTY_CAUSES, RELATIONS
from suining_desk.exchange.columns import Column, Layout, choice_map

HEALTH = ("健康", "长期慢性病", "患有大病", "残疾")
EDUCATION = ("文盲或半文盲", "小学", "初中", "高中", "大专及以上", "学龄前儿童")
SCHOOLING = ("非在校生", "学前教育", "小学", "七年级", "八年级", "九年级", "高中", "中职", "高职", "大专", "本科")
LABOUR = ("普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力")
WORK = ("乡（镇）内务工", "县外省内务工", "省外务工", "其他")
ATTRIBUTES = ("一般贫困户", "低保贫困户", "特困供养贫困户", "低保贫困户、特困供养贫困户")
EXIT_KINDS = {"died": "死亡", "married_out": "婚出", "moved_out": "迁出", "removed": "其他减员"}

RELATION_SPELLINGS = choice_map({
    "户主": ("本人", "户主本人"),
    "配偶": ("妻", "妻子", "夫", "丈夫", "之妻", "之夫"),
    "子": ("之子", "儿子", "长子", "次子", "三子", "独子", "养子", "继子"),
    "女": ("之女", "女儿", "长女", "次女", "三女", "独女", "养女", "继女"),
    "父母": ("父亲", "母亲", "之父", "之母", "父", "母", "公公", "婆婆", "岳父", "岳母"),
    "孙子女": ("孙子", "孙女", "之孙子", "之孙女", "孙", "外孙子", "外孙女", "外孙"),
    "其他": ("儿媳", "之儿媳", "女婿", "之女婿", "兄弟姐妹", "兄", "弟", "姐", "妹", "祖父母",
             "外祖父母", "曾孙子女", "侄子", "侄女", "其它"),
})
STATUS_SPELLINGS = choice_map({
    "poor": (HOUSEHOLD_STATUS["poor"], "未脱贫", "贫困户", "在册"),
    "exited": (HOUSEHOLD_STATUS["exited"], "脱贫", "已脱贫户", "稳定脱贫", "脱贫户"),
    "monitored": (HOUSEHOLD_STATUS["monitored"], "边缘户", "监测对象", "脱贫不稳定户", "边缘易致贫户"),
    "ordinary": (HOUSEHOLD_STATUS["ordinary"], "一般户", "非贫困户", "已清退"),
})
EXIT_KIND_SPELLINGS = choice_map({
    "died": ("死亡", "已故", "病故"),
    "married_out": ("婚出", "出嫁"),
    "moved_out": ("迁出", "户口迁出"),
    "removed": ("其他减员", "减员", "清退", "自然减员"),
})
CAUSE_SPELLINGS = choice_map({c: (c + "致贫",) for c in POVERTY_CAUSES})

REGISTER = Layout(
    kind="households",
    title="建档立卡户花名册",
    sheet_title="花名册",
    key_fields=("household_no", "name", "id_number"),
    notes=(
        "每人一行，同一户的成员户编号相同；户主所在行的户信息（乡镇、村、组、户状态、致贫原因、电话、银行卡等）为准。",
        "证件号码、银行卡号、户编号请保持“文本”格式：Excel 把长数字当作数值时只保留15位，后几位会丢失。",
        "表头可以不在第一行，列的顺序可以任意调整；不认识的列会被忽略并在报告中列出。",
        "日期可写作 2018-11-01、2018/11/1、2018年11月1日；金额可带千分位逗号或“元”。",
    ),
    columns=(
        Column("household_no", "户编号", ("户码", "户号", "家庭编号", "户编码"), required=True, text=True,
               width=20, note="同一户的成员填相同的户编号", example="43052710000101001"),
        Column("person_no", "人编号", ("人员编号", "个人编号", "成员编号"), text=True, width=22,
               note="可不填", example="4305271000010100101"),
        Column("name", "姓名", ("成员姓名", "人员姓名", "家庭成员姓名"), required=True, width=10,
               example="杨桂花"),
        Column("id_number", "证件号码", ("身份证号码", "身份证号", "公民身份号码", "证件号", "身份证"), required=True,
               text=True, width=21, note="18位身份证号码，最后一位可以是X；旧的15位号码会自动转换",
               example="430527195001050603"),
        Column("relation", "与户主关系", ("与户主的关系", "关系", "家庭关系"), required=True, width=10,
               choices=RELATIONS, note="每户有且只有一位户主", example="户主"),
        Column("sex", "性别", width=6, choices=("男", "女"), note="可不填：由身份证号码得出"),
        Column("ethnicity", "民族", width=8, example="苗族"),
        Column("education", "文化程度", width=12, choices=EDUCATION),
        Column("schooling", "在校生状况", ("在校生情况", "在校状况"), width=12, choices=SCHOOLING),
        Column("health", "健康状况", ("健康状态",), width=12, choices=HEALTH),
        Column("disability", "残疾情况", ("残疾类别及等级", "残疾类别", "残疾等级"), width=12, example="肢体二级"),
        Column("labour", "劳动技能", ("劳动能力",), width=16, choices=LABOUR),
        Column("work_status", "务工状况", ("务工情况",), width=14, choices=WORK),
        Column("person_phone", "成员电话", ("本人电话", "个人电话", "本人联系电话",
                                            # under a group title (the national register's two-row header)
                                            "成员/联系电话", "成员/电话", "人员/联系电话", "个人/联系电话"),
               text=True, width=14),
        Column("township", "乡镇", ("乡(镇)", "乡镇名称", "所在乡镇", "乡镇(街道)"), width=12, example="长铺镇",
               note="乡镇、行政村、村民小组须与区划一致；区划中没有的，导入时可选择自动创建"),
        Column("village", "行政村", ("村", "村名", "所在村", "行政村名称", "村(社区)"), required=True, width=12,
               example="青石村"),
        Column("group", "村民小组", ("组", "小组", "村民组", "组别"), required=True, width=10, example="一组"),
        Column("address", "家庭住址", ("住址", "家庭地址", "居住地址"), width=24),
        Column("status", "户状态", ("贫困户状态", "脱贫状态", "贫困状态"), width=14,
               choices=tuple(HOUSEHOLD_STATUS.values()), note="不填时：有脱贫年度为已脱贫，否则为建档立卡贫困户"),
        Column("attribute", "贫困户属性", ("贫困户类型", "户属性"), width=16, choices=ATTRIBUTES),
        Column("main_cause", "主要致贫原因", ("致贫原因", "主要致贫原因(单选)"), width=14, choices=POVERTY_CAUSES),
        Column("other_causes", "其他致贫原因", ("次要致贫原因", "其它致贫原因"), width=16,
               note="多个原因用顿号“、”隔开"),
        Column("exit_year", "脱贫年度", ("脱贫年份", "脱贫时间"), width=8, example="2018"),
        Column("phone", "联系电话", ("户主电话", "联系方式", "电话", "户联系电话"), text=True, width=14),
        Column("bank_name", "开户银行", ("开户行", "开户银行名称"), width=24, example="绥宁县农村信用合作联社"),
        Column("bank_account", "银行卡号", ("一卡通账号", "一卡通号", "银行账号", "账号", "社保卡号", "一卡通"),
               text=True, width=22),
        Column("registered_on", "建档日期", ("识别日期", "纳入日期", "建档时间", "识别时间"), width=12,
               example="2014-06-30"),
        Column("household_removed_on", "清退日期", ("户清退日期", "退出日期"), width=12,
               note="整户从建档立卡名单中清退时填写（同时填清退原因）"),
        Column("household_removal_reason", "清退原因", ("户清退原因", "退出原因"), width=20),
        Column("exit_kind", "减员类型", ("减员方式", "减员情况"), width=10, choices=tuple(EXIT_KINDS.values()),
               note="成员已死亡或迁出时填写，同时填减员日期和原因"),
        Column("exit_date", "减员日期", ("减员时间", "死亡日期"), width=12),
        Column("exit_reason", "减员原因", ("减员说明",), width=16),
    ),
)
