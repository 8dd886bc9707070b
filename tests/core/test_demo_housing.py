"""The demo's relocations and renovations pass the program's own rules."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Relocation, Renovation, Setting
from suining_desk.demo import generate_demo
from suining_desk.demo.generate import MARK
from suining_desk.services.housing_detail import relocation_input, renovation_input
from suining_desk.services.relocations import relocation_problems
from suining_desk.services.renovations import renovation_problems, standard_for
from suining_desk.services.settings import SPECS

DEMO_END = dt.date(2018, 12, 31)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-housing") / "small.sqlite3"
    generate_demo(open_database(path))
    close_database()
    return path


def test_demo_settings_are_the_ones_the_program_reads(small: Path) -> None:
    open_database(small)
    try:
        keys = {s.key for s in Setting.select()}
        assert keys - {"county_name", MARK} == set(SPECS)
        assert (standard_for("D", 2015), standard_for("D", 2017), standard_for("C", 2014)) == (
            2_500_000, 3_500_000, 800_000)
    finally:
        close_database()


def test_every_demo_record_passes_the_rules(small: Path) -> None:
    open_database(small)
    try:
        found: Counter[str] = Counter()
        for r in Relocation.select():
            problems = relocation_problems(relocation_input(r), user="system", relocation_id=r.id, today=DEMO_END)
            found.update(p.code for p in problems if p.is_error)
        for n in Renovation.select():
            problems = renovation_problems(renovation_input(n), user="system", renovation_id=n.id, today=DEMO_END)
            found.update(p.code for p in problems if p.is_error)
            assert n.standard_fen == standard_for(n.grade, n.year)
        assert found == Counter()
        assert Renovation.select().where((Renovation.status != "accepted") & (Renovation.subsidy_fen > 0)).count() == 0
    finally:
        close_database()
