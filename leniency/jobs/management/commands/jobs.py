"""`leniency jobs`: start background jobs from the terminal and follow them with a progress bar.

    leniency jobs start corpus_import --file FILE [--workers 2]
    leniency jobs start corpus_index | train | counsel_escalate | oversight_escalate
    leniency jobs start report --period 2026-Q3
    leniency jobs start study --org ORG_ID --from 2026-01-01 --to 2026-06-30
    leniency jobs list [--limit 20]
    leniency jobs cancel ID

`start` queues the job for `leniency worker` (the same job the pages start) and follows it with tqdm until it
ends, unless --detach; Ctrl-C stops following, not the job (`leniency jobs cancel ID` stops it).
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from leniency import clock
from leniency.jobs.models import Job
from leniency.jobs.schedule import last_beat
from leniency.jobs.services import do_cancel_job, do_start_job


def follow(job: Job, *, poll: float = 0.5, out=None) -> Job:
    """Show the job's counter as a tqdm bar until the job ends; returns the finished job."""
    bar = tqdm(total=job.total, desc=f"{job.kind} #{job.pk}", unit="", unit_scale=True, file=out)
    try:
        while True:
            job.refresh_from_db()
            if job.total is not None and bar.total != job.total:
                bar.total = job.total
                bar.unit = job.unit
            bar.n = job.done
            bar.set_postfix_str(job.get_status_display(), refresh=False)
            bar.refresh()
            if job.finished:
                return job
            time.sleep(poll)
    finally:
        bar.close()


class Command(BaseCommand):
    help = "Start, list and cancel background jobs (run by `leniency worker`)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        start = sub.add_parser("start", help="queue a job and follow its progress")
        start.add_argument("kind", choices=Job.Kind.values)
        start.add_argument("--file", type=Path, help="corpus_import: a CAIL2018 JSON-lines or CSV file")
        start.add_argument("--workers", type=int, default=None, help="corpus_import: extraction processes")
        start.add_argument("--period", help="report: 2026-Q3 or 2026")
        start.add_argument("--org", help="study: the procuratorate's id")
        start.add_argument("--from", dest="date_from")
        start.add_argument("--to", dest="date_to")
        start.add_argument("--detach", action="store_true", help="queue it and return")
        lst = sub.add_parser("list", help="the latest jobs")
        lst.add_argument("--limit", type=int, default=20)
        cancel = sub.add_parser("cancel", help="stop a queued or running job")
        cancel.add_argument("id", type=int)

    def handle(self, *args, action, **options):
        return getattr(self, f"do_{action}")(**options)

    def do_start(self, *, kind, detach, **options):
        params = self._params(kind, **options)
        job = do_start_job(kind, params, acting_user=None)
        self.stdout.write(f"job #{job.pk} queued ({job.get_kind_display()})")
        beat = last_beat()
        if beat is None or (clock.now() - beat.beat_at).total_seconds() > 60:
            self.stderr.write("no worker has beaten in the last minute: start one with `leniency worker`")
        if detach:
            return
        job = follow(job, out=self.stderr)
        if job.status == Job.Status.SUCCEEDED:
            self.stdout.write(job.result)
        elif job.status == Job.Status.CANCELLED:
            self.stdout.write(f"job #{job.pk} cancelled")
        else:
            raise CommandError(f"job #{job.pk} failed: {job.error}")

    def _params(self, kind, *, file, workers, period, org, date_from, date_to, **_):
        if kind == Job.Kind.CORPUS_IMPORT:
            if file is None:
                raise CommandError("corpus_import needs --file")
            params = {"path": str(file.resolve()), "name": file.name}
            if workers is not None:
                params["workers"] = workers
            return params
        if kind == Job.Kind.REPORT:
            if not period:
                raise CommandError("report needs --period")
            return {"period": period}
        if kind == Job.Kind.STUDY:
            if not (org and date_from and date_to):
                raise CommandError("study needs --org, --from and --to")
            return {"org": int(org), "from": date_from, "to": date_to}
        return {}

    def do_list(self, *, limit, **_):
        for job in Job.objects.select_related("started_by")[:limit]:
            took = f"{job.duration.total_seconds():.1f} s" if job.duration else ""
            who = job.started_by or "system"
            self.stdout.write(
                f"#{job.pk} {job.kind} {job.status} {who} {job.created_at:%Y-%m-%d %H:%M:%S} {took}"
            )

    def do_cancel(self, *, id, **_):
        job = Job.objects.filter(pk=id).first()
        if job is None:
            raise CommandError(f"no job #{id}")
        job = do_cancel_job(job, acting_user=None)
        self.stdout.write(f"job #{job.pk}: {job.get_status_display()}")
