"""The trail becomes keyed (leniency/audit/keys.py): each event records the id of the HMAC key that sealed it.

Events already written keep their plain SHA-256 and an empty key id: re-sealing them here would let anyone
who can run a migration turn a forged history into a keyed one. Instead, when the trail is not empty, one
keyed event (`audit.trail.keyed`) is appended at once: it chains to the last legacy event, so from now on the
legacy prefix cannot be rewritten without breaking a seal only the key holder can make. `audit verify`
reports the prefix as "N legacy unkeyed events before #S".
"""

from django.db import migrations, models
from django.utils import timezone


def anchor_legacy_events(apps, schema_editor):
    from leniency.audit.keys import current_key_id
    from leniency.audit.models import canonical_payload, event_seal

    AuditEvent = apps.get_model("audit", "AuditEvent")
    last = AuditEvent.objects.order_by("-seq").first()
    if last is None:
        return
    key_id = current_key_id()
    event = AuditEvent(
        seq=last.seq + 1,
        actor=None,
        actor_label="system",
        action="audit.trail.keyed",
        object_type="audit.auditevent",
        object_id=str(last.seq),
        case_id=None,
        data={"legacy_events": last.seq, "key_id": key_id},
        occurred_at=timezone.now(),
        prev_hash=last.hash,
        key_id=key_id,
    )
    event.hash = event_seal(key_id, canonical_payload(event))
    event.save(force_insert=True)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_chain_head"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
        migrations.RunPython(anchor_legacy_events, migrations.RunPython.noop),
    ]
