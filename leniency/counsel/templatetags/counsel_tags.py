from operator import attrgetter

from django import template

from leniency.cases.case_page import grouped_query, page_batch, page_visible
from leniency.cases.panels import PAGE_ASSIGNMENTS
from leniency.plea.templatetags.plea_tags import page_plea_records
from leniency.recommendations.templatetags.recommendation_tags import page_rounds

from ..access import can_request_counsel, visible_among, visible_assignments
from ..models import CounselAssignment, CounselRequest
from ..participation import defendant_signatures, figures_by_assignment

register = template.Library()

OPEN_REQUEST_STATUSES = ["open", "unfilled"]


@register.simple_tag(takes_context=True)
def counsel_panel(context, defendant, user):
    """What the case page shows about a defendant's lawyers, for this user."""
    if not user.is_authenticated:
        return {"show": False}
    return page_batch(
        context,
        "counsel",
        defendant,
        lambda defendants: counsel_panels(
            defendants,
            user,
            signatures=defendant_signatures(
                a for records in page_plea_records(context, defendants).values() for a in records.agreements
            ),
            visible_defendant_pks=page_visible(context, user, defendants),
            rounds=page_rounds(context, defendants),
        ),
    )


def _assignments(by_pk) -> dict[int, list]:
    """Each defendant's assignments in the order they were made, lawyers joined: those the case page prefetched
    (apps.py, unordered: sorted here, where Python compares the moments as the database would), else one query."""
    if all(hasattr(d, PAGE_ASSIGNMENTS) for d in by_pk.values()):
        in_order = attrgetter("assigned_at", "id")
        assignments = {pk: sorted(getattr(d, PAGE_ASSIGNMENTS), key=in_order) for pk, d in by_pk.items()}
    else:
        assignments = {pk: [] for pk in by_pk}
        for a in (
            CounselAssignment.objects.filter(defendant_id__in=by_pk)
            .select_related("lawyer")
            .order_by("assigned_at", "id")
        ):
            assignments[a.defendant_id].append(a)
    for pk, rows in assignments.items():
        for a in rows:
            a.defendant = by_pk[pk]
    return assignments


_OPEN_REQUESTS = grouped_query(
    lambda pks: CounselRequest.objects.filter(defendant_id__in=pks, status__in=OPEN_REQUEST_STATUSES)
)


def counsel_panels(
    defendants,
    user,
    *,
    signatures: list | None = None,
    visible_defendant_pks: set[int] | None = None,
    rounds: dict | None = None,
) -> dict[int, dict]:
    """The panels of several defendants with four queries in all (assignments, unless the page prefetched them;
    visibility, figures, requests); the defendants' signatures come from the plea records the page loaded
    (`participation.recorded_events`), the lawyers' opinions by the recommendation `rounds` it loaded. Which
    assignments the user sees is read from the rows where `visible_defendant_pks` (those of `defendants`
    visible_defendants(user) gives) is enough (`access.visible_among`)."""
    by_pk = {d.pk: d for d in defendants}
    assignments = _assignments(by_pk)
    visible = None
    if visible_defendant_pks is not None:
        visible = visible_among(
            user, [a for rows in assignments.values() for a in rows], visible_defendant_pks
        )
    if visible is None:
        visible = set(visible_assignments(user).filter(defendant_id__in=by_pk).values_list("pk", flat=True))
    shown = [a for rows in assignments.values() for a in rows if a.pk in visible]
    figures = figures_by_assignment(shown, signatures=signatures, rounds=rounds) if shown else {}
    requests = {pk: [] for pk in by_pk}
    for r in _OPEN_REQUESTS(list(by_pk)):
        requests[r.defendant_id].append(r)
    panels = {}
    for pk, defendant in by_pk.items():
        rows = [{"obj": a, "visible": a.pk in visible, "figures": figures.get(a.pk)} for a in assignments[pk]]
        aided = any(a.ended_at is None for a in assignments[pk])
        panels[pk] = {
            "show": True,
            "assignments": rows,
            "open_requests": requests[pk],
            "can_request": not aided and not requests[pk] and can_request_counsel(user, defendant),
        }
    return panels
