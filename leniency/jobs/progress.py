"""How a running job reports how far it has got, and learns that it was cancelled.

The work calls `update(done, total)` whenever it likes (after each batch); the counter reaches the database at
most every `interval` seconds, where the page's progress bar reads it. Each write also reads the job's cancel
flag back: a cancelled job stops at its next update by raising `Cancelled`.
"""

from __future__ import annotations

import time

from leniency.jobs.models import Job


class Cancelled(Exception):
    """The job was cancelled from its page (or the CLI); the work stops at its next progress update."""


class Progress:
    def __init__(self, job: Job, *, interval: float = 0.5, unit: str = ""):
        self.job = job
        self.interval = interval
        self.unit = unit
        self._last = 0.0

    def update(self, done: int, total: int | None = None, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        Job.objects.filter(pk=self.job.pk).update(done=done, total=total, unit=self.unit)
        self.job.done, self.job.total = done, total
        if Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists():
            raise Cancelled()
