"""The ledgers page's request, from the form's values alone (no widgets): checked by the core."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from suining_desk.domain.problems import InvalidInput
from tests.ui.conftest import DemoCounty
from ui.pages.ledgers.spec import LedgerFormValues, spec_from


def _values(**filters: object) -> LedgerFormValues:
    return LedgerFormValues("payments", filters, date=dt.date(2018, 12, 31), public=True, paper="A4", portrait=False,
                            preparer="录入员", reviewer="审核员", deputy="", head="", unit="", notice_days=7,
                            notice_unit=None)


def test_the_form_values_make_the_request_or_say_what_is_wrong(demo_db: DemoCounty) -> None:
    spec = spec_from(_values(program="低保", year="2018", month=11, township="长铺镇", village=""), "luru")
    assert (spec.kind, spec.public, spec.date) == ("payments", True, dt.date(2018, 12, 31))
    with pytest.raises(InvalidInput) as info:
        spec_from(_values(program="低保", year="二〇一八", month=None, township="", village=""), "luru")
    assert info.value.problems[0].field == "year"


def test_no_notice_period_takes_the_rule_and_the_deputy_signs(demo_db: DemoCounty) -> None:
    values = _values(program="低保", year="2018", month=11, township="长铺镇", village="")
    spec = spec_from(replace(values, notice_days=None, deputy="分管领导甲"), "luru")
    assert (spec.notice_days, spec.notice_unit) == (7, "calendar")  # 民政救助: 7 days
    assert ("deputy", "分管领导甲") in spec.names
    spec = spec_from(replace(values, notice_days=10, notice_unit="working"), "luru")
    assert (spec.notice_days, spec.notice_unit) == (10, "working")
