"""Shared by the ledger kinds: checking filters, area names, period words, record lines,
and how a 公示 prints personal numbers.

Filters are typed by clerks as names (``低保``, ``长铺镇``) or codes (``dibao``,
``430527100``); they are stored as codes. Anything unknown is an
:class:`~suining_desk.domain.problems.InvalidInput` with a Chinese-ready problem.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Final, TypeVar

from suining_desk.db.area_scope import area_scope
from suining_desk.db.models import Area, Program, database
from suining_desk.domain import periods
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.idnumber import mask
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.privacy import mask_bank, redact
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers.spec import FilterValue
from suining_desk.services.programs import lookup_program

COUNTY_NAME: Final = "绥宁县"
SQLITE_VARIABLES: Final = 900  # ids per IN (…) query
_PHONE_LIKE = re.compile(r"(?<![0-9])[0-9]{7,}(?![0-9])")  # landlines (7–8 digits) and mobiles (11)

T = TypeVar("T")


def _text(raw: Mapping[str, object], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def check_year(raw: Mapping[str, object]) -> int:
    text = _text(raw, "year")
    if not text:
        raise InvalidInput([Problem("required", {"label": "年度"}, field="year")])
    return periods.check_year(text)


def check_month(raw: Mapping[str, object]) -> int | None:
    text = _text(raw, "month")
    if not text:
        return None
    return periods.check_month_number(text)


def find_program(text: str) -> Program:
    program = lookup_program(text)
    if program is None:
        names = "、".join(p.name for p in Program.select(Program.name).order_by(Program.sort_order, Program.id))
        if not names:
            raise InvalidInput([Problem("program_none_yet", {"value": text}, field="program")])
        raise InvalidInput([Problem("ledger_unknown_program", {"value": text, "choices": names},
                                    field="program")])
    return program


def find_township(text: str) -> Area:
    found = list(Area.select().where((Area.level == AreaLevel.TOWNSHIP)
                                     & ((Area.name == text) | (Area.code == text))))
    if len(found) != 1:
        raise InvalidInput([Problem("ledger_unknown_township", {"value": text}, field="township")])
    return found[0]


def find_village(text: str, township: Area | None) -> Area:
    query = Area.select().where((Area.level == AreaLevel.VILLAGE) & ((Area.name == text) | (Area.code == text)))
    if township is not None:
        query = query.where(Area.parent == township)
    found = list(query)
    if not found:
        where = township.name if township is not None else COUNTY_NAME
        raise InvalidInput([Problem("ledger_unknown_village", {"value": text, "township": where},
                                    field="village")])
    if len(found) > 1:
        towns = "、".join(sorted(area_name(v.parent_id) for v in found))
        raise InvalidInput([Problem("ledger_ambiguous_village", {"value": text, "townships": towns},
                                    field="village")])
    return found[0]


def resolve_area_filters(raw: Mapping[str, object], *, village: bool) -> dict[str, str]:
    """``township`` / ``village`` names or codes → area codes (absent when not given)."""
    out: dict[str, str] = {}
    township = None
    if _text(raw, "township"):
        township = find_township(_text(raw, "township"))
        out["township"] = township.code
    if village and _text(raw, "village"):
        out["village"] = find_village(_text(raw, "village"), township).code
        if township is None:
            parent = Area.get_by_id(Area.get(Area.code == out["village"]).parent_id)
            out["township"] = parent.code
    return out


def resolve_year_area(raw: Mapping[str, object]) -> dict[str, FilterValue]:
    """``year`` and the area (township, village) of a kind filtered by those alone."""
    out: dict[str, FilterValue] = {"year": check_year(raw)}
    out.update(resolve_area_filters(raw, village=True))
    return out


def area_by_code(code: object, level: AreaLevel) -> Area | None:
    if code is None:
        return None
    area = Area.get_or_none((Area.code == str(code)) & (Area.level == level))
    if area is None:
        key = "ledger_unknown_township" if level is AreaLevel.TOWNSHIP else "ledger_unknown_village"
        raise InvalidInput([Problem(key, {"value": str(code), "township": COUNTY_NAME})])
    return area


def township_id(filters: Mapping[str, FilterValue]) -> int | None:
    """The township a kind's stable area filters lie in (None: the whole county)."""
    township = area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    return int(township.id) if township is not None else None


def _latest(sql: str, township_id: int | None) -> int | None:
    params: list[object] = []
    if township_id is not None:
        sql += " AND township_id = ?"
        params.append(township_id)
    value = database.execute_sql(sql, params).fetchone()[0]
    return int(str(value)[:4]) if value else None


def latest_payment_year(township_id: int | None) -> int | None:
    """The latest year with posted payments (the running totals hold only posted ones)."""
    return _latest("SELECT MAX(period) FROM payment_total WHERE payments > 0", township_id)


