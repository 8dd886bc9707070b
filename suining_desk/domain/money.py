"""Money: integer fen (分) everywhere, parsed from what clerks type and written back out.

Amounts are never floats. Text is read digit by digit into an ``int`` of fen; output is
built from ``divmod`` on that ``int``. Three ways out:

* :func:`format_fen` — ``12,345.67`` for tables and screens;
* :func:`fen_to_yuan_str` — ``12345.67`` for spreadsheet cells and PDF figures;
* :func:`fen_to_capitals` — ``人民币壹万贰仟叁佰肆拾伍元陆角柒分`` for vouchers and receipts,
  written by the People's Bank of China rules for filling in bills and settlement vouchers
  (《正确填写票据和结算凭证的基本规定》, annexed to 《支付结算办法》).
"""

from __future__ import annotations

import re
from typing import Final

from suining_desk.domain.problems import InvalidInput, Problem

MAX_FEN: Final = 10**12
"""The largest amount :func:`parse_fen` accepts (一百亿元); more is surely a typing slip."""

MAX_CAPITALS_FEN: Final = 10**14 - 1
"""The largest amount :func:`fen_to_capitals` writes: 9999亿9999万9999元9角9分."""

CAPITAL_PREFIX: Final = "人民币"
NEGATIVE_MARK: Final = "负"

_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_PLACE_UNITS: Final = ("", "拾", "佰", "仟")  # inside a four-digit section
_SECTION_UNITS: Final = ("", "万", "亿")  # of the sections, lowest first

# Full-width digits, comma, period and minus typed with a Chinese input method.
_TO_ASCII: Final = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    ord("，"): ord(","),
    ord("．"): ord("."),
    ord("－"): ord("-"),
    ord("−"): ord("-"),  # U+2212 MINUS SIGN, from pasted documents
}
_CURRENCY_SIGNS: Final = ("¥", "￥")  # U+00A5 and the full-width U+FFE5
_YUAN_SUFFIX: Final = "元"

