"""What the money commands (batch, payment, period, program, check) share: the acting
user (and the reading one), areas, programs and dates given on the command line, and
printing problems."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from suining_desk.cli.args import date_arg as date_arg  # the money commands' dates, read like all dates
from suining_desk.domain.problems import InvalidInput, Problem

if TYPE_CHECKING:
    from suining_desk.services.access import Account


def add_common(parser: argparse.ArgumentParser, *, login: bool) -> None:
    """--db / --demo after the action too, and --user for actions that need a login:
    those that write, and those that show personal data."""
    from suining_desk.cli.auth import add_user_option
    from suining_desk.cli.target import add_db_options

    add_db_options(parser, top=False)
    if login:
        add_user_option(parser)


def acting_user(args: argparse.Namespace) -> str:
    """The user named by ``--user``, logged in with the password (the services then check
    the role and the township of every action)."""
    from suining_desk.cli.auth import authenticate_cli

    return authenticate_cli(args, path=getattr(args, "db", "") or "").username


def reading_user(args: argparse.Namespace) -> Account:
    """The account logged in to show personal data (names, ID and bank numbers); the caller
    then keeps to its township (:func:`suining_desk.services.actors.require_in_area`)."""
    from suining_desk.cli.auth import authenticate_cli

    return authenticate_cli(args, path=getattr(args, "db", "") or "", reading=True)


def money_arg(text: str) -> int:
    from suining_desk.domain.money import check_amount

    fen, problems = check_amount(text)
    if fen is None:
        raise argparse.ArgumentTypeError(f"金额“{text}”无效")
    return fen


def find_area(text: str) -> int:
    """An area by code, by name, or by a path of names (``长铺镇/青石村``)."""
    from suining_desk.db.models import Area

    value = text.strip()
    found = Area.get_or_none(Area.code == value)
    if found is not None:
        return int(found.id)
    parent: int | None = None
    for part in [p for p in value.replace("／", "/").split("/") if p]:
        query = Area.select().where(Area.name == part)
        if parent is not None:
            query = query.where(Area.parent == parent)
        matches = list(query.order_by(Area.level))
        if len(matches) != 1:
            code = "area_ambiguous" if matches else "area_unknown"
            raise InvalidInput([Problem(code, {"value": text, "count": len(matches)})])
        parent = int(matches[0].id)
    if parent is None:
        raise InvalidInput([Problem("area_unknown", {"value": text, "count": 0})])
    return parent


def find_batch_id(text: str) -> int:
    from suining_desk.services.batch_query import find_batch

    found = find_batch(text)
    if found is None:
        raise InvalidInput([Problem("batch_unknown", {"value": text})])
    return found


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def warn(problems: list[Problem]) -> None:
    from suining_desk.domain.messages import describe

    for p in problems:
        print(f"注意：{describe(p)}", file=sys.stderr)
