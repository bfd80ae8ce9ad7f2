"""A defendant's path through the procedure, simulated with dates and cut off at the demo's `today`.

Pure Python over `random.Random`: intake.py turns a `DefendantPath` into the service calls that make it happen.
Every date lies between the case's opening and the day before `today`, so nothing happens in the future
and a second run on the same day produces the same history.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from leniency.cases.deadlines import APPEAL_WINDOW, add_period, next_working_day
from leniency.cases.models import Defendant, SecondInstanceDecision
from leniency.cases.stages import CLOSED_STAGES, Procedure, Stage

from .charge_mix import ChargeProfile

Detention = Defendant.Detention

# Procedure by seriousness (0 trivial … 3 serious): expedited, summary, ordinary.
PROCEDURE_WEIGHTS = {0: (0.78, 0.2, 0.02), 1: (0.45, 0.4, 0.15), 2: (0.2, 0.45, 0.35), 3: (0.0, 0.25, 0.75)}
INVESTIGATION_DAYS = {0: (7, 30), 1: (15, 75), 2: (30, 120), 3: (60, 150)}
SUPPLEMENTARY_RATE = {0: 0.0, 1: 0.04, 2: 0.1, 3: 0.2}  # 退回补充侦查
REVIEW_DAYS = {Procedure.EXPEDITED: (7, 15), Procedure.SUMMARY: (15, 40), Procedure.ORDINARY: (20, 45)}
TRIAL_DAYS = {Procedure.EXPEDITED: (5, 10), Procedure.SUMMARY: (15, 45), Procedure.ORDINARY: (30, 90)}
JUDGMENT_TO_FINAL_DAYS = (11, 20)  # ten-day appeal period plus service of the judgment
APPEAL_DAYS = (30, 75)
APPEAL_RATE = 0.035  # plea cases (FACTS.md §5)
WITHDRAWN_IN_INVESTIGATION = 0.015  # 撤案
WITHDRAWN_AT_TRIAL = 0.004  # 撤回起诉
RELEASED_AT_JUDGMENT = 0.25  # probation or time served
BAIL_DURING_REVIEW = 0.05  # 变更强制措施
# The decisions on the demo's appeals (CPL art. 236). FACTS.md gives no shares for them (§5 has the appeal rate
# only); plea cases are appealed mostly against the sentence alone, and such an appeal is dismissed where the
# sentence is right and changed where it is not, while one on unclear facts is sent back (§4, the 2019 opinion's
# item 45 as corroborated). So the shares are assumed, small, not sourced: about one decided appeal in eight
# changes the sentence (改判, never heavier on the defendant's own appeal, art. 237) and one in twenty-five is sent
# back (发回重审); the rest are upheld (维持原判).
AMEND_SHARE = 0.12
REMAND_SHARE = 0.04
REFILE_DAYS = (3, 10)  # the first court files the returned case again
RETRIED_DAYS = (30, 90)  # retried under the ordinary procedure, its period counted afresh (CPL art. 239)
# 再审 of a final judgment (CPL arts. 252-256): petitions in plea cases run at 0.046 % (FACTS.md §5, mid-2022),
# under one in a demo of 2,000 defendants; one retrial is planned all the same, so that the demo shows it.
RETRIALS = 1
RETRIAL_START_DAYS = (60, 180)  # from the judgment taking effect to the court's decision to retry
RETRIAL_DAYS = (30, 90)
PLEA_DECLINED = 0.12  # does not sign a plea agreement: the registry's plea rate comes out near 89% (FACTS.md §5: 86.8% in 2020)

REASONS = {
    "supplementary": "退回补充侦查",
    "supplementary_back": "补充侦查完毕，重新移送审查起诉",
    "non_prosecution": "犯罪情节轻微，认罪认罚，依法作出不起诉决定",
    "withdrawn_investigation": "侦查机关撤销案件",
    "withdrawn_trial": "检察机关撤回起诉",
    "appeal": "被告人提出上诉",
    "remand": "发回重审",
}
Decision = SecondInstanceDecision.Decision


@dataclass(frozen=True)
class Move:
    to: str
    on: date
    reason: str = ""


@dataclass
class CaseSchedule:
    """The dates a case's defendants share: co-defendants move through the procedure together."""

    opened: date
    procedure: str
    moves: list[Move]  # investigation onwards to judgment, without the final step
    judgment_on: date
    review_started: date
    review_ended: date
    first_instance_on: date
    investigation_days: int


