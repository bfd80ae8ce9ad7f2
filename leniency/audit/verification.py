"""`audit verify`: the chain walked event by event, then held against the checkpoints kept outside it.

The report says what it trusted (the keys by id, the checkpoint and when it was taken) and what it could
not check, so that "intact" never means more than it proved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from . import checkpoints
from .keys import keys
from .trail import ChainWalk, walk_chain


@dataclass
class TrailReport:
    walk: ChainWalk
    problems: list[str] = field(default_factory=list)
    trusted: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_trail(*, checkpoint_file: Path | None = None, heads: list[Path] = ()) -> TrailReport:
    """Verify the chain, then the checkpoint file (settings.AUDIT_CHECKPOINT_FILE unless given) and any
    heads an outside party kept (`heads`: JSON files as `GET /api/audit/head` returns them)."""
    walk = walk_chain()
    report = TrailReport(walk)
    if walk.problem is not None:
        report.problems.append(f"audit trail broken after {walk.checked} good events: {walk.problem.message}")
    held = ", ".join(keys())
    used = ", ".join(f"{key_id} ({n} events)" for key_id, n in walk.key_ids.items()) or "none"
    report.trusted.append(f"keys held (LENIENCY_AUDIT_KEYS): {held}; seals checked with: {used}")
    if walk.legacy:
        first_keyed = walk.legacy + 1
        report.warnings.append(
            f"{walk.legacy} legacy unkeyed events before #{first_keyed}: written before the trail was keyed, "
            + (
                f"anchored by the keyed event #{first_keyed}"
                if walk.key_ids
                else "not anchored by any keyed event yet"
            )
        )
    path = checkpoint_file if checkpoint_file is not None else settings.AUDIT_CHECKPOINT_FILE
    if path:
        _check_file(report, Path(path))
    else:
        report.warnings.append("no checkpoint file configured: deletion of the newest events is not checked")
    for head_file in heads:
        _check_file(report, Path(head_file), kept_by_outside_party=True)
    return report


def _check_file(report: TrailReport, path: Path, *, kept_by_outside_party: bool = False) -> None:
    what = "head kept" if kept_by_outside_party else "checkpoint"
    try:
        checkpoint = checkpoints.read(path)
    except checkpoints.CheckpointError as error:
        report.problems.append(f"{what} {path} is damaged: {error}")
        return
    if checkpoint is None:
        if kept_by_outside_party:
            report.problems.append(f"{what} {path} does not exist")
        else:
            report.warnings.append(
                f"no checkpoint at {path} yet: deletion of the newest events is not checked"
            )
        return
    if not checkpoint.seal_is_valid():
        report.problems.append(
            f"{what} {path} (#{checkpoint.seq}, {checkpoint.at}) is not sealed by a key held "
            f"(key id {checkpoint.key_id!r}): forged or damaged"
        )
        return
    _check_against(report, checkpoint, f"{what} {path} of {checkpoint.at}")


def _check_against(report: TrailReport, checkpoint: checkpoints.Checkpoint, label: str) -> None:
    from .models import AuditEvent

    walk = report.walk
    if walk.problem is None and walk.head_seq < checkpoint.seq:
        report.problems.append(
            f"the newest events were deleted: the {label} holds event #{checkpoint.seq}, "
            f"the trail ends at #{walk.head_seq} (events #{walk.head_seq + 1}–#{checkpoint.seq} are gone)"
        )
        return
    event = AuditEvent.objects.filter(seq=checkpoint.seq).only("hash").first()
    if event is None or event.hash != checkpoint.hash:
        report.problems.append(
            f"event #{checkpoint.seq} is not the one the {label} recorded (the trail was rewritten from there "
            "or before)"
        )
        return
    report.trusted.append(f"{label}: event #{checkpoint.seq} matches (key id {checkpoint.key_id})")
