"""`{% victims_panel defendant as panel %}`: the victims of one defendant on the case page, whether each has been
heard (CPL art. 173), and their agreements; three queries for all the page's defendants, one where none has a
victim."""

from django import template

from leniency.cases.case_page import grouped_query, page_batch
from leniency.cases.models import Settlement, Victim, VictimOpinion
from leniency.compiled_queries import compiled

register = template.Library()


@register.simple_tag(takes_context=True)
def victims_panel(context, defendant):
    return page_batch(context, "victims", defendant, victims_of)


_LINKS = compiled(
    lambda pks: Victim.defendants.through.objects.filter(defendant_id__in=pks).select_related("victim")
)
_OPINIONS = grouped_query(
    lambda pks: VictimOpinion.objects.filter(defendant_id__in=pks).order_by("heard_on", "pk")
)
_SETTLEMENTS = grouped_query(
    lambda pks: Settlement.objects.filter(defendant_id__in=pks).order_by("signed_on", "pk")
)


def victims_of(defendants) -> dict[int, list[dict]]:
    ids = [d.pk for d in defendants]
    panels: dict[int, list[dict]] = {pk: [] for pk in ids}
    links = list(_LINKS(ids))
    if not links:  # no victim: no opinion or settlement to show (most cases; one query instead of three)
        return panels
    heard: dict[tuple[int, int], VictimOpinion] = {}
    for opinion in _OPINIONS(ids):
        heard[(opinion.victim_id, opinion.defendant_id)] = opinion  # the latest
    settlements: dict[tuple[int, int], list[Settlement]] = {}
    for settlement in _SETTLEMENTS(ids):
        settlements.setdefault((settlement.victim_id, settlement.defendant_id), []).append(settlement)
    for link in sorted(links, key=lambda link: link.victim_id):
        key = (link.victim_id, link.defendant_id)
        panels[link.defendant_id].append(
            {"victim": link.victim, "opinion": heard.get(key), "settlements": settlements.get(key, [])}
        )
    return panels
