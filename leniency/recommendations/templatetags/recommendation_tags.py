from django import template

from leniency.cases.case_page import grouped_query, page_batch, page_rows
from leniency.recommendations import access
from leniency.recommendations.models import CourtDecision, SentencingRecommendation

register = template.Library()

SHOWN_ROUNDS = 5

# The model's order, round, without joining the defendant's case to order by it (grouped_query).
_ROUNDS = grouped_query(lambda pks: SentencingRecommendation.objects.filter(defendant_id__in=pks))
_DECISIONS = grouped_query(
    lambda pks: CourtDecision.objects.filter(recommendation_id__in=pks).order_by("-created_at", "-id")
)


@register.inclusion_tag("recommendations/_panel_body.html", takes_context=True)
def recommendation_panel(context, defendant, user):
    """The case page's short status of a defendant's recommendation, with links for what this user may do."""
    return page_batch(
        context,
        "recommendations",
        defendant,
        lambda defendants: recommendation_panels(defendants, user, page_rounds(context, defendants)),
    )


def rounds_of(defendants) -> dict[int, list]:
    """Every round of each defendant in round order, with `defendant` set: one query."""
    by_pk = {d.pk: d for d in defendants}
    rounds = {pk: [] for pk in by_pk}
    for rec in _ROUNDS(list(by_pk)):
        rec.defendant = by_pk[rec.defendant_id]
        rounds[rec.defendant_id].append(rec)
    return rounds


def page_rounds(context, defendants) -> dict[int, list]:
    """`rounds_of` the case page's defendants, loaded once for every panel that reads them."""
    return page_rows(context, "recommendations.rounds", defendants, rounds_of)


def recommendation_panels(defendants, user, all_rounds: dict[int, list]) -> dict[int, dict]:
    """The panels of several defendants from their rounds (`rounds_of`) and one query for the finals' court
    decisions."""
    by_pk = {d.pk: d for d in defendants}
    # Newest first; outside the procuratorate only approved rounds (access.visible_recommendations).
    rounds = {
        pk: [
            r
            for r in reversed(all_rounds[pk])
            if r.approved_at is not None or access.sees_internal_rounds(user, by_pk[pk])
        ]
        for pk in by_pk
    }
    finals = {}
    for pk, recs in rounds.items():
        final = SentencingRecommendation.Status.FINAL
        # A final round among the shown ones (newest first), else the first final in the model's order.
        finals[pk] = next((r for r in recs[:SHOWN_ROUNDS] if r.status == final), None) or min(
            (r for r in recs if r.status == final), key=lambda r: r.round, default=None
        )
    decisions = {}
    final_pks = [f.pk for f in finals.values() if f is not None]
    if final_pks:
        for decision in _DECISIONS(final_pks):
            decisions.setdefault(decision.recommendation_id, decision)
    panels = {}
    for pk, defendant in by_pk.items():
        shown = rounds[pk][:SHOWN_ROUNDS]
        latest = shown[0] if shown else None
        final = finals[pk]
        panels[pk] = {
            "defendant": defendant,
            "latest": latest,
            "final": final,
            "decision": decisions.get(final.pk) if final else None,
            "rounds": len(shown),
            "can_draft": access.can_draft(user, defendant),
            "can_review": latest is not None and access.can_review(user, latest),
            "can_opinion": latest is not None and access.can_give_opinion(user, latest),
            "can_decide": final is not None and access.can_decide(user, final),
        }
    return panels
