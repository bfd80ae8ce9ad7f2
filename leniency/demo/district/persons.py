"""The plan of L区's persons: who came in on which day, charged with what, and what their plea history will be,
drawn so that whether a person who pleaded later withdrew follows a **known logistic model**
(`TRUE_COEFFICIENTS`, log-odds). Its effects follow the literature: more withdrawals where no lawyer met the
defendant before signing, where the recommendation was a range (more so a wide one) or far above similar cases,
where the reasoning was not explained (no explanation letter) and where the rights notice was not acknowledged.
Tests check that the study and the risk model recover the signs of these effects (`KNOWN_EFFECTS`).

Nothing here writes to the database but the charges a bare database lacks: the cases and defendants are saved
by the services (cases.py), the plea history in bulk (history/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leniency.accounts.models import User
from leniency.cases.models import Case, Charge, Defendant
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselAssignment
from leniency.demo.district.places import random_name
from leniency.demo.timeline import DefendantPath
from leniency.plea.taxonomy import WithdrawalStage
from leniency.study.features import FAR_ABOVE

if TYPE_CHECKING:
    from leniency.demo.district.state import District

START, END = date(2019, 9, 1), date(2020, 8, 31)
PERSONS = 736

# The generator's true model of withdrawal among persons who pleaded (log-odds). Features are 0/1.
TRUE_INTERCEPT = -3.1
TRUE_COEFFICIENTS = {
    "no_meeting_before_signing": 1.1,
    "range_recommendation": 0.3,
    "wide_range": 0.9,
    "far_above_similar": 1.2,
    "letter_not_delivered": 0.8,
    "notice_not_acknowledged": 0.7,
    "detained": 0.3,
    "prior_record": 0.4,
    "plea_at_trial": 0.5,
    "plea_at_investigation": -0.2,
    "crime_theft": 0.2,
    "crime_fraud": 0.4,
    "crime_dangerous_driving": -0.4,
}
# The effects the literature reports and the tests check (all raise withdrawal).
KNOWN_EFFECTS = ("no_meeting_before_signing", "wide_range", "far_above_similar", "letter_not_delivered")

# Principal charge mix, with the sentence scale (months after the plea discount) and the penalty kind.
CRIMES = (  # name, weight, low, high, penalty
    ("危险驾驶", 34, 1, 4, "criminal_detention"),  # 拘役: one to six months (Criminal Law art. 42)
    ("盗窃", 19, 6, 36, "fixed_term"),
    ("诈骗", 8, 8, 60, "fixed_term"),
    ("故意伤害", 8, 8, 36, "fixed_term"),
    ("帮助信息网络犯罪活动", 6, 6, 24, "fixed_term"),
    ("寻衅滋事", 5, 6, 30, "fixed_term"),
    ("交通肇事", 5, 8, 36, "fixed_term"),
    ("走私、贩卖、运输、制造毒品", 4, 6, 84, "fixed_term"),
    ("妨害公务", 4, 6, 18, "fixed_term"),
    ("开设赌场", 3, 10, 48, "fixed_term"),
    ("掩饰、隐瞒犯罪所得、犯罪所得收益", 4, 6, 30, "fixed_term"),
)
ARTICLES = {  # Criminal Law article, label, in the 2021 sentencing guideline (where the catalogue is not loaded)
    "危险驾驶": (133, "第一百三十三条之一", True),
    "盗窃": (264, "第二百六十四条", True),
    "诈骗": (266, "第二百六十六条", True),
    "故意伤害": (234, "第二百三十四条", True),
    "帮助信息网络犯罪活动": (287, "第二百八十七条之二", False),
    "寻衅滋事": (293, "第二百九十三条", True),
    "交通肇事": (133, "第一百三十三条", True),
    "走私、贩卖、运输、制造毒品": (347, "第三百四十七条", True),
    "妨害公务": (277, "第二百七十七条", True),
    "开设赌场": (303, "第三百零三条", False),
    "掩饰、隐瞒犯罪所得、犯罪所得收益": (312, "第三百一十二条", False),
}
CRIME_KEY = {"盗窃": "crime_theft", "诈骗": "crime_fraud", "危险驾驶": "crime_dangerous_driving"}
PLEA_RATE = 0.88
PLEA_STAGES = (("investigation", 0.35), ("prosecution_review", 0.55), ("trial", 0.10))
PLEA_DISCOUNT = {"investigation": 0.30, "prosecution_review": 0.20, "trial": 0.10}
NON_PROSECUTION_RATE = 0.07
DETENTION_MAX = 6  # months of 拘役


def true_logit(features: dict[str, int]) -> float:
    return TRUE_INTERCEPT + sum(TRUE_COEFFICIENTS[k] * features.get(k, 0) for k in TRUE_COEFFICIENTS)


def _wide(low: int, high: int) -> bool:
    """Wider than the SPP width limits as FACTS.md §2 records them (❌ from memory): <1y ≤2m, 1–3y ≤6m, 3–10y ≤12m."""
    width = high - low
    return width > (2 if low < 12 else 6 if low < 36 else 12)


def _values(
    median: int, gap: float, kind_range: bool, wide: bool, cap: int | None = None, floor: int = 1
) -> dict:
    """The recommended term: a point at `gap` from the similar-case median, or a range around it (floor..cap)."""
    cap = cap or 10**6
    point = min(cap, max(floor, round(median * (1 + gap))))
    if not kind_range:
        return {"kind": "fixed", "months": point, "low_months": None, "high_months": None}
    half = max(1, round(point * 0.5)) if wide else max(1, round(point * 0.08))
    low, high = max(floor, point - half), point + half
    if wide and not _wide(low, high):
        high = low + (3 if low < 12 else 7 if low < 36 else 13)
    if not wide and _wide(low, high):
        high = low + (2 if low < 12 else 6 if low < 36 else 12)
    high = min(high, cap)
    if high <= low:
        return {"kind": "fixed", "months": point, "low_months": None, "high_months": None}
    return {"kind": "range", "months": None, "low_months": low, "high_months": high}


@dataclass
class Person:
    """One defendant as planned: the row the services save, the drawn features of the known model, and what
    the later steps add (`facts`, `base`; for a plea `lawyer_kind`, `opinion`, `gap`, `values`; the days of
    cases.plan_timelines; `assignment`, `signed_at`, `rec1`/`rec2`, `agreement` of the history)."""

    row: Defendant
    crime: str
    penalty: str
    features: dict
    pleaded: bool
    plea_stage: str = ""
    withdrawn_stage: str = ""
    non_prosecuted: bool = False
    lawyer: User | None = None
    path: DefendantPath = field(default_factory=DefendantPath)


def plan_persons(district: District) -> None:
    """The persons and their cases, in the order they came in, with the charges they need."""
    rng = district.rng
    charges = {c.name: c for c in Charge.objects.filter(name__in=[c[0] for c in CRIMES])}
    for name, (article, label, guideline) in ARTICLES.items():  # a bare database (tests) lacks the catalogue
        if name not in charges:
            charges[name] = Charge.objects.create(
                name=name, article=article, article_label=label, has_guideline=guideline
            )
    days = (district.end - district.start).days
    cases, persons = [], []
    while len(persons) < district.n:
        received = district.start + timedelta(days=rng.randint(0, days))
        size = min(district.n - len(persons), 2 if rng.random() < 0.07 else 1)
        crime, _w, low, high, penalty = rng.choices(CRIMES, [c[1] for c in CRIMES])[0]
        prosecutor = rng.choice(district.prosecutors)
        case = Case(
            number="",
            title="",
            region=district.region,
            procuratorate=district.procuratorate,
            court=district.court,
            prosecutor=prosecutor,
            received_on=received,
        )
        case.judge = rng.choice(district.judges)
        case.people = []
        for _ in range(size):
            persons.append(_person(district, case, crime, penalty, low, high, received))
            case.people.append(persons[-1])
        names = "、".join(p.row.name for p in case.people)
        case.title = f"{names}{crime}案"[:200]
        case.facts = "".join(p.facts for p in case.people)
        cases.append(case)
    cases.sort(key=lambda c: c.received_on)
    for seq_year, case in enumerate(cases, start=1):
        case.number = f"L检刑诉〔{case.received_on.year}〕{seq_year}号"
    district.cases, district.persons, district.charges = cases, persons, charges


def _person(district: District, case, crime, penalty, low, high, received) -> Person:
    rng = district.rng
    gender = "F" if rng.random() < (0.25 if crime in ("诈骗", "帮助信息网络犯罪活动") else 0.08) else "M"
    age = int(rng.triangular(18, 65, 32))
    detained = rng.random() < (0.15 if crime == "危险驾驶" else 0.6)
    prior = rng.random() < 0.15
    pleaded = rng.random() < PLEA_RATE
    name = random_name(rng)
    row = Defendant(
        name=name,
        gender=gender,
        birth_date=received.replace(year=received.year - age, day=1),
        education=rng.choice(["primary", "junior", "junior", "senior", "college"]),
        occupation=rng.choice(["无业", "务工", "个体经营", "司机", "公司职员", "农民"]),
        detention=(
            rng.choice(["arrested", "criminal_detention"])
            if detained
            else rng.choice(["bail", "bail", "not_detained"])
        ),
        detained_on=received - timedelta(days=rng.randint(1, 20)) if detained else None,
        stage=Stage.FINAL,
        stage_since=received,
    )
    features = {"detained": int(detained), "prior_record": int(prior)}
    if crime in CRIME_KEY:
        features[CRIME_KEY[crime]] = 1
    person = Person(row=row, crime=crime, penalty=penalty, features=features, pleaded=pleaded)
    person.facts = f"{name}涉嫌{crime}罪，于{received:%Y年%-m月%-d日}移送审查起诉。" + (
        f"{name}曾于{received.year - rng.randint(2, 10)}年因犯盗窃罪被判处刑罚，有前科。" if prior else ""
    )
    person.base = rng.randint(low, high)  # the term with the plea, as the calculator would give it
    if not pleaded:
        return person
    r = rng.random()
    person.plea_stage = (
        "investigation"
        if r < PLEA_STAGES[0][1]
        else ("prosecution_review" if r < PLEA_STAGES[0][1] + PLEA_STAGES[1][1] else "trial")
    )
    features[f"plea_at_{person.plea_stage}"] = 1
    retained = rng.random() < 0.22
    person.lawyer_kind = CounselAssignment.Kind.RETAINED if retained else CounselAssignment.Kind.DUTY
    person.lawyer = rng.choice(district.defence_lawyers if retained else district.duty_lawyers)
    met = rng.random() < (0.85 if retained else 0.5)
    features["no_meeting_before_signing"] = int(not met)
    person.opinion = rng.random() < (0.6 if met else 0.25)
    letter = rng.random() < 0.6
    features["letter_not_delivered"] = int(not letter)
    features["notice_not_acknowledged"] = int(rng.random() < 0.10)
    kind_range = rng.random() < 0.28
    features["range_recommendation"] = int(kind_range)
    features["wide_range"] = int(kind_range and rng.random() < 0.4)
    far = rng.random() < 0.12
    features["far_above_similar"] = int(far)
    person.gap = rng.uniform(0.26, 0.6) if far else max(-0.3, min(0.2, rng.gauss(0, 0.1)))
    person.values = _values(
        person.base,
        person.gap,
        kind_range,
        bool(features["wide_range"]),
        cap=DETENTION_MAX if penalty == "criminal_detention" else None,
        floor=1 if penalty == "criminal_detention" else 6,
    )
    features["range_recommendation"] = int(person.values["kind"] == "range")
    # The features as the study will measure them from the stored recommendation (rounding moves a few).
    point = person.values["months"] or (person.values["low_months"] + person.values["high_months"]) / 2
    features["far_above_similar"] = int((point - person.base) / person.base >= FAR_ABOVE)
    features["wide_range"] = int(
        person.values["kind"] == "range" and _wide(person.values["low_months"], person.values["high_months"])
    )
    p = 1 / (1 + math.exp(-true_logit(features)))
    withdrawn = rng.random() < p
    person.non_prosecuted = (
        person.plea_stage != "trial"
        and rng.random() < NON_PROSECUTION_RATE
        and crime in ("危险驾驶", "盗窃", "故意伤害", "妨害公务")
    )
    if withdrawn:
        if person.non_prosecuted:
            person.withdrawn_stage = WithdrawalStage.AFTER_NON_PROSECUTION
        elif person.plea_stage == "trial":
            person.withdrawn_stage = rng.choices(
                [WithdrawalStage.AT_TRIAL, WithdrawalStage.AFTER_JUDGMENT], [60, 40]
            )[0]
        else:
            person.withdrawn_stage = rng.choices(
                [
                    WithdrawalStage.BEFORE_PROSECUTION,
                    WithdrawalStage.AT_TRIAL,
                    WithdrawalStage.AFTER_JUDGMENT,
                ],
                [45, 20, 35],
            )[0]
    return person
