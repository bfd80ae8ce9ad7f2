"""`{% study_panel defendant user as panel %}`: the early warning and the guarantee flags for one defendant."""

from django import template

from leniency.cases.access import visible_defendants
from leniency.cases.templatetags.case_page import page_batch
from leniency.study import access
from leniency.study.guarantees import heavier_after_withdrawal, protest_flags
from leniency.study.models import LetterDelivery

register = template.Library()


@register.simple_tag(takes_context=True)
def study_panel(context, defendant, user):
    if not access.has_panel_role(user):
        return None
    return page_batch(context, "study", defendant, lambda defendants: study_panels(defendants, user))


def study_panels(defendants, user) -> dict[int, dict | None]:
    """The panels of several defendants: one query each for visibility, finals, letters, the two flags."""
    from leniency.recommendations.models import SentencingRecommendation
    from leniency.study.features import person_rows
    from leniency.study.risk import explain, load_model, prospective_row

    by_pk = {d.pk: d for d in defendants}
    # access.can_see_panel and access.can_record_letter, for all of them at once.
    visible = set(visible_defendants(user).filter(pk__in=by_pk).values_list("pk", flat=True))
    panels: dict[int, dict | None] = {pk: None for pk in by_pk}
    shown = [pk for pk in by_pk if pk in visible]
    if not shown:
        return panels
    finals = {}  # recommendations.services.final_recommendation: the first final in the model's order
    current = set()  # those with a round that risk.prospective_row can score
    for rec in (SentencingRecommendation.objects.filter(defendant_id__in=shown)
                .exclude(status__in=["superseded", "lapsed"]).only("pk", "defendant_id", "round", "status")):
        current.add(rec.defendant_id)
        if rec.status == SentencingRecommendation.Status.FINAL:
            finals.setdefault(rec.defendant_id, rec)
    letters = {}
    for letter in LetterDelivery.objects.filter(defendant_id__in=shown).order_by("-delivered_at", "-id"):
        letters.setdefault(letter.defendant_id, letter)
    heavier, protests = heavier_after_withdrawal(shown), protest_flags(shown)
    model = load_model()
    # risk.score_defendant for each, with one person_rows for all of them.
    rows = {row.defendant_id: row for row in person_rows(shown, features_only=True)} if model is not None else {}
    may_record = user.is_prosecution
    for pk in shown:
        delivered = letters.get(pk)
        score = None
        if model is not None:
            pleaded = rows[pk].pleaded
            row = rows[pk] if pleaded else prospective_row(by_pk[pk], rows[pk]) if pk in current else None
            score = None if row is None else explain(model, row, prospective=not pleaded)
        panels[pk] = {
            "score": score,
            "heavier": [h for h in heavier if h.defendant_id == pk],
            "protests": [p for p in protests if p.withdrawal.defendant_id == pk],
            "letter": delivered,
            "can_record_letter": pk in finals and delivered is None and may_record,
            "methods": LetterDelivery.Method.choices,
        }
    return panels

