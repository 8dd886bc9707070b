"""Resident ID numbers (公民身份号码, GB 11643-1999): checking, facts derived, masking.

An 18-character number is six digits of address code, eight of birth date (YYYYMMDD), three
of order code (odd for men, even for women) and a check character computed from the first
seventeen. Birth date and sex are always read from the number, never typed separately.

Old 15-digit numbers (address, YYMMDD born in 19YY, order code) are still found on paper;
they are converted to 18 digits and accepted with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from suining_desk.domain import divisions
from suining_desk.domain.problems import InvalidInput, Problem, Severity

WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS: Final = "10X98765432"
EARLIEST_BIRTH_YEAR: Final = 1880
MALE: Final = "男"
FEMALE: Final = "女"

_DIGITS17 = re.compile(r"[0-9]{17}")
_NEW_FORMAT = re.compile(r"[0-9]{17}[0-9X]")
_OLD_FORMAT = re.compile(r"[0-9]{15}")

# Full-width digits and letters (U+FF10..U+FF5A) to ASCII; whitespace handled separately.
_FULL_WIDTH = {
    code: code - 0xFEE0
    for code in range(0xFF10, 0xFF5B)
    if chr(code - 0xFEE0).isalnum()
}


@dataclass(frozen=True)
class IdInfo:
    number: str  # normalized, always 18 characters
    birth_date: dt.date
    sex: str  # "男" or "女"
    address_code: str
    converted_from_15: bool


def normalize(text: str) -> str:
    """The number as typed, cleaned: no whitespace anywhere, ASCII digits, upper-case X."""
    squeezed = "".join(ch for ch in text if not ch.isspace())
    return squeezed.translate(_FULL_WIDTH).replace("x", "X")


def check_char(first17: str) -> str:
    """The check character for the first seventeen digits."""
    if not _DIGITS17.fullmatch(first17):
        raise ValueError(f"need 17 ASCII digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def convert_15_to_18(old: str) -> str:
    """An old 15-digit number in the 18-digit form (born in the 1900s, check char added)."""
    if not _OLD_FORMAT.fullmatch(old):
        raise ValueError(f"need 15 ASCII digits, got {old!r}")
    first17 = old[:6] + "19" + old[6:]
    return first17 + check_char(first17)


def _birth_date(yyyymmdd: str) -> dt.date | None:
    try:
        return dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def check_id_number(
    text: str, *, today: dt.date | None = None
) -> tuple[IdInfo | None, list[Problem]]:
    """The facts of an ID number and its problems; the info is None when there is an error.

    Warnings (an old 15-digit number converted, an address code not among today's divisions)
    come with the info: the number is accepted but the clerk should look at it.
    """
    today = today or dt.date.today()
    value = normalize(text)
    if not value:
        return None, [Problem("id_required")]
    if len(value) not in (15, 18):
        return None, [Problem("id_bad_length", {"value": value, "length": len(value)})]
    pattern = _OLD_FORMAT if len(value) == 15 else _NEW_FORMAT
    if not pattern.fullmatch(value):
        return None, [Problem("id_bad_chars", {"value": value})]

    problems: list[Problem] = []
    converted = len(value) == 15
    number = convert_15_to_18(value) if converted else value
    birth_text = number[6:14]
    birth = _birth_date(birth_text)
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR:
        return None, [Problem("id_bad_birth_date", {"value": value, "birth": birth_text})]
    if birth > today:
        return None, [Problem("id_future_birth", {"value": value, "birth": birth.isoformat()})]
    if not converted:
        expected = check_char(number[:17])
        if number[17] != expected:
            return None, [Problem("id_bad_checksum", {"value": value, "expected": expected})]
    else:
        problems.append(
            Problem("id_converted_from_15", {"old": value, "new": number}, Severity.WARNING)
        )

    address = number[:6]
    status = divisions.area_status(address)
    if status == "old_suining":
        problems.append(
            Problem(
                "id_old_area_code",
                {"code": address, "current": divisions.SUINING_CODE},
                Severity.WARNING,
            )
        )
    elif status == "unknown":
        problems.append(Problem("id_unknown_area", {"code": address}, Severity.WARNING))

    sex = MALE if int(number[16]) % 2 == 1 else FEMALE
    info = IdInfo(
        number=number,
        birth_date=birth,
        sex=sex,
        address_code=address,
        converted_from_15=converted,
    )
    return info, problems


def parse_id_number(text: str, today: dt.date | None = None) -> IdInfo:
    """The facts of a valid ID number; raises :class:`InvalidInput` when it has errors."""
    info, problems = check_id_number(text, today=today)
    if info is None:
        raise InvalidInput([p for p in problems if p.is_error])
    return info


def is_valid(text: str) -> bool:
    """Whether the number is accepted (warnings allowed)."""
    return check_id_number(text)[0] is not None


def mask(number: str) -> str:
    """The number as printed on public notices: ``430527********1234``.

    This is the one masking policy: the address code and the last four characters stay, the
    birth date and the rest of the order code are hidden. A 15-digit number is converted
    first; anything that is not an ID number is hidden completely.
    """
    value = normalize(number)
    if _OLD_FORMAT.fullmatch(value):
        value = convert_15_to_18(value)
    if len(value) != 18:
        return "*" * len(value)
    return value[:6] + "*" * 8 + value[-4:]


def age_on(info_or_birth: IdInfo | dt.date, on: dt.date) -> int:
    """Full years of age on a day (someone born on 29 February turns a year older on 1 March)."""
    birth = info_or_birth.birth_date if isinstance(info_or_birth, IdInfo) else info_or_birth
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - (1 if before_birthday else 0)


def make_id_number(address_code: str, birth: dt.date, seq: int, male: bool) -> str:
    """A valid 18-digit number, for demo data and tests.

    ``seq`` (0..999) chooses the order code: ``(2 * seq + sex bit) % 1000``, so seq 0..499
    give 500 distinct numbers per address, birth date and sex (seq and seq + 500 coincide).
    """
    if not (len(address_code) == 6 and address_code.isascii() and address_code.isdigit()):
        raise ValueError(f"address code must be 6 digits, got {address_code!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"seq must be in 0..999, got {seq}")
    if not 1000 <= birth.year <= 9999:
        raise ValueError(f"birth year must have four digits, got {birth.year}")
    order = (2 * seq + (1 if male else 0)) % 1000
    first17 = f"{address_code}{birth:%Y%m%d}{order:03d}"
    return first17 + check_char(first17)
