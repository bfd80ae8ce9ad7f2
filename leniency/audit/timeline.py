"""A case's audit events turned into a readable timeline."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .models import AuditEvent

# Each app names its own actions, the cases app included (`register_action` in its AppConfig.ready).
ACTION_LABELS: dict[str, object] = {}


_DESCRIBERS: dict[str, Callable[[dict], str]] = {}


def register_action(action: str, label, describe: Callable[[dict], str] | None = None) -> None:
    """Let another app name its audit actions (and say how to describe their data) on case timelines.

    Call it from the app's `AppConfig.ready()`.
    """
    ACTION_LABELS[action] = label
    if describe is not None:
        _DESCRIBERS[action] = describe


@dataclass(frozen=True)
class TimelineEntry:
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    label: str
    detail: str


def case_timeline(case, *, visible_defendant_ids: set[int]) -> list[TimelineEntry]:
    """Events of the case in the order they happened (demo builders append history after the fact);
    events about a defendant the viewer may not see are left out."""
    entries = []
    for event in AuditEvent.objects.filter(case_id=case.pk).order_by("occurred_at", "seq"):
        defendant = event.data.get("defendant")
        if defendant is not None and defendant not in visible_defendant_ids:
            continue
        entries.append(
            TimelineEntry(
                seq=event.seq,
                occurred_at=event.occurred_at,
                actor=event.actor_label,
                action=event.action,
                label=str(ACTION_LABELS.get(event.action, event.action)),
                detail=_describe(event),
            )
        )
    return entries


def _describe(event: AuditEvent) -> str:
    describe = _DESCRIBERS.get(event.action)
    return describe(event.data) if describe is not None else ""
