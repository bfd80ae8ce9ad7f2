"""The periodic jobs the worker starts by itself, and the worker's heartbeat.

`counsel escalate` every 15 minutes (a duty lawyer who has not answered in time is replaced) and
`oversight escalate` daily (public reports not answered by their due date go to the committee). A job is due
when none of its kind was started within its period; the operations page shows the last run of each.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from leniency.jobs.models import Job, WorkerBeat

PERIODIC: dict[str, timedelta] = {
    Job.Kind.COUNSEL_ESCALATE: timedelta(minutes=15),
    Job.Kind.OVERSIGHT_ESCALATE: timedelta(days=1),
}


def last_runs() -> list[tuple[str, timedelta, Job | None]]:
    """(kind, period, its latest job or None) for every periodic job."""
    return [(kind, period, Job.objects.filter(kind=kind).first()) for kind, period in PERIODIC.items()]


def start_due(now=None) -> list[Job]:
    """Queue every periodic job whose period has passed since its last start; returns those queued."""
    from leniency.jobs.services import do_start_job

    now = now or timezone.now()
    started = []
    for kind, period in PERIODIC.items():
        with transaction.atomic():
            if Job.objects.filter(kind=kind, created_at__gt=now - period).exists():
                continue
            started.append(do_start_job(kind, {}, acting_user=None))
    return started


def beat(worker_id: str, now=None) -> None:
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": now or timezone.now(), "pid": os.getpid(), "host": socket.gethostname()[:255]},
    )


def last_beat():
    return WorkerBeat.objects.order_by("-beat_at").first()
