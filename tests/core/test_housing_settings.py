"""Caps and standards with the date they take effect."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.db.models import AuditEntry, Setting
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.settings import (
    RELOCATION_AREA_CAP,
    RELOCATION_SELF_RAISED_CAP,
    set_setting,
    setting_history,
    setting_value,
)


def test_defaults_then_values_from_their_dates(db: object) -> None:
    assert setting_value(RELOCATION_AREA_CAP, dt.date(2018, 1, 1)) == 2500
    set_setting(RELOCATION_AREA_CAP, 3000, effective_from=dt.date(2019, 1, 1), user="admin")
    assert setting_value(RELOCATION_AREA_CAP, dt.date(2018, 12, 31)) == 2500
    assert setting_value(RELOCATION_AREA_CAP, dt.date(2019, 1, 1)) == 3000
    set_setting(RELOCATION_AREA_CAP, 2800, effective_from=dt.date(2019, 1, 1), user="admin")  # a correction
    assert Setting.select().count() == 1 and setting_value(RELOCATION_AREA_CAP, dt.date(2020, 1, 1)) == 2800
    history = setting_history(RELOCATION_AREA_CAP)
    assert [(h.value, h.effective_from) for h in history] == [(2500, dt.date(2000, 1, 1)),
                                                            (2800, dt.date(2019, 1, 1))]
    assert AuditEntry.select().where(AuditEntry.action == "setting_changed").count() == 2


def test_bad_setting_values_are_refused(db: object) -> None:
    with pytest.raises(InvalidInput) as info:
        set_setting(RELOCATION_SELF_RAISED_CAP, 0, effective_from=dt.date(2019, 1, 1), user="admin")
    assert info.value.problems[0].code == "setting_not_positive"
    with pytest.raises(InvalidInput):
        set_setting("no_such_key", 1, effective_from=dt.date(2019, 1, 1), user="admin")
    assert Setting.select().count() == 0


def test_a_demo_style_row_without_date_counts_from_2000(db: object) -> None:
    Setting.create(key=RELOCATION_SELF_RAISED_CAP, value="1000000", recorded_by="system")
    assert setting_value(RELOCATION_SELF_RAISED_CAP, dt.date(2016, 5, 1)) == 1_000_000
