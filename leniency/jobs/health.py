"""What the load balancer asks (`/healthz`): the database answers, every migration is applied, and a worker
beat recently. An app server whose database is down or behind its code answers 503 and is taken out."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from leniency import clock


def health(now=None) -> dict:
    now = now or clock.now()
    report: dict = {"database": False, "migrations": False, "worker": None, "ok": False}
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = True
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        report["migrations"] = not pending
        if pending:
            report["pending_migrations"] = len(pending)
    except Exception as error:  # the database is unreachable: say so, do not raise
        report["error"] = type(error).__name__
        return report
    from leniency.jobs.schedule import last_beat

    beat = last_beat()
    stale = timedelta(seconds=settings.JOBS_WORKER_STALE_SECONDS)
    report["worker"] = (
        {"last_beat": beat.beat_at.isoformat(), "fresh": now - beat.beat_at <= stale} if beat else None
    )
    # The worker's beat is reported, not required: pages still serve while the worker restarts.
    report["ok"] = report["database"] and report["migrations"]
    return report
