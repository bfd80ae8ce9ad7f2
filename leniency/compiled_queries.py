"""A queryset the ORM compiles once, then runs again with other values: for pages that read the same shapes of
rows on every request.

Building a queryset (`filter` resolves each lookup) and compiling it to SQL cost about 0.2-0.3 ms a query, more than
SQLite takes to run it; the case page's twenty-odd reads spent a third of the page so (issue 21 item 5). Only the
values change from one request to the next (the defendants' pks), and with them the SQL only by the number of
values in a list. So:

    AGREEMENTS = compiled(lambda ids: PleaAgreement.objects.filter(defendant_id__in=ids).order_by())
    AGREEMENTS(pks)      # a queryset of those rows, as build(pks) gives them

`build` is called once per database and shape (how many values each list argument holds, after removing repeats)
with stand-in pks, compiled, and its SQL kept with the positions of the stand-ins among the parameters; each call
then puts its own values there. So `build` must be a pure function of its arguments: every other value in it (a
date, the time now, a translated string, a setting) is fixed at the first compile. Arguments are pks (ints) or
lists of them. The queryset returned runs the kept SQL when evaluated (with its prefetches, as usual) and refuses
to be refined (`filter`, `count` ...: they would need their own SQL): ask `build` for what you need.

Several such querysets, unordered, can be read by one statement (`read_together`): a UNION ALL of their SELECTs,
each row carrying which query it belongs to, its own columns in a slice of its own and NULLs elsewhere. Each
queryset then evaluates (with its prefetches, as usual) from its share of the rows: one statement instead of a
round trip and the cursor's work per query (about 0.1 ms of this process's CPU each on PostgreSQL, issue 21).
`reading_ahead(calls)` does so for calls a page will make later, from code that does not know of one another (the
case page's panels): inside it, the first call of a compiled query with the same values gets the rows read ahead.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI

# Stand-in pks, far above any table's and each a value of its own: found again among the compiled parameters.
_STAND_IN = 1_987_000_000


class RefinedCompiledQuery(TypeError):
    """A compiled query's result asked for another query (filter, count …), which would need SQL of its own."""


class _KeptQuery(Query):
    """A query whose compiler is the kept one, bound to this thread's connection, with this call's parameters."""

    def __init__(self, query: Query, compiler, sql: str, params: tuple):
        self.__dict__ = query.__dict__.copy()
        self._kept = (compiler, sql, params)
        self._rows = None  # the rows `read_together` read for it, if it did

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        compiler, sql, params = self._kept
        bound = copy.copy(compiler)
        bound.connection = connection or connections[using]
        bound.as_sql = lambda *args, **kwargs: (sql, params)
        if self._rows is not None:
            bound.execute_sql = self._read_rows
        return bound

    def _read_rows(self, result_type=MULTI, **kwargs):
        if result_type != MULTI:
            raise RefinedCompiledQuery("rows read together are read as a whole")
        return iter([self._rows])

    def clone(self):
        raise RefinedCompiledQuery("a compiled query runs as built: ask its build function for another one")


class compiled:  # noqa: N801 (used like a decorator-made function)
    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compile = lru_cache(maxsize=64)(self._compile_shape)

    def __call__(self, *values: int | Sequence[int]) -> QuerySet:
        values = tuple(v if isinstance(v, int) else tuple(dict.fromkeys(v)) for v in values)
        if any(_bad(v) for v in values):
            raise TypeError(f"compiled queries take pks (ints) or lists of them, not {values!r}")
        if any(v == () for v in values):  # an empty IN (…) matches nothing; the ORM knows without asking
            return self.build(*values)
        ahead = _AHEAD.get()
        if ahead:
            read = ahead.pop(_ahead_key(self, values), None)
            if read is not None:
                return read
        queryset, compiler, sql, params, slots = self._compile(
            tuple(None if isinstance(v, int) else len(v) for v in values)
        )
        params = list(params)
        for places, value in zip(slots, _flat(values), strict=True):
            for place in places:
                params[place] = value
        run = object.__new__(type(queryset))  # copy.copy would evaluate it (QuerySet.__getstate__)
        run.__dict__ = queryset.__dict__.copy()  # the stand-ins' queryset, never evaluated: no rows to share
        # Not `run.query = …`: its setter would turn a values_list queryset into a values one.
        run._query = _KeptQuery(queryset.query, compiler, sql, tuple(params))
        return run

    def _compile_shape(self, shape: tuple):
        queryset = self.build(*_stand_ins(shape))
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        params = tuple(params)
        # Where each value goes among the parameters: a value may go to several places (a judge's own cases and
        # the panels they sit on), never to none.
        slots = [[i for i, p in enumerate(params) if p == s] for s in _flat(_stand_ins(shape))]
        if not all(slots):
            raise ValueError(f"{self.build!r} does not put each of its arguments into the query")
        return queryset, compiler, sql, params, slots


