"""Rendered case pages, served from the cache until the database next changes.

Every committed write (INSERT, UPDATE, DELETE, TRUNCATE or DDL through Django's connections, bulk updates
and raw SQL included) gives the database a new random *generation*, kept in one row of its own
(PageGeneration). A page is cached under the generation read before anything it shows, so a page is never
served after a change that it could show: there is nothing to invalidate by hand, and no rule to forget
when a model is added. Writes to QUIET_TABLES (the generation itself, the caches, sessions, login
throttling, the personal-data read log, API token use) change no cached page and leave the generation
alone; otherwise every page view would end the cache.

The key also holds the user and what decides their access (role, organisation, password), the language,
the CSRF secret the page's forms carry, the day (deadlines are counted from it), the full path and the
htmx header. Only GET answers with 200 are cached; a request with flash messages waiting, or inside a
transaction (whose writes are not yet committed), is rendered as usual.

Hit rates fall as the write rate rises (any write anywhere ends every entry); a per-case generation is
the next step if that matters in production.
"""

import hashlib
import re
import secrets
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.utils import timezone

PAGE_TIMEOUT = 60 * 60
TABLE = "cases_pagegeneration"
QUIET_TABLES = frozenset(
    {
        TABLE,
        "django_session",
        "axes_accessattempt",
        "axes_accesslog",
        "axes_accessfailurelog",
        "audit_personaldataaccess",
        "accounts_apitoken",
    }
) | {alias["LOCATION"] for alias in settings.CACHES.values() if alias["BACKEND"].endswith("DatabaseCache")}

_WRITE = re.compile(r'\s*(INSERT|UPDATE|DELETE|TRUNCATE|ALTER|DROP|CREATE)\b[^"]*"?(\w*)', re.IGNORECASE)
_READ = f'SELECT "token" FROM "{TABLE}" WHERE "id" = 1'
_UPSERT = (
    f'INSERT INTO "{TABLE}" ("id", "token") VALUES (1, %s) ON CONFLICT ("id") DO UPDATE SET "token" = %s'
)


def generation() -> str:
    with connection.cursor() as cursor:
        cursor.execute(_READ)
        row = cursor.fetchone()
    return row[0] if row else "-"


def _advance():
    token = secrets.token_hex(8)
    try:
        with connection.cursor() as cursor:
            cursor.execute(_UPSERT, [token, token])
    except DatabaseError:
        if TABLE in connection.introspection.table_names():
            raise
        # Before this app's migration nothing can have been cached: nothing to end.


def watch_writes(execute, sql, params, many, context):
    """Django execute wrapper (installed on every connection by CasesConfig.ready)."""
    result = execute(sql, params, many, context)
    found = _WRITE.match(sql)
    if found and (found.group(1).upper() == "TRUNCATE" or found.group(2) not in QUIET_TABLES):
        wrapper = context["connection"]
        if not wrapper.in_atomic_block:
            # A single statement: committed (PostgreSQL), or committed together with the new generation when
            # the statement ends (SQLite, where an INSERT … RETURNING is still open here).
            _advance()
        elif not any(callback is _advance for _sids, callback, _robust in wrapper.run_on_commit):
            # Once per transaction, when it commits; forgotten if it (or the savepoint) rolls back. robust: the
            # write is committed, so a failure is logged instead of failing the request.
            transaction.on_commit(_advance, using=wrapper.alias, robust=True)
    return result


def install(connection, **kwargs):
    """connection_created receiver."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)


def _key(request, token) -> str | None:
    user = request.user
    secret = request.META.get("CSRF_COOKIE")
    if not user.is_authenticated or not secret:
        return None
    parts = [
        token,
        user.pk,
        user.role,
        user.organisation_id,
        user.is_active,
        user.is_staff,
        user.is_superuser,
        user.get_session_auth_hash(),
        secret,
        request.LANGUAGE_CODE,
        timezone.localdate().isoformat(),
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
    ]
    return "pagecache:" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def cached_page(on_hit=None):
    """Serve the view's page from the cache while the database has not changed since it was rendered.

    What must happen on every view of a page (logging a read of personal data) is `on_hit(request, note)`,
    where `note` is what the view put in `response.pagecache_note` when it rendered the page. The view does
    its own access checks when it renders; a cached page is keyed on the user, and a change of their
    access is a write.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "GET" or connection.in_atomic_block or len(get_messages(request)):
                return view(request, *args, **kwargs)
            token = generation()  # before the user, the case or anything else the page shows is read
            key = _key(request, token)
            if key is None:
                return view(request, *args, **kwargs)
            pages = caches["pages"]
            cached = pages.get(key)
            if cached is not None:
                content, note = cached
                if on_hit is not None:
                    on_hit(request, note)
                return HttpResponse(content)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                pages.set(key, (response.content, getattr(response, "pagecache_note", None)), PAGE_TIMEOUT)
            return response

        return wrapper

    return decorate
