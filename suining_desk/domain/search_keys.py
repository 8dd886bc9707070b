"""Pinyin search keys for people's names.

Clerks find a person by the Chinese name, by its full pinyin or by pinyin initials.
pypinyin reads a polyphonic character one way (曾 → ceng), but as a surname it is
often read another (zeng), so every reading of every character is indexed: 曾伟 is
found by ``zw``, ``cw``, ``zengwei`` and ``cengwei``. Tone marks are ignored; ü is
spelled both ``v`` and ``u`` (吕 → lv, lu).

Keys are stored as two space-separated strings (full spellings and initials); a
query matches when it is a prefix of one of the tokens.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

# Surname readings that must always be indexed, whatever pypinyin's dictionary says.
_SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng", "ceng"), "单": ("shan", "dan", "chan"), "解": ("xie", "jie"),
    "仇": ("qiu", "chou"), "区": ("ou", "qu"), "查": ("zha", "cha"), "朴": ("piao", "pu"),
    "尉": ("yu", "wei"), "乐": ("yue", "le"), "盖": ("ge", "gai"), "覃": ("qin", "tan"),
    "翟": ("zhai", "di"), "缪": ("miao", "mou"), "长": ("chang", "zhang"),
    "重": ("chong", "zhong"),
}

# Full-width ASCII (！ … ～) and the ideographic space, mapped to plain ASCII.
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_APOSTROPHES = str.maketrans("", "", "'’‘`")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _ascii_letters(spelling: str) -> str:
    """``lǚ`` → ``lv``, ``ê`` → ``e``: tone and other marks gone, only a-z kept."""
    bare = unicodedata.normalize("NFKD", spelling.lower()).replace("u\u0308", "v")
    return "".join(c for c in bare if "a" <= c <= "z")


@cache
def _readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one Chinese character, pypinyin's default first;
    a spelling with ``v`` (ü) is followed by the same with ``u``."""
    found: dict[str, None] = {}
    raw = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    for spelling in [*raw, *_SURNAME_READINGS.get(ch, ())]:
        plain = _ascii_letters(spelling)
        if plain:
            found[plain] = None
            if "v" in plain:
                found[plain.replace("v", "u")] = None
    return tuple(found)


Options = tuple[str, ...]  # the spellings one unit of a name may be typed as, default first


@cache
def _char_options(ch: str, default: str) -> tuple[Options, Options]:
    """Full spellings and initials of one character, ``default`` first."""
    full = (default, *(r for r in _readings(ch) if r != default))
    return full, tuple(dict.fromkeys(r[0] for r in full))


def _has_phrase(run: str) -> bool:
    n = len(run)
    for i in range(n - 1):
        for j in range(i + 2, n + 1):
            if run[i:j] in phrases_dict:
                return True
    return False


@lru_cache(maxsize=65536)
def _run_options(run: str) -> tuple[tuple[Options, ...], tuple[Options, ...]]:
    """Options of each character of a run of Chinese characters, with pypinyin's
    default (phrase-aware) reading first. pypinyin is only asked about the whole run
    when some part of it is a known phrase; otherwise each character's default is it."""
    defaults = [_readings(c)[0] for c in run]
    if len(run) > 1 and _has_phrase(run):
        spelled = lazy_pinyin(run, style=Style.NORMAL)
        if len(spelled) == len(run):
            defaults = [_ascii_letters(s) or d for s, d in zip(spelled, defaults, strict=True)]
    pairs = [_char_options(c, d) for c, d in zip(run, defaults, strict=True)]
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def _units(name: str) -> tuple[list[Options], list[Options]]:
    """The name as units, each a Chinese character or a run of other characters
    (of which ASCII letters and digits are kept): their full and initial options."""
    full: list[Options] = []
    initials: list[Options] = []
    text = name.translate(_FULL_WIDTH).lower()
    i, end = 0, len(text)
    while i < end:
        j = i
        if ord(text[i]) in pinyin_dict:
            while j < end and ord(text[j]) in pinyin_dict:
                j += 1
            run_full, run_initials = _run_options(text[i:j])
            full += run_full
            initials += run_initials
        else:
            while j < end and ord(text[j]) not in pinyin_dict:
                j += 1
            word = "".join(c for c in text[i:j] if c in _ASCII_ALNUM)
            if word:
                full.append((word,))
                initials.append((word,))
        i = j
    return full, initials


