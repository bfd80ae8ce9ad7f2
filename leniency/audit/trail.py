"""Writing to and verifying the audit trail. Services call `record` inside their own transaction."""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from leniency import clock

from . import checkpoints
from .keys import current_key_id
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
        key_id = current_key_id()
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
                occurred_at=pending.occurred_at or clock.now(),
                prev_hash=prev_hash,
                key_id=key_id,
            )
            row.hash = row.compute_hash()
            prev_hash = row.hash
            rows.append(row)
        created = AuditEvent.objects.bulk_create(rows, batch_size=1000)
        if rows:
            checkpoints.write_after_commit(rows[-1].seq, rows[-1].hash)
        return created


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
    kind: str  # "altered", "missing_before", "broken_link", "unkeyed", "unknown_key"
    message: str


@dataclass
class ChainWalk:
    """What a walk of the chain found: the first problem, and what it relied on."""

    checked: int = 0
    problem: ChainProblem | None = None
    legacy: int = 0  # unkeyed events at the start (written before the trail was keyed)
    key_ids: dict[str, int] = field(default_factory=dict)  # events sealed with each key id
    head_seq: int = 0
    head_hash: str = GENESIS_HASH


def walk_chain() -> ChainWalk:
    """Walk the chain in order, checking each event's seal and its link to the one before; stop at the first
    problem. Unkeyed (legacy) events are accepted only before the first keyed one: the first keyed event
    seals the hash of the last legacy one, so the legacy prefix cannot be rewritten either."""
    walk = ChainWalk()
    expected_seq, expected_prev = 1, GENESIS_HASH
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        walk.problem = _problem(event, expected_seq, expected_prev, keyed_seen=bool(walk.key_ids))
        if walk.problem is not None:
            return walk
        if event.key_id:
            walk.key_ids[event.key_id] = walk.key_ids.get(event.key_id, 0) + 1
        else:
            walk.legacy += 1
        expected_seq, expected_prev = event.seq + 1, event.hash
        walk.checked, walk.head_seq, walk.head_hash = walk.checked + 1, event.seq, event.hash
    return walk


def _problem(event: AuditEvent, expected_seq: int, expected_prev: str, *, keyed_seen: bool):
    label = f"event #{event.seq} ({event.action})"
    if event.seq != expected_seq:
        return ChainProblem(
            event.seq,
            "missing_before",
            f"{label}: events #{expected_seq}–#{event.seq - 1} are missing (removed)",
        )
    if not event.key_id and keyed_seen:
        return ChainProblem(
            event.seq,
            "unkeyed",
            f"{label}: not sealed with a key, after keyed events (written or re-hashed without the key)",
        )
    seal = event.compute_hash()
    if seal is None:
        return ChainProblem(
            event.seq,
            "unknown_key",
            f"{label}: sealed with key id {event.key_id!r}, which LENIENCY_AUDIT_KEYS does not hold",
        )
    if not hmac.compare_digest(seal, event.hash):
        return ChainProblem(event.seq, "altered", f"{label}: content does not match its seal (altered)")
    if event.prev_hash != expected_prev:
        return ChainProblem(
            event.seq,
            "broken_link",
            f"{label}: does not chain to event #{event.seq - 1} (an event was inserted, removed or re-hashed)",
        )
    return None


def verify_chain() -> tuple[int, ChainProblem | None]:
    """Walk the chain in order; return how many events were checked and the first problem, if any."""
    walk = walk_chain()
    return walk.checked, walk.problem
