"""Batching for the case page's per-defendant panels: each panel, and each table they read, queries once for all
the defendants shown.

The case page puts `page_defendants` (the defendants it shows, with `case` already set) and a `panel_memo` dict
in the context, holding at first only `VISIBLE`: the pks of the defendants `visible_defendants(user)` gave the page,
which `page_visible` answers from. A panel tag asks `page_batch(context, "counsel", defendant, build)`, where
`build(defendants)` returns `{defendant pk: panel data}`; the first defendant's call builds for all of them.
Rows that several panels read (the plea records, the recommendation rounds) are loaded the same way with
`page_rows(context, key, defendants, load)`, which returns the whole `{pk: rows}` dict: the plea and the study
panels then read one load of the withdrawals. Elsewhere (no memo, or defendants the page does not list) each
is built for the defendants asked about alone.
"""

from collections.abc import Callable, Sequence

from django.core.exceptions import FieldDoesNotExist

from leniency.cases.access import visible_defendants

VISIBLE = "cases.visible"


def page_rows(context, key: str, defendants: Sequence, load: Callable[[list], dict]) -> dict:
    """`load(defendants)` -> {pk: ...}, for every defendant of the page at once and once per page."""
    memo = context.get("panel_memo")
    shown = {d.pk for d in context.get("page_defendants") or ()}
    if memo is None or not {d.pk for d in defendants} <= shown:
        return load(list(defendants))
    if key not in memo:
        memo[key] = load(list(context["page_defendants"]))
    return memo[key]


def page_batch(context, key: str, defendant, build: Callable[[list], dict]):
    return page_rows(context, key, [defendant], build)[defendant.pk]


def page_visible(context, user, defendants: Sequence) -> set[int]:
    """The pks among `defendants` that `user` may see (`visible_defendants`): on the case page, those it loaded
    through that check for this same user (`VISIBLE`); elsewhere one query."""
    asked = {d.pk for d in defendants}
    memo = context.get("panel_memo")
    request = context.get("request")
    if memo is not None and VISIBLE in memo and request is not None and request.user.pk == user.pk:
        return asked & memo[VISIBLE]
    return set(visible_defendants(user).filter(pk__in=asked).values_list("pk", flat=True))


def grouped_order(queryset):
    """`queryset` in its order (the model's unless it has its own), with the relation that order begins with
    (`defendant`, `agreement`) taken as its column (`defendant_id`).

    Django orders by a relation in the related model's own order, and so on down: a plea notice's order joined
    the defendant and the case to sort by the case's date of receipt. The panels group the rows by that relation
    (`{defendant pk: rows}`, an agreement's signatures), and within a group the order is the same without the
    joins."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    if not ordering or not isinstance(ordering[0], str):
        return queryset
    first = ordering[0]
    try:
        field = queryset.model._meta.get_field(first.removeprefix("-"))
    except FieldDoesNotExist:
        return queryset
    if not field.many_to_one:
        return queryset
    return queryset.order_by(first.replace(field.name, field.attname), *ordering[1:])
