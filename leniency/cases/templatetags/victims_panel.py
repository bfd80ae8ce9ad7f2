"""`{% victims_panel defendant as panel %}`: the victims of one defendant on the case page, whether each has been
heard (CPL art. 173), and their agreements; three queries for all the page's defendants, one where none has a
victim."""

from django import template

from leniency.cases.case_page import grouped_rows, page_batch
from leniency.cases.models import Settlement, Victim, VictimOpinion

register = template.Library()


@register.simple_tag(takes_context=True)
def victims_panel(context, defendant):
    return page_batch(context, "victims", defendant, victims_of)


def victims_of(defendants) -> dict[int, list[dict]]:
    ids = [d.pk for d in defendants]
    panels: dict[int, list[dict]] = {pk: [] for pk in ids}
    links = list(Victim.defendants.through.objects.filter(defendant_id__in=ids).select_related("victim"))
    if not links:  # no victim: no opinion or settlement to show (most cases; one query instead of three)
        return panels
    heard: dict[tuple[int, int], VictimOpinion] = {}
    for opinion in grouped_rows(
        VictimOpinion.objects.filter(defendant_id__in=ids).order_by("heard_on", "pk")
    ):
        heard[(opinion.victim_id, opinion.defendant_id)] = opinion  # the latest
    settlements: dict[tuple[int, int], list[Settlement]] = {}
    for settlement in grouped_rows(
        Settlement.objects.filter(defendant_id__in=ids).order_by("signed_on", "pk")
    ):
        settlements.setdefault((settlement.victim_id, settlement.defendant_id), []).append(settlement)
    for link in sorted(links, key=lambda link: link.victim_id):
        key = (link.victim_id, link.defendant_id)
        panels[link.defendant_id].append(
            {"victim": link.victim, "opinion": heard.get(key), "settlements": settlements.get(key, [])}
        )
    return panels
