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
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from functools import lru_cache

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql import Query

# Stand-in pks, far above any table's and each a value of its own: found again among the compiled parameters.
_STAND_IN = 1_987_000_000


class RefinedCompiledQuery(TypeError):
    """A compiled query's result asked for another query (filter, count …), which would need SQL of its own."""


class _KeptQuery(Query):
    """A query whose compiler is the kept one, bound to this thread's connection, with this call's parameters."""

    def __init__(self, query: Query, compiler, sql: str, params: tuple):
        self.__dict__ = query.__dict__.copy()
        self._kept = (compiler, sql, params)

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        compiler, sql, params = self._kept
        bound = copy.copy(compiler)
        bound.connection = connection or connections[using]
        bound.as_sql = lambda *args, **kwargs: (sql, params)
        return bound

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
