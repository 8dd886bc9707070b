"""The fields of one household member, validated while the clerk types.

Sex and birth date are never typed: they are shown as read from the ID number.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from suining_desk.domain.enums import RELATIONS
from suining_desk.domain.problems import Problem
from suining_desk.rules.household import PersonInput, check_person

from ..dates import from_qdate, to_qdate
from .problem_label import ProblemLabel

HEALTH = ("健康", "长期慢性病", "患有大病", "残疾")
EDUCATION = ("", "文盲或半文盲", "小学", "初中", "高中", "大专及以上", "学龄前儿童")
SCHOOLING = ("", "非在校生", "学前教育", "小学", "七年级", "八年级", "九年级", "高中", "中职", "高职", "大专", "本科")
LABOUR = ("", "普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力")
WORK = ("", "乡（镇）内务工", "县外省内务工", "省外务工", "其他")
UNSET = dt.date(1900, 1, 1)  # the 入户日期 box's 未填


def _combo(items: tuple[str, ...], editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.addItems(list(items))
    box.setEditable(editable)
    return box


class PersonForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None,
                 with_joined: bool = False) -> None:
        """``with_joined``: the 入户日期 can be corrected here (a member on the register); a new
        household's members take its registration date, a new member the date of the change."""
        super().__init__(parent)
        self._today = today
        self.name = QLineEdit(objectName="name")
        self.name.setPlaceholderText(self.tr("姓名"))
        self.id_number = QLineEdit(objectName="id_number")
        self.id_number.setPlaceholderText(self.tr("18位身份证号码"))
        self.id_number.setMaxLength(24)
        self.derived = QLabel(objectName="derived")
        self.relation = _combo(RELATIONS)
        self.relation.setObjectName("relation")
        self.health = _combo(HEALTH, editable=True)
        self.disability = QLineEdit(objectName="disability")
        self.disability.setPlaceholderText(self.tr("如：肢体二级"))
        self.education = _combo(EDUCATION, editable=True)
        self.schooling = _combo(SCHOOLING, editable=True)
        self.labour = _combo(LABOUR, editable=True)
        self.work_status = _combo(WORK, editable=True)
        self.ethnicity = QLineEdit("汉族", objectName="ethnicity")
        self.phone = QLineEdit(objectName="phone")
        self.joined = QDateEdit(objectName="joined_on")
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat("yyyy-MM-dd")
        self.joined.setToolTip(self.tr("成员来到本户的日期：发放批次按各期第一天在户的人数计算"))
        self.joined.setMinimumDate(to_qdate(UNSET))  # shown as 未填: none recorded, none saved
        self.joined.setSpecialValueText(self.tr("未填"))
        self.joined.setDate(to_qdate(UNSET))
        self.name_problems = ProblemLabel()
        self.id_problems = ProblemLabel()
        self.phone_problems = ProblemLabel()
        self.other_problems = ProblemLabel()

        form = QFormLayout(self)
        form.setVerticalSpacing(4)  # as the household form beside it (新增户 fits 1093×614)
        form.addRow(self.tr("姓名(&M)："), self.name)
        form.addRow("", self.name_problems)
        form.addRow(self.tr("身份证号(&I)："), self.id_number)
        form.addRow("", self.id_problems)
        form.addRow(self.tr("性别/出生："), self.derived)
        form.addRow(self.tr("与户主关系(&R)："), self.relation)
        form.addRow(self.tr("健康状况："), self.health)
        form.addRow(self.tr("残疾情况："), self.disability)
        form.addRow(self.tr("文化程度："), self.education)
        form.addRow(self.tr("在校生状况："), self.schooling)
        form.addRow(self.tr("劳动技能："), self.labour)
        form.addRow(self.tr("务工状况："), self.work_status)
        form.addRow(self.tr("民族："), self.ethnicity)
        form.addRow(self.tr("联系电话："), self.phone)
        form.addRow("", self.phone_problems)
        if with_joined:
            form.addRow(self.tr("入户日期(&J)："), self.joined)
        self.joined.setVisible(with_joined)
        self._with_joined = with_joined
        form.addRow("", self.other_problems)

        for edit in (self.name, self.id_number, self.disability, self.ethnicity, self.phone):
            edit.textChanged.connect(self._on_changed)
        for box in (self.relation, self.health, self.education, self.schooling, self.labour, self.work_status):
            box.currentTextChanged.connect(self._on_changed)
        self.joined.dateChanged.connect(self._on_changed)
        self._problems: list[Problem] = []
        self._on_changed()

    # --- value in and out ---
    def value(self) -> PersonInput:
        return PersonInput(
            name=self.name.text().strip(), id_number=self.id_number.text(),
            relation=self.relation.currentText(), ethnicity=self.ethnicity.text().strip(),
            education=self.education.currentText(), schooling=self.schooling.currentText(),
            health=self.health.currentText(), disability=self.disability.text().strip(),
            labour=self.labour.currentText(), work_status=self.work_status.currentText(),
            phone=self.phone.text().strip(),
            joined_on=self.joined_on(),
        )

    def joined_on(self) -> dt.date | None:
        day = from_qdate(self.joined.date())
        return day if self._with_joined and day != UNSET else None

    def set_value(self, p: PersonInput) -> None:
        self.name.setText(p.name)
        self.id_number.setText(p.id_number)
        self.relation.setCurrentText(p.relation)
        self.ethnicity.setText(p.ethnicity)
        for box, text in ((self.health, p.health), (self.education, p.education),
                          (self.schooling, p.schooling), (self.labour, p.labour),
                          (self.work_status, p.work_status)):
            box.setCurrentText(text)
        self.disability.setText(p.disability)
        self.phone.setText(p.phone)
        self.joined.setDate(to_qdate(p.joined_on or UNSET))

    def clear(self) -> None:
        self.set_value(PersonInput(name="", id_number="", relation=RELATIONS[1], ethnicity="汉族",
                                   health=HEALTH[0]))
        self.name.setFocus()

    def is_blank(self) -> bool:
        return not self.name.text().strip() and not self.id_number.text().strip()

    # --- validation ---
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def is_valid(self) -> bool:
        return not any(p.is_error for p in self._problems)

    def show_problems(self, problems: list[Problem]) -> None:
        """Put problems (from live checks or from a refused save) under their fields."""
        by_field: dict[str, list[Problem]] = {"name": [], "id_number": [], "phone": [], "joined_on": [], "": []}
        for p in problems:
            key = (p.field or "").rsplit(".", 1)[-1]
            by_field.get(key, by_field[""]).append(p)
        self.name_problems.show_problems(by_field["name"] if self.name.text() else [])
        self.id_problems.show_problems(by_field["id_number"] if self.id_number.text() else [])
        self.phone_problems.show_problems(by_field["phone"] + by_field["joined_on"])
        self.other_problems.show_problems([p for p in by_field[""] if p.code != "required"])

    def _on_changed(self) -> None:
        info, self._problems = check_person(self.value(), today=self._today)
        if info is not None:
            today = self._today or dt.date.today()
            b = info.birth_date
            age = today.year - b.year - ((today.month, today.day) < (b.month, b.day))
            self.derived.setText(self.tr("{sex}　{birth}　{age}岁").format(sex=info.sex, birth=b.isoformat(), age=age))
        else:
            self.derived.setText(self.tr("（由身份证号自动得出）"))
        self.show_problems(self._problems)
        self.changed.emit()
