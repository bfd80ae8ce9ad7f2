"""The audit trail: append-only events, each sealed together with the seal of the event before it.

An event's `hash` is an HMAC-SHA256 under the key named by its `key_id` (leniency/audit/keys.py); events
written before the trail was keyed have an empty `key_id` and a plain SHA-256 (legacy, see trail.py).
"""

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
    # The id of the HMAC key that sealed the event (never the key); empty for legacy, unkeyed events.
    key_id = models.CharField(max_length=16, blank=True, default="")

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

    def compute_hash(self) -> str | None:
        """The event's seal: HMAC under its key, or plain SHA-256 for a legacy event (empty key id);
        None when the key id names no configured key."""
        return event_seal(self.key_id, self.canonical_payload())

    def canonical_payload(self) -> str:
        return canonical_payload(self)


class ChainHead(models.Model):
    """The one row every writer of the trail locks (SELECT … FOR UPDATE) before it reads the last event and
    appends after it: see leniency/audit/trail.py. It holds nothing else; the events are the record."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="one_chain_head")]

    def __str__(self):
        return "audit chain head"


def canonical_payload(event) -> str:
    """Everything that identifies the event, in a stable form; `seq` binds the event to its place."""
    payload = {
        "seq": event.seq,
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": str(event.object_id),
        "case_id": event.case_id,
        "data": event.data,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "prev_hash": event.prev_hash,
    }
    if event.key_id:  # legacy events keep the payload they were hashed with
        payload["key_id"] = event.key_id
    # Round-trip data through JSON first so the hash is the same before and after storage.
    payload["data"] = json.loads(json.dumps(event.data, cls=DjangoJSONEncoder))
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_seal(key_id: str, payload: str) -> str | None:
    from .keys import seal

    if not key_id:
        return hashlib.sha256(payload.encode()).hexdigest()
    return seal(key_id, payload)


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
