"""L区's cases through the services, as the main demo's go (`intake.case_steps`, replayed in time order by
`intake.replay` under `clock.running_at`): the case-management officer registers each case with its defendants
and charges and assigns it to its prosecutor, who moves each defendant into review, decides not to prosecute
(不起诉) or prosecutes to the L区 court; its clerk files the case with its judge, who sets the procedure, gives
the judgment with each defendant's sentence (the term the recommendation the court decided on asked for,
`_sentence`) and, after the appeal period, its taking effect; an appeal goes through the clerk to the L市
intermediate court, whose panel upholds the judgment. The legal-aid centre records a duty lawyer, the
prosecutor a retained one (`do_assign_counsel`). Their audit events are the services' own.

The plea history (history/) is queued before the replay and written among these steps at its own moments.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING

from leniency.cases.judgments import SentenceIn
from leniency.cases.models import Case, PenaltyKind
from leniency.cases.stages import Procedure, Stage
from leniency.counsel.models import CounselAssignment
from leniency.counsel.services import do_assign_counsel
from leniency.demo.district.history.counsel import queue_participation
from leniency.demo.district.history.plea import queue_plea
from leniency.demo.district.history.recommendations import queue_recommendations
from leniency.demo.district.history.withdrawals import queue_withdrawals
from leniency.demo.district.persons import DETENTION_MAX, PLEA_DISCOUNT, Person
from leniency.demo.generator import PlannedCase, PlannedDefendant
from leniency.demo.intake import case_steps, replay
from leniency.demo.timeline import DefendantPath, Move, appeal_period_end
from leniency.plea.taxonomy import WithdrawalStage
from leniency.recommendations.models import LawyerOpinion

if TYPE_CHECKING:
    from leniency.demo.district.state import District

NON_PROSECUTION_REASON = "犯罪情节轻微，认罪认罚，依法作出不起诉决定"


def replay_cases(district: District) -> None:
    """Every case comes in and moves on through the services (intake.case_steps), replayed in time order
    (intake.replay); what the services do not write (the plea history, history/) is written among their steps
    at its own moments, so that the audit trail is one run in time order."""
    plan_timelines(district)
    queue_participation(district)
    queue_recommendations(district)
    queue_plea(district)
    queue_withdrawals(district)
    team = SimpleNamespace(case_manager=district.case_manager, court_clerk=district.court_clerk)
    steps: list = []
    for index, case in enumerate(district.cases):
        planned = PlannedCase(
            case,
            case.judge,
            [PlannedDefendant(p.row, p.path, [district.charges[p.crime]]) for p in case.people],
        )
        own_steps = case_steps(
            index,
            planned,
            team,
            district.police,
            appeal_court=district.appeal_court,
            officer=district.officer,
            serial=index + 1,
            rng=district.step_rng,
            cutoff=date.max,
            sentence=lambda d: _sentence(district.by_pk[d.pk]),
        )
        moment, i, n, register = own_steps[0]
        steps.append((moment, i, n, _registered(district, register, case, planned)))
        steps += own_steps[1:]
        for k, p in enumerate(case.people):
            if p.lawyer is not None:
                steps.append((p.assignment.assigned_at, index, 10_000 + k, _assign_counsel(district, p)))
    steps = [(moment, i, n, _after_flush(district, run)) for moment, i, n, run in steps]
    steps += [
        (item.when, len(district.cases), n, lambda item=item: district.queue.append(item))
        for n, item in enumerate(district.history)
    ]
    replay(steps)
    district.flush()
    LawyerOpinion.objects.bulk_create(district.opinions, batch_size=1000)


def plan_timelines(district: District) -> None:
    """The days of each step. Co-defendants are prosecuted and judged together, and an appeal takes the case
    to the court above (CPL art. 233); each defendant's path (timeline.DefendantPath) is what case_steps runs."""
    rng = district.rng
    district.by_pk = {}  # the persons by their defendants' pks, once registered
    for case in district.cases:
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


def _after_flush(district: District, run):
    def step():
        district.flush()
        run()

    return step


def _registered(district: District, register, case: Case, planned: PlannedCase):
    """The registration step; then the planned rows take the pks of the rows the services created."""

    def step():
        register()
        case.pk = planned.row.pk
        for p, d in zip(case.people, planned.defendants, strict=True):
            p.row.pk, p.row.case = d.row.pk, case
            district.by_pk[p.row.pk] = p

    return step


def _assign_counsel(district: District, p: Person):
    """The legal-aid centre records a duty lawyer, the prosecutor a retained one (do_assign_counsel)."""

    def step():
        retained = p.lawyer_kind == CounselAssignment.Kind.RETAINED
        assignment = do_assign_counsel(
            p.row,
            lawyer=p.lawyer,
            kind=p.lawyer_kind,
            acting_user=p.row.case.prosecutor if retained else district.officer,
            as_of=p.assignment.assigned_at,
        )
        p.assignment.pk = assignment.pk

    return step


def _sentence(p: Person) -> SentenceIn:
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
        return SentenceIn(p.penalty, months=months, probation_months=max(2, months) if probation else None)
    return SentenceIn(p.penalty, months=min(max(months, 6), 180))
