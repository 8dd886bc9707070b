"""A township user prints only ledgers within their township; county-wide users, and public
notices printed without a user on the command line, are not limited. Demo users: admin
(全县), luru and shenhe (长铺镇)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db.models import Area, Household
from suining_desk.domain.messages import describe
from suining_desk.ledgers import make_spec, write_ledger
from suining_desk.ledgers.kinds.common import find_township
from suining_desk.services.access import AccessDenied
from suining_desk.services.accounts import change_password, create_user
from tests.ledger_pdf import DATE

PASSWORD = "suining2018"


@pytest.fixture
def demo(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    yield small_demo


def _seat() -> Area:
    return find_township("长铺镇")


def test_a_township_user_who_leaves_the_area_out_gets_their_township(demo: Path) -> None:
    for kind, raw in (("payments", {"program": "低保", "year": 2018}), ("summary", {"year": 2018}),
                      ("relocations", {"year": 2017}), ("renovations", {"year": 2018})):
        spec = make_spec(kind, raw, date=DATE, printed_as="luru")
        assert spec.filters["township"] == _seat().code, kind
    # County-wide users and prints without a user stay county-wide.
    assert "township" not in make_spec("summary", {"year": 2018}, date=DATE, printed_as="admin").filters
    assert "township" not in make_spec("summary", {"year": 2018}, date=DATE).filters


def test_another_township_or_the_county_is_refused_in_chinese(demo: Path, tmp_path: Path) -> None:
    with pytest.raises(AccessDenied) as refused:
        make_spec("payments", {"program": "低保", "year": 2018, "township": "武阳镇"}, date=DATE, printed_as="luru")
    assert [describe(p) for p in refused.value.problems] == ["用户“luru”只管理长铺镇，不能打印武阳镇的台账"]
    # A county-wide spec (made without a user) is refused when a township user writes it.
    county = make_spec("summary", {"year": 2018}, date=DATE)
    with pytest.raises(AccessDenied) as refused:
        write_ledger(county, tmp_path / "s.pdf", username="luru", printed_as="luru")
    assert "不能打印全县的台账" in describe(refused.value.problems[0])
    assert not (tmp_path / "s.pdf").exists()
    write_ledger(county, tmp_path / "s.pdf", username="admin", printed_as="admin")


def test_a_household_file_only_for_a_household_of_the_users_township(demo: Path, tmp_path: Path) -> None:
    household = Household.get(Household.township == _seat().id)
    assert make_spec("household", {"household": household.household_no}, date=DATE, printed_as="shenhe")
    create_user("wuyang", "武阳录入", "clerk", find_township("武阳镇").id, PASSWORD, by="admin")
    change_password("wuyang", PASSWORD, "Wuyang2019x")  # the first login
    with pytest.raises(AccessDenied) as refused:
        make_spec("household", {"household": household.household_no}, date=DATE, printed_as="wuyang")
    assert describe(refused.value.problems[0]) == "用户“wuyang”只管理武阳镇，不能打印长铺镇的台账"
    assert refused.value.problems[0].field == "household"


def test_cli_with_a_township_user(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["ledger", "payments", "--program", "低保", "--year", "2018", "--db", str(demo)]
    assert main([*base, "--user", "luru", "--out", str(tmp_path / "u.pdf")]) == 0
    assert "绥宁县长铺镇2018年低保资金发放台账" in capsys.readouterr().out  # their township, not the county
    assert main([*base, "--user", "luru", "--township", "武阳镇", "--out", str(tmp_path / "w.pdf")]) != 0
    assert "不能打印武阳镇的台账" in capsys.readouterr().err
    assert not (tmp_path / "w.pdf").exists()
    # Without --user only the public notice, logged as the system user and not limited.
    assert main([*base, "--out", str(tmp_path / "all.pdf")]) == 1
    assert "须先登录：请用 --user 指明用户名" in capsys.readouterr().err and not (tmp_path / "all.pdf").exists()
    assert main([*base, "--public", "--out", str(tmp_path / "all.pdf")]) == 0
    assert "绥宁县2018年低保资金发放公示：" in capsys.readouterr().out
