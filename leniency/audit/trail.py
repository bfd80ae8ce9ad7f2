"""Writing to and verifying the audit trail. Services call `record` inside their own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import GENESIS_HASH, AuditEvent, ChainHead


@dataclass(frozen=True)
class PendingEvent:
    action: str
    object_type: str
    object_id: str
    actor: object = None  # a User or None for the system
    case_id: int | None = None
    data: dict | None = None
    occurred_at: datetime | None = None


def record(
    action: str,
    *,
    actor,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    case_id: int | None = None,
    data: dict | None = None,
    occurred_at: datetime | None = None,
) -> AuditEvent:
    """Append one event. `obj` (a model instance) supplies the object type and id when given."""
    if obj is not None:
        object_type, object_id = obj._meta.label_lower, obj.pk
    event = PendingEvent(action, object_type, str(object_id), actor, case_id, data, occurred_at)
    return record_many([event])[0]


def record_many(events: Iterable[PendingEvent]) -> list[AuditEvent]:
    """Append events in order, chaining each to the one before (used for bulk imports and the demo)."""
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-seq").only("seq", "hash").first()
        seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS_HASH)
        rows = []
        for pending in events:
            seq += 1
            actor = pending.actor
            row = AuditEvent(
                seq=seq,
                actor=actor,
                actor_label=(str(actor) if actor is not None else "system")[:150],
                action=pending.action,
                object_type=pending.object_type,
                object_id=pending.object_id,
                case_id=pending.case_id,
                data=pending.data or {},
                occurred_at=pending.occurred_at or timezone.now(),
                prev_hash=prev_hash,
            )
            row.hash = row.compute_hash()
            prev_hash = row.hash
            rows.append(row)
        return AuditEvent.objects.bulk_create(rows, batch_size=1000)


def _lock_chain() -> None:
    """Hold the chain head's row lock until this transaction ends.

    This is the one place where audited changes wait for each other, and the chain needs it: each event
    carries the hash of the event before it and the next number (`seq`, with no gaps), so two transactions
    must not both read the same last event and append after it. The lock is taken only when the change
    records its event (its guards and rows are done by then) and is held to commit, which also makes
    `seq` follow commit order — the case page's cache relies on that (leniency/cases/pagecache.py). A
    waiting writer then reads the event the first one committed. On SQLite, FOR UPDATE is ignored:
    transactions begin IMMEDIATE (settings.py), so its single writer has serialised them already.
    """
    ChainHead.objects.select_for_update().get_or_create(pk=1)


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    kind: str  # "altered", "missing_before", "broken_link"
    message: str


def verify_chain() -> tuple[int, ChainProblem | None]:
    """Walk the chain in order; return how many events were checked and the first problem, if any."""
    expected_seq, expected_prev, checked = 1, GENESIS_HASH, 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        if event.seq != expected_seq:
            return checked, ChainProblem(
                event.seq,
                "missing_before",
                f"event #{event.seq} ({event.action}): events #{expected_seq}–#{event.seq - 1} are missing (removed)",
            )
        if event.compute_hash() != event.hash:
            return checked, ChainProblem(
                event.seq,
                "altered",
                f"event #{event.seq} ({event.action}): content does not match its hash (altered)",
            )
        if event.prev_hash != expected_prev:
            return checked, ChainProblem(
                event.seq,
                "broken_link",
                f"event #{event.seq} ({event.action}): does not chain to event #{event.seq - 1} "
                "(an event was inserted, removed or re-hashed)",
            )
        expected_seq, expected_prev, checked = event.seq + 1, event.hash, checked + 1
    return checked, None
