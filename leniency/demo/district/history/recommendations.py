"""The recommendations of L区's plea history: round 1 for every person who pleaded (the term the plan drew,
persons._values), a heavier round 2 after a withdrawal before the judgment (a few of them heavier than the
sentence without a plea, `GUARANTEE_BREACHES`, for the study's guarantee check to find), the lawyers' opinions
and the court's decision to adopt the recommendation or not."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from leniency.accounts.models import User
from leniency.demo.district.history import Event, random_time
from leniency.demo.district.persons import DETENTION_MAX, PLEA_DISCOUNT
from leniency.plea.taxonomy import WithdrawalStage
from leniency.recommendations.models import CourtDecision, LawyerOpinion, SentencingRecommendation

if TYPE_CHECKING:
    from leniency.demo.district.state import District

GUARANTEE_BREACHES = (
    4  # post-withdrawal rounds heavier than the sentence without a plea, for the check to find
)


def finalised_event(rec: SentencingRecommendation, supervisor: User) -> Event:
    """The event of a round's finalisation by the supervisor (its data read once the rows have their pks)."""
    return Event(
        rec.finalised_at,
        "recommendations.recommendation.finalised",
        rec,
        supervisor,
        rec.defendant.case,
        lambda: {
            "defendant": rec.defendant.pk,
            "round": rec.round,
            "kind": rec.kind,
            "term": rec.term_text(),
        },
    )


def queue_recommendations(district: District) -> None:
    """Round 1 for every person who pleaded; a heavier round 2 after a withdrawal before judgment."""
    rng = district.rng
    SR = SentencingRecommendation
    recs, opinions = [], []
    breaches = 0
    for p in district.persons:
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
            p.signed_at - timedelta(days=1) if p.plea_stage != "trial" else p.signed_at - timedelta(hours=3)
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
            finalised_by=district.supervisor,
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
                finalised_by=district.supervisor,
            )
            recs.append(p.rec2)
    for p in district.persons:
        if not p.pleaded:
            continue
        rec, case = p.rec1, p.row.case
        district.later(rec.finalised_at, [rec], [finalised_event(rec, district.supervisor)])
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
            when = random_time(p.judgment_on, rng)
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
            district.later(
                when,
                [row],
                [
                    Event(
                        when,
                        action,
                        rec,
                        case.judge,
                        case,
                        lambda p=p: {"defendant": p.row.pk, "round": 1},
                    )
                ],
            )
    district.opinions = opinions  # no audit event: written once the replay is done
    district.counts["recommendations"] = len(recs)