@dataclass
class DefendantPath:
    moves: list[Move] = field(default_factory=list)  # only those on or before the cutoff
    procedure: str = ""
    detention: str = Detention.NOT_DETAINED
    detained_on: date | None = None
    released_on: date | None = None
    counsel_kind: str = ""  # "duty", "legal_aid", "retained" or ""
    counsel_on: date | None = None
    pleaded: bool = False  # signed a plea agreement (具结书) by the cutoff

    @property
    def stage(self) -> str:
        return self.moves[-1].to if self.moves else Stage.INVESTIGATION

    def stage_since(self, opened: date) -> date:
        return self.moves[-1].on if self.moves else opened

    def reached(self, stage: str) -> bool:
        return any(m.to == stage for m in self.moves)


def appeal_period_end(judged_on: date) -> date:
    """The last day for 上诉 / 抗诉: ten days from the day after the judgment (CPL art. 230), moved past a holiday
    (art. 105); the judgment takes effect after it (`do_change_stage` refuses earlier)."""
    period, _article = APPEAL_WINDOW
    return next_working_day(add_period(judged_on, period))


def align_appeals(paths: list[DefendantPath]) -> None:
    """An appeal brings the whole case before the court above (CPL art. 233): every co-defendant judged with the
    appellant goes with him, on the same days, whatever his own path would have been."""
    appealed = next((p for p in paths if p.reached(Stage.APPEAL)), None)
    if appealed is None:
        return
    tail = appealed.moves[_judgment_index(appealed) + 1 :]
    for path in paths:
        if path is not appealed and path.reached(Stage.JUDGMENT):
            path.moves = path.moves[: _judgment_index(path) + 1] + tail


@dataclass(frozen=True)
class AppealOutcome:
    """The second-instance decision on a case's appeal, decided by the cutoff; after a remand, the first court's
    new filing (`refiled_on`)."""

    decision: str
    refiled_on: date | None = None


