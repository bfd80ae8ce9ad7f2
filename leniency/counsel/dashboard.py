"""The legal-aid centre's figures: participation and early intervention by district and month, per-lawyer
workload and quality, compensation totals. Every rate carries its N and its definition (STYLE.md)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from statistics import median

from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone

from leniency.cases.access import visible_defendants

from .access import visible_assignments
from .models import Allocation, Claim, CounselAssignment, QualityWarning, Rating
from .participation import figures_by_assignment
from .rules import policy_for
from .shared_measures import shared_measure


@dataclass
class Row:
    label: str
    assignments: int = 0
    participated: int = 0
    detained: int = 0
    early: int = 0
    contact_hours: list = field(default_factory=list)
    signed: int = 0
    only_at_signing: int = 0
    # the registry's duty-lawyer meeting rate (shared_measures): person -> counted, for those in its population
    meeting: dict = field(default_factory=dict)
    opinion: int = 0
    met_target: int = 0
    missed_target: int = 0

    @staticmethod
    def pct(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    @property
    def participation_rate(self):
        return self.pct(self.participated, self.assignments)

    @property
    def early_rate(self):
        return self.pct(self.early, self.detained)

    @property
    def median_contact_hours(self):
        return round(median(self.contact_hours), 1) if self.contact_hours else None

    @property
    def only_signing_rate(self):
        return self.pct(self.only_at_signing, self.signed)

    @property
    def meeting_rate(self):
        return self.pct(sum(self.meeting.values()), len(self.meeting))

    @property
    def opinion_rate(self):
        return self.pct(self.opinion, self.signed)

    @property
    def target_rate(self):
        return self.pct(self.met_target, self.met_target + self.missed_target)


def _add(row: Row, fig, outcome) -> None:
    row.assignments += 1
    row.participated += fig.participated
    if outcome == Allocation.Outcome.MET:
        row.met_target += 1
    elif outcome == Allocation.Outcome.MISSED:
        row.missed_target += 1
    if fig.signed:
        row.signed += 1
        row.only_at_signing += fig.only_at_signing
        row.opinion += fig.opinion_filed


def centre_figures(user, *, date_from: date, date_to: date) -> dict:
    start = timezone.make_aware(datetime.combine(date_from, time.min))
    end = timezone.make_aware(datetime.combine(date_to, time.max))
    assignments = (
        visible_assignments(user)
        .exclude(kind=CounselAssignment.Kind.RETAINED)
        .filter(assigned_at__range=(start, end))
        .select_related("defendant__case__region", "lawyer")
    )
    policy = policy_for(None, date_to)
    figures = figures_by_assignment(assignments)
    outcomes = dict(
        Allocation.objects.filter(assignment__in=assignments).values_list("assignment_id", "outcome")
    )
    meeting = shared_measure("duty_meeting_rate")
    # The headline rate's persons are the study's and the portal's for the same period: those whose case was
    # received in it, in the user's scope; the tables classify the persons of their assignments the same way.
    received = list(
        visible_defendants(user)
        .filter(case__received_on__range=(date_from, date_to))
        .values_list("pk", flat=True)
    )
    counted = meeting.classify([a.defendant_id for a in assignments] + received)
    districts: dict[str, Row] = {}
    months: dict[str, Row] = {}
    lawyers: dict[int, Row] = {}
    total = Row("")
    for a in assignments:
        fig, outcome = figures[a.pk], outcomes.get(a.pk)
        month = timezone.localtime(a.assigned_at).strftime("%Y-%m")
        for row in (
            districts.setdefault(a.defendant.case.region.name, Row(a.defendant.case.region.name)),
            months.setdefault(month, Row(month)),
            lawyers.setdefault(a.lawyer_id, Row(str(a.lawyer))),
            total,
        ):
            _add(row, fig, outcome)
            if a.defendant_id in counted:
                row.meeting[a.defendant_id] = counted[a.defendant_id]
            if a.defendant.detained_on is not None:
                row.detained += 1
                if fig.hours_to_first_contact is not None:
                    row.contact_hours.append(fig.hours_to_first_contact)
                    row.early += fig.hours_to_first_contact <= policy.early_intervention_hours
    lawyer_ids = list(lawyers)
    ratings = {
        r["assignment__lawyer_id"]: r
        for r in Rating.objects.filter(assignment__in=assignments)
        .values("assignment__lawyer_id")
        .annotate(mean=Avg("score"), n=Count("id"), complaints=Count("id", filter=Q(complaint=True)))
    }
    pending = dict(
        QualityWarning.objects.filter(lawyer_id__in=lawyer_ids, status__in=["open", "review"])
        .values_list("lawyer_id")
        .annotate(n=Count("id"))
        .values_list("lawyer_id", "n")
    )
    restricted = set(
        QualityWarning.objects.filter(
            lawyer_id__in=lawyer_ids,
            status="restricted",
            restriction__lifted_at__isnull=True,
            restriction__ends_on__gte=date_to,
        ).values_list("lawyer_id", flat=True)
    )
    paid = dict(
        Claim.objects.filter(assignment__in=assignments, status=Claim.Status.APPROVED)
        .values_list("lawyer_id")
        .annotate(s=Sum("amount"))
        .values_list("lawyer_id", "s")
    )
    minutes = defaultdict(int)
    for a in assignments:
        minutes[a.lawyer_id] += figures[a.pk].minutes
    lawyer_rows = []
    for lawyer_id, row in sorted(lawyers.items(), key=lambda item: -item[1].assignments):
        r = ratings.get(lawyer_id, {})
        lawyer_rows.append(
            {
                "id": lawyer_id,
                "row": row,
                "hours": round(minutes[lawyer_id] / 60, 1),
                "rating": round(r["mean"], 2) if r.get("mean") is not None else None,
                "ratings": r.get("n", 0),
                "complaints": r.get("complaints", 0),
                "warnings": pending.get(lawyer_id, 0),
                "restricted": lawyer_id in restricted,
                "paid": paid.get(lawyer_id, Decimal(0)),
            }
        )
    claims = Claim.objects.filter(assignment__in=assignments)
    claim_totals = {
        row["status"]: row for row in claims.values("status").annotate(n=Count("id"), total=Sum("amount"))
    }
    return {
        "total": total,
        "districts": sorted(districts.values(), key=lambda r: r.label),
        "months": sorted(months.values(), key=lambda r: r.label),
        "lawyers": lawyer_rows,
        "claims": [
            (Claim.Status(status).label, claim_totals.get(status, {"n": 0, "total": 0}))
            for status in Claim.Status.values
        ],
        "early_hours": policy.early_intervention_hours,
        "meeting": _headline(meeting, counted, received),
    }


def _headline(measure, counted: dict[int, bool], persons: list[int]) -> dict:
    num = sum(1 for pk in persons if counted.get(pk))
    den = sum(1 for pk in persons if pk in counted)
    return {"measure": measure, "num": num, "den": den, "rate": Row.pct(num, den)}