_NUMBER: Final = re.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.(?P<frac>[0-9]*))?", re.ASCII
)
# More integer digits than this is over MAX_FEN whatever they are (avoids huge int()).
_MAX_INT_DIGITS: Final = len(str(MAX_FEN // 100))


# --- reading -------------------------------------------------------------------------


def _strip_decorations(text: str) -> str:
    """The text without surrounding spaces, a currency sign in front or 元 behind.

    A minus sign may come before or after the currency sign (``-¥5`` and ``¥-5``); it is
    kept in front of the number.
    """
    value = text.translate(_TO_ASCII).strip()
    sign = ""
    if value.startswith("-"):
        sign, value = "-", value[1:].strip()
    for currency in _CURRENCY_SIGNS:
        if value.startswith(currency):
            value = value[len(currency) :].strip()
            break
    if value.endswith(_YUAN_SUFFIX):
        value = value[: -len(_YUAN_SUFFIX)].strip()
    if value.startswith("-") and not sign:
        sign, value = "-", value[1:].strip()
    return sign + value


def check_amount(text: str | int) -> tuple[int | None, list[Problem]]:
    """The amount in fen and the problems found; the amount is None when it is refused.

    ``text`` is yuan as a clerk types it: ``1,234.5``, ``1234.50元``, ``１２３４``,
    ``￥1,234.00``, `` 1234.5 元 `` (spaces, including the full-width U+3000, are ignored
    around the number but not inside it). An ``int`` is a whole number of yuan, as a
    spreadsheet cell gives it. Commas must separate thousands (``12,34`` is refused).
    Decimals beyond the fen are allowed only when they are zeros (``1.230``).
    """
    if isinstance(text, bool) or not isinstance(text, (int, str)):
        return None, [Problem("money_not_number", {"value": str(text)})]
    if isinstance(text, int):
        if text < 0:
            return None, [Problem("money_negative", {"value": str(text)})]
        if text * 100 > MAX_FEN:
            return None, [Problem("money_too_large", {"value": str(text)})]
        return text * 100, []

    shown = text.strip()  # str.strip() also removes U+3000 IDEOGRAPHIC SPACE
    if not shown:
        return None, [Problem("money_required", {"value": shown})]
    value = _strip_decorations(text)
    negative = value.startswith("-")
    if negative:
        value = value[1:]
    match = _NUMBER.fullmatch(value)
    if match is None or not any(ch.isdigit() for ch in value):
        return None, [Problem("money_not_number", {"value": shown})]
    if negative:
        return None, [Problem("money_negative", {"value": shown})]

    whole = match["int"].replace(",", "").lstrip("0")
    fraction = (match["frac"] or "").ljust(2, "0")
    if fraction[2:].strip("0"):
        return None, [Problem("money_fraction_of_fen", {"value": shown})]
    if len(whole) > _MAX_INT_DIGITS:
        return None, [Problem("money_too_large", {"value": shown})]
    fen = int(whole or "0") * 100 + int(fraction[:2])
    if fen > MAX_FEN:
        return None, [Problem("money_too_large", {"value": shown})]
    return fen, []


def parse_fen(text: str | int) -> int:
    """The amount in fen; raises :class:`InvalidInput` when :func:`check_amount` refuses it."""
    fen, problems = check_amount(text)
    if fen is None:
        raise InvalidInput(problems)
    return fen


def is_amount(text: str | int) -> bool:
    """Whether :func:`parse_fen` would accept the text."""
    return check_amount(text)[0] is not None


# --- writing -------------------------------------------------------------------------


def format_fen(fen: int, *, separators: bool = True) -> str:
    """The amount in yuan with two decimals: ``1234567`` → ``12,345.67``, ``-1,234.50``."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,d}" if separators else str(yuan)
    return f"{sign}{whole}.{cents:02d}"


def fen_to_yuan_str(fen: int) -> str:
    """The amount in yuan without separators, ``12345.67``, for spreadsheets and PDF figures."""
    return format_fen(fen, separators=False)


def _section_capitals(section: int) -> tuple[str, bool]:
    """A four-digit section (1..9999) in capitals, and whether it starts with a zero.

    Zeros inside the section read as one 零; zeros at its end are not read.
    """
    text = ""
    pending_zero = False
    for place in range(3, -1, -1):
        digit = section // 10**place % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += _DIGITS[0]
            pending_zero = False
        text += _DIGITS[digit] + _PLACE_UNITS[place]
    return text, section < 1000


def _yuan_capitals(yuan: int) -> str:
    """A positive whole number of yuan (below 10**12) in capitals, without 元.

    Sections of four digits get 亿 and 万; a lower section that starts with a zero after a
    written higher section gets one 零 (壹亿零壹万, 壹万零伍, 壹佰万零壹拾), an all-zero
    section is skipped but its zero is read if something follows (壹亿零壹).
    """
    sections = [yuan // 10 ** (4 * i) % 10**4 for i in range(len(_SECTION_UNITS))]
    text = ""
    zero_before = False  # a zero between the written text and the next section
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section == 0:
            zero_before = bool(text)
            continue
        words, starts_with_zero = _section_capitals(section)
        if text and (zero_before or starts_with_zero):
            text += _DIGITS[0]
        text += words + _SECTION_UNITS[index]
        zero_before = False
    return text


def fen_to_capitals(fen: int) -> str:
    """The amount in Chinese financial capitals, as written on vouchers (中文大写金额).

    ``1680_32`` → ``人民币壹仟陆佰捌拾元零叁角贰分``; ``10_00`` → ``人民币壹拾元整``;
    ``0`` → ``人民币零元整``; ``50`` → ``人民币伍角整``; negative amounts (reversal totals)
    start ``人民币负``. 整 follows 元 when there are no 角 or 分, and 角 when there is no 分.
    Raises ``ValueError`` for 1万亿元 or more (beyond 9999亿9999万9999元9角9分).
    """
    if abs(fen) > MAX_CAPITALS_FEN:
        raise ValueError(f"amount too large for capitals: {fen} fen")
    prefix = CAPITAL_PREFIX + (NEGATIVE_MARK if fen < 0 else "")
    yuan, cents = divmod(abs(fen), 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return prefix + _DIGITS[0] + "元整"

    text = ""
    if yuan:
        text = _yuan_capitals(yuan) + "元"
        if cents == 0:
            return prefix + text + "整"
        # 元位 is 0 and 角 is not (¥1,680.32), or 角 is 0 and 分 is not (¥325.04): write 零.
        if not jiao or yuan % 10 == 0:
            text += _DIGITS[0]
    if jiao:
        text += _DIGITS[jiao] + "角"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    else:
        text += "整"
    return prefix + text
