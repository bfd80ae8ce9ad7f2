from django import template

from leniency.recommendations import access
from leniency.recommendations.models import SentencingRecommendation

register = template.Library()


@register.inclusion_tag("recommendations/_panel_body.html")
def recommendation_panel(defendant, user):
    """The case page's short status of a defendant's recommendation, with links for what this user may do."""
    rounds = list(access.visible_recommendations(user, defendant).order_by("-round")[:5])
    latest = rounds[0] if rounds else None
    final = next((r for r in rounds if r.status == SentencingRecommendation.Status.FINAL), None)
    if final is None:
        final = access.visible_recommendations(user, defendant).filter(
            status=SentencingRecommendation.Status.FINAL).first()
    decision = final.court_decisions.order_by("-created_at", "-id").first() if final else None
    return {"defendant": defendant, "latest": latest, "final": final, "decision": decision,
            "rounds": len(rounds), "can_draft": access.can_draft(user, defendant),
            "can_review": latest is not None and access.can_review(user, latest),
            "can_opinion": latest is not None and access.can_give_opinion(user, latest),
            "can_decide": final is not None and access.can_decide(user, final)}
