"""The hashes the audit trail recorded when documents and recordings entered the archive.

The audit trail is hash-chained (`leniency audit verify`), so comparing a row's stored SHA-256 with the one in
its creation event catches an edit of the database row as well as an edit of the file."""

from leniency.audit.models import AuditEvent


def registered_hashes(action: str, object_type: str) -> dict[str, str]:
    """object id → the SHA-256 its creation event recorded."""
    rows = AuditEvent.objects.filter(action=action, object_type=object_type).values_list("object_id", "data")
    return {object_id: data.get("sha256", "") for object_id, data in rows.iterator(chunk_size=2000)}
