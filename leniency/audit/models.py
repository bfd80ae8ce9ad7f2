"""The audit trail: append-only events, each hashed together with the hash of the event before it."""

import hashlib
import json
from datetime import UTC

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    pass


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(_("序号"), unique=True)  # 1, 2, 3 … with no gaps; part of the hash
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    actor_label = models.CharField(_("操作人"), max_length=150)  # kept even if the account is renamed
    action = models.CharField(
        _("操作"), max_length=80, db_index=True
    )  # namespaced, e.g. "defendant.stage.changed"
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    case_id = models.BigIntegerField(null=True, blank=True)  # for the case timeline and the case page's cache
    data = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    occurred_at = models.DateTimeField(_("时间"), db_index=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        ordering = ["seq"]
        # A case's events in order (the timeline) and its latest one (leniency/cases/pagecache.py), from the index.
        indexes = [models.Index(fields=["case_id", "seq"], name="audit_event_case_seq")]

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit events cannot be deleted")

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical_payload().encode()).hexdigest()

    def canonical_payload(self) -> str:
        """Everything that identifies the event, in a stable form; `seq` binds the event to its place."""
        payload = {
            "seq": self.seq,
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": str(self.object_id),
            "case_id": self.case_id,
            "data": self.data,
            "occurred_at": self.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "prev_hash": self.prev_hash,
        }
        # Round-trip data through JSON first so the hash is the same before and after storage.
        payload["data"] = json.loads(json.dumps(self.data, cls=DjangoJSONEncoder))
        return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class ChainHead(models.Model):
    """The one row every writer of the trail locks (SELECT … FOR UPDATE) before it reads the last event and
    appends after it: see leniency/audit/trail.py. It holds nothing else; the events are the record."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="one_chain_head")]

    def __str__(self):
        return "audit chain head"


class PersonalDataAccess(models.Model):
    """Who saw whose personal data, when and where. Append-only like the trail, but not hash-chained:
    reads are frequent and a missing read is not a changed decision."""

    class Via(models.TextChoices):
        PAGE = "page", _("页面")
        API = "api", _("接口")
        DOCUMENT = "document", _("文书")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="personal_data_reads"
    )
    defendant = models.ForeignKey(
        "cases.Defendant", on_delete=models.CASCADE, related_name="personal_data_reads"
    )
    fields = models.CharField(_("查看内容"), max_length=120)  # e.g. "particulars" or "id_number,phone"
    via = models.CharField(_("途径"), max_length=10, choices=Via.choices)
    path = models.CharField(_("地址"), max_length=255, blank=True)
    at = models.DateTimeField(_("时间"), db_index=True)

    class Meta:
        verbose_name = _("个人信息查看记录")
        verbose_name_plural = _("个人信息查看记录")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.user} · {self.defendant} · {self.fields} · {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("personal-data access records cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("personal-data access records cannot be deleted")
