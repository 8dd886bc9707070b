"""Invented names for the demo county: surnames, given names, village names.

Everything here is made up. Surnames are common ones in south-western Hunan (with the
Miao and Dong surnames of Suining and the polyphonic ones that trip up pinyin search:
曾, 单, 解, 区, 仇, 查, 覃); given names are assembled from characters typical of each
generation, so a grandmother is more likely 桂英 and a grandchild 梓涵.
"""

from __future__ import annotations

import random

from suining_desk.demo.weighted import Weighted

# (surname, weight). Weights are rough, meant only to make 杨, 龙, 吴 and 李 common.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("杨", 60), ("龙", 40), ("吴", 38), ("李", 36), ("刘", 30), ("陈", 26), ("王", 26),
    ("蒋", 24), ("张", 24), ("黄", 20), ("肖", 18), ("袁", 16), ("周", 16), ("唐", 15),
    ("粟", 14), ("向", 14), ("伍", 12), ("舒", 12), ("滕", 10), ("阳", 10), ("谢", 10),
    ("罗", 10), ("彭", 10), ("邓", 10), ("曾", 10), ("胡", 9), ("石", 9), ("谭", 9),
    ("田", 8), ("姚", 8), ("潘", 8), ("廖", 8), ("邹", 7), ("易", 7), ("贺", 7),
    ("欧阳", 5), ("雷", 6), ("戴", 6), ("朱", 6), ("许", 5), ("何", 6), ("郭", 5),
    ("梁", 5), ("宋", 5), ("苏", 5), ("范", 4), ("钟", 4), ("秦", 4), ("姜", 4),
    ("尹", 4), ("黎", 4), ("文", 4), ("丁", 3), ("段", 3), ("龚", 3), ("毛", 3),
    ("孟", 3), ("江", 3), ("侯", 3), ("夏", 3), ("马", 3), ("沈", 3), ("卢", 3),
    ("单", 3), ("解", 2), ("区", 2), ("仇", 2), ("查", 2), ("覃", 2), ("麻", 3),
    ("银", 2), ("金", 2), ("莫", 2), ("万", 2), ("熊", 2), ("于", 2), ("赵", 3),
)

# Characters for given names by generation (born before 1960, 1960-1989, 1990 on).
_MALE_OLD = "生福贵财发富全友德成才林桂松茂顺保寿来喜山根元海国华明文"
_MALE_MID = "伟军勇强斌刚平建志红兵杰俊峰涛辉波亮超明华军林云东文武小"
_MALE_NEW = "浩宇轩博涛睿泽晨俊杰航豪鑫磊凯子梓铭宸瑞阳诚逸然天嘉一"
_FEMALE_OLD = "英秀兰桂珍凤香翠莲梅妹花娥菊云春冬满玉"
_FEMALE_MID = "芳丽艳娟玲霞燕红琴敏静华萍平慧小秋美丹"
_FEMALE_NEW = "欣怡涵萱雨婷佳琪梦瑶思妍诗悦可馨雪晴紫梓依"

# Whole given names that read naturally, mixed in with the assembled ones.
_OLD_FIXED_M = ("冬生", "满仔", "春生", "来福", "石保", "腊生", "桂生", "长寿", "水生", "秋生")
_OLD_FIXED_F = ("桂英", "秀英", "冬梅", "满秀", "春花", "银花", "菊香", "玉兰", "凤英", "腊梅")


def _generation(birth_year: int) -> int:
    return 0 if birth_year < 1960 else 1 if birth_year < 1990 else 2


class NamePicker:
    """Draws surnames and given names from one ``random.Random`` (so seeded runs repeat).

    Each sex and generation has a vocabulary of given names with Zipf-like weights, so
    names repeat as they do in a real county (and there are fewer distinct names to
    compute pinyin keys for).
    """

    VOCABULARY = 110

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._surnames = Weighted([(name, float(w)) for name, w in SURNAMES])
        pools = {
            (True, 0): _MALE_OLD, (True, 1): _MALE_MID, (True, 2): _MALE_NEW,
            (False, 0): _FEMALE_OLD, (False, 1): _FEMALE_MID, (False, 2): _FEMALE_NEW,
        }
        self._given: dict[tuple[bool, int], Weighted[str]] = {}
        for key, pool in pools.items():
            words: dict[str, None] = {}
            if key[1] == 0:
                words.update(dict.fromkeys(_OLD_FIXED_M if key[0] else _OLD_FIXED_F))
            while len(words) < self.VOCABULARY:
                first, second = rng.choice(pool), rng.choice(pool)
                if rng.random() < 0.15:
                    words.setdefault(first)  # a one-character given name: 杨伟, 龙芳
                elif first != second:
                    words.setdefault(first + second)
            self._given[key] = Weighted(
                [(w, 1.0 / (rank + 8)) for rank, w in enumerate(words)]
            )

    def surname(self) -> str:
        return self._surnames.pick(self._rng)

    def given(self, male: bool, birth_year: int) -> str:
        return self._given[(male, _generation(birth_year))].pick(self._rng)

    def full(self, surname: str, male: bool, birth_year: int) -> str:
        return surname + self.given(male, birth_year)


# --- villages -------------------------------------------------------------------------

_VILLAGE_FIRST = "青枫竹杉松桐茶梅桃石溪塘岩坪田江龙凤鹤鹿金银白黄红新大小上下中东西南北高双三五九"
_VILLAGE_SECOND = "石木山坪溪塘冲湾田坡岭桥口江寨团洞坳垅坊源林坝洲"

# Two-character heads of the real townships' names, so an invented village never
# looks like a township (长铺, 红岩, 关峡, 水口 ...).
_RESERVED = {
    "长铺", "武阳", "李熙", "红岩", "唐家", "金屋", "瓦屋", "黄土", "寨市", "东山",
    "鹅公", "乐安", "关峡", "麻塘", "河口", "水口", "县城",
}


def village_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct invented village names such as 青石村 and 枫木村."""
    combos = [
        a + b
        for a in _VILLAGE_FIRST
        for b in _VILLAGE_SECOND
        if a != b and a + b not in _RESERVED
    ]
    rng.shuffle(combos)
    if count > len(combos):
        raise ValueError(f"最多只能生成 {len(combos)} 个村名")
    return [c + "村" for c in combos[:count]]


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 21 → 二十一 (up to 99)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def group_name(n: int) -> str:
    """The n-th village group: 一组, 二组 … 十二组."""
    return chinese_number(n) + "组"
