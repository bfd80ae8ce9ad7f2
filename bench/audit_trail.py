"""The keyed audit trail's costs (issue 20): appending events, and `audit verify` over the whole trail.

Each row is one way services write the trail: `record()` alone in its transaction; `record()` inside a
service's transaction (a read first, as guards do, then the event: the trail's own atomic block is a
savepoint); five `record()` calls in one transaction (a service that writes several events, and the demo's
steps); `record_many()` of 1,000 events (imports). CPU is this process's (the client's: the ORM, the JSON and
the HMAC); on PostgreSQL the server's own work is in the wall time only. Queries are counted per event.

Run on a scratch database:
    LENIENCY_VAR_DIR=/tmp/at .venv/bin/python manage.py migrate -v 0 && \\
    LENIENCY_VAR_DIR=/tmp/at .venv/bin/python bench/audit_trail.py [events]
and on PostgreSQL with DATABASE_URL set (scripts/throwaway-postgres.sh) after the same migrate.

2,000 events a row, 5 Dec 2026, on the shared 2-core machine at a quiet moment (load 1.4-4.5; the same runs
at load 12-15 gave SQLite 893 -> 276 µs and PostgreSQL 1806 -> 906 µs for the first row), before (the ORM:
get_or_create on the chain head, .first() for the last event, bulk_create) and after (trail.py's own three
statements; no chain-head query on SQLite, which has no row lock):

                                             SQLite CPU/event       PostgreSQL CPU/event
                                             before     after       before     after
    record(), alone, no checkpoint file      712 µs     210 µs      1323 µs     583 µs
    record(), alone, checkpoint after commit 728 µs     218 µs      1429 µs     537 µs
    record() in a service's transaction     1095 µs     609 µs      1980 µs    1068 µs
    record() five per transaction            731 µs     211 µs      1467 µs     537 µs
    record_many() of 1,000                    82 µs      61 µs        77 µs      83 µs

Queries per event: SQLite 4 -> 3 alone (BEGIN, last event, INSERT), 7 -> 6 in a service's transaction;
PostgreSQL unchanged (lock, last event, INSERT). The service row includes its own ORM read (`exists()`).
PostgreSQL wall per event alone: 3.5 ms -> 1.0 ms.

The demo (`manage.py demo --defendants 300`, SQLite, /usr/bin/time, 3,026 record/record_many calls writing
8,857 events): 20.9 s -> 19.8 s user CPU quiet; 27.6 -> 26.7 s and 26.2 -> 24.6 s in two runs under load.
`leniency audit verify` intact on each.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (a scratch database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from leniency.accounts.models import User  # noqa: E402
from leniency.audit.models import AuditEvent  # noqa: E402
from leniency.audit.trail import PendingEvent, record, record_many, walk_chain  # noqa: E402
from leniency.audit.verification import verify_trail  # noqa: E402


def _alone(i, actor, label):
    record("bench.event", actor=actor, object_type="bench", object_id=i, data={"i": i, "label": label})


def _in_service(i, actor, label):
    with transaction.atomic():
        AuditEvent.objects.filter(object_id=str(i)).exists()  # the guard's read
        record("bench.event", actor=actor, object_type="bench", object_id=i, data={"i": i, "label": label})


def _five_per_transaction(i, actor, label):
    if i % 5 == 0:
        with transaction.atomic():
            for j in range(i, i + 5):
                _alone(j, actor, label)


def measure(label: str, n: int, write) -> None:
    actor = User.objects.order_by("pk").first()
    before = AuditEvent.objects.count()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        cpu, wall = time.process_time(), time.perf_counter()
        for i in range(n):
            write(i, actor, label)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    written = AuditEvent.objects.count() - before
    print(
        f"{label:<40} {written:6} events: {cpu / written * 1e6:6.0f} µs CPU, {wall / written * 1e6:6.0f} µs wall, "
        f"{len(queries) / written:4.2f} queries each"
    )


def bulk(label: str, n: int) -> None:
    def write(i, actor, label):
        if i % 1000 == 0:
            record_many(
                PendingEvent("bench.event", "bench", str(j), actor, data={"i": j})
                for j in range(i, min(n, i + 1000))
            )

    measure(label, n, write)


def main(n: int) -> None:
    if not User.objects.exists():
        User.objects.create_user("bench-actor", password=None)
    print(f"{connection.vendor}, {len(settings.AUDIT_KEYS.split(','))} audit key(s)")
    with tempfile.TemporaryDirectory() as tmp:
        settings.AUDIT_CHECKPOINT_FILE = None
        measure("record(), alone, no checkpoint file", n, _alone)
        settings.AUDIT_CHECKPOINT_FILE = Path(tmp) / "checkpoint.json"
        measure("record(), alone, checkpoint after commit", n, _alone)
        measure("record() in a service's transaction", n, _in_service)
        measure("record() five per transaction", n, _five_per_transaction)
        bulk("record_many() of 1,000", 5 * n)
        started = time.perf_counter()
        walk = walk_chain()
        walked = time.perf_counter() - started
        report = verify_trail()
        assert walk.problem is None and report.ok, report.problems
        print(f"verify: {walk.checked} events in {walked:.2f} s ({walk.checked / walked:.0f} events/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
