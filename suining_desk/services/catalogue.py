"""The program catalogue written into a database (:mod:`suining_desk.reference.programs`)."""

from __future__ import annotations

from suining_desk.db.models import Program, Standard, database
from suining_desk.reference.programs import PROGRAMS


def install_programs(*, standards: bool = True) -> dict[str, int]:
    """Insert the catalogue's programs (and, with ``standards``, their standards) that are
    missing; returns code → id.

    Idempotent: a program already present (by code) is left as it is, and only standards
    not yet recorded (program, category, effective_from) are added.
    """
    ids: dict[str, int] = {}
    with database.atomic():
        for order, spec in enumerate(PROGRAMS, start=1):
            program = Program.get_or_none(Program.code == spec.code)
            if program is None:
                program = Program.create(
                    code=spec.code, name=spec.name, basis=spec.basis, frequency=spec.frequency,
                    funding_source=spec.funding_source, active=True, sort_order=order,
                )
            ids[spec.code] = int(program.id)
            for s in spec.standards if standards else ():
                exists = Standard.select().where(
                    (Standard.program == program.id)
                    & (Standard.category == s.category)
                    & (Standard.effective_from == s.effective_from)
                ).exists()
                if not exists:
                    Standard.create(
                        program=program.id, category=s.category, amount_fen=s.amount_fen,
                        effective_from=s.effective_from,
                    )
    return ids
