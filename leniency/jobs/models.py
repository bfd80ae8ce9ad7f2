"""A job: one piece of long work (an import, the index, training, a report, the study, a periodic job) run by the
worker as a task of the django-tasks database backend.

The backend's own row (`DBTaskResult`) knows the task's state; a `Job` adds what the pages need: who started it,
what with, how far it has got (a counter the work updates), its result or error in words, and a cancel request
the work reads between batches.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Kind(models.TextChoices):
        CORPUS_IMPORT = "corpus_import", _("导入裁判文书")
        CORPUS_INDEX = "corpus_index", _("重建类案索引")
        TRAIN = "train", _("训练量刑模型")
        REPORT = "report", _("生成透明度报告")
        STUDY = "study", _("反悔实证研究")
        COUNSEL_ESCALATE = "counsel_escalate", _("值班律师超时升级")
        OVERSIGHT_ESCALATE = "oversight_escalate", _("举报超期移交")

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("运行中")
        SUCCEEDED = "succeeded", _("已完成")
        FAILED = "failed", _("失败")
        CANCELLED = "cancelled", _("已取消")

    FINISHED = (Status.SUCCEEDED, Status.FAILED, Status.CANCELLED)

    kind = models.CharField(max_length=32, choices=Kind.choices)
    params = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(null=True, blank=True)  # None: the work cannot tell its size
    unit = models.CharField(max_length=16, blank=True)
    result = models.TextField(blank=True)
    error = models.TextField(blank=True)
    cancel_requested = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "-created_at"], name="jobs_kind_created")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.status == self.Status.SUCCEEDED else None
        return min(100, round(100 * self.done / self.total))

    @property
    def duration(self):
        if self.started_at is None or self.finished_at is None:
            return None
        return self.finished_at - self.started_at


class WorkerBeat(models.Model):
    """The last sign of life of each worker process (`leniency worker` writes it every few seconds)."""

    worker_id = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField()
    pid = models.PositiveIntegerField(default=0)
    host = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return f"{self.worker_id} @ {self.host}"


class ScheduledRun(models.Model):
    """One slot of a periodic job, claimed by the worker that starts it. The pair (kind, slot) is unique, so
    when several workers look at the same moment, one insert wins and the others' fail: each slot runs once."""

    kind = models.CharField(max_length=32, choices=Job.Kind.choices)
    slot = models.DateTimeField()  # the start of the period this run covers
    job = models.OneToOneField(
        Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="scheduled"
    )
    worker_id = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["kind", "slot"], name="jobs_one_run_per_slot")]

    def __str__(self):
        return f"{self.kind} @ {self.slot:%Y-%m-%d %H:%M}"