class AppealDecisions:
    """The decisions on the demo's decided appeals, in the order they are planned: spread evenly at the shares
    above from random starts (systematic sampling), so that a demo of a few hundred defendants, with a handful of
    decided appeals, shows them near those shares and not only on average. `rng` draws the starts and a remand's
    dates, apart from the demo's other draws, so they stay as they were."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.starts = (rng.random(), rng.random())
        self.count = 0

    def next(self) -> str:
        i, self.count = self.count, self.count + 1

        def falls_here(start: float, share: float) -> bool:
            return int(start + (i + 1) * share) > int(start + i * share)

        if falls_here(self.starts[0], REMAND_SHARE):
            return Decision.REMAND
        if falls_here(self.starts[1], AMEND_SHARE):
            return Decision.AMEND
        return Decision.UPHOLD


def decide_appeal(
    decisions: AppealDecisions, paths: list[DefendantPath], cutoff: date
) -> AppealOutcome | None:
    """The decision on the case's appeal where it came by the cutoff (the appellants' paths aligned, align_appeals).
    A remand rewrites the appellants' paths from the decision: back to first instance at the first court, filed
    again and judged again, the new judgment taking effect after its own ten days (a second appeal is not
    planned)."""
    decided = [p for p in paths if p.reached(Stage.APPEAL) and p.stage == Stage.FINAL]
    if not decided:
        return None
    decision = decisions.next()
    if decision != Decision.REMAND:
        return AppealOutcome(decision)
    rng = decisions.rng
    decided_on = decided[0].moves[-1].on
    refiled_on = min(decided_on + _days(rng, REFILE_DAYS), cutoff)
    judged_on = refiled_on + _days(rng, RETRIED_DAYS)
    final_on = max(
        judged_on + _days(rng, JUDGMENT_TO_FINAL_DAYS), appeal_period_end(judged_on) + timedelta(days=1)
    )
    tail = [
        Move(Stage.FIRST_INSTANCE, decided_on, REASONS["remand"]),
        Move(Stage.JUDGMENT, judged_on),
        Move(Stage.FINAL, final_on),
    ]
    for path in decided:
        path.moves = path.moves[:-1] + [m for m in tail if m.on <= cutoff]
    return AppealOutcome(Decision.REMAND, refiled_on)


@dataclass(frozen=True)
class RetrialPlan:
    started_on: date
    decided_on: date


def plan_retrial(rng: random.Random, paths: list[DefendantPath], cutoff: date) -> RetrialPlan | None:
    """A retrial of the case where every defendant's judgment took effect without an appeal and the retrial can be
    started and decided by the cutoff; None otherwise."""
    if not paths or any(p.stage != Stage.FINAL or p.reached(Stage.APPEAL) for p in paths):
        return None
    started_on = max(p.moves[-1].on for p in paths) + _days(rng, RETRIAL_START_DAYS)
    decided_on = started_on + _days(rng, RETRIAL_DAYS)
    return RetrialPlan(started_on, decided_on) if decided_on <= cutoff else None


def _judgment_index(path: DefendantPath) -> int:
    return next(i for i, m in enumerate(path.moves) if m.to == Stage.JUDGMENT)


def _days(rng: random.Random, bounds: tuple[int, int]) -> timedelta:
    return timedelta(days=rng.randint(*bounds))


def plan_case(rng: random.Random, profile: ChargeProfile, opened: date, *, defendants: int) -> CaseSchedule:
    weights = PROCEDURE_WEIGHTS[profile.seriousness]
    if defendants > 1:  # co-defendant cases rarely qualify for the expedited procedure
        weights = (weights[0] * 0.4, weights[1], weights[2] + weights[0] * 0.6)
    procedure = rng.choices(Procedure.values, weights=weights)[0]
    inv_days = rng.randint(*INVESTIGATION_DAYS[profile.seriousness])
    day = opened + timedelta(days=inv_days)
    review_started = day
    moves = [Move(Stage.PROSECUTION_REVIEW, day)]
    if rng.random() < SUPPLEMENTARY_RATE[profile.seriousness]:
        day += _days(rng, (15, 30))
        moves.append(Move(Stage.INVESTIGATION, day, REASONS["supplementary"]))
        day += _days(rng, (10, 30))
        moves.append(Move(Stage.PROSECUTION_REVIEW, day, REASONS["supplementary_back"]))
    day += _days(rng, REVIEW_DAYS[procedure])
    review_ended = day
    moves.append(Move(Stage.FIRST_INSTANCE, day))
    day += _days(rng, TRIAL_DAYS[procedure])
    moves.append(Move(Stage.JUDGMENT, day))
    return CaseSchedule(opened, procedure, moves, day, review_started, review_ended, review_ended, inv_days)


def plan_defendant(
    rng: random.Random, profile: ChargeProfile, schedule: CaseSchedule, cutoff: date
) -> DefendantPath:
    """One defendant's full path (outcome, detention, counsel), then cut at `cutoff`."""
    moves = list(schedule.moves)
    outcome = rng.random()
    end_on: date | None = None  # when the defendant leaves the procedure without a judgment
    if outcome < WITHDRAWN_IN_INVESTIGATION:
        end_on = schedule.opened + timedelta(days=rng.randint(5, max(5, schedule.investigation_days - 1)))
        moves = [Move(Stage.CASE_WITHDRAWN, end_on, REASONS["withdrawn_investigation"])]
    elif outcome < WITHDRAWN_IN_INVESTIGATION + profile.non_prosecution:
        end_on = schedule.review_ended
        moves = [m for m in moves if m.on < end_on] + [
            Move(Stage.NON_PROSECUTION, end_on, REASONS["non_prosecution"])
        ]
    elif outcome < WITHDRAWN_IN_INVESTIGATION + profile.non_prosecution + WITHDRAWN_AT_TRIAL:
        # Withdrawn before the judgment the co-defendants receive, at the latest on its day (CPL art. 200 judges
        # whoever is still before the court).
        end_on = min(schedule.first_instance_on + timedelta(days=rng.randint(2, 8)), schedule.judgment_on)
        moves = moves[:-1] + [Move(Stage.CASE_WITHDRAWN, end_on, REASONS["withdrawn_trial"])]
    else:
        day = schedule.judgment_on
        if rng.random() < APPEAL_RATE:
            day += _days(rng, (3, 10))
            moves.append(Move(Stage.APPEAL, day, REASONS["appeal"]))
            day += _days(rng, APPEAL_DAYS)
        else:
            day = max(day + _days(rng, JUDGMENT_TO_FINAL_DAYS), appeal_period_end(day) + timedelta(days=1))
        moves.append(Move(Stage.FINAL, day))

    path = DefendantPath(moves=[m for m in moves if m.on <= cutoff])
    if path.reached(Stage.FIRST_INSTANCE):
        path.procedure = schedule.procedure
    path.pleaded = (
        rng.random() >= PLEA_DECLINED
        and schedule.review_ended <= cutoff
        and (path.reached(Stage.FIRST_INSTANCE) or path.stage == Stage.NON_PROSECUTION)
    )
    _plan_detention(rng, profile, schedule, path, cutoff, end_on)
    _plan_counsel(rng, profile, schedule, path, cutoff, end_on)
    return path


