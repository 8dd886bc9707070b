"""Settlement sites (安置点): a managed list with township, kind and capacity."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, fn

from suining_desk import audit
from suining_desk.db.models import Area, Relocation, SettlementSite, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import SITE_KINDS, AreaLevel
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.housing import SiteFacts
from suining_desk.services.housing_common import snapshot


@dataclass
class SiteInput:
    name: str
    township_id: int | None
    kind: str
    capacity: int = 0


@dataclass(frozen=True)
class SiteView:
    id: int
    name: str
    township_id: int
    township: str
    kind: str
    capacity: int
    placed: int  # relocated households recorded at the site

    @property
    def label(self) -> str:
        return f"{self.name}（{self.kind}，{self.township}）"


def site_views(township_id: int | None = None) -> list[SiteView]:
    """Sites with their load; ``township_id`` limits to that township's sites and the 县城 ones."""
    placed = (Relocation.select(Relocation.site, fn.COUNT(Relocation.id).alias("n"))
              .group_by(Relocation.site).alias("placed"))
    query = (SettlementSite.select(SettlementSite.id, SettlementSite.name, SettlementSite.township, Area.name,
                                   SettlementSite.kind, SettlementSite.capacity, fn.IFNULL(placed.c.n, 0))
             .join(Area, on=(SettlementSite.township == Area.id))
             .join(placed, JOIN.LEFT_OUTER, on=(placed.c.site_id == SettlementSite.id), src=SettlementSite)
             .order_by(Area.sort_order, Area.code, SettlementSite.kind, SettlementSite.name))
    if township_id is not None:
        query = query.where((SettlementSite.township == township_id) | (SettlementSite.kind == "县城"))
    return [SiteView(*row) for row in tuples(query)]


def site_facts(site_id: int | None, *, exclude_relocation: int | None = None) -> SiteFacts | None:
    if site_id is None:
        return None
    site = SettlementSite.get_or_none(SettlementSite.id == site_id)
    if site is None:
        return None
    load = Relocation.select().where(Relocation.site == site_id)
    if exclude_relocation is not None:
        load = load.where(Relocation.id != exclude_relocation)
    return SiteFacts(site.name, site.township_id, site.kind, site.capacity, load.count())


def check_site(s: SiteInput, *, site_id: int | None = None) -> list[Problem]:
    problems: list[Problem] = []
    name = s.name.strip()
    if not name:
        problems.append(Problem("required", {"label": "安置点名称"}, field="name"))
    elif len(name) > 60:
        problems.append(Problem("too_long", {"label": "安置点名称", "max": 60}, field="name"))
    if s.township_id is None or not Area.select().where(
            (Area.id == s.township_id) & (Area.level == int(AreaLevel.TOWNSHIP))).exists():
        problems.append(Problem("required", {"label": "所在乡镇"}, field="township"))
    if s.kind not in SITE_KINDS:
        problems.append(Problem("bad_choice", {"label": "安置点类型", "value": s.kind}, field="kind"))
    if s.capacity < 0:
        problems.append(Problem("capacity_negative", {}, field="capacity"))
    if name:
        clash = SettlementSite.select().where((SettlementSite.name == name)
                                              & (SettlementSite.township == s.township_id))
        if site_id is not None:
            clash = clash.where(SettlementSite.id != site_id)
        if clash.exists():
            problems.append(Problem("site_name_taken", {"value": name}, field="name"))
    if site_id is not None and s.capacity:
        placed = Relocation.select().where(Relocation.site == site_id).count()
        if placed > s.capacity:
            problems.append(Problem("capacity_below_placed", {"capacity": s.capacity, "placed": placed},
                                    field="capacity"))
    return problems


def save_site(s: SiteInput, *, user: str, site_id: int | None = None) -> int:
    """Add a site, or edit one; returns its id."""
    with database.atomic("IMMEDIATE"):
        problems = [p for p in check_site(s, site_id=site_id) if p.is_error]
        if problems:
            raise InvalidInput(problems)
        fields = {"name": s.name.strip(), "township": s.township_id, "kind": s.kind, "capacity": s.capacity}
        if site_id is None:
            site = SettlementSite.create(**fields)
            audit.append("site_created", username=user, table_name="settlement_site", record_id=site.id,
                         after=snapshot(site))
            return int(site.id)
        before = SettlementSite.get_by_id(site_id)
        SettlementSite.update(**fields).where(SettlementSite.id == site_id).execute()
        audit.append("site_updated", username=user, table_name="settlement_site", record_id=site_id,
                     before=snapshot(before), after=snapshot(SettlementSite.get_by_id(site_id)))
        return site_id


def township_choices() -> list[tuple[int, str]]:
    rows = Area.select(Area.id, Area.name).where(Area.level == int(AreaLevel.TOWNSHIP)).order_by(
        Area.sort_order, Area.code)
    return [(i, n) for i, n in tuples(rows)]
