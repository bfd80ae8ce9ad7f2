"""The one task the worker runs: `run_job(job_id)` does the job's work and records how it ended."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from leniency import clock
from leniency.jobs.models import Job
from leniency.jobs.progress import Cancelled, Progress
from leniency.jobs.runners import RUNNERS, JobError

logger = logging.getLogger(__name__)


def _finish(job: Job, status: str, **fields) -> None:
    Job.objects.filter(pk=job.pk).update(status=status, finished_at=clock.now(), **fields)


def execute(job_id: int) -> str:
    """Run one job in this process (the worker calls it through the task; tests may call it directly), in the
    language it was started in."""
    job = Job.objects.select_related("started_by").get(pk=job_id)
    with translation.override(job.params.get("language") or settings.LANGUAGE_CODE):
        return _execute(job)


def _execute(job: Job) -> str:
    if job.cancel_requested or job.finished:
        if not job.finished:
            _finish(job, Job.Status.CANCELLED)
        return "cancelled"
    job.status, job.started_at = Job.Status.RUNNING, clock.now()
    job.save(update_fields=["status", "started_at"])
    progress = Progress(job)
    try:
        result = RUNNERS[job.kind](job, progress)
    except Cancelled:
        _finish(job, Job.Status.CANCELLED, result=_("已按要求取消"))
        return "cancelled"
    except JobError as error:
        _finish(job, Job.Status.FAILED, error=str(error))
        raise
    except Exception as error:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, error=f"{type(error).__name__}: {error}")
        raise
    _finish(job, Job.Status.SUCCEEDED, result=result)
    return result


@task()
def run_job(job_id: int) -> str:
    return execute(job_id)
