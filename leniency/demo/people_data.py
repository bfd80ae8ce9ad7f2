"""The personal particulars of synthetic defendants: age, birth date, ID number, ethnicity, schooling, work."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .charge_mix import ChargeProfile
from .names import MIGRANT_ADDRESS_CODES, id_address_code, make_id_number

ETHNICITIES = (
    ("汉族", 0.9),
    ("回族", 0.02),
    ("壮族", 0.015),
    ("苗族", 0.015),
    ("土家族", 0.012),
    ("彝族", 0.012),
    ("满族", 0.01),
    ("藏族", 0.008),
    ("蒙古族", 0.008),
)
WESTERN_ETHNICITIES = (
    ("汉族", 0.72),
    ("彝族", 0.08),
    ("藏族", 0.07),
    ("回族", 0.06),
    ("苗族", 0.04),
    ("羌族", 0.03),
)
EDUCATION = (("none", 0.04), ("primary", 0.17), ("junior", 0.45), ("senior", 0.2), ("college", 0.14))
OCCUPATIONS = (
    ("无业", 0.33),
    ("务工人员", 0.2),
    ("农民", 0.14),
    ("个体经营者", 0.1),
    ("公司职员", 0.1),
    ("货车司机", 0.05),
    ("网约车司机", 0.04),
    ("厨师", 0.02),
    ("学生", 0.02),
)
YOUTH_CHARGES = {"盗窃", "抢劫", "寻衅滋事", "聚众斗殴", "抢夺", "帮助信息网络犯罪活动", "故意伤害"}


@dataclass
class Particulars:
    gender: str
    age: int  # at the time of the offence
    birth_date: date
    id_number: str
    phone: str
    ethnicity: str
    education: str
    occupation: str


MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
    "199",
)


def mobile_number(seed: str) -> str:
    """A plausible mobile number, fixed by the seed (its own generator: the main stream is left as it was)."""
    own = random.Random(seed)
    return own.choice(MOBILE_PREFIXES) + f"{own.randint(0, 99_999_999):08d}"


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _pick(rng: random.Random, table):
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def particulars(
    rng: random.Random,
    profile: ChargeProfile,
    offence_on: date,
    *,
    home_code: str,
    western: bool,
    taken_ids: set[str],
) -> Particulars:
    gender = "F" if rng.random() < profile.female else "M"
    if profile.name in YOUTH_CHARGES and rng.random() < 0.04:
        age = rng.randint(16, 17)
    else:
        age = int(min(72, max(18, rng.triangular(18, 66, 31))))
    birth = offence_on - timedelta(days=rng.randint(0, 364))
    birth = (
        birth.replace(year=birth.year - age, day=28)
        if (birth.month, birth.day) == (2, 29)
        else birth.replace(year=birth.year - age)
    )
    age = age_on(birth, offence_on)
    code = id_address_code(home_code) if rng.random() < 0.7 else rng.choice(MIGRANT_ADDRESS_CODES)
    number = make_id_number(code, birth, rng.randint(0, 999), gender)
    while number in taken_ids:
        number = make_id_number(code, birth, rng.randint(0, 999), gender)
    taken_ids.add(number)
    education = _pick(rng, EDUCATION)
    occupation = "学生" if age < 18 and rng.random() < 0.5 else _pick(rng, OCCUPATIONS)
    if age < 18 and education == "college":
        education = "junior"
    return Particulars(
        gender,
        age,
        birth,
        number,
        mobile_number(number),
        _pick(rng, WESTERN_ETHNICITIES if western else ETHNICITIES),
        education,
        occupation,
    )
