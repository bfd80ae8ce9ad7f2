"""The periodic jobs the worker starts by itself, and the worker's heartbeat.

`counsel escalate` every 15 minutes (a duty lawyer who has not answered in time is replaced) and
`oversight escalate` daily (public reports not answered by their due date go to the committee). Time is cut
into slots of each job's period, counted from local midnight (00:00, 00:15, ... and one a day); a job is due
once in each slot. Every worker runs this schedule, so the worker that starts a slot's job first claims the
slot: it inserts the (kind, slot) row, unique in the database, in the same transaction as the job. A second
worker's insert fails (on PostgreSQL it waits for the first to commit, on SQLite the write lock serialises
them) and it starts nothing. The operations page shows the last run of each.
"""

from __future__ import annotations

import os
import socket
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from leniency import clock
from leniency.jobs.models import Job, ScheduledRun, WorkerBeat

PERIODIC: dict[str, timedelta] = {
    Job.Kind.COUNSEL_ESCALATE: timedelta(minutes=15),
    Job.Kind.OVERSIGHT_ESCALATE: timedelta(days=1),
}


def slot_of(now: datetime, period: timedelta) -> datetime:
    """The start of the slot `now` falls in: slots of `period` counted from the local day's midnight (a period
    of a day or more: from the first of January 2000, local time)."""
    local = timezone.localtime(now)
    if period >= timedelta(days=1):  # whole local days from 2000-01-01 (a local day is not always 24 hours)
        days = (local.date() - date(2000, 1, 1)).days
        start = date(2000, 1, 1) + timedelta(days=days - days % period.days)
        return timezone.make_aware(datetime.combine(start, time.min), local.tzinfo)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + (local - midnight) // period * period


def last_runs() -> list[tuple[str, timedelta, Job | None]]:
    """(kind, period, its latest job or None) for every periodic job."""
    return [(kind, period, Job.objects.filter(kind=kind).first()) for kind, period in PERIODIC.items()]


def claim(kind: str, slot: datetime, worker_id: str = "") -> Job | None:
    """Start `kind` for `slot` unless another worker has: the job, or None when the slot was taken."""
    from leniency.jobs.services import do_start_job

    if ScheduledRun.objects.filter(kind=kind, slot=slot).exists():  # the common case, without an error
        return None
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(kind=kind, slot=slot, worker_id=worker_id[:64])
            run.job = do_start_job(kind, {"slot": slot.isoformat()}, acting_user=None)
            run.save(update_fields=["job"])
    except IntegrityError:  # another worker inserted this slot's row first
        return None
    return run.job


def start_due(now=None, *, worker_id: str = "") -> list[Job]:
    """Start every periodic job whose current slot no worker has claimed yet; returns those this call started."""
    now = now or clock.now()
    started = []
    for kind, period in PERIODIC.items():
        job = claim(kind, slot_of(now, period), worker_id)
        if job is not None:
            started.append(job)
    return started


def beat(worker_id: str, now=None) -> None:
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": now or clock.now(), "pid": os.getpid(), "host": socket.gethostname()[:255]},
    )


def last_beat():
    return WorkerBeat.objects.order_by("-beat_at").first()
