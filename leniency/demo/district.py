"""The demo district "L区": every person its procuratorate handled in one year (2019-09-01 to 2020-08-31).

Modelled on the district study behind the withdrawal issue (736 persons). Whether a person who pleaded later
withdrew is drawn from a **known logistic model** (`TRUE_COEFFICIENTS`, log-odds) whose effects follow the
literature: more withdrawals where no lawyer met the defendant before signing, where the recommendation was a
range (more so a wide one) or far above similar cases, where the reasoning was not explained (no explanation
letter) and where the rights notice was not acknowledged. Tests check that the study and the risk model recover
the signs of these effects.

Every case comes in and moves on as the main demo's do, through the services users call, each step replayed on
its day (`intake.case_steps` and `intake.replay`, `clock.running_at`): the case-management officer registers it
with its defendants and charges and assigns it to its prosecutor, who moves each defendant into review, decides
not to prosecute (不起诉) or prosecutes to the L区 court; its clerk files the case with its judge, who sets the
procedure, gives the judgment with each defendant's sentence (the term the recommendation the court decided on
asked for, `_sentence`) and, after the appeal period, its taking effect; an appeal goes through the clerk to the
L市 intermediate court, whose panel upholds the judgment. The legal-aid centre records a duty lawyer, the
prosecutor a retained one (`do_assign_counsel`). Their audit events are the services' own.

Not yet through the services: the plea history that carries the known model — rights notices, the lawyers'
participation and opinions, recommendations (both rounds), explanation letters, plea agreements with their
signatures, the court's adoption decisions and withdrawals. Moving them through the plea and recommendation
services (drafting, review, signing with a recording, withdrawal) did not fit in the change that brought the
cases onto the services' path. They are still written by this module with bulk_create, pointing at the
defendants, cases and counsel assignments the services created, each batch written at its historical moment
between the services' steps (`_District.later` / `flush`) with the audit events those services would record,
so that the trail stays one run in time order (`leniency audit verify`).

Deterministic for a seed; idempotent (nothing is added when the district's region exists).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.audit.trail import PendingEvent, record_many
from leniency.cases.judgments import SentenceIn
from leniency.cases.models import Case, Charge, Defendant, PenaltyKind
from leniency.cases.stages import Procedure, Stage
from leniency.counsel.models import CounselAssignment
from leniency.counsel.models.participation import ParticipationEntry, Service
from leniency.counsel.services import do_assign_counsel
from leniency.database import refresh_planner_statistics
from leniency.demo.generator import PlannedCase, PlannedDefendant
from leniency.demo.geography import PROVINCE_CODE
from leniency.demo.intake import case_steps, replay
from leniency.demo.personas import DEMO_PASSWORD
from leniency.demo.signatures import signature_events, signature_rows
from leniency.demo.timeline import DefendantPath, Move, appeal_period_end
from leniency.documents.archive import write_bytes
from leniency.documents.pdf import render_pdf
from leniency.plea.models import PleaAgreement, RightsNotice, Signature, Withdrawal
from leniency.plea.taxonomy import DEFAULT_CONSEQUENCES, Consequence, WithdrawalReason, WithdrawalStage
from leniency.recommendations.models import CourtDecision, LawyerOpinion, SentencingRecommendation
from leniency.study.features import FAR_ABOVE
from leniency.study.models import LetterDelivery
from leniency.study.risk import PROCURATORATE_NAME

DISTRICT_NAME = "L区"
DISTRICT_CODE = "990901"
CITY_NAME = "L市"
CITY_CODE = "990900"
COURT_NAME = "L区人民法院"
APPEAL_COURT_NAME = "L市中级人民法院"
NON_PROSECUTION_REASON = "犯罪情节轻微，认罪认罚，依法作出不起诉决定"
START, END = date(2019, 9, 1), date(2020, 8, 31)
PERSONS = 736
PLACEHOLDER_FILE = "agreements/study-demo/placeholder.pdf"
NO_RECORDING_REASON = "2019至2020年本院签署具结书时尚未配备同步录音录像设备，签署在纸质具结书上进行"

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
GUARANTEE_BREACHES = (
    4  # post-withdrawal rounds heavier than the sentence without a plea, for the check to find
)
R = WithdrawalReason
BASE_REASONS = {
    WithdrawalStage.BEFORE_PROSECUTION: {
        R.TOO_HEAVY: 20,
        R.CHANGED_MIND: 12,
        R.PRESSURE: 8,
        R.MISUNDERSTOOD: 8,
        R.STANDARD_UNCLEAR: 6,
        R.REASONING_NOT_EXPLAINED: 6,
    },
    WithdrawalStage.AT_TRIAL: {
        R.TOO_HEAVY: 15,
        R.MISUNDERSTOOD: 12,
        R.CHANGED_MIND: 12,
        R.PRESSURE: 6,
        R.OTHER: 6,
    },
    WithdrawalStage.AFTER_JUDGMENT: {R.TECHNICAL_APPEAL: 35, R.LIGHTER_SENTENCE: 30, R.TOO_HEAVY: 15},
    WithdrawalStage.AFTER_NON_PROSECUTION: {R.CHANGED_MIND: 40, R.MISUNDERSTOOD: 30, R.OTHER: 30},
}
SENTENCE_ONLY = {R.TECHNICAL_APPEAL, R.LIGHTER_SENTENCE, R.TOO_HEAVY}
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌波辉鹏宇浩凯健俊帆帅旭宁"


def true_logit(features: dict[str, int]) -> float:
    return TRUE_INTERCEPT + sum(TRUE_COEFFICIENTS[k] * features.get(k, 0) for k in TRUE_COEFFICIENTS)


def _at(day: date, rng: random.Random, start: int = 9, end: int = 17) -> datetime:
    minutes = rng.randint(start * 60, end * 60 - 1)
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59))))


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


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


@dataclass
class _Event:
    """An audit event of a row the services do not write; its data is read once the rows have their pks."""

    when: datetime
    action: str
    obj: object
    actor: User
    case: Case
    data: Callable[[], dict]

    def pending(self) -> PendingEvent:
        label = self.obj._meta.label_lower
        return PendingEvent(
            self.action, label, str(self.obj.pk), self.actor, self.case.pk, self.data(), self.when
        )


@dataclass
class _Later:
    when: datetime
    rows: list
    events: list[_Event]


# Parents before children, when rows of one moment are written together.
WRITE_ORDER = (
    SentencingRecommendation,
    PleaAgreement,
    Signature,
    RightsNotice,
    LetterDelivery,
    CourtDecision,
    Withdrawal,
    ParticipationEntry,
)


class _District:
    def __init__(self, province: Region, seed: int, n: int, start: date, end: date):
        self.rng = random.Random(seed * 7 + 11)
        # The moments of the service steps and the people added for them draw apart, so that the persons and
        # their features are those the district has always had for a seed.
        self.step_rng = random.Random(seed * 13 + 5)
        self.province, self.n, self.start, self.end = province, n, start, end
        self.history: list[_Later] = []  # what the services do not write, queued for its moment
        self.queue: list[_Later] = []  # due, written before the next service step
        self.counts: Counter = Counter()

    def later(self, when: datetime, rows=(), events=()) -> None:
        """Rows (and their audit events, `_Event`) written in the replay at `when`, among the services' steps."""
        self.history.append(_Later(when, list(rows), list(events)))

    def flush(self) -> None:
        """Write the queued rows (bulk, parents first), then their events in time order."""
        due, self.queue = self.queue, []
        if not due:
            return
        by_model: dict = {}
        for item in due:
            for row in item.rows:
                if hasattr(row, "recommendation_row"):  # recommendation_id is a number, not a foreign key
                    row.recommendation_id = row.recommendation_row.pk
                by_model.setdefault(type(row), []).append(row)
        for model in WRITE_ORDER:
            if model in by_model:
                model.objects.bulk_create(by_model.pop(model))
        assert not by_model, by_model
        record_many(event.pending() for item in due for event in item.events)

    # --- places and people ------------------------------------------------------------------------------------
    def places(self):
        city = Region.objects.create(
            name=CITY_NAME, level=Region.Level.CITY, parent=self.province, code=CITY_CODE
        )
        self.region = Region.objects.create(
            name=DISTRICT_NAME,
            level=Region.Level.DISTRICT,
            parent=city,
            code=DISTRICT_CODE,
            zone=Region.Zone.EASTERN,
        )
        make = Organisation.objects.create
        K = Organisation.Kind
        self.procuratorate = make(name=PROCURATORATE_NAME, kind=K.PROCURATORATE, region=self.region)
        self.court = make(name=COURT_NAME, kind=K.COURT, region=self.region)
        self.legal_aid = make(name="L区法律援助中心", kind=K.LEGAL_AID_CENTRE, region=self.region)
        self.firm = make(name="L区正平律师事务所", kind=K.LAW_FIRM, region=self.region)

        password = make_password(DEMO_PASSWORD)

        def users(prefix, role, org, count, title):
            rows = [
                User(
                    username=f"{prefix}{i}" if count > 1 else prefix,
                    role=role,
                    organisation=org,
                    display_name=f"{_name(self.rng)}{title}",
                    password=password,
                )
                for i in range(1, count + 1)
            ]
            return User.objects.bulk_create(rows)

        self.prosecutors = users("lqu_prosecutor", Role.PROSECUTOR, self.procuratorate, 4, "")
        self.supervisor = users("lqu_supervisor", Role.SUPERVISING_PROSECUTOR, self.procuratorate, 1, "")[0]
        self.judges = users("lqu_judge", Role.JUDGE, self.court, 3, "")
        self.duty_lawyers = users("lqu_duty", Role.DUTY_LAWYER, self.firm, 5, "")
        self.defence_lawyers = users("lqu_defence", Role.DEFENCE_LAWYER, self.firm, 4, "")
        self.officer = users("lqu_legal_aid", Role.LEGAL_AID_OFFICER, self.legal_aid, 1, "")[0]
        # Who registers the cases, files them at the court, and hears the appeals (the court above, CPL art. 227).
        self.rng, planning = self.step_rng, self.rng
        self.police = make(name="L市公安局L区分局", kind=K.POLICE, region=self.region)
        self.case_manager = users("lqu_case_manager", Role.CASE_MANAGER, self.procuratorate, 1, "")[0]
        self.court_clerk = users("lqu_clerk", Role.COURT_CLERK, self.court, 1, "")[0]
        appeal = make(name=APPEAL_COURT_NAME, kind=K.COURT, region=city)
        self.appeal_court = SimpleNamespace(
            judges=users("lqu_appeal_judge", Role.JUDGE, appeal, 3, ""),
            court_clerk=users("lqu_appeal_clerk", Role.COURT_CLERK, appeal, 1, "")[0],
        )
        self.rng = planning

    # --- persons ----------------------------------------------------------------------------------------------
    def plan(self):
        rng = self.rng
        charges = {c.name: c for c in Charge.objects.filter(name__in=[c[0] for c in CRIMES])}
        for name, (
            article,
            label,
            guideline,
        ) in ARTICLES.items():  # a bare database (tests) lacks the catalogue
            if name not in charges:
                charges[name] = Charge.objects.create(
                    name=name, article=article, article_label=label, has_guideline=guideline
                )
        days = (self.end - self.start).days
        cases, persons = [], []
        while len(persons) < self.n:
            received = self.start + timedelta(days=rng.randint(0, days))
            size = min(self.n - len(persons), 2 if rng.random() < 0.07 else 1)
            crime, _w, low, high, penalty = rng.choices(CRIMES, [c[1] for c in CRIMES])[0]
            prosecutor = rng.choice(self.prosecutors)
            case = Case(
                number="",
                title="",
                region=self.region,
                procuratorate=self.procuratorate,
                court=self.court,
                prosecutor=prosecutor,
                received_on=received,
            )
            case.judge = rng.choice(self.judges)
            case.people = []
            for _ in range(size):
                persons.append(self._person(case, crime, penalty, low, high, received))
                case.people.append(persons[-1])
            names = "、".join(p.row.name for p in case.people)
            case.title = f"{names}{crime}案"[:200]
            case.facts = "".join(p.facts for p in case.people)
            cases.append(case)
        cases.sort(key=lambda c: c.received_on)
        for seq_year, case in enumerate(cases, start=1):
            case.number = f"L检刑诉〔{case.received_on.year}〕{seq_year}号"
        self.cases, self.persons, self.charges = cases, persons, charges

    def _person(self, case, crime, penalty, low, high, received) -> Person:
        rng = self.rng
        gender = "F" if rng.random() < (0.25 if crime in ("诈骗", "帮助信息网络犯罪活动") else 0.08) else "M"
        age = int(rng.triangular(18, 65, 32))
        detained = rng.random() < (0.15 if crime == "危险驾驶" else 0.6)
        prior = rng.random() < 0.15
        pleaded = rng.random() < PLEA_RATE
        name = _name(rng)
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
        person.lawyer = rng.choice(self.defence_lawyers if retained else self.duty_lawyers)
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
            person.values["kind"] == "range"
            and _wide(person.values["low_months"], person.values["high_months"])
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

    # --- through the services, each step on its day ----------------------------------------------------------
    def save(self):
        """Every case comes in and moves on through the services (intake.case_steps), replayed in time order
        (intake.replay); what the services do not write (the plea history below) is written among their steps
        at its own moments, so that the audit trail is one run in time order."""
        self.timelines()
        self.counsel()
        self.recommendations()
        self.plea()
        self.withdrawals()
        team = SimpleNamespace(case_manager=self.case_manager, court_clerk=self.court_clerk)
        steps: list = []
        for index, case in enumerate(self.cases):
            planned = PlannedCase(
                case,
                case.judge,
                [PlannedDefendant(p.row, p.path, [self.charges[p.crime]]) for p in case.people],
            )
            own_steps = case_steps(
                index,
                planned,
                team,
                self.police,
                appeal_court=self.appeal_court,
                officer=self.officer,
                serial=index + 1,
                rng=self.step_rng,
                cutoff=date.max,
                sentence=lambda d: self._sentence(self.by_pk[d.pk]),
            )
            moment, i, n, register = own_steps[0]
            steps.append((moment, i, n, self._registered(register, case, planned)))
            steps += own_steps[1:]
            for k, p in enumerate(case.people):
                if p.lawyer is not None:
                    steps.append((p.assignment.assigned_at, index, 10_000 + k, self._assign_counsel(p)))
        steps = [(moment, i, n, self._after_flush(run)) for moment, i, n, run in steps]
        steps += [
            (item.when, len(self.cases), n, lambda item=item: self.queue.append(item))
            for n, item in enumerate(self.history)
        ]
        replay(steps)
        self.flush()
        LawyerOpinion.objects.bulk_create(self.opinions, batch_size=1000)

    def _after_flush(self, run):
        def step():
            self.flush()
            run()

        return step

    def _registered(self, register, case: Case, planned: PlannedCase):
        """The registration step; then the planned rows take the pks of the rows the services created."""

        def step():
            register()
            case.pk = planned.row.pk
            for p, d in zip(case.people, planned.defendants, strict=True):
                p.row.pk, p.row.case = d.row.pk, case
                self.by_pk[p.row.pk] = p

        return step

    def _assign_counsel(self, p: Person):
        """The legal-aid centre records a duty lawyer, the prosecutor a retained one (do_assign_counsel)."""

        def step():
            retained = p.lawyer_kind == CounselAssignment.Kind.RETAINED
            assignment = do_assign_counsel(
                p.row,
                lawyer=p.lawyer,
                kind=p.lawyer_kind,
                acting_user=p.row.case.prosecutor if retained else self.officer,
                as_of=p.assignment.assigned_at,
            )
            p.assignment.pk = assignment.pk

        return step

    def _sentence(self, p: Person) -> SentenceIn:
        """The judgment's sentence: the term of the recommendation the court decided on (the second round after a
        withdrawal before the judgment), or for a defendant who did not plead the term without the plea's
        discount."""
        rec = getattr(p, "rec2", None) or getattr(p, "rec1", None)
        if rec is None:
            months = max(p.base + 1, round(p.base / (1 - PLEA_DISCOUNT["prosecution_review"])))
            probation = False
        else:
            months, probation = rec.months or rec.low_months, rec.probation
        if p.penalty == PenaltyKind.CRIMINAL_DETENTION:
            months = min(max(months, 1), DETENTION_MAX)
            return SentenceIn(
                p.penalty, months=months, probation_months=max(2, months) if probation else None
            )
        return SentenceIn(p.penalty, months=min(max(months, 6), 180))

    def timelines(self):
        """The days of each step. Co-defendants are prosecuted and judged together, and an appeal takes the case
        to the court above (CPL art. 233); each defendant's path (timeline.DefendantPath) is what case_steps runs."""
        rng = self.rng
        self.by_pk: dict[int, Person] = {}
        for case in self.cases:
            r = case.received_on
            for p in case.people:
                p.row.case = case  # the case's pk once registered (_registered)
                p.review_on = r
                p.sign_on = r + timedelta(days=rng.randint(3, 20))
            trial_on = max(p.sign_on for p in case.people) + timedelta(days=rng.randint(3, 15))
            judgment_on = trial_on + timedelta(days=rng.randint(7, 40))
            tried = [p for p in case.people if not p.non_prosecuted]
            appeal_on = None
            for p in case.people:
                p.trial_on, p.judgment_on = trial_on, judgment_on
                if p.plea_stage == "trial":
                    p.sign_on = trial_on + timedelta(days=rng.randint(1, 5))
                if p.withdrawn_stage == WithdrawalStage.AFTER_JUDGMENT or (
                    p in tried and not p.pleaded and rng.random() < 0.2
                ):
                    appeal_on = appeal_on or judgment_on + timedelta(days=rng.randint(3, 9))
            decided_on = appeal_on + timedelta(days=rng.randint(20, 60)) if appeal_on else None
            for p in case.people:
                moves = [Move(Stage.PROSECUTION_REVIEW, p.review_on)]
                if p.non_prosecuted:  # decided before the others are prosecuted (the same day at the latest)
                    on = p.sign_on + timedelta(days=rng.randint(5, 20))
                    on = min(on, trial_on) if tried else on
                    p.path = DefendantPath(moves + [Move(Stage.NON_PROSECUTION, on, NON_PROSECUTION_REASON)])
                    p.row.stage_since = on
                    continue
                if not p.pleaded or p.withdrawn_stage in (
                    WithdrawalStage.BEFORE_PROSECUTION,
                    WithdrawalStage.AT_TRIAL,
                ):
                    p.row.procedure = (
                        Procedure.ORDINARY if not p.pleaded or rng.random() < 0.6 else Procedure.SUMMARY
                    )
                else:
                    p.row.procedure = rng.choices(
                        [Procedure.EXPEDITED, Procedure.SUMMARY, Procedure.ORDINARY], [55, 35, 10]
                    )[0]
                moves += [Move(Stage.FIRST_INSTANCE, trial_on), Move(Stage.JUDGMENT, judgment_on)]
                if appeal_on:
                    p.appeal_on = appeal_on
                    moves += [Move(Stage.APPEAL, appeal_on, "上诉"), Move(Stage.FINAL, decided_on)]
                else:
                    final_on = max(
                        judgment_on + timedelta(days=11), appeal_period_end(judgment_on) + timedelta(1)
                    )
                    moves.append(Move(Stage.FINAL, final_on))
                p.path = DefendantPath(moves, procedure=p.row.procedure)  # the judge sets it at the filing

    def counsel(self):
        rng = self.rng
        for p in self.persons:
            if p.lawyer is None and rng.random() < 0.35:
                p.lawyer, p.lawyer_kind = rng.choice(self.defence_lawyers), CounselAssignment.Kind.RETAINED
                p.opinion = False
                p.features["no_meeting_before_signing"] = 0
            if p.lawyer is None:
                continue
            assigned = _at(p.review_on + timedelta(days=rng.randint(0, 1)), rng, 12, 17)
            p.assignment = CounselAssignment(
                defendant=p.row, lawyer=p.lawyer, kind=p.lawyer_kind, assigned_at=assigned
            )
        entries = []
        for p in self.persons:
            if p.lawyer is None:
                continue
            a = p.assignment
            p.signed_at = _at(p.sign_on, rng, 10, 16)
            if not p.pleaded:
                entries.append(self._entry(a, Service.MEETING, p.signed_at - timedelta(days=2), 60, "会见"))
                continue
            if not p.features.get("no_meeting_before_signing"):
                for _ in range(rng.choice([1, 1, 2])):
                    when = max(
                        a.assigned_at + timedelta(hours=2),
                        p.signed_at - timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 5)),
                    )
                    entries.append(
                        self._entry(
                            a,
                            Service.MEETING,
                            min(when, p.signed_at - timedelta(hours=1)),
                            60,
                            "会见犯罪嫌疑人，解释认罪认罚的法律规定和后果",
                        )
                    )
            elif rng.random() < 0.2:
                entries.append(
                    self._entry(
                        a, Service.MEETING, p.signed_at + timedelta(days=rng.randint(2, 6)), 45, "签署后会见"
                    )
                )
            if p.opinion:
                entries.append(
                    self._entry(
                        a,
                        Service.OPINION_RECOMMENDATION,
                        p.signed_at - timedelta(hours=20),
                        40,
                        "就量刑建议提出书面意见",
                        opinion="同意检察机关的量刑建议。",
                    )
                )
            if p.plea_stage != "trial":
                entries.append(self._entry(a, Service.SIGNING, p.signed_at, 30, "在场见证具结书签署"))
        for e in entries:
            self.later(
                e.logged_at,
                [e],
                [
                    _Event(
                        e.logged_at,
                        "counsel.participation.logged",
                        e,
                        e.assignment.lawyer,
                        e.assignment.defendant,
                        lambda e=e: {
                            "defendant": e.assignment.defendant.pk,
                            "service": e.service,
                            "minutes": e.minutes,
                        },
                    )
                ],
            )
        self.counts["participation"] = len(entries)

    def _entry(self, assignment, service, when, minutes, note, opinion=""):
        when = max(when, assignment.assigned_at + timedelta(hours=1))  # not before the lawyer had the case
        return ParticipationEntry(
            assignment=assignment,
            service=service,
            occurred_at=when,
            minutes=minutes,
            note=note,
            opinion=opinion,
            logged_by=assignment.lawyer,
            logged_at=when + timedelta(hours=2),
        )

    def recommendations(self):
        """Round 1 for every person who pleaded; a heavier round 2 after a withdrawal before judgment."""
        rng = self.rng
        SR = SentencingRecommendation
        recs, opinions = [], []
        breaches = 0
        for p in self.persons:
            if not p.pleaded:
                continue
            case = p.row.case
            discount = PLEA_DISCOUNT[p.plea_stage]
            without = max(p.base + 1, round(p.base / (1 - discount)))
            if p.penalty == "criminal_detention":
                without = min(DETENTION_MAX, without)
            scenarios = {
                "stage": p.plea_stage,
                "without": without,
                **{s: max(1, round(without * (1 - d))) for s, d in PLEA_DISCOUNT.items()},
            }
            median = p.base
            values = p.values
            finalised = (
                p.signed_at - timedelta(days=1)
                if p.plea_stage != "trial"
                else p.signed_at - timedelta(hours=3)
            )
            rec = SR(
                defendant=p.row,
                round=1,
                status=SR.Status.FINAL,
                version=4,
                principal_penalty=p.penalty,
                probation=p.penalty == "criminal_detention" and rng.random() < 0.5,
                facts_text=p.facts,
                charges=[p.crime],
                calculation={"plea_stage": p.plea_stage, "plea_scenarios": scenarios},
                similar={
                    "stats": {
                        "n": rng.randint(12, 240),
                        "median": median,
                        "q1": max(1, round(median * 0.8)),
                        "q3": round(median * 1.25) + 1,
                    }
                },
                engine_months=p.base,
                engine_low=max(1, p.base - 2),
                engine_high=p.base + 2,
                model_version="calculator demo-2019",
                author=case.prosecutor,
                created_at=finalised - timedelta(days=2),
                updated_at=finalised,
                submitted_at=finalised - timedelta(days=1, hours=2),
                approved_at=finalised - timedelta(hours=4),
                finalised_at=finalised,
                finalised_by=self.supervisor,
                **values,
            )
            if p.features.get("far_above_similar"):
                rec.deviation_reason = "犯罪情节较重"
                rec.warnings = [{"kind": "similar", "message": "建议刑期明显高于类案中位数"}]
            p.rec1 = rec
            recs.append(rec)
            if p.withdrawn_stage in (WithdrawalStage.BEFORE_PROSECUTION, WithdrawalStage.AT_TRIAL):
                rec.status = SR.Status.LAPSED  # closed when the withdrawal is written
                breach = breaches < GUARANTEE_BREACHES and p.penalty == "fixed_term"
                months = without + rng.randint(3, 8) if breach else without
                breaches += breach
                p.rec2 = SR(
                    defendant=p.row,
                    round=2,
                    status=SR.Status.FINAL,
                    version=4,
                    principal_penalty=p.penalty,
                    kind=SR.Kind.FIXED,
                    months=months,
                    facts_text=p.facts,
                    charges=[p.crime],
                    calculation={"plea_stage": None, "plea_scenarios": scenarios},
                    similar=rec.similar,
                    engine_months=without,
                    model_version="calculator demo-2019",
                    author=case.prosecutor,
                    change_basis="犯罪嫌疑人/被告人反悔，依法重新审查后提出量刑建议",
                    created_at=finalised,
                    updated_at=finalised,
                    finalised_by=self.supervisor,
                )
                recs.append(p.rec2)
        for p in self.persons:
            if not p.pleaded:
                continue
            rec, case = p.rec1, p.row.case
            self.later(
                rec.finalised_at,
                [rec],
                [
                    _Event(
                        rec.finalised_at,
                        "recommendations.recommendation.finalised",
                        rec,
                        self.supervisor,
                        case,
                        lambda p=p, rec=rec: {
                            "defendant": p.row.pk,
                            "round": 1,
                            "kind": rec.kind,
                            "term": rec.term_text(),
                        },
                    )
                ],
            )
            if p.opinion and p.lawyer is not None:
                opinions.append(
                    LawyerOpinion(
                        recommendation=rec,
                        lawyer=p.lawyer,
                        position=LawyerOpinion.Position.AGREE,
                        reasons="",
                        created_at=rec.approved_at + timedelta(hours=1),
                    )
                )
            judged = not p.non_prosecuted and p.withdrawn_stage not in (
                WithdrawalStage.BEFORE_PROSECUTION,
                WithdrawalStage.AT_TRIAL,
            )
            if judged:
                decision = rng.choices(
                    [CourtDecision.Decision.ADOPT, CourtDecision.Decision.DECIDE_OTHERWISE], [95, 5]
                )[0]
                if p.withdrawn_stage == WithdrawalStage.AFTER_JUDGMENT:
                    decision = CourtDecision.Decision.ADOPT
                when = _at(p.judgment_on, rng)
                row = CourtDecision(
                    recommendation=rec,
                    judge=case.judge,
                    decision=decision,
                    grounds=[] if decision == "adopt" else ["clearly_improper"],
                    principal_penalty=p.penalty,
                    months=rec.months or rec.low_months,
                    created_at=when,
                )
                action = f"recommendations.court.{'adopted' if decision == 'adopt' else 'decided_otherwise'}"
                self.later(
                    when,
                    [row],
                    [
                        _Event(
                            when,
                            action,
                            rec,
                            case.judge,
                            case,
                            lambda p=p: {"defendant": p.row.pk, "round": 1},
                        )
                    ],
                )
        self.opinions = opinions  # no audit event: written once the replay is done
        self.counts["recommendations"] = len(recs)

    def plea(self):
        rng = self.rng
        stored = _placeholder()
        notices, agreements, letters = [], [], []
        for p in self.persons:
            if not p.pleaded:
                continue
            case = p.row.case
            authority, stage, on = {
                "investigation": ("police", Stage.INVESTIGATION, p.review_on),
                "prosecution_review": ("procuratorate", Stage.PROSECUTION_REVIEW, p.review_on),
                "trial": ("court", Stage.FIRST_INSTANCE, p.trial_on),
            }[p.plea_stage]
            when = min(_at(on, rng, 11, 17), p.signed_at - timedelta(days=1))
            ack = not p.features.get("notice_not_acknowledged")
            notices.append(
                RightsNotice(
                    defendant=p.row,
                    stage=stage,
                    authority=authority,
                    notified_by_name="公安机关办案民警"
                    if authority == "police"
                    else str(case.prosecutor if authority == "procuratorate" else case.judge),
                    notified_at=when,
                    acknowledged=ack,
                    acknowledgement="本人已阅读（听取）并理解上述权利和认罪认罚的法律规定。" if ack else "",
                    notes="" if ack else "未在告知书上签字确认",
                    recorded_by=case.prosecutor,
                    recorded_at=when,
                )
            )
            if not p.features.get("letter_not_delivered"):
                letters.append(
                    LetterDelivery(
                        defendant=p.row,
                        method=rng.choice(list(LetterDelivery.Method.values)),
                        delivered_at=p.rec1.finalised_at + timedelta(hours=2),
                        recorded_by=case.prosecutor,
                        recorded_at=p.rec1.finalised_at + timedelta(hours=3),
                    )
                )
                letters[-1].recommendation_row = p.rec1
            if p.plea_stage != "trial":
                agreements.append(
                    PleaAgreement(
                        defendant=p.row,
                        version=1,
                        status=PleaAgreement.Status.SIGNED,
                        recommendation_text=p.rec1.term_text()[:300],
                        charges_text=f"{p.crime}罪",
                        procedure=p.row.procedure or Procedure.EXPEDITED,
                        lawyer_name=str(p.lawyer),
                        file_name=stored.name,
                        sha256=stored.sha256,
                        size=stored.size,
                        generated_by=case.prosecutor,
                        generated_at=p.signed_at - timedelta(minutes=40),
                        signed_at=p.signed_at,
                    )
                )
                p.agreement = agreements[-1]
                p.agreement.recommendation_row = p.rec1
        for p in self.persons:
            a = getattr(p, "agreement", None)
            if a is None:
                continue
            d, case = a.defendant, a.defendant.case
            # Signed on paper in 2019-2020: the defendant's signature is the scanned signed copy (the
            # placeholder stands in for it), the lawyer confirms on their account, and no signing was recorded.
            rows = signature_rows(
                a,
                defendant_name=d.name,
                lawyer=p.lawyer,
                prosecutor=case.prosecutor,
                times=[a.generated_at + timedelta(minutes=m) for m in (30, 35, 40)],
                image=stored,
                capture=Signature.Capture.SCAN,
                no_recording_reason=NO_RECORDING_REASON,
            )
            # `plea verify` checks each stored hash against the one its generation event registered.
            generated = _Event(
                a.generated_at,
                "plea.agreement.generated",
                a,
                case.prosecutor,
                case,
                lambda a=a: {
                    "defendant": a.defendant.pk,
                    "version": 1,
                    "sha256": a.sha256,
                    "lawyer_exception": "",
                },
            )
            a.signature_rows = rows
            self.later(a.generated_at, [a, *rows], [generated])
            for i, (when, action, actor, _data) in enumerate(signature_events(a, rows)):
                data = lambda a=a, rows=rows, i=i: signature_events(a, rows)[i][3]  # noqa: E731 (pks once written)
                self.later(when, events=[_Event(when, action, a, actor, case, data)])
        for n in notices:
            data = lambda n=n: {  # noqa: E731
                "defendant": n.defendant.pk,
                "stage": n.stage,
                "authority": n.authority,
                "acknowledged": n.acknowledged,
            }
            event = _Event(n.notified_at, "plea.notice.recorded", n, n.recorded_by, n.defendant.case, data)
            self.later(n.notified_at, [n], [event])
        for letter in letters:
            data = lambda letter=letter: {  # noqa: E731
                "defendant": letter.defendant.pk,
                "recommendation": letter.recommendation_id,
                "method": letter.method,
            }
            event = _Event(
                letter.delivered_at,
                "study.letter.delivered",
                letter,
                letter.recorded_by,
                letter.defendant.case,
                data,
            )
            self.later(letter.delivered_at, [letter], [event])
        self.counts.update(notices=len(notices), agreements=len(agreements), letters=len(letters))

    def withdrawals(self):
        rng = self.rng
        SR = SentencingRecommendation
        rows, finals = [], []
        for p in self.persons:
            stage = p.withdrawn_stage
            if not stage:
                continue
            case = p.row.case
            on = {
                WithdrawalStage.BEFORE_PROSECUTION: p.sign_on + timedelta(days=rng.randint(1, 3)),
                WithdrawalStage.AT_TRIAL: p.trial_on + timedelta(days=rng.randint(1, 4)),
                WithdrawalStage.AFTER_JUDGMENT: getattr(p, "appeal_on", p.judgment_on),
                WithdrawalStage.AFTER_NON_PROSECUTION: p.row.stage_since + timedelta(days=rng.randint(3, 20)),
            }[stage]
            when = max(_at(on, rng), p.signed_at + timedelta(hours=6))
            weights = dict(BASE_REASONS[stage])
            if stage in (WithdrawalStage.BEFORE_PROSECUTION, WithdrawalStage.AT_TRIAL):
                f = p.features
                if f.get("far_above_similar") or f.get("wide_range"):
                    weights[R.TOO_HEAVY] = weights.get(R.TOO_HEAVY, 0) + 30
                if f.get("wide_range"):
                    weights[R.STANDARD_UNCLEAR] = weights.get(R.STANDARD_UNCLEAR, 0) + 20
                if f.get("letter_not_delivered"):
                    weights[R.REASONING_NOT_EXPLAINED] = weights.get(R.REASONING_NOT_EXPLAINED, 0) + 30
                if f.get("notice_not_acknowledged"):
                    weights[R.RIGHTS_NOT_EXPLAINED] = weights.get(R.RIGHTS_NOT_EXPLAINED, 0) + 30
                if f.get("no_meeting_before_signing"):
                    weights[R.NO_EFFECTIVE_HELP] = weights.get(R.NO_EFFECTIVE_HELP, 0) + 25
                    weights[R.MISUNDERSTOOD] = weights.get(R.MISUNDERSTOOD, 0) + 10
            reasons = list(
                dict.fromkeys(rng.choices(list(weights), list(weights.values()), k=rng.choice([1, 1, 2])))
            )
            consequences = list(DEFAULT_CONSEQUENCES[stage])
            agreement = getattr(p, "agreement", None)
            if agreement is None:
                consequences.remove(Consequence.AGREEMENT_LAPSED)
            protest = (
                stage == WithdrawalStage.AFTER_JUDGMENT
                and set(reasons) <= SENTENCE_ONLY
                and rng.random() < 0.3
            )
            if protest:
                consequences.append(Consequence.PROTEST)
            procedure_to = ""
            if stage == WithdrawalStage.AT_TRIAL:
                procedure_to = p.row.procedure
                consequences.append(Consequence.PROCEDURE_SWITCHED)
            lapsed_round = None
            if stage in (WithdrawalStage.BEFORE_PROSECUTION, WithdrawalStage.AT_TRIAL):
                p.rec1.status, p.rec1.closed_at = SR.Status.LAPSED, when
                p.rec1.close_reason = (
                    f"犯罪嫌疑人/被告人反悔（{WithdrawalStage(stage).label}），撤回从宽量刑建议"
                )
                lapsed_round = p.rec1
                rec2 = p.rec2
                rec2.created_at = when + timedelta(days=2)
                rec2.updated_at = rec2.submitted_at = rec2.approved_at = rec2.finalised_at = when + timedelta(
                    days=3
                )
                finals.append(rec2)
            else:
                consequences = [c for c in consequences if c != Consequence.RECOMMENDATION_WITHDRAWN]
            rows.append(
                Withdrawal(
                    defendant=p.row,
                    stage=stage,
                    defendant_stage={
                        WithdrawalStage.BEFORE_PROSECUTION: Stage.PROSECUTION_REVIEW,
                        WithdrawalStage.AT_TRIAL: Stage.FIRST_INSTANCE,
                        WithdrawalStage.AFTER_JUDGMENT: Stage.JUDGMENT,
                        WithdrawalStage.AFTER_NON_PROSECUTION: Stage.NON_PROSECUTION,
                    }[stage],
                    initiated_by=rng.choices(["defendant", "lawyer", "family"], [85, 10, 5])[0],
                    reasons=[str(r) for r in reasons],
                    other_reason="对涉案金额认定有异议" if R.OTHER in reasons else "",
                    consequences=[str(c) for c in consequences],
                    procedure_to=procedure_to,
                    protest_note="仅以量刑过重为由上诉，原判从宽已明显不当" if protest else "",
                    non_prosecution_decision="keep" if stage == WithdrawalStage.AFTER_NON_PROSECUTION else "",
                    agreement=agreement,
                    occurred_at=when,
                    recorded_by=case.judge if stage == WithdrawalStage.AT_TRIAL else case.prosecutor,
                    recorded_at=when,
                )
            )
            if lapsed_round is not None:
                rows[-1].recommendation_row = lapsed_round
            if agreement is not None:
                agreement.status, agreement.ended_at = PleaAgreement.Status.LAPSED, when
                agreement.end_reason = (
                    f"{when:%Y-%m-%d} 反悔（{WithdrawalStage(stage).label}），具结书失效，原件与签名留存备查"
                )
        # The rows are written with the state they end in (a lapsed round, agreement and its signatures): nothing
        # between their moments reads them.
        for w in rows:
            if w.agreement is not None:
                for signature in w.agreement.signature_rows:
                    signature.status, signature.status_reason = Signature.Status.LAPSED, "反悔，具结书失效"
            data = lambda w=w: {  # noqa: E731
                "defendant": w.defendant.pk,
                "stage": w.stage,
                "initiated_by": w.initiated_by,
                "reasons": w.reasons,
                "consequences": w.consequences,
                "agreement": w.agreement.pk if w.agreement else None,
                "recommendation": w.recommendation_id,
                "procedure_to": w.procedure_to,
                "protest": bool(w.protest_note),
            }
            case = w.defendant.case
            events = [_Event(w.occurred_at, "plea.withdrawn", w, w.recorded_by, case, data)]
            if hasattr(w, "recommendation_row"):
                events.append(
                    _Event(
                        w.occurred_at,
                        "recommendations.recommendation.lapsed",
                        w.recommendation_row,
                        w.recorded_by,
                        case,
                        lambda w=w: {"defendant": w.defendant.pk, "round": 1},
                    )
                )
            self.later(w.occurred_at, [w], events)
        for rec in finals:
            data = lambda rec=rec: {  # noqa: E731
                "defendant": rec.defendant.pk,
                "round": 2,
                "kind": rec.kind,
                "term": rec.term_text(),
            }
            event = _Event(
                rec.finalised_at,
                "recommendations.recommendation.finalised",
                rec,
                self.supervisor,
                rec.defendant.case,
                data,
            )
            self.later(rec.finalised_at, [rec], [event])
        self.counts["withdrawals"] = len(rows)
        self.counts["by_stage"] = Counter(w.stage for w in rows)


def _placeholder():
    """One PDF stands in for every L区 具结书 (the demo does not render 580 documents); it says so."""
    pdf = render_pdf("study/placeholder_pdf.html", {"district": DISTRICT_NAME})
    return write_bytes(PLACEHOLDER_FILE, pdf)


def build_district(
    *,
    seed: int = 20190901,
    persons: int = PERSONS,
    start: date = START,
    end: date = END,
    province: Region | None = None,
) -> dict | None:
    """Create L区 under `province` (the demo province by default). Returns counts, or None when it exists."""
    if Region.objects.filter(code=DISTRICT_CODE).exists():
        return None
    province = province or Region.objects.filter(code=PROVINCE_CODE).first()
    if province is None:
        return None
    district = _District(province, seed, persons, start, end)
    with transaction.atomic():
        district.places()
        district.plan()
        district.save()
        refresh_planner_statistics()
    counts = dict(district.counts)
    counts["persons"] = len(district.persons)
    counts["cases"] = len(district.cases)
    counts["pleaded"] = sum(p.pleaded for p in district.persons)
    return counts
