"""Counts for the periodic transparency report (`leniency.portal` calls these). Plain dicts, no personal data.

Each function takes an optional period (`start`, `end`: dates, inclusive; None = unbounded) and counts
rows whose defining date falls in it: reports by `received_at`, petitions by `filed_at`, decisions by
`decided_at`, corrections by their decision's `decided_at`. Overdue counts are as of `today`.
The suppression of small cells is the portal's job.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Count, QuerySet
from django.utils import timezone

from leniency import clock

from .models import Correction, Decision, Petition, PublicReport


def _bounds(qs: QuerySet, field: str, start: date | None, end: date | None) -> QuerySet:
    if start is not None:
        qs = qs.filter(**{f"{field}__gte": timezone.make_aware(datetime.combine(start, time.min))})
    if end is not None:
        qs = qs.filter(**{f"{field}__lte": timezone.make_aware(datetime.combine(end, time.max))})
    return qs


def _counts(qs: QuerySet, field: str, choices) -> dict[str, int]:
    found = dict(qs.values_list(field).annotate(n=Count("pk")).order_by())
    return {value: found.get(value, 0) for value, _ in choices}


def report_counts(start: date | None = None, end: date | None = None, *, today: date | None = None) -> dict:
    """{"total", "by_kind": {kind: n}, "by_status": {status: n}, "overdue", "escalated", "answered_late"}."""
    today = today or clock.today()
    qs = _bounds(PublicReport.objects.all(), "received_at", start, end)
    return {
        "total": qs.count(),
        "by_kind": _counts(qs, "kind", PublicReport.Kind.choices),
        "by_status": _counts(qs, "status", PublicReport.Status.choices),
        "overdue": qs.filter(status=PublicReport.Status.RECEIVED, due_on__lt=today).count(),
        "escalated": qs.filter(escalated_at__isnull=False).count(),
    }


def petition_counts(start: date | None = None, end: date | None = None) -> dict:
    """{"total", "by_source": {source: n}, "by_status": {status: n}}."""
    qs = _bounds(Petition.objects.all(), "filed_at", start, end)
    return {
        "total": qs.count(),
        "by_source": _counts(qs, "source", Petition.Source.choices),
        "by_status": _counts(qs, "status", Petition.Status.choices),
    }


def decision_counts(start: date | None = None, end: date | None = None) -> dict:
    """{"total", "by_kind": {kind: n}} over Decision.Kind (rehearing, reinvestigation, …, dismiss)."""
    qs = _bounds(Decision.objects.all(), "decided_at", start, end)
    return {"total": qs.count(), "by_kind": _counts(qs, "kind", Decision.Kind.choices)}


def correction_counts(
    start: date | None = None, end: date | None = None, *, today: date | None = None
) -> dict:
    """{"total", "open", "done", "overdue", "done_late"} for corrections ordered in the period."""
    today = today or clock.today()
    qs = _bounds(Correction.objects.all(), "decision__decided_at", start, end)
    done = qs.filter(status=Correction.Status.DONE)
    return {
        "total": qs.count(),
        "open": qs.filter(status=Correction.Status.OPEN).count(),
        "done": done.count(),
        "overdue": qs.filter(status=Correction.Status.OPEN, due_on__lt=today).count(),
        "done_late": sum(
            1
            for c in done.only("due_on", "completed_at")
            if timezone.localtime(c.completed_at).date() > c.due_on
        ),
    }


def decision_summaries(start: date | None = None, end: date | None = None) -> list[dict]:
    """One row per decision for the report's list of reviews: no names, only kinds, dates and counts."""
    rows = []
    qs = (
        _bounds(Decision.objects.all(), "decided_at", start, end)
        .select_related("petition")
        .annotate(n_corrections=Count("corrections"))
        .order_by("decided_at", "pk")
    )
    for d in qs:
        rows.append(
            {
                "decided_on": timezone.localtime(d.decided_at).date(),
                "kind": d.kind,
                "kind_label": str(d.get_kind_display()),
                "source": d.petition.source,
                "source_label": str(d.petition.get_source_display()),
                "corrections": d.n_corrections,
                "corrections_done": d.corrections.filter(status=Correction.Status.DONE).count(),
            }
        )
    return rows


def labels() -> dict[str, dict[str, str]]:
    """The display labels of every key used above, in the active language."""
    return {
        "report_kind": {k: str(v) for k, v in PublicReport.Kind.choices},
        "report_status": {k: str(v) for k, v in PublicReport.Status.choices},
        "petition_source": {k: str(v) for k, v in Petition.Source.choices},
        "petition_status": {k: str(v) for k, v in Petition.Status.choices},
        "decision_kind": {k: str(v) for k, v in Decision.Kind.choices},
    }
