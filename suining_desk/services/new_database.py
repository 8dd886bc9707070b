"""What a new official database starts with, so its first batch can be made without SQL:
the county and its 17 townships, and the county's aid programs.

Villages and groups come later with the register (``import --create-areas``). The
programs come without standards: the amounts and their effective dates are the county's
to set (``program add-standard``). The names, codes and program definitions are the
ones the demo county uses too (:mod:`suining_desk.reference.areas`, :mod:`suining_desk.reference.programs`),
so a batch number or a code reads the same in both.
"""

from __future__ import annotations

from suining_desk import audit
from suining_desk.db.models import Area, Program
from suining_desk.domain.enums import AreaLevel
from suining_desk.reference.areas import COUNTY_CODE, COUNTY_NAME, TOWNSHIPS, township_code
from suining_desk.reference.programs import PROGRAMS
from suining_desk.services.catalogue import install_programs


def seed_new_database(*, user: str) -> bool:
    """Add the county, its townships and the programs to a database that has no area yet
    (call inside the transaction that creates its first admin); False when it had areas.

    Programs are added only when there are none, so a database set up some other way
    keeps its own. One audit entry logs every row written.
    """
    if Area.select().exists():
        return False
    county = Area.create(code=COUNTY_CODE, name=COUNTY_NAME, level=int(AreaLevel.COUNTY), sort_order=0)
    for index, name in enumerate(TOWNSHIPS):
        Area.create(code=township_code(index), name=name, level=int(AreaLevel.TOWNSHIP), parent=county.id,
                    sort_order=index + 1)
    programs = [] if Program.select().exists() else sorted(install_programs(standards=False))
    audit.append("database_seeded", username=user, table_name="area", record_id=county.id,
                 after={"county": COUNTY_NAME, "townships": list(TOWNSHIPS),
                        "programs": [p.name for p in PROGRAMS if p.code in programs]})
    return True