def _combinations(units: Sequence[Options], max_keys: int) -> list[str]:
    """Concatenations of one spelling a unit, at most ``max_keys``, deduplicated.

    Order: the all-default spelling; then every other spelling of the first unit
    (the surname); then spellings differing from the default in one unit, two units,
    and so on, earlier units first.
    """
    varying = [i for i, options in enumerate(units) if len(options) > 1]
    if not varying:
        return ["".join(options[0] for options in units)]
    if len(varying) == 1:
        p = varying[0]
        head = "".join(options[0] for options in units[:p])
        tail = "".join(options[0] for options in units[p + 1 :])
        return list(dict.fromkeys(head + o + tail for o in units[p]))[:max_keys]

    def spellings() -> Iterator[str]:
        defaults = [options[0] for options in units]
        yield "".join(defaults)
        for count in range(1, len(varying) + 1):
            for positions in itertools.combinations(varying, count):
                for chosen in itertools.product(*(units[p][1:] for p in positions)):
                    spelled = defaults.copy()
                    for p, spelling in zip(positions, chosen, strict=True):
                        spelled[p] = spelling
                    yield "".join(spelled)

    found: dict[str, None] = {}
    for key in spellings():
        found[key] = None
        if len(found) >= max_keys:
            break
    return list(found)


def name_keys(name: str, *, max_keys: int = 32) -> tuple[str, str]:
    """``(full, initials)``: space-separated full-pinyin spellings and initials of
    ``name`` over every reading of every character, at most ``max_keys`` each.

    >>> name_keys("曾伟")
    ('cengwei zengwei', 'cw zw')

    Letters and digits are kept lower-cased; other characters (·, spaces) dropped.
    """
    if max_keys < 1:
        raise ValueError("max_keys must be at least 1")
    full, initials = _units(name)
    if not full:
        return "", ""
    return " ".join(_combinations(full, max_keys)), " ".join(_combinations(initials, max_keys))


def normalize_query(q: str) -> str:
    """Trimmed, lower-cased, full-width → ASCII, spaces and apostrophes dropped:
    ``" Zeng Wei "`` → ``"zengwei"``, ``"xi'an"`` → ``"xian"``."""
    return "".join(q.translate(_FULL_WIDTH).lower().split()).translate(_APOSTROPHES)


def is_pinyin_query(q: str) -> bool:
    """True if the normalized query is non-empty and only ASCII letters."""
    text = normalize_query(q)
    return bool(text) and text.isascii() and text.isalpha()


def matches(name: str, query: str, *, max_keys: int = 32) -> bool:
    """The reference matcher: the normalized query is part of the name, or the start
    of one of its full-pinyin spellings or strings of initials."""
    q = normalize_query(query)
    if not q:
        return False
    if q in normalize_query(name):
        return True
    full, initials = name_keys(name, max_keys=max_keys)
    return any(token.startswith(q) for token in (*full.split(), *initials.split()))


def like_patterns(query: str) -> list[str]:
    """LIKE patterns finding the query at the start of a token of a space-separated
    key column: ``["q%", "% q%"]``; ``[]`` for an empty query. ``%``, ``_`` and ``\\``
    are escaped with a backslash, so use them with ``ESCAPE '\\'``."""
    q = normalize_query(query)
    if not q:
        return []
    q = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [f"{q}%", f"% {q}%"]


def keys_for_name(name: str) -> set[str]:
    """What a person's name is indexed under: every suffix (so a fragment is a prefix
    of one), every full-pinyin spelling and every string of initials."""
    name = name.strip()
    full, initials = name_keys(name)
    suffixes = {name[i:] for i in range(len(name))}
    return suffixes | set(full.split()) | set(initials.split())
