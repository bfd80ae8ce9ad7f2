"""Rendered case pages, served from the cache until the case they show next changes.

Every state change of a case is a `do_*` service that writes an audit event carrying the case's id in the
same transaction, and the trail numbers its events in commit order (leniency/audit/trail.py). So a case
page is cached under the number (`seq`) of its case's latest event, read before anything the page shows: the
case's next change ends its cached pages, and a change of another case leaves them alone. The list of cases
shows many cases and is cached under the trail's latest event. Nothing watches the database's writes. A page is
stored with the number it was rendered at, under a key without it, so that the database store reads the number and
the page in one statement (pagecache_backend.get_after); a page stored at another number is a miss.

The key holds the user and what decides their access and what they may see (role, organisation,
password, staff flags), the language, the CSRF secret the page's forms carry, the day (deadlines are
counted from it), the full path and the htmx header. Only GET answers with 200 are cached; a request with
flash messages waiting, or inside a transaction (whose writes are not yet committed), is rendered as usual.

What the key does not see is a change made without its service: raw SQL, or another record shown on the
page that is not the case's (a lawyer's renamed account). Audited data is read-only in the admin, and every
cached page expires after PAGE_TIMEOUT.
"""

import hashlib
from dataclasses import dataclass
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import connection, connections, router
from django.http import HttpResponse

from leniency import clock
from leniency.audit.models import AuditEvent

PAGE_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class Version:
    """What a page is cached under: the number (`seq`) of the latest audit event of the case the URL names
    (`per_case`), or of the whole trail; 0 before any.

    `statement` is the one fixed statement that reads it, not the ORM's aggregate: every view of a cached page,
    cold or not, reads it first, and the ORM compiled the aggregate anew each time, about 0.18 ms against 0.01 for
    the statement (issue 21). The page store reads it together with the page (pagecache_backend.py)."""

    per_case: bool

    def statement(self, request, pk=None, **kwargs) -> tuple[str, str, list]:
        """(database alias, SQL, parameters): MAX(seq) of the trail's events, or of one case's (the index on
        case_id, seq answers it)."""
        alias = router.db_for_read(AuditEvent)
        quote = connections[alias].ops.quote_name
        column = {name: quote(AuditEvent._meta.get_field(name).column) for name in ("seq", "case_id")}
        sql = f"SELECT MAX({column['seq']}) FROM {quote(AuditEvent._meta.db_table)}"
        if not self.per_case:
            return alias, sql, []
        try:
            case_id = int(pk)
        except (TypeError, ValueError):
            case_id = None  # no case: no events
        return alias, f"{sql} WHERE {column['case_id']} = %s", [case_id]

    def __call__(self, request, *args, **kwargs) -> int:
        alias, sql, params = self.statement(request, *args, **kwargs)
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0] or 0


case_version = Version(per_case=True)  # the case page
trail_version = Version(per_case=False)  # a page showing many cases


def _key(request) -> str:
    user = request.user
    parts = [
        user.pk,
        user.role,
        user.organisation_id,
        user.is_active,
        user.is_staff,
        user.is_superuser,
        user.get_session_auth_hash(),
        request.META["CSRF_COOKIE"],
        request.LANGUAGE_CODE,
        clock.today().isoformat(),
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
    ]
    return "pagecache:" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def cached_page(version, on_hit=None):
    """Serve the view's page from the cache while `version(request, *args, **kwargs)` (case_version or
    trail_version) is what it was when the page was rendered.

    What must happen on every view of a page (logging a read of personal data) is `on_hit(request, note)`,
    where `note` is what the view put in `response.pagecache_note` when it rendered the page. The view does
    its own access checks when it renders; a cached page is keyed on the user and their access, and what
    decides whether they see a defendant of the case (counsel assigned, a stage changed) is a change of the case.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if (
                request.method != "GET"
                or connection.in_atomic_block
                or not request.user.is_authenticated
                or not request.META.get("CSRF_COOKIE")
                or len(get_messages(request))
            ):
                return view(request, *args, **kwargs)
            # Read before the case or anything else the page shows: a change committed while the page renders
            # then gives a newer version than the one the page is stored under, and the next view renders again.
            key = _key(request)
            pages = caches["pages"]
            seq, cached = _read(pages, key, version, request, *args, **kwargs)
            if cached is not None and cached[0] == seq:
                _, content, note = cached
                if on_hit is not None:
                    on_hit(request, note)
                return HttpResponse(content)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                note = getattr(response, "pagecache_note", None)
                pages.set(key, (seq, response.content, note), PAGE_TIMEOUT)
            return response

        return wrapper

    return decorate


def _read(pages, key: str, version: Version, request, *args, **kwargs) -> tuple[int, tuple | None]:
    """The page's version now, and what is stored under its key (the version it was rendered at, the page, the
    note), or None. The database store reads both in one statement; another store after the version."""
    statement = version.statement(request, *args, **kwargs)
    if hasattr(pages, "get_after"):
        seq, cached = pages.get_after(key, statement)
        return seq or 0, cached
    return version(request, *args, **kwargs), pages.get(key)
