"""A case's audit events turned into a readable timeline."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from leniency.compiled_queries import compiled

from .models import AuditEvent

TIMELINE_FIELDS = ("seq", "occurred_at", "actor_label", "action", "data")

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
    defendant_id: int | None = None  # None: the case as a whole
    defendant: str = ""


_EVENTS_OF_CASE = compiled(
    lambda pk: AuditEvent.objects.filter(case_id=pk).order_by().values_list(*TIMELINE_FIELDS)
)


def case_timeline(case, *, defendant_names: dict[int, str], only: int | None = None) -> list[TimelineEntry]:
    """Events of the case in the order they happened, each naming the defendant it concerns
    (`defendant_names`: those the viewer may see; events about anyone else are left out). The services stamp
    an event when it is recorded and the trail numbers events in commit order, so time then number is the
    order of the record; the demo's builders append history after the fact, which the time puts in place.
    `only`: one defendant's events and the case's own."""
    entries = []
    labels: dict[str, str] = {}  # each action's label translated once, not once per event (issue 21 item 5)
    # Sorted here rather than by the database (the same order: both fields are never null), and only the columns
    # shown, as tuples: compiling the ORDER BY, converting the hash columns and making model instances cost more
    # than the sort (issue 21 item 5).
    rows = _EVENTS_OF_CASE(case.pk)
    for seq, occurred_at, actor, action, data in sorted(rows, key=itemgetter(1, 0)):
        defendant = data.get("defendant")
        if defendant is not None and defendant not in defendant_names:
            continue
        if only is not None and defendant is not None and defendant != only:
            continue
        label = labels.get(action)
        if label is None:
            label = labels[action] = str(ACTION_LABELS.get(action, action))
        describe = _DESCRIBERS.get(action)
        entries.append(
            TimelineEntry(
                seq=seq,
                occurred_at=occurred_at,
                actor=actor,
                action=action,
                label=label,
                detail=describe(data) if describe is not None else "",
                defendant_id=defendant,
                defendant=defendant_names.get(defendant, "") if defendant is not None else "",
            )
        )
    return entries
