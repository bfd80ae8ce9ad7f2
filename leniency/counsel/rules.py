"""Which configured rules apply to a region on a date, and what a lawyer's registry entry allows."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from leniency.accounts.models import Region

from .models import AccessCriterion, CounselPolicy, FeeSchedule, LawyerProfile, Restriction


def _lineage(region: Region | None) -> list[Region | None]:
    """The region, those above it, then None (the national default)."""
    return [*(region.lineage() if region is not None else []), None]


def _most_specific(queryset, region: Region | None, as_of: date):
    rows = list(
        queryset.filter(effective_from__lte=as_of)
        .filter(Q(region__isnull=True) | Q(region__in=[r for r in _lineage(region) if r is not None]))
        .order_by("-effective_from", "-id")
    )
    for level in _lineage(region):
        for row in rows:
            if row.region_id == (level.pk if level else None):
                return row
    return None


def policy_for(region: Region | None, as_of: date) -> CounselPolicy:
    """The rules in force; the model's defaults when nothing is configured."""
    return _most_specific(CounselPolicy.objects.all(), region, as_of) or CounselPolicy(effective_from=as_of)


def fee_schedule_for(region: Region | None, as_of: date) -> FeeSchedule | None:
    return _most_specific(FeeSchedule.objects.all(), region, as_of)


def restricted_lawyer_ids(as_of: date) -> set[int]:
    return set(
        Restriction.objects.filter(
            starts_on__lte=as_of, ends_on__gte=as_of, lifted_at__isnull=True
        ).values_list("lawyer_id", flat=True)
    )


def unmet_criteria(
    profile: LawyerProfile | None,
    *,
    work: str,
    severity: str,
    as_of: date,
    criteria: list[AccessCriterion] | None = None,
) -> list[AccessCriterion]:
    """The access criteria this lawyer fails for this work; every criterion fails without a registry entry."""
    if criteria is None:
        criteria = list(AccessCriterion.objects.filter(active=True))
    applicable = [c for c in criteria if c.applies(work=work, severity=severity)]
    if profile is None:
        return applicable
    years = profile.years_of_practice(as_of)
    return [
        c
        for c in applicable
        if years < c.min_years or (c.requires_duty_accreditation and not profile.duty_accredited)
    ]
