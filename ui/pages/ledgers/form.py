"""The ledgers page's form: which ledger, its filters (program, year, month, township,
village, household — each kind shows its own) and the print options; remembered between
sessions. It makes no ledger: :meth:`LedgerForm.values` hands the choices on."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import CALENDAR_DAYS, WORKING_DAYS, AreaLevel
from suining_desk.domain.problems import Problem
from suining_desk.ledgers import KINDS
from suining_desk.ledgers.spec import PAPER_SIZES
from suining_desk.services.areas import area_names, place_of
from suining_desk.services.ledger_settings import MAX_NOTICE_DAYS
from suining_desk.services.programs import lookup_program, program_choices

from ...dates import from_qdate
from ...session import Session
from ...settings import app_settings
from ...widgets.date_edits import date_edit
from ...widgets.problem_label import ProblemLabel
from .spec import LedgerFormValues

# Which filter fields each kind shows (its filter keys, as make_spec takes them). Only kinds
# that are also in the core's KINDS are offered, so a kind appears once its module is in.
FILTERS: dict[str, tuple[str, ...]] = {
    "payments": ("program", "year", "month", "township", "village"),
    "summary": ("year", "township"),
    "relocations": ("year", "township", "village"),
    "renovations": ("year", "township", "village"),
    "household": ("household",),
}
SETTINGS_GROUP = "ledgers"
REMEMBERED = ("reviewer", "deputy", "head", "unit")  # signatories and 填报单位, as last used


def offered_kinds() -> list[str]:
    return [name for name in KINDS if name in FILTERS]


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


class LedgerForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_form_fields")
        self.session = session
        self.kind = QComboBox(objectName="ledger_kind")
        for name in offered_kinds():
            self.kind.addItem(KINDS[name].label, name)
        self._build_filters()
        self._build_options()
        self.problems = ProblemLabel()
        self.problems.setObjectName("ledger_problems")
        self._layout()
        self.restore_choices()
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.public.toggled.connect(lambda _: self._public_changed())
        self.township.textChanged.connect(lambda _: self._fill_village_completer())
        self._kind_changed()

    # --- building ---
    def _build_filters(self) -> None:
        self.program = QComboBox(objectName="ledger_program")
        for _, name in program_choices(active_only=False):
            self.program.addItem(name, name)
        self.year = QLineEdit(objectName="ledger_year")
        self._year_typed = False  # once the clerk types a year, changing the kind keeps it
        self.year.textEdited.connect(self._year_edited)
        self.year.setPlaceholderText(self.tr("如 2018"))
        self.month = QComboBox(objectName="ledger_month")
        self.month.addItem(self.tr("全年"), None)
        for month in range(1, 13):
            self.month.addItem(self.tr("{m}月").format(m=month), month)
        self.township = QLineEdit(objectName="ledger_township")
        account = self.session.account
        if account is not None and account.township_name:  # a township user prints within it
            self.township.setPlaceholderText(self.tr("不填为本乡镇（{township}）").format(township=account.township_name))
        else:
            self.township.setPlaceholderText(self.tr("不填为全县"))
        towns = area_names(AreaLevel.TOWNSHIP)
        self.township.setCompleter(QCompleter(towns, self.township))
        self.village = QLineEdit(objectName="ledger_village")
        self.village.setPlaceholderText(self.tr("不填为全乡镇"))
        self.household = QLineEdit(objectName="ledger_household")
        self.household.setPlaceholderText(self.tr("户编号"))
        self.filter_fields: dict[str, tuple[str, QWidget]] = {
            "program": (self.tr("项目："), self.program),
            "year": (self.tr("年度："), self.year),
            "month": (self.tr("月份："), self.month),
            "township": (self.tr("乡镇："), self.township),
            "village": (self.tr("行政村："), self.village),
            "household": (self.tr("户编号："), self.household),
        }
        self._fill_village_completer()
        self.program.currentIndexChanged.connect(self._program_changed)
        self._program_changed()

    def _program_changed(self) -> None:
        """A program paid by term, quarter or year has no month ledger: its month is 全年."""
        found = lookup_program(self.program.currentData() or "")
        monthly = found is None or found.frequency in ("monthly", "once")
        if not monthly:
            self.month.setCurrentIndex(0)
        self.month.setEnabled(monthly)
        self.month.setToolTip("" if monthly else self.tr("该项目不按月发放，只有全年台账"))

    def _build_options(self) -> None:
        self.public = QCheckBox(self.tr("公示版"), objectName="ledger_public")
        self.public.setToolTip(self.tr("身份证号只显示前6位和后4位，不含银行账号，含公示期"))
        self.notice_days = QSpinBox(objectName="notice_days")
        self.notice_days.setRange(0, MAX_NOTICE_DAYS)  # 0: the rule's period (民政 7 days, 扶贫 10 …)
        self.notice_days.setSpecialValueText(self.tr("按规定"))
        self.notice_days.setSuffix(self.tr(" 天"))
        self.notice_days.setToolTip(self.tr("按规定：民政救助7天，扶贫资金和项目10天（台账设置中可改为更长或按工作日）"))
        self.notice_unit = QComboBox(objectName="notice_unit")
        self.notice_unit.addItem(self.tr("按设置计算"), None)
        self.notice_unit.addItem(self.tr("自然日"), CALENDAR_DAYS)
        self.notice_unit.addItem(self.tr("工作日"), WORKING_DAYS)
        self.paper = QComboBox(objectName="ledger_paper")
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.portrait = QCheckBox(self.tr("纵向"), objectName="ledger_portrait")
        self.date = date_edit("ledger_date", self.session.today())
        self.preparer = QLineEdit(self._display_name(), objectName="ledger_preparer")
        self.reviewer = QLineEdit(objectName="ledger_reviewer")
        self.deputy = QLineEdit(objectName="ledger_deputy")
        self.head = QLineEdit(objectName="ledger_head")
        self.unit = QLineEdit(objectName="ledger_unit")
        self.unit.setPlaceholderText(self.tr("不填为乡镇（或县）人民政府"))

    def _layout(self) -> None:
        filters = QGroupBox(self.tr("范围"))
        self.filter_form = QFormLayout(filters)
        self.filter_form.addRow(self.tr("台账："), self.kind)
        for label, widget in self.filter_fields.values():
            self.filter_form.addRow(label, widget)
        options = QGroupBox(self.tr("打印选项"))
        form = QFormLayout(options)
        public_row = QHBoxLayout()
        public_row.addWidget(self.public)
        public_row.addWidget(QLabel(self.tr("公示期：")))
        public_row.addWidget(self.notice_days, 1)
        public_row.addWidget(self.notice_unit)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper, 1)
        paper_row.addWidget(self.portrait)
        form.addRow("", public_row)
        form.addRow(self.tr("纸张："), paper_row)
        form.addRow(self.tr("填报日期："), self.date)
        form.addRow(self.tr("经办人："), self.preparer)
        form.addRow(self.tr("审核人："), self.reviewer)
        form.addRow(self.tr("分管领导："), self.deputy)
        form.addRow(self.tr("主要领导："), self.head)
        form.addRow(self.tr("填报单位："), self.unit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(filters)
        column.addWidget(options)
        column.addWidget(self.problems)

    def tab_order(self) -> list[QWidget]:
        return [self.kind, self.program, self.year, self.month, self.township, self.village, self.household,
                self.public, self.notice_days, self.notice_unit, self.paper, self.portrait, self.date,
                self.preparer, self.reviewer, self.deputy, self.head, self.unit]

    # --- the form ---
    def _display_name(self) -> str:
        account = self.session.account
        if account is not None:
            return account.display_name or account.username
        return self.session.username

    def _year_edited(self, _text: str) -> None:
        self._year_typed = True

    def default_year(self, kind: str) -> int:
        """The year last used for ``kind``, else the latest year it has records for (in the
        user's township), else this year: the current year often has nothing posted yet."""
        remembered = str(app_settings().value(f"{SETTINGS_GROUP}/year_{kind}", "") or "")
        if remembered.isdigit():
            return int(remembered)
        latest = KINDS[kind].latest_year if kind in KINDS else None
        account = self.session.account
        found = latest(account.township_id if account is not None else None) if latest is not None else None
        return found or self.session.today().year

    def kind_name(self) -> str:
        return str(self.kind.currentData() or "")

    def _kind_changed(self) -> None:
        shown = FILTERS.get(self.kind_name(), ())
        for key, (_, widget) in self.filter_fields.items():
            self.filter_form.setRowVisible(widget, key in shown)
        if "year" in shown and not self._year_typed:
            self.year.setText(str(self.default_year(self.kind_name())))
        has_public = bool(self.kind_name()) and KINDS[self.kind_name()].has_public_variant
        self.public.setEnabled(has_public)
        if not has_public:
            self.public.setChecked(False)
        self._public_changed()
        self.problems.show_problems([])

    def _public_changed(self) -> None:
        public = self.public.isEnabled() and self.public.isChecked()
        self.notice_days.setEnabled(public)
        self.notice_unit.setEnabled(public)

    def _fill_village_completer(self) -> None:
        names = area_names(AreaLevel.VILLAGE, under=self.township.text().strip())
        self.village.setCompleter(QCompleter(names, self.village))

    def set_area(self, area_id: int | None) -> None:
        """The area picked in the tree is the ledger's township and village."""
        town, village = place_of(area_id)
        self.township.setText(town)
        self.village.setText(village)

    def raw_filters(self) -> dict[str, object]:
        values: Mapping[str, Callable[[], object]] = {
            "program": self.program.currentData, "year": self.year.text, "month": self.month.currentData,
            "township": self.township.text, "village": self.village.text, "household": self.household.text,
        }
        return {key: values[key]() for key in FILTERS.get(self.kind_name(), ())}

    def values(self) -> LedgerFormValues:
        """What the clerk chose, as plain values (:func:`.spec.spec_from` checks them)."""
        return LedgerFormValues(
            self.kind_name(), self.raw_filters(), date=from_qdate(self.date.date()),
            public=self.public.isEnabled() and self.public.isChecked(), paper=str(self.paper.currentData()),
            portrait=self.portrait.isChecked(), preparer=self.preparer.text(), reviewer=self.reviewer.text(),
            deputy=self.deputy.text(), head=self.head.text(), unit=self.unit.text(),
            notice_days=self.notice_days.value() or None, notice_unit=self.notice_unit.currentData())

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems.show_problems(problems)
        field = next((p.field for p in problems if p.field in self.filter_fields), None)
        if field is not None:
            self.filter_fields[field][1].setFocus()

    # --- remembered choices ---
    def restore_choices(self) -> None:
        settings = app_settings()
        settings.beginGroup(SETTINGS_GROUP)
        index = self.kind.findData(settings.value("kind", ""))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        index = self.paper.findData(settings.value("paper", "A4"))
        self.paper.setCurrentIndex(max(index, 0))
        self.portrait.setChecked(_flag(settings, "portrait", False))
        try:  # 0: the rule's period
            self.notice_days.setValue(int(str(settings.value("notice_days", 0))))
        except ValueError:
            self.notice_days.setValue(0)
        self.notice_unit.setCurrentIndex(max(0, self.notice_unit.findData(settings.value("notice_unit"))))
        for key in REMEMBERED:
            getattr(self, key).setText(str(settings.value(key, "")))
        settings.endGroup()

    def remember_choices(self) -> None:
        settings = app_settings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("kind", self.kind_name())
        settings.setValue("paper", self.paper.currentData())
        settings.setValue("portrait", self.portrait.isChecked())
        settings.setValue("notice_days", self.notice_days.value())
        settings.setValue("notice_unit", self.notice_unit.currentData())
        if "year" in FILTERS.get(self.kind_name(), ()) and self.year.text().strip().isdigit():
            settings.setValue(f"year_{self.kind_name()}", self.year.text().strip())
        for key in REMEMBERED:
            settings.setValue(key, getattr(self, key).text().strip())
        settings.endGroup()

    def refresh_programs(self) -> None:
        """Programs may have been added since the page was built."""
        current = self.program.currentData()
        names = [name for _, name in program_choices(active_only=False)]
        if names == [self.program.itemData(i) for i in range(self.program.count())]:
            return
        self.program.clear()
        for name in names:
            self.program.addItem(name, name)
        index = self.program.findData(current)
        if index >= 0:
            self.program.setCurrentIndex(index)
