"""`{% study_panel defendant user as panel %}`: the early warning and the guarantee flags for one defendant."""

from django import template

from leniency.cases.case_page import grouped_query, page_batch, page_visible
from leniency.plea.templatetags.plea_tags import page_plea_records
from leniency.recommendations.services import final_among
from leniency.recommendations.templatetags.recommendation_tags import page_rounds
from leniency.study import access
from leniency.study.features import person_data_from, rows_of
from leniency.study.guarantees import heavier_among, protests_among
from leniency.study.models import LetterDelivery
from leniency.study.risk import explain, load_model, prospective_row

register = template.Library()

# The model's order, delivered_at, without joining the defendant's case to order by it (grouped_query).
_LETTERS = grouped_query(lambda pks: LetterDelivery.objects.filter(defendant_id__in=pks))


@register.simple_tag(takes_context=True)
def study_panel(context, defendant, user):
    if not access.has_panel_role(user):
        return None
    return page_batch(
        context,
        "study",
        defendant,
        lambda defendants: study_panels(
            defendants,
            user,
            page_rounds(context, defendants),
            page_plea_records(context, defendants),
            visible=page_visible(context, user, defendants),
        ),
    )


def study_panels(
    defendants, user, rounds: dict[int, list], plea: dict, *, visible: set[int]
) -> dict[int, dict | None]:
    """The panels of several defendants (with `case` set) from the rounds and plea records the case page has
    loaded and the pks of those `user` may see (`page_visible`: access.can_see_panel and access.can_record_letter,
    for all of them at once), and one query each for letters, principal charges and the participation log."""
    by_pk = {d.pk: d for d in defendants}
    panels: dict[int, dict | None] = {pk: None for pk in by_pk}
    shown = [pk for pk in by_pk if pk in visible]
    if not shown:
        return panels
    letters = {pk: [] for pk in shown}
    for letter in _LETTERS(shown):
        letters[letter.defendant_id].append(letter)
    withdrawals = [w for pk in shown for w in plea[pk].withdrawals]
    heavier, protests = heavier_among(withdrawals, rounds), protests_among(withdrawals)
    model = load_model(refit=False)  # a page render does not train: one query for the current version
    # risk.score_defendant for each, over one PersonData for all of them.
    data = person_data_from([by_pk[pk] for pk in shown], rounds, plea, letters) if model is not None else None
    rows = {row.defendant_id: row for row in rows_of(data)} if data is not None else {}
    may_record = user.is_prosecution
    for pk in shown:
        final = final_among(rounds[pk])
        delivered = letters[pk][-1] if letters[pk] else None
        score = None
        if data is not None:
            pleaded = rows[pk].pleaded
            row = rows[pk] if pleaded else prospective_row(by_pk[pk], rows[pk], data)
            score = None if row is None else explain(model, row, prospective=not pleaded)
        panels[pk] = {
            "score": score,
            "heavier": [h for h in heavier if h.defendant_id == pk],
            "protests": [p for p in protests if p.withdrawal.defendant_id == pk],
            "letter": delivered,
            "can_record_letter": final is not None and delivered is None and may_record,
            "methods": LetterDelivery.Method.choices,
        }
    return panels
