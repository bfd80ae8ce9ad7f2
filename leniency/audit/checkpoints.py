"""Checkpoints of the audit trail, kept outside the events table.

A checkpoint is the head of the chain (its sequence number and seal) at a moment, itself sealed with the
current audit key. The events table alone cannot show that its newest events were deleted: the chain that
is left is intact. A checkpoint can: `audit verify` finds the checkpoint's event, with the same seal, or
names the events that are gone.

Two copies live outside the database:

- a file, `AUDIT_CHECKPOINT_FILE` (var/audit/checkpoint.json), rewritten after commits that add events (at
  most once a second per process) and by `leniency audit checkpoint`, only ever forward; keep it on storage
  the database's administrators cannot write;
- the signed head an outside party polls from the API (`GET /api/audit/head`) and keeps; `audit verify
  --head FILE` checks the trail against any head kept that way.
"""

from __future__ import annotations

import fcntl
import hmac
import json
import logging
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from leniency import clock

from .keys import current_key_id, seal

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    at: str  # ISO time it was taken
    key_id: str
    seal: str

    @staticmethod
    def message(seq: int, event_hash: str, at: str) -> str:
        return f"leniency-audit-checkpoint\n{seq}\n{event_hash}\n{at}"

    def seal_is_valid(self) -> bool:
        expected = seal(self.key_id, self.message(self.seq, self.hash, self.at))
        return expected is not None and hmac.compare_digest(expected, self.seal)

    def as_dict(self) -> dict:
        return asdict(self)


class CheckpointError(Exception):
    pass


def take(seq: int, event_hash: str) -> Checkpoint:
    at = clock.now().isoformat(timespec="seconds")
    key_id = current_key_id()
    return Checkpoint(seq, event_hash, at, key_id, seal(key_id, Checkpoint.message(seq, event_hash, at)))


def head() -> Checkpoint | None:
    """The signed head of the trail now (None when the trail is empty)."""
    from .models import AuditEvent

    last = AuditEvent.objects.order_by("-seq").only("seq", "hash").first()
    return take(last.seq, last.hash) if last else None


def parse(data: dict) -> Checkpoint:
    try:
        return Checkpoint(
            int(data["seq"]), str(data["hash"]), str(data["at"]), str(data["key_id"]), str(data["seal"])
        )
    except (KeyError, TypeError, ValueError) as error:
        raise CheckpointError(f"not a checkpoint: {error}") from error


def read(path: Path) -> Checkpoint | None:
    """The checkpoint in `path`; None when there is no file. Raises CheckpointError for a damaged one."""
    try:
        text = Path(path).read_text()
    except FileNotFoundError:
        return None
    try:
        return parse(json.loads(text))
    except json.JSONDecodeError as error:
        raise CheckpointError(f"{path}: not JSON ({error})") from error


def write(checkpoint: Checkpoint, path: Path) -> bool:
    """Replace the file with `checkpoint` unless it already holds a later one; True when written.

    Writers in other processes take turns on a lock file; the replace is atomic, so a reader sees the old
    checkpoint or the new one, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            current = read(path)
        except CheckpointError:
            current = None  # a damaged file is overwritten; verify reports a missing or damaged one
        if current is not None and current.seq >= checkpoint.seq:
            return False
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".checkpoint-")
        with os.fdopen(fd, "w") as handle:
            json.dump(checkpoint.as_dict(), handle)
        os.replace(tmp, path)
        return True


_last_write = [0.0]  # when this process last wrote the file (monotonic seconds)


class _Pending:
    """The newest event of the transaction under way, written to the file once, when the transaction commits."""

    def __init__(self, path: str):
        self.path, self.event, self.written = path, None, False

    def __call__(self):
        self.written = True
        _last_write[0] = time.monotonic()
        try:
            write(take(*self.event), Path(self.path))
        except OSError:
            logger.exception("audit checkpoint not written to %s", self.path)


def write_after_commit(seq: int, event_hash: str) -> None:
    """After the current transaction commits, move the checkpoint file forward to event `seq`: at most once
    every AUDIT_CHECKPOINT_INTERVAL seconds per process (0: after every commit), and once per transaction
    however many events it adds (an import of a thousand rows wrote the file 1,245 times). A write costs a
    few milliseconds on a busy machine (bench/audit_trail.py); the events of the last interval are covered by
    the next write, `leniency audit checkpoint` (run it from cron every minute) and the polled API head."""
    path = settings.AUDIT_CHECKPOINT_FILE
    if not path:
        return
    interval = getattr(settings, "AUDIT_CHECKPOINT_INTERVAL", 1.0)
    if interval and time.monotonic() - _last_write[0] < interval:
        return
    connection = transaction.get_connection()
    pending = getattr(connection, "audit_checkpoint", None)
    # A rolled-back transaction drops its callbacks: then this one is no longer waiting and a new one starts.
    waiting = (
        pending is not None
        and not pending.written
        and any(entry[1] is pending for entry in connection.run_on_commit)
    )
    if not waiting:
        pending = connection.audit_checkpoint = _Pending(path)
    pending.event = (seq, event_hash)
    if not waiting:
        transaction.on_commit(pending)
