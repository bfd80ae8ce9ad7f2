"""A case's audit events turned into a readable timeline."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.cases.stages import Procedure, Stage

from .models import AuditEvent

_VALUE_LABELS = {**dict(Stage.choices), **dict(Procedure.choices)}

ACTION_LABELS = {
    "case.opened": gettext_lazy("立案受理"),
    "defendant.added": gettext_lazy("增加犯罪嫌疑人"),
    "defendant.stage.changed": gettext_lazy("诉讼阶段变更"),
    "defendant.procedure.set": gettext_lazy("确定审理程序"),
    "counsel.assigned": gettext_lazy("指派律师"),
}


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
    data = event.data
    if event.action in _DESCRIBERS:
        return _DESCRIBERS[event.action](data)
    labels = _VALUE_LABELS
    if event.action in ("defendant.stage.changed", "defendant.procedure.set"):
        text = f"{labels.get(data.get('from'), data.get('from') or '—')} → {labels.get(data.get('to'), data.get('to'))}"
        return f"{text}（{data['reason']}）" if data.get("reason") else text
    if event.action == "defendant.added":
        return _("罪名：%(charges)s") % {"charges": "、".join(data.get("charges", []))}
    if event.action == "counsel.assigned":
        return data.get("lawyer_name", "")
    if event.action == "case.opened":
        return data.get("number", "")
    return ""