def _stand_ins(shape: tuple) -> tuple:
    values, n = [], _STAND_IN
    for size in shape:
        if size is None:
            values.append(n)
            n += 1
        else:
            values.append(list(range(n, n + size)))
            n += size
    return tuple(values)


def _flat(values):
    for v in values:
        if isinstance(v, int):
            yield v
        else:
            yield from v


def _bad(value) -> bool:
    if isinstance(value, int):
        return type(value) is not int
    return any(type(v) is not int for v in value)


# The querysets read ahead, by (compiled query, values): each given to the first call that asks for it.
_AHEAD: ContextVar[dict | None] = ContextVar("compiled_queries_ahead", default=None)


def _ahead_key(query: compiled, values: tuple) -> tuple:
    # The values of an IN (…) in any order: the query is unordered (read_together), its rows the same.
    return (query, tuple(v if isinstance(v, int) else tuple(sorted(v)) for v in values))


@contextmanager
def reading_ahead(calls: Iterable[tuple[compiled, tuple]]):
    """Read the rows of `calls` (a compiled query and the values it will be called with) by one statement
    (`read_together`), and give each to the first call with those values inside this block. Ordered queries are
    left out (they run when called, as usual)."""
    ahead = {}
    for query, values in calls:
        queryset = query(*values)
        if isinstance(queryset.query, _KeptQuery) and can_read_together(queryset):
            ahead[_ahead_key(query, _normalised(values))] = queryset
    read_together(*ahead.values())
    token = _AHEAD.set(ahead)
    try:
        yield
    finally:
        _AHEAD.reset(token)


def _normalised(values: tuple) -> tuple:
    return tuple(v if isinstance(v, int) else tuple(dict.fromkeys(v)) for v in values)


def can_read_together(queryset: QuerySet) -> bool:
    """Whether `read_together` takes `queryset`: a compiled query's, unordered."""
    query = queryset.query
    if not isinstance(query, _KeptQuery):
        return False
    compiler, sql, _ = query._kept
    return not (compiler.has_extra_select or " ORDER BY " in sql)


def read_together(*querysets: QuerySet) -> None:
    """Read the rows of `querysets`, each from a `compiled` query and not yet evaluated, by one statement; each then
    evaluates from its own rows. Their SQL must not be ordered (the union would not keep it): sort in Python, as
    `leniency.cases.case_page.grouped_query` does. Querysets that are no compiled run (an empty IN: no query) are
    left as they are."""
    kept = [qs for qs in querysets if isinstance(qs.query, _KeptQuery) and qs._result_cache is None]
    if len(kept) < 2:
        return
    using = {qs.db for qs in kept}
    if len(using) != 1:
        raise ValueError(f"queries read together must use one database, not {sorted(using)}")
    connection = connections[using.pop()]
    widths = [_width(qs) for qs in kept]
    sql, params = _union(connection, kept, widths)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    shares: list[list] = [[] for _ in kept]
    starts = [1 + sum(widths[:n]) for n in range(len(kept))]
    for row in rows:
        n = row[0]
        shares[n].append(row[starts[n] : starts[n] + widths[n]])
    for qs, share in zip(kept, shares, strict=True):
        qs.query._rows = share


def _width(queryset: QuerySet) -> int:
    compiler, sql, _ = queryset.query._kept
    if not can_read_together(queryset):
        raise ValueError(f"a query read together must not be ordered: {sql[:200]}")
    return len(compiler.select)


def _union(connection, querysets: list, widths: list[int]) -> tuple[str, list]:
    """`SELECT n, <NULLs of the queries before>, t.*, <NULLs of those after> FROM (<query n>) t UNION ALL …`.
    PostgreSQL resolves a union's column types pair by pair, so a NULL there is cast to its column's type."""
    nulls = [_nulls(connection, qs.query._kept[0]) for qs in querysets]
    selects, params = [], []
    for n, qs in enumerate(querysets):
        _, sql, query_params = qs.query._kept
        columns = [str(n), *(c for before in nulls[:n] for c in before), "t.*"]
        columns += [c for after in nulls[n + 1 :] for c in after]
        selects.append(f"SELECT {', '.join(columns)} FROM ({sql}) t")
        params += query_params
    return " UNION ALL ".join(selects), params


def _nulls(connection, compiler) -> list[str]:
    if connection.vendor != "postgresql":
        return ["NULL"] * len(compiler.select)
    return [f"CAST(NULL AS {_cast_type(connection, expression)})" for expression, _, _ in compiler.select]


def _cast_type(connection, expression) -> str:
    field = expression.output_field
    return field.cast_db_type(connection) or field.db_type(connection)
