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
from operator import attrgetter

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from leniency.cases.access import visible_defendants
from leniency.compiled_queries import compiled

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


def _ordering(queryset) -> list:
    """The terms `queryset` is ordered by: its own, else its model's (unless `order_by()` cleared them)."""
    query = queryset.query
    return list(query.order_by or (queryset.model._meta.ordering if query.default_ordering else ()))


def _grouped_ordering(queryset) -> list:
    """`queryset`'s order (its own, else its model's), without the relation it begins with when it begins with one
    (`defendant`, `agreement`): the caller groups the rows by that relation."""
    ordering = _ordering(queryset)
    if ordering and isinstance(ordering[0], str):
        try:
            field = queryset.model._meta.get_field(ordering[0].removeprefix("-"))
        except FieldDoesNotExist:
            return ordering
        if field.many_to_one:
            return ordering[1:]
    return ordering


def grouped_order(queryset):
    """`queryset` in its order (the model's unless it has its own) within each group of the relation that order
    begins with (`defendant`, `agreement`), which the caller groups the rows by (`{defendant pk: rows}`, an
    agreement's prefetched signatures).

    Django orders by a relation in the related model's own order, and so on down: a plea notice's order joined
    the defendant and the case to sort by the case's date of receipt. Within a group the order is the same without
    that term, and every term costs the ORM's compiler about 0.1 ms (case page, issue 21)."""
    ordering = _grouped_ordering(queryset)
    if ordering == _ordering(queryset):
        return queryset
    return queryset.order_by(*ordering)


# Fields whose order Python's and every database's agree on: numbers, dates and moments, never null. Text is left
# to the database (collations differ), as is anything nullable (NULL sorts first on SQLite, last on PostgreSQL).
_PYTHON_ORDERED = (models.IntegerField, models.AutoField, models.DateField, models.BooleanField)


def _sort_keys(model, ordering) -> list[tuple[str, bool]] | None:
    """(attribute, descending) for each term of `ordering`, or None where Python cannot sort as the database does."""
    keys = []
    for term in ordering:
        if not isinstance(term, str) or term.lstrip("-") in ("", "?"):
            return None
        name = term.removeprefix("-")
        try:
            field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        target = field.target_field if field.many_to_one else field
        if field.null or not getattr(field, "concrete", False) or not isinstance(target, _PYTHON_ORDERED):
            return None
        keys.append((field.attname, term.startswith("-")))
    return keys


def grouped_rows(queryset) -> list:
    """The rows of `queryset` in `grouped_order`, sorted here rather than by the database where the order's fields
    allow it (`_PYTHON_ORDERED`): the same order, without the ORM compiling an ORDER BY (about a third of what a
    small panel query costs in Python)."""
    unordered, keys = _python_order(queryset)
    return _sorted(list(unordered), keys)


def _python_order(queryset):
    """(`queryset` without the ORDER BY Python sorts its rows by, those sort keys); where Python cannot sort as the
    database does, (`grouped_order(queryset)`, None)."""
    keys = _sort_keys(queryset.model, _grouped_ordering(queryset))
    return (grouped_order(queryset) if keys is None else queryset.order_by()), keys


def _sorted(rows: list, keys) -> list:
    for attname, descending in reversed(keys or ()):  # stable sorts, the last term first
        rows.sort(key=attrgetter(attname), reverse=descending)
    return rows


class grouped_query:  # noqa: N801 (called like a function)
    """`grouped_rows(build(*pks))`, with build's queryset compiled once (leniency/compiled_queries.py): the panels'
    reads differ from one page to the next only by the defendants' pks."""

    def __init__(self, build: Callable):
        self._keys = None
        self._query = compiled(lambda *pks: self._unsorted(build(*pks)))

    def _unsorted(self, queryset):
        unordered, self._keys = _python_order(queryset)
        return unordered

    def __call__(self, *pks) -> list:
        return _sorted(list(self._query(*pks)), self._keys)
