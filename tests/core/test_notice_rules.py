"""Notice periods (公示期) by the rules: calendar or working days from the chinese-calendar
package, checked where that calendar is known to be special or incomplete, and the warning
a clerk gets when a chosen period is shorter than its rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from suining_desk.domain.workdays import coverage, is_working_day, notice_period
from suining_desk.ledgers import make_spec
from suining_desk.ledgers.notices import notice_warnings
from suining_desk.services.ledger_settings import (
    CIVIL,
    POVERTY,
    notice_rule,
    rule_group,
    save_ledger_settings,
)

D = dt.date


def test_calendar_days_count_the_start_day() -> None:
    assert notice_period(D(2018, 12, 1), 7, "calendar").end == D(2018, 12, 7)


def test_working_days_skip_the_national_day_week_and_count_its_weekend_working_days() -> None:
    # 2018: 10-01 … 10-07 off; Saturday 09-29 and Sunday 09-30 were working days.
    period = notice_period(D(2018, 9, 28), 10, "working")
    assert period.end == D(2018, 10, 16) and period.guessed_years == ()
    assert is_working_day(D(2018, 9, 30)) is True and is_working_day(D(2018, 10, 3)) is False


def test_the_calendars_special_years_are_kept() -> None:
    # 2015-09-03/04 off for the 70th anniversary, Sunday 09-06 a working day.
    assert not is_working_day(D(2015, 9, 3)) and not is_working_day(D(2015, 9, 4))
    assert is_working_day(D(2015, 9, 6))
    # The 2020 Spring Festival was extended to 02-02 (国办发明电〔2020〕1号): not working days.
    assert [is_working_day(D(2020, 1, d)) for d in (30, 31)] == [False, False]
    assert is_working_day(D(2020, 2, 2)) is False and is_working_day(D(2020, 2, 3)) is True
    assert notice_period(D(2020, 1, 20), 10, "working").end == D(2020, 2, 10)


def test_past_the_calendars_last_year_weekdays_are_counted_and_the_year_is_named() -> None:
    first, last = coverage()
    assert first <= 2004 and last >= 2026
    after = D(last + 1, 1, 1)
    assert is_working_day(after) is None  # not known: never guessed silently
    period = notice_period(D(last, 12, 25), 10, "working")
    assert period.guessed_years == (last + 1,)
    days = [period.start + dt.timedelta(n) for n in range((period.end - period.start).days + 1)]
    counted = [d for d in days if (is_working_day(d) if d.year <= last else d.weekday() < 5)]
    assert len(counted) == 10  # Monday to Friday in the unknown year: 元旦 is not skipped


def test_each_kind_has_its_rule() -> None:
    assert rule_group("dibao") == rule_group("medical") == CIVIL
    assert rule_group("yulu") == rule_group("industry") == rule_group(None) == POVERTY
    assert rule_group("an_admins_new_program") == POVERTY  # the strict rule by default


def test_a_notice_takes_its_rules_period_and_warns_when_shorter(small_demo: object) -> None:
    dibao = make_spec("payments", {"program": "低保", "year": 2018, "month": 11}, date=D(2018, 12, 1), public=True)
    assert (dibao.notice_days, dibao.notice_unit, dibao.notice_end) == (7, "calendar", D(2018, 12, 7))
    assert notice_warnings(dibao) == []
    housing = make_spec("relocations", {"year": 2017}, date=D(2019, 1, 10), public=True)
    assert (housing.notice_days, housing.notice_end) == (10, D(2019, 1, 19))
    short = make_spec("relocations", {"year": 2017}, date=D(2019, 1, 10), public=True, notice_days=7)
    [warning] = notice_warnings(short)
    assert warning.code == "notice_shorter_than_rule" and not warning.is_error
    assert warning.params["end"] == "2019年1月19日"


def test_the_office_may_count_working_days_and_never_shorten_the_rule(small_demo: object) -> None:
    save_ledger_settings({"notice.poverty.unit": "working", "notice.poverty.days": 12}, user="admin")
    assert notice_rule(POVERTY).unit == "working" and notice_rule(POVERTY).days == 12
    spec = make_spec("renovations", {"year": 2018}, date=D(2019, 1, 10), public=True)
    assert spec.notice_end == notice_period(D(2019, 1, 10), 12, "working").end
    calendar = replace(spec, notice_unit="calendar", notice_days=12,
                       notice_end=notice_period(D(2019, 1, 10), 12, "calendar").end)
    assert [w.code for w in notice_warnings(calendar)] == ["notice_shorter_than_rule"]
    from suining_desk.domain.problems import InvalidInput

    with pytest.raises(InvalidInput) as refused:
        save_ledger_settings({"notice.civil.days": 5}, user="admin")
    assert [p.code for p in refused.value.problems] == ["notice_rule_below_law"]
    with pytest.raises(InvalidInput):
        save_ledger_settings({"notice.phone": "12345"}, user="luru")  # an admin's setting