def latest_relocation_year(township_id: int | None) -> int | None:
    return _latest("SELECT MAX(batch_year) FROM relocation WHERE 1", township_id)


def latest_renovation_year(township_id: int | None) -> int | None:
    return _latest("SELECT MAX(year) FROM renovation WHERE 1", township_id)


def area_name(area_id: int | None) -> str:
    if area_id is None:
        return ""
    area = Area.get_or_none(Area.id == area_id)
    return area.name if area is not None else ""


def area_clause(alias: str, township: Area | None, village: Area | None) -> tuple[str, list[object]]:
    """`` AND x.village_id = ?`` (or the township's) for the narrowest area given (the filters
    already checked the village lies in the township), with its parameters."""
    area = village or township
    sql, params = area_scope(area.id if area is not None else None).sql(alias)
    return (f" AND {sql}" if sql else ""), list(params)


def place_words(township: Area | None, village: Area | None) -> str:
    """The area as in a title: '长铺镇青石村', '长铺镇' or '' (the whole county)."""
    return (township.name if township is not None else "") + (village.name if village is not None else "")


def without(items: Sequence[T], drop: Collection[int]) -> tuple[T, ...]:
    """``items`` less the positions in ``drop`` (columns left out of a ledger, and their cells)."""
    return tuple(x for i, x in enumerate(items) if i not in drop)


def id_cell(number: str, public: bool) -> str:
    """An ID number as a ledger prints it: whole on the clerks' ledger, masked on a 公示."""
    return mask(number) if public and number else number


def note_cell(text: str, public: bool) -> str:
    """Free text typed by a clerk, as a ledger prints it. On a 公示 any ID number in it is
    masked by the one policy and any other run of seven or more digits (a telephone or a
    bank account) keeps only its last four."""
    if not public:
        return text
    return _PHONE_LIKE.sub(lambda m: mask_bank(m.group(0)), redact(text))


def square_metres(x100: int) -> str:
    """m² × 100 → '96', '80.5' ('' when not recorded)."""
    if not x100:
        return ""
    whole, part = divmod(x100, 100)
    return f"{whole}.{part:02d}".rstrip("0").rstrip(".")


def unit_for(township: Area | None) -> str:
    """The default 填报单位: the township's government, or the county's."""
    return f"{township.name if township is not None else COUNTY_NAME}人民政府"


def period_range(year: int, month: int | None) -> tuple[str, str]:
    """Bounds for ``period BETWEEN ? AND ?``: one month, or every period of the year
    ('2018', '2018-01' … '2018-12', '2018-Q3', '2018-T1'), using the period indexes."""
    if month is not None:
        one = f"{year}-{month:02d}"
        return one, one
    return f"{year}", f"{year}-~"


def period_words(period: str) -> str:
    """'2018-11' → '11月', '2018-T1' → '第1学期', '2018-Q3' → '第3季度', '2018' → '全年'."""
    _, _, rest = period.partition("-")
    if not rest:
        return "全年"
    if rest.isdigit():
        return f"{int(rest)}月"
    if rest[0] == "T":
        return f"第{rest[1:]}学期"
    if rest[0] == "Q":
        return f"第{rest[1:]}季度"
    return rest


def chunks(ids: Sequence[int], size: int = SQLITE_VARIABLES) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def describe_payments(ids: Sequence[int]) -> list[str]:
    """One line per payment id, naming the beneficiary (and the payee where another was paid):
    ``#3798 长铺镇青石村 李兵志 2016-11 -480.00 冲销#269``,
    ``#52 长铺镇青石村 李小红（领款人 李兵志） 2017-10 120.00``."""
    lines: dict[int, str] = {}
    sql = (
        "SELECT p.id, t.name, v.name, COALESCE(pe.name, h.head_name), COALESCE(NULLIF(p.payee_name, ''), "
        "h.head_name), p.period, p.amount_fen, p.reverses_id, p.posted FROM payment p "
        "JOIN household h ON h.id = p.household_id LEFT JOIN person pe ON pe.id = p.person_id "
        "JOIN area t ON t.id = p.township_id JOIN area v ON v.id = p.village_id WHERE p.id IN ({})"
    )
    for part in chunks(list(ids)):
        cursor = database.execute_sql(sql.format(", ".join("?" * len(part))), list(part))
        for pid, town, village, name, payee, period, amount, reverses, posted in cursor.fetchall():
            who = name if payee == name else f"{name}（领款人 {payee}）"
            text = f"#{pid} {town}{village} {who} {period} {fen_to_yuan_str(amount)}"
            if reverses:
                text += f" 冲销#{reverses}"
            if not posted:
                text += " 未发放"
            lines[pid] = text
    return [lines.get(i, f"#{i}（数据库中已无此记录）") for i in ids]
