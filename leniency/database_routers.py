"""The public portal's reads on a PostgreSQL read replica (issue 21 item 4), when one is configured.

With `LENIENCY_DATABASE_REPLICA_URL` set, settings add the database alias "replica" (a streaming standby) and name
it in `READ_REPLICA`; without it nothing here does anything and every query goes to "default".

Only the reads of a view wrapped in `public_reads` go to the replica (the portal's pages, and its public JSON API
operations through `router.add_decorator` in leniency/portal/api.py), and only while all of these hold: the
request is a GET or HEAD from someone not logged in and sending no credentials (a member of the public, who never
wrote what the page shows; staff who just published a typical case, or an API client with a token, read it back
from the primary), no transaction is open on "default", the
request has not written anything yet, and the model is not one whose reads must be current (sessions, the cache
tables, the log-in lock-out). A standby lags its primary by a moment: a public figure a second old is right,
a session or a just-written row is not. Every write goes to "default" (a standby refuses writes).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# Reads that must see the latest write whoever asks: the session a response has just saved, the cache tables
# (Django's DatabaseCache asks the router; a figure cached a moment ago must be found), django-axes' lock-out.
CURRENT_ONLY = frozenset({"sessions", "django_cache", "axes"})
SAFE_METHODS = ("GET", "HEAD")


@dataclass
class _Reads:
    alias: str
    wrote: bool = False


_reads: ContextVar[_Reads | None] = ContextVar("leniency_replica_reads", default=None)


def replica_alias() -> str | None:
    """The alias the public reads go to, or None where no replica is configured."""
    alias = getattr(settings, "READ_REPLICA", None)
    return alias if alias and alias in settings.DATABASES else None


def public_reads(view):
    """Send the reads of this public view to the replica (see the module's docstring for when). Works on a Django
    view and on a django-ninja operation (`router.add_decorator(public_reads)`, or `decorate_view`)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        alias = replica_alias()
        if alias is None or request.method not in SAFE_METHODS or not _anonymous(request):
            return view(request, *args, **kwargs)
        token = _reads.set(_Reads(alias))
        try:
            return view(request, *args, **kwargs)
        finally:
            _reads.reset(token)

    return wrapped


def _anonymous(request) -> bool:
    """Not logged in, and no API token or other credentials sent: an `auth=None` operation never authenticates a
    bearer token, but whoever sends one may have just written through the API and must read it back."""
    return not request.user.is_authenticated and "HTTP_AUTHORIZATION" not in request.META


class ReplicaRouter:
    """Routes the reads `public_reads` allows to the replica; leaves everything else to "default"."""

    def db_for_read(self, model, **hints):
        reads = _reads.get()
        if (
            reads is None
            or reads.wrote
            or model._meta.app_label in CURRENT_ONLY
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return None
        return reads.alias

    def db_for_write(self, model, **hints):
        reads = _reads.get()
        if reads is not None and model._meta.app_label not in CURRENT_ONLY:
            reads.wrote = True  # from here on this request reads what it wrote: from "default"
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, replica_alias()}:
            return True  # the same data: a row read from the replica may point at one read from the primary
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db != DEFAULT_DB_ALIAS and db == replica_alias():
            return False  # a standby follows its primary's schema; migrate never runs on it
        return None
