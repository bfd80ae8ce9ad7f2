"""`{% study_panel defendant user as panel %}`: the early warning and the guarantee flags for one defendant."""

from django import template

from leniency.study import access
from leniency.study.guarantees import heavier_after_withdrawal, protest_flags
from leniency.study.models import LetterDelivery

register = template.Library()


@register.simple_tag
def study_panel(defendant, user):
    if not access.can_see_panel(user, defendant):
        return None
    from leniency.recommendations.services import final_recommendation
    from leniency.study.risk import score_defendant

    final = final_recommendation(defendant)
    delivered = LetterDelivery.objects.filter(defendant=defendant).order_by("-delivered_at").first()
    return {
        "score": score_defendant(defendant),
        "heavier": heavier_after_withdrawal([defendant.pk]),
        "protests": protest_flags([defendant.pk]),
        "letter": delivered,
        "can_record_letter": final is not None and delivered is None and access.can_record_letter(user, defendant),
        "methods": LetterDelivery.Method.choices,
    }
