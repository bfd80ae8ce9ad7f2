"""JSON API of the study: a defendant's withdrawal-risk score with its factors and the guarantee flags (the same
permissions as the case-page panel: the procuratorate's prosecutors, supervisors and auditors; 404 otherwise)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from leniency.cases.access import visible_defendants

from . import access
from .guarantees import heavier_after_withdrawal, protest_flags
from .risk import score_defendant

router = Router(tags=["study"])


class FactorOut(Schema):
    key: str
    label: str
    weight: float
    action: str
    lowered_to: float | None


class RiskOut(Schema):
    defendant: int
    probability: float | None
    level: str
    prospective: bool
    factors: list[FactorOut]
    heavier_after_withdrawal: list[dict]
    protest_flags: list[dict]


@router.get("/defendants/{defendant_id}/risk", response=RiskOut)
def defendant_risk(request, defendant_id: int):
    user = request.user
    defendant = get_object_or_404(visible_defendants(user), pk=defendant_id)
    if not access.can_see_panel(user, defendant):
        raise Http404
    score = score_defendant(defendant)
    heavier = [
        {
            "recommendation_before": h.before.pk,
            "recommendation_after": h.after.pk,
            "cap_months": h.cap_months,
            "after_months": h.after_months,
            "rule": h.rule,
        }
        for h in heavier_after_withdrawal([defendant.pk])
    ]
    protests = [
        {
            "withdrawal": p.withdrawal.pk,
            "recommendation": p.recommendation_id,
            "decided": p.decided,
            "rule": p.rule,
        }
        for p in protest_flags([defendant.pk])
    ]
    return {
        "defendant": defendant.pk,
        "probability": score.probability if score else None,
        "level": score.level if score else "",
        "prospective": score.prospective if score else False,
        "factors": [vars(f) for f in score.factors] if score else [],
        "heavier_after_withdrawal": heavier,
        "protest_flags": protests,
    }
