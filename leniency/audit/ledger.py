"""The hashes the audit trail recorded when documents and recordings entered the archive.

Comparing a row's stored SHA-256 with the one in its creation event catches an edit of the database row as
well as an edit of the file. Only events whose seal verifies under a held key count (leniency/audit/keys.py),
and legacy unkeyed ones only from before the trail was keyed: someone who can write to the database but holds
no key cannot register a hash by inserting a creation event of their own. (`leniency audit verify` checks
the links between events and the checkpoints.)"""

import hmac

from leniency.audit.models import AuditEvent


def registered_hashes(action: str, object_type: str) -> dict[str, str]:
    """object id → the SHA-256 its creation event recorded, from events whose seal verifies."""
    first_keyed = AuditEvent.objects.exclude(key_id="").order_by("seq").values_list("seq", flat=True).first()
    registered = {}
    for event in AuditEvent.objects.filter(action=action, object_type=object_type).iterator(chunk_size=2000):
        if not event.key_id and first_keyed is not None and event.seq > first_keyed:
            continue  # unkeyed after the trail was keyed: not written by the application
        seal = event.compute_hash()
        if seal is not None and hmac.compare_digest(seal, event.hash):
            registered[event.object_id] = event.data.get("sha256", "")
    return registered