def _plan_detention(rng, profile, schedule, path: DefendantPath, cutoff: date, end_on: date | None) -> None:
    opened = schedule.opened
    roll = rng.random()
    released_on: date | None = None
    if roll < profile.arrest:
        path.detained_on = opened
        arrested_on = opened + timedelta(days=rng.randint(3, min(30, schedule.investigation_days - 2)))
        after = Detention.ARRESTED
        if end_on is not None:
            released_on = end_on
        elif rng.random() < BAIL_DURING_REVIEW:
            released_on, after = schedule.review_started + _days(rng, (1, 10)), Detention.BAIL
        elif rng.random() < RELEASED_AT_JUDGMENT:
            released_on = schedule.judgment_on
        if cutoff < arrested_on and not path.moves:
            path.detention = Detention.CRIMINAL_DETENTION
        elif released_on is not None and released_on <= cutoff:
            path.released_on = released_on
            path.detention = after if after == Detention.BAIL else Detention.NOT_DETAINED
        else:
            path.detention = Detention.ARRESTED
    elif roll < profile.arrest + (1 - profile.arrest) * (0.45 if profile.seriousness else 0.25):
        # Detained by the police, then released on bail (取保候审) within the detention period.
        path.detained_on = opened
        released_on = opened + timedelta(days=rng.randint(1, min(14, schedule.investigation_days - 2)))
        if cutoff < released_on and not path.moves:
            path.detention = Detention.CRIMINAL_DETENTION
        else:
            path.released_on = min(released_on, end_on) if end_on else released_on
            path.detention = Detention.BAIL
    else:
        path.detention = rng.choices(
            (Detention.BAIL, Detention.RESIDENTIAL_SURVEILLANCE, Detention.NOT_DETAINED),
            weights=(0.9, 0.03, 0.07),
        )[0]
    if path.stage in CLOSED_STAGES and path.detention != Detention.ARRESTED:
        path.detention = Detention.NOT_DETAINED  # measures end with the case
    if path.stage in (Stage.NON_PROSECUTION, Stage.CASE_WITHDRAWN) and path.detention == Detention.ARRESTED:
        path.detention, path.released_on = Detention.NOT_DETAINED, path.moves[-1].on


def _plan_counsel(rng, profile, schedule, path: DefendantPath, cutoff: date, end_on: date | None) -> None:
    retained = 0.14 + 0.06 * profile.seriousness
    kind = rng.choices(("retained", "legal_aid", "duty", ""), weights=(retained, 0.1, 0.66 - retained, 0.24))[
        0
    ]
    if not kind and path.pleaded:
        kind = "duty"  # a plea agreement is signed with a lawyer present (CPL art. 174)
    if not kind:
        return
    if kind == "retained":
        on = schedule.opened + _days(rng, (2, 20))
    elif kind == "duty" and path.detained_on is not None and rng.random() < 0.3:
        on = schedule.opened + _days(rng, (1, 5))  # early intervention at the detention centre
    else:
        on = schedule.review_started + _days(rng, (0, 5))
    last_day = end_on or (path.moves[-1].on if path.stage in CLOSED_STAGES else cutoff)
    if on <= min(cutoff, last_day):
        path.counsel_kind, path.counsel_on = kind, on
