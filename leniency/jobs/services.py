"""Starting and cancelling jobs: the two state changes of this app (each checks, writes and audits at once)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.errors import DomainError
from leniency.jobs.access import check_cancel_job, check_start_job
from leniency.jobs.models import Job


def do_start_job(kind: str, params: dict | None = None, *, acting_user=None) -> Job:
    """Queue a job for the worker; `acting_user` None is the operator (CLI) or the worker's schedule."""
    check_start_job(acting_user)
    if kind not in Job.Kind.values:
        raise DomainError(_("未知的任务类型 %(kind)s") % {"kind": kind}, field="kind")
    from leniency.jobs.tasks import run_job  # the task module loads the runners, which load every app

    # The job speaks the language of the page or command that started it (its result and error are words).
    params = {**(params or {}), "language": translation.get_language() or settings.LANGUAGE_CODE}
    with transaction.atomic():
        job = Job.objects.create(kind=kind, params=params, started_by=acting_user)
        result = run_job.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
        record("jobs.started", actor=acting_user, obj=job, data={"kind": kind, "params": job.params})
    return job


def do_cancel_job(job: Job, *, acting_user=None) -> Job:
    """Ask a job to stop: a queued job never starts; a running one stops at its next progress update."""
    check_cancel_job(acting_user, job)
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.finished:
            raise DomainError(_("任务已经结束，无法取消"))
        job.cancel_requested = True
        fields = ["cancel_requested"]
        if job.status == Job.Status.QUEUED:
            job.status, job.finished_at = Job.Status.CANCELLED, clock.now()
            fields += ["status", "finished_at"]
        job.save(update_fields=fields)
        record("jobs.cancel_requested", actor=acting_user, obj=job, data={"kind": job.kind})
    return job
