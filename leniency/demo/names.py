"""Synthetic people: Chinese names and resident ID numbers (GB 11643-1999) that check out.

Nothing here is real: surnames and given-name characters are drawn from common-usage lists, and the
ID numbers carry a valid check digit for a birth date and gender that match the defendant's record.
"""

from __future__ import annotations

import random
from datetime import date

# The hundred-odd most common surnames, most frequent first; weights fall off roughly as in the census.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤"
)
SURNAME_WEIGHTS = [max(1.0, 80.0 / (i + 1) ** 0.8) for i in range(len(SURNAMES))]

MALE_CHARS = "伟强军磊洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文斌亮成康胜海东晨阳毅德"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀燕玲桂英红梅琳雪婷慧莉颖倩玉兰萍凤洁琴云丹璐佳欣悦蓉怡晶"
NEUTRAL_CHARS = "子金春小晓永立世新家天中少思雨"

# GB 11643-1999: weights of the first 17 digits and the check character for (sum mod 11).
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# Address codes of places people come from when they are not local (real county codes; synthetic people).
MIGRANT_ADDRESS_CODES = (
    "410522",
    "411323",
    "412726",
    "340822",
    "342224",
    "511322",
    "512930",
    "430524",
    "431023",
    "362427",
    "360732",
    "522422",
    "452122",
    "130626",
    "371522",
    "622424",
    "532128",
    "421127",
)

# The demo's districts are fictional (99xxxx, a prefix GB/T 2260 never gives), but an ID number must carry a
# real address code (intake checks it against GB/T 2260): people born in a demo district carry the code of a
# real district standing in for it.
LOCAL_STAND_IN_CODES = ("350203", "350205", "350206", "350211", "350212", "330105", "320104", "370203")


def id_address_code(home_code: str) -> str:
    """The address code for an ID number of someone from `home_code`: itself, or for a fictional demo district
    (99xxxx) a real one standing in (the same one for the same district)."""
    if not home_code.startswith("99"):
        return home_code
    return LOCAL_STAND_IN_CODES[int(home_code) % len(LOCAL_STAND_IN_CODES)]


def id_check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def make_id_number(address_code: str, birth: date, serial: int, gender: str) -> str:
    """An 18-character ID number; the 3-digit serial is forced odd for men and even for women."""
    serial = serial % 1000
    if (serial % 2 == 1) != (gender == "M"):
        serial = (serial + 1) % 1000
    first17 = f"{address_code}{birth:%Y%m%d}{serial:03d}"
    return first17 + id_check_digit(first17)


def id_number_problem(number: str, *, birth: date | None = None, gender: str | None = None) -> str | None:
    """Why `number` is not a valid ID for this birth date and gender, or None when it is."""
    if len(number) != 18 or not number[:17].isdigit():
        return "not 17 digits and a check character"
    if id_check_digit(number[:17]) != number[17]:
        return "wrong check digit"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "invalid birth date"
    if birth is not None and born != birth:
        return "birth date does not match"
    if gender is not None and (int(number[16]) % 2 == 1) != (gender == "M"):
        return "gender digit does not match"
    return None


def person_name(rng: random.Random, gender: str) -> str:
    surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
    pool = MALE_CHARS if gender == "M" else FEMALE_CHARS
    if rng.random() < 0.3:
        return surname + rng.choice(pool)
    first = rng.choice(NEUTRAL_CHARS + pool) if rng.random() < 0.4 else rng.choice(pool)
    second = rng.choice(pool)
    while second == first:
        second = rng.choice(pool)
    return surname + first + second


def unique_names(rng: random.Random, genders: list[str]) -> list[str]:
    """Names for the people of one case, all different so that a fact text names each one unambiguously."""
    names: list[str] = []
    for gender in genders:
        name = person_name(rng, gender)
        while any(name in other or other in name for other in names):
            name = person_name(rng, gender)
        names.append(name)
    return names


def masked_name(rng: random.Random) -> str:
    """A victim or witness as a judgment names them in public: surname + 某 (e.g. 王某)."""
    return rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0] + rng.choice(
        ("某", "某", "某某", "某甲", "某乙")
    )
