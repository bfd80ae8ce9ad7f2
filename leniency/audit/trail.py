"""Writing to and verifying the audit trail. Services call `record` inside their own transaction."""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connections, router, transaction

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
    """Append events in order, chaining each to the one before (used for bulk imports and the demo).

    The services write an event in nearly every transaction, so this path talks to the database directly:
    the chain head's lock, the last event's number and seal, and one INSERT for the new rows, each a single
    statement with the values Django's own fields prepare (no query compiled per event)."""
    alias = router.db_for_write(AuditEvent)
    connection = connections[alias]
    with transaction.atomic(using=alias):
        _lock_chain(connection, alias)
        seq, prev_hash = _chain_end(connection)
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
        if rows:
            _insert(connection, alias, rows)
            checkpoints.write_after_commit(rows[-1].seq, rows[-1].hash)
        return rows


def _lock_chain(connection, alias: str) -> None:
    """Hold the chain head's row lock until this transaction ends.

    This is the one place where audited changes wait for each other, and the chain needs it: each event
    carries the hash of the event before it and the next number (`seq`, with no gaps), so two transactions
    must not both read the same last event and append after it. The lock is taken only when the change
    records its event (its guards and rows are done by then) and is held to commit, which also makes
    `seq` follow commit order — the case page's cache relies on that (leniency/cases/pagecache.py). A
    waiting writer then reads the event the first one committed. On SQLite there is no row lock (FOR UPDATE
    does not exist there, and the row is not read): transactions begin IMMEDIATE (settings.py), so its single
    writer has serialised them already. The row is made by the first writer that finds it missing.
    """
    if not connection.features.has_select_for_update:
        return
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} WHERE id = 1 FOR UPDATE")
        if cursor.fetchone() is not None:
            return
    ChainHead.objects.using(alias).select_for_update().get_or_create(pk=1)


def _chain_end(connection) -> tuple[int, str]:
    """The number and seal of the last event (read under the lock), or the start of an empty chain."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('seq')}, {quote('hash')} FROM {quote(AuditEvent._meta.db_table)} "
            f"ORDER BY {quote('seq')} DESC LIMIT 1"
        )
        last = cursor.fetchone()
    return (last[0], last[1]) if last else (0, GENESIS_HASH)


_INSERT_FIELDS = [field for field in AuditEvent._meta.concrete_fields if not field.primary_key]
_BATCH = 500  # rows per INSERT: well under SQLite's 32,766 parameters (12 a row)


def _insert(connection, alias: str, rows: list[AuditEvent]) -> None:
    """INSERT the rows, each value prepared by its field as Django's own INSERT prepares it; the new primary
    keys come back with RETURNING. Where the database cannot return them, Django's bulk_create does it."""
    if not connection.features.can_return_rows_from_bulk_insert:
        AuditEvent.objects.using(alias).bulk_create(rows, batch_size=_BATCH)
        return
    quote = connection.ops.quote_name
    pk = AuditEvent._meta.pk
    columns = ", ".join(quote(field.column) for field in _INSERT_FIELDS)
    placeholders = "(" + ", ".join(["%s"] * len(_INSERT_FIELDS)) + ")"
    for start in range(0, len(rows), _BATCH):
        batch = rows[start : start + _BATCH]
        params = [
            field.get_db_prep_save(getattr(row, field.attname), connection)
            for row in batch
            for field in _INSERT_FIELDS
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) "
                f"VALUES {', '.join([placeholders] * len(batch))} "
                f"RETURNING {quote('seq')}, {quote(pk.column)}",
                params,
            )
            pks = dict(cursor.fetchall())  # by number: SQLite does not promise the rows' order
        for row in batch:
            row.pk = pks[row.seq]
            row._state.adding, row._state.db = False, alias


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
