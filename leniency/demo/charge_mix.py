"""Which charges the demo's defendants face, and how each kind of case tends to run.

Weights follow the shape of Chinese first-instance criminal caseloads in the 2020s: drunk driving
(危险驾驶) is the single largest charge, then theft, with intentional injury, fraud and the drug
offences next, and the 帮信 / 寻衅滋事 / 开设赌场 / 交通肇事 / 掩隐 / 抢劫 tail after them. The figures
are demo proportions, not statistics.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class ChargeProfile:
    name: str  # as in the Charge table (no 罪 suffix)
    weight: float  # share of cases (not of defendants)
    max_defendants: int = 1  # 1 for charges committed alone (drunk driving)
    seriousness: int = 1  # 0 trivial … 3 serious: drives procedure, detention and durations
    arrest: float = 0.3  # probability of arrest (逮捕)
    non_prosecution: float = 0.03  # probability of 不起诉 at the end of review
    female: float = 0.08
    lead_days: tuple[int, int] = (0, 10)  # from the offence to the case being opened
    second_charges: tuple[str, ...] = ()  # occasionally charged alongside


PROFILES = (
    ChargeProfile("危险驾驶", 25.0, 1, 0, arrest=0.01, non_prosecution=0.12, female=0.05, lead_days=(0, 3)),
    ChargeProfile(
        "盗窃",
        16.0,
        3,
        1,
        arrest=0.45,
        non_prosecution=0.05,
        female=0.08,
        second_charges=("非法持有毒品", "掩饰、隐瞒犯罪所得、犯罪所得收益"),
    ),
    ChargeProfile("故意伤害", 7.0, 3, 1, arrest=0.25, non_prosecution=0.08, female=0.06, lead_days=(5, 40)),
    ChargeProfile("诈骗", 7.0, 3, 2, arrest=0.55, non_prosecution=0.03, female=0.2, lead_days=(10, 120)),
    ChargeProfile(
        "走私、贩卖、运输、制造毒品",
        4.5,
        2,
        2,
        arrest=0.95,
        non_prosecution=0.0,
        female=0.15,
        second_charges=("容留他人吸毒",),
    ),
    ChargeProfile("容留他人吸毒", 2.5, 1, 1, arrest=0.6, non_prosecution=0.02, female=0.2),
    ChargeProfile("非法持有毒品", 1.5, 1, 2, arrest=0.85, non_prosecution=0.0, female=0.15),
    ChargeProfile(
        "帮助信息网络犯罪活动", 6.0, 3, 1, arrest=0.35, non_prosecution=0.1, female=0.15, lead_days=(30, 180)
    ),
    ChargeProfile("寻衅滋事", 3.5, 3, 1, arrest=0.4, non_prosecution=0.05, female=0.04, lead_days=(1, 30)),
    ChargeProfile("开设赌场", 3.0, 3, 2, arrest=0.5, non_prosecution=0.03, female=0.12, lead_days=(5, 60)),
    ChargeProfile("交通肇事", 3.0, 1, 2, arrest=0.15, non_prosecution=0.06, female=0.07, lead_days=(3, 40)),
    ChargeProfile(
        "掩饰、隐瞒犯罪所得、犯罪所得收益",
        3.0,
        2,
        1,
        arrest=0.3,
        non_prosecution=0.08,
        female=0.15,
        lead_days=(10, 90),
    ),
    ChargeProfile("抢劫", 1.5, 3, 3, arrest=0.98, non_prosecution=0.0, female=0.03, lead_days=(0, 20)),
    ChargeProfile("信用卡诈骗", 1.5, 1, 1, arrest=0.3, non_prosecution=0.04, female=0.3, lead_days=(30, 120)),
    ChargeProfile("妨害公务", 1.2, 1, 1, arrest=0.3, non_prosecution=0.08, female=0.1, lead_days=(0, 5)),
    ChargeProfile("袭警", 0.8, 1, 1, arrest=0.5, non_prosecution=0.03, female=0.05, lead_days=(0, 5)),
    ChargeProfile("聚众斗殴", 1.0, 3, 2, arrest=0.5, non_prosecution=0.03, female=0.02, lead_days=(3, 60)),
    ChargeProfile("故意毁坏财物", 0.8, 1, 1, arrest=0.2, non_prosecution=0.1, female=0.08),
    ChargeProfile("非法拘禁", 0.8, 3, 2, arrest=0.6, non_prosecution=0.03, female=0.05),
    ChargeProfile("职务侵占", 0.8, 1, 2, arrest=0.4, non_prosecution=0.05, female=0.25, lead_days=(30, 180)),
    ChargeProfile(
        "侵犯公民个人信息", 0.8, 2, 1, arrest=0.4, non_prosecution=0.05, female=0.2, lead_days=(30, 150)
    ),
    ChargeProfile(
        "非法吸收公众存款", 0.5, 2, 3, arrest=0.8, non_prosecution=0.02, female=0.3, lead_days=(60, 300)
    ),
    ChargeProfile(
        "拒不支付劳动报酬", 0.5, 1, 1, arrest=0.2, non_prosecution=0.1, female=0.1, lead_days=(30, 120)
    ),
    ChargeProfile("抢夺", 0.5, 1, 1, arrest=0.6, non_prosecution=0.02, female=0.05),
    ChargeProfile("敲诈勒索", 0.6, 2, 2, arrest=0.6, non_prosecution=0.03, female=0.1, lead_days=(5, 60)),
    ChargeProfile(
        "非法捕捞水产品", 0.4, 2, 0, arrest=0.05, non_prosecution=0.15, female=0.03, lead_days=(5, 60)
    ),
)
PROFILE_BY_NAME = {p.name: p for p in PROFILES}

# The charges that must dominate the demo (the brief and the published caseloads agree on these).
DOMINANT = (
    "危险驾驶",
    "盗窃",
    "故意伤害",
    "诈骗",
    "走私、贩卖、运输、制造毒品",
    "容留他人吸毒",
    "非法持有毒品",
)
DRUG_CHARGES = ("走私、贩卖、运输、制造毒品", "容留他人吸毒", "非法持有毒品")

# How many defendants a group-capable case has: mostly one.
GROUP_SIZES = (1, 2, 3)
GROUP_WEIGHTS = (0.72, 0.18, 0.10)
SECOND_CHARGE_RATE = 0.06


def pick_profile(rng: random.Random) -> ChargeProfile:
    return rng.choices(PROFILES, weights=[p.weight for p in PROFILES])[0]


def pick_size(rng: random.Random, profile: ChargeProfile) -> int:
    if profile.max_defendants == 1:
        return 1
    return min(profile.max_defendants, rng.choices(GROUP_SIZES, weights=GROUP_WEIGHTS)[0])
