"""One spreadsheet row of the register → one staged person and the row's problems.

Field rules are the register's own (:mod:`suining_desk.rules.household`): a row is
checked as the household form would check it. Household fields (area, status, causes,
phone, bank card …) may be filled on every row of the household or only on the head's;
blanks are staged as NULL so the household can be put together later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from suining_desk.domain.problems import Problem, Severity
from suining_desk.exchange.cells import Cell, clean_text, code_text, is_blank, read_date, read_int, squeeze
from suining_desk.exchange.columns import HeaderMatch, normalize_header
from suining_desk.exchange.register_layout import (
    CAUSE_SPELLINGS,
    EXIT_KIND_SPELLINGS,
    REGISTER,
    RELATION_SPELLINGS,
    STATUS_SPELLINGS,
)
from suining_desk.exchange.safe_cells import NOTE_KEYS, formula_problem
from suining_desk.exchange.totals import footer_kind, has_total_word
from suining_desk.rules.household import HouseholdInput, PersonInput, check_household, check_person

KEYS = ("household_no", "name", "id_number")  # a row with one of these filled is a person's row
TEXT_LIMITS = {"ethnicity": 20, "education": 20, "schooling": 20, "health": 20, "disability": 30,
               "labour": 20, "work_status": 20, "address": 120, "bank_name": 40, "exit_reason": 120,
               "township": 60, "village": 60, "group": 60, "household_removal_reason": 120}
# The staged columns, in order (see register_import.STAGE_SQL).
STAGED = (
    "row", "household_no", "person_no", "name", "id_number", "sex", "birth_date", "relation", "ethnicity",
    "education", "schooling", "health", "disability", "labour", "work_status", "person_phone",
    "exit_kind", "exit_date", "exit_reason", "bad",
    # household fields: NULL when the row leaves them blank
    "township", "village", "grp", "address", "status", "dibao", "tekun", "main_cause", "other_causes",
    "exit_year", "phone", "bank_name", "bank_account", "registered_on", "household_removed_on",
    "household_removal_reason",
)
HOUSEHOLD_FIELDS = STAGED[STAGED.index("township"):]
_PERSON_FIELD_COLUMNS = {"name": "name", "id_number": "id_number", "relation": "relation",
                         "phone": "person_phone"}
_HOUSEHOLD_FIELD_COLUMNS = {"status": "status", "exit_year": "exit_year", "main_cause": "main_cause",
                            "phone": "phone", "bank_account": "bank_account"}


Report = Callable[[str, list[Problem]], None]


@dataclass(frozen=True)
class RowIssue:
    row: int
    column: str  # layout key ('' = the row as a whole)
    problem: Problem


class RowParser:
    """Turns the cells of one row into a staged tuple (see :data:`STAGED`) and issues."""

    def __init__(self, header: HeaderMatch, *, today: dt.date) -> None:
        self.present = sorted(header.positions.items(), key=lambda item: item[1])
        self.labels = {c.key: header.labels.get(c.key, c.label) for c in REGISTER.columns}
        self.today = today

    def values(self, cells: Sequence[Cell]) -> dict[str, Cell]:
        n = len(cells)
        return {key: cells[i] for key, i in self.present if i < n and cells[i] is not None}

    def kind_of_row(self, cells: Sequence[Cell], values: dict[str, Cell]) -> str:
        """'data', 'blank', 'total' (a 合计 line), 'note' (a signature line in a key column) or 'other'."""
        if not values and all(is_blank(v) for v in cells):
            return "blank"
        footer = footer_kind((values.get(k) for k in KEYS), (values.get("id_number"),))
        if footer is not None:
            return footer
        if not is_blank(values.get("household_no")) or not is_blank(values.get("id_number")):
            return "data"
        texts = [squeeze(clean_text(v)) for v in cells if not is_blank(v)]
        if not texts:
            return "blank"
        if has_total_word(texts[:4]):
            return "total"
        return "data" if not is_blank(values.get("name")) else "other"

    def parse(self, number: int, values: dict[str, Cell]) -> tuple[tuple[object, ...], list[RowIssue]]:
        issues: list[RowIssue] = []
        labels = self.labels

        def add(column: str, problems: list[Problem]) -> None:
            issues.extend(RowIssue(number, column, p) for p in problems)

        household_no, found = code_text(values.get("household_no"), labels["household_no"])
        if found:
            add("household_no", found)
        elif not household_no:
            add("household_no", [Problem("required", {"label": labels["household_no"]})])
        elif len(household_no) > 30:
            add("household_no", [Problem("too_long", {"label": labels["household_no"], "max": 30})])
        person_no, found = code_text(values.get("person_no"), labels["person_no"])
        add("person_no", found)
        if len(person_no) > 30:
            add("person_no", [Problem("too_long", {"label": labels["person_no"], "max": 30})])
        id_text, id_found = code_text(values.get("id_number"), labels["id_number"])
        add("id_number", id_found)

        name = clean_text(values.get("name"))
        if not name.isascii():
            name = squeeze(name)
        relation_text = squeeze(clean_text(values.get("relation")))
        relation = RELATION_SPELLINGS.get(normalize_header(relation_text), relation_text)
        phone = code_text(values.get("person_phone"), labels["person_phone"])[0]
        info, person_problems = check_person(PersonInput(name=name, id_number=id_text, relation=relation,
                                                         phone=phone), today=self.today)
        for p in person_problems:
            column = _PERSON_FIELD_COLUMNS.get(p.field or "", "")
            if column == "id_number" and id_found:
                continue  # already explained: the cell lost its digits
            add(column, [Problem(p.code, p.params, p.severity)])

        sex = ""
        if info is not None:
            sex = info.sex
            given = clean_text(values.get("sex"))
            if given and given[:1] not in (sex, {"男": "M", "女": "F"}[sex]):
                add("sex", [Problem("import_sex_mismatch", {"value": given, "sex": sex}, Severity.WARNING)])

        texts = {key: clean_text(values.get(key)) for key in TEXT_LIMITS}
        for key, limit in TEXT_LIMITS.items():
            if len(texts[key]) > limit:
                add(key, [Problem("too_long", {"label": labels[key], "max": limit})])
            elif formula := formula_problem(texts[key], labels[key], note=key in NOTE_KEYS):
                add(key, [formula])  # =HYPERLINK(…) as an address: never stored
        exit_kind, exit_date = self._exit(values, add, info.birth_date if info else None)
        household = self._household(values, texts, add)

        bad = any(i.problem.is_error for i in issues)
        staged = (
            number, household_no, person_no or None, name, info.number if info else id_text, sex,
            info.birth_date.isoformat() if info else None, relation, texts["ethnicity"], texts["education"],
            texts["schooling"], texts["health"], texts["disability"], texts["labour"], texts["work_status"],
            phone, exit_kind, exit_date, texts["exit_reason"], int(bad), *household,
        )
        return staged, issues

    def _exit(self, values: dict[str, Cell], report: Report, birth: dt.date | None
              ) -> tuple[str | None, str | None]:
        kind_text = squeeze(clean_text(values.get("exit_kind")))
        when, problems = read_date(values.get("exit_date"), self.labels["exit_date"])
        report("exit_date", problems)
        kind = EXIT_KIND_SPELLINGS.get(normalize_header(kind_text)) if kind_text else None
        if kind_text and kind is None:
            report("exit_kind", [Problem("bad_choice", {"label": self.labels["exit_kind"], "value": kind_text})])
        if kind is None and when is not None and not kind_text:
            kind = "removed"
        if kind is not None and when is None and not problems:
            report("exit_date", [Problem("required", {"label": self.labels["exit_date"]})])
        if when is not None:
            if when > self.today:
                report("exit_date", [Problem("date_in_future", {"value": when.isoformat()})])
            elif birth is not None and when < birth:
                report("exit_date", [Problem("date_before_birth", {"value": when.isoformat()})])
        return kind, when.isoformat() if when else None

    def _household(self, values: dict[str, Cell], texts: dict[str, str], report: Report) -> tuple[object, ...]:
        """The household fields as typed on this row (checked once per household later)."""
        labels = self.labels
        status_text = clean_text(values.get("status")) or None
        status = STATUS_SPELLINGS.get(normalize_header(status_text)) if status_text else None
        if status_text and status is None:
            report("status", [Problem("bad_choice", {"label": labels["status"], "value": status_text})])
        year, problems = read_int(values.get("exit_year"), labels["exit_year"], suffixes="年")
        report("exit_year", problems)
        if status is None and year is not None and not status_text:
            status = "exited"
        dibao, tekun = self._attribute(clean_text(values.get("attribute")), report)
        main_cause = clean_text(values.get("main_cause")) or None
        if main_cause:
            main_cause = CAUSE_SPELLINGS.get(normalize_header(main_cause), main_cause)
        others_text = clean_text(values.get("other_causes"))
        others = [CAUSE_SPELLINGS.get(normalize_header(c), c.strip())
                  for c in others_text.replace(",", "、").replace(";", "、").split("、") if c.strip()]
        phone = code_text(values.get("phone"), labels["phone"])[0] or None
        account, problems = code_text(values.get("bank_account"), labels["bank_account"])
        report("bank_account", problems)
        registered, problems = read_date(values.get("registered_on"), labels["registered_on"])
        report("registered_on", problems)
        removed, problems = read_date(values.get("household_removed_on"), labels["household_removed_on"])
        report("household_removed_on", problems)
        if removed is not None and removed > self.today:
            report("household_removed_on", [Problem("date_in_future", {"value": removed.isoformat()})])
        return (
            texts["township"] or None, texts["village"] or None, texts["group"] or None, texts["address"] or None,
            status, dibao, tekun, main_cause, "、".join(others) if others else None, year, phone,
            texts["bank_name"] or None, account.replace(" ", "") or None,
            registered.isoformat() if registered else None, removed.isoformat() if removed else None,
            texts["household_removal_reason"] or None,
        )

    @staticmethod
    def _attribute(text: str, report: Report) -> tuple[int | None, int | None]:
        if not text:
            return None, None
        value = squeeze(text)
        dibao = "低保" in value
        tekun = "特困" in value or "五保" in value
        if not (dibao or tekun or "一般" in value):
            report("attribute", [Problem("bad_choice", {"label": "贫困户属性", "value": text})])
            return None, None
        return int(dibao), int(tekun)


def check_household_fields(household_no: str, fields: dict[str, object], *, today: dt.date
                           ) -> list[tuple[str, Problem]]:
    """The register's checks of a household's merged fields, as (staged field, problem)."""
    others = str(fields.get("other_causes") or "")
    check = HouseholdInput(
        household_no=household_no, group_id=0, status=str(fields.get("status") or "poor"),
        exit_year=fields.get("exit_year"),  # type: ignore[arg-type]
        main_cause=str(fields.get("main_cause") or ""), other_causes=[c for c in others.split("、") if c],
        phone=str(fields.get("phone") or ""), bank_account=str(fields.get("bank_account") or ""))
    found = []
    for p in check_household(check, today=today):
        if p.field == "household_no":
            continue  # checked on each row
        key = _HOUSEHOLD_FIELD_COLUMNS.get(p.field or "", "")
        if key == "main_cause" and p.params.get("value") != fields.get("main_cause"):
            key = "other_causes"
        found.append((key, Problem(p.code, p.params, p.severity)))
    return found
