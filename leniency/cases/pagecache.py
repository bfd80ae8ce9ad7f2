"""Rendered case pages, served from the cache until the database next changes.

Every committed write (INSERT, UPDATE, DELETE, TRUNCATE or DDL through Django's connections, bulk updates
and raw SQL included) gives the database a new random *generation* when its transaction commits. A page
is cached under the generation read before anything it shows, so a page is never served after a change
that it could show: there is nothing to invalidate by hand, and no rule to forget when a model is added.
Writes to QUIET_TABLES (the cache itself, sessions, login throttling, the personal-data read log, API
token use) do not change any cached page and leave the generation alone; otherwise every page view
would end the cache.

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
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"
PAGE_TIMEOUT = 60 * 60
QUIET_TABLES = frozenset({
    "django_session",
    "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog",
    "audit_personaldataaccess",
    "accounts_apitoken",
}) | {alias["LOCATION"] for alias in settings.CACHES.values() if alias["BACKEND"].endswith("DatabaseCache")}

_WRITE = re.compile(r'\s*(INSERT|UPDATE|DELETE|TRUNCATE|ALTER|DROP|CREATE)\b[^"]*"?(\w*)', re.IGNORECASE)


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)  # two first readers agree on one
        token = cache.get(GENERATION_KEY)
    return token


def _advance():
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def watch_writes(execute, sql, params, many, context):
    """Django execute wrapper (installed on every connection by CasesConfig.ready)."""
    result = execute(sql, params, many, context)
    found = _WRITE.match(sql)
    if found and (found.group(1).upper() == "TRUNCATE" or found.group(2) not in QUIET_TABLES):
        connection = context["connection"]
        # After the statement, once per transaction: on_commit runs at once in autocommit mode, and forgets
        # the callback when the transaction (or the savepoint that registered it) rolls back.
        if not any(callback is _advance for _sids, callback, _robust in connection.run_on_commit):
            transaction.on_commit(_advance, using=connection.alias)
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
    parts = [token, user.pk, user.role, user.organisation_id, user.is_active, user.is_staff, user.is_superuser,
             user.get_session_auth_hash(), secret, request.LANGUAGE_CODE, timezone.localdate().isoformat(),
             request.get_full_path(), request.headers.get("HX-Request", "")]
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
            from django.db import connection

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
