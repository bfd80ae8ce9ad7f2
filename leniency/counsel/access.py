"""Who may see and do what in the counsel app. Cases and defendants are scoped by `leniency.cases.access`.

- a lawyer sees only their own registry entry, assignments, allocations, ratings, warnings and claims;
- the legal-aid officer (organisation of kind legal_aid) runs the rota, allocations, warnings and claims
  of their region (district, or everything below a city or province);
- prosecutors and judges request lawyers for, and rate the lawyers of, the defendants they see;
- the lawyers' association rates lawyers of its region;
- administrators and auditors see everything.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from leniency.accounts.models import Organisation, Role
from leniency.cases.access import visible_defendants

from .models import (
    Claim,
    CounselAssignment,
    CounselRequest,
    LawyerProfile,
    QualityWarning,
    RaterKind,
    RotaPeriod,
    Station,
)

ALL_ROLES = {Role.ADMINISTRATOR, Role.AUDITOR}


def _authenticated(user) -> bool:
    return bool(user and user.is_authenticated)


def sees_all(user) -> bool:
    return _authenticated(user) and (user.is_superuser or user.role in ALL_ROLES)


def is_centre_officer(user) -> bool:
    return (
        _authenticated(user)
        and user.role == Role.LEGAL_AID_OFFICER
        and user.organisation is not None
        and user.organisation.kind == Organisation.Kind.LEGAL_AID_CENTRE
    )


def is_association(user) -> bool:
    return (
        _authenticated(user)
        and user.organisation is not None
        and user.organisation.kind == Organisation.Kind.LAWYERS_ASSOCIATION
    )


def _region_q(user, path: str) -> Q:
    """`path` leads to a Region: that region, or one below the user's organisation's region."""
    return user.organisation.region.subtree_q(path)


def can_run_centre(user) -> bool:
    """Rota, overrides, warnings workflow, claims approval, dashboards."""
    return is_centre_officer(user) or (_authenticated(user) and user.is_superuser)


def can_view_dashboard(user) -> bool:
    return (
        can_run_centre(user)
        or sees_all(user)
        or (_authenticated(user) and user.role == Role.COMMITTEE_MEMBER and user.organisation is not None)
    )


def _region_scoped(user, queryset: QuerySet, path: str) -> QuerySet:
    if sees_all(user):
        return queryset
    if (
        is_centre_officer(user)
        or is_association(user)
        or (_authenticated(user) and user.role == Role.COMMITTEE_MEMBER and user.organisation is not None)
    ):
        return queryset.filter(_region_q(user, path))
    return queryset.none()


def visible_assignments(user) -> QuerySet[CounselAssignment]:
    qs = CounselAssignment.objects.all()
    if not _authenticated(user):
        return qs.none()
    if sees_all(user):
        return qs
    if user.is_lawyer:
        return qs.filter(lawyer=user)
    if user.is_prosecution or user.role == Role.JUDGE:
        return qs.filter(defendant__in=visible_defendants(user))
    return _region_scoped(user, qs, "defendant__case__region")


def visible_requests(user) -> QuerySet[CounselRequest]:
    qs = CounselRequest.objects.all()
    if not _authenticated(user):
        return qs.none()
    if sees_all(user):
        return qs
    if user.is_lawyer:
        return qs.filter(allocations__lawyer=user).distinct()
    if user.is_prosecution or user.role == Role.JUDGE:
        return qs.filter(defendant__in=visible_defendants(user))
    return _region_scoped(user, qs, "defendant__case__region")


def visible_stations(user) -> QuerySet[Station]:
    qs = Station.objects.all()
    if sees_all(user) or (_authenticated(user) and user.is_superuser):
        return qs
    if is_centre_officer(user):
        return qs.filter(_region_q(user, "host__region"))
    return qs.none()


def visible_periods(user) -> QuerySet[RotaPeriod]:
    """The centre sees its stations' periods; a lawyer the published periods they are on."""
    if _authenticated(user) and user.is_lawyer:
        return RotaPeriod.objects.filter(members__lawyer=user, status=RotaPeriod.Status.PUBLISHED).distinct()
    return RotaPeriod.objects.filter(station__in=visible_stations(user))


def _lawyer_scoped(qs: QuerySet, user, *, own: str, region_path: str, association: bool = True) -> QuerySet:
    """Everything for those who see all; a lawyer's own rows (`own` leads to the lawyer); the rows of the
    centre officer's (and, when `association`, the lawyers' association's) region; nothing for others."""
    if not _authenticated(user):
        return qs.none()
    if sees_all(user):
        return qs
    if user.is_lawyer:
        return qs.filter(**{own: user})
    if is_centre_officer(user) or (association and is_association(user)):
        return qs.filter(_region_q(user, region_path))
    return qs.none()


def visible_profiles(user) -> QuerySet[LawyerProfile]:
    """The full registry (licence, training, availability): the centre of the region, or the lawyer's own."""
    return _lawyer_scoped(LawyerProfile.objects.all(), user, own="user", region_path="region")


def can_search_experts(user) -> bool:
    """The expert database shows professional information only; those who handle cases may search it."""
    return _authenticated(user) and (
        user.is_lawyer
        or user.is_prosecution
        or user.role == Role.JUDGE
        or is_centre_officer(user)
        or is_association(user)
        or sees_all(user)
    )


def visible_warnings(user) -> QuerySet[QualityWarning]:
    return _lawyer_scoped(
        QualityWarning.objects.all(), user, own="lawyer", region_path="lawyer__lawyer_profile__region"
    )


def visible_claims(user) -> QuerySet[Claim]:
    """Pay claims: not the lawyers' association's business."""
    return _lawyer_scoped(
        Claim.objects.all(),
        user,
        own="lawyer",
        region_path="assignment__defendant__case__region",
        association=False,
    )


def can_request_counsel(user, defendant) -> bool:
    """The procuratorate and court of the case, and the legal-aid centre of its region (for the police or
    the defendant)."""
    if not _authenticated(user):
        return False
    case = defendant.case
    if user.is_prosecution:
        return case.procuratorate_id == user.organisation_id
    if user.role == Role.JUDGE:
        return case.court_id is not None and case.court_id == user.organisation_id
    if is_centre_officer(user):
        return _in_region(user, case.region)
    return bool(user.is_superuser)


def _in_region(user, region) -> bool:
    return user.organisation.region.contains(region)


def manages_defendant(user, defendant) -> bool:
    """The centre of the case's region (overrides, reviews, claims)."""
    if _authenticated(user) and user.is_superuser:
        return True
    return is_centre_officer(user) and _in_region(user, defendant.case.region)


def manages_assignment(user, assignment: CounselAssignment) -> bool:
    return manages_defendant(user, assignment.defendant)


def manages_lawyer(user, lawyer) -> bool:
    """The centre of the region the lawyer is registered in (warnings, reviews, restrictions)."""
    if _authenticated(user) and user.is_superuser:
        return True
    profile = getattr(lawyer, "lawyer_profile", None)
    return is_centre_officer(user) and profile is not None and _in_region(user, profile.region)


def can_log_participation(user, assignment: CounselAssignment) -> bool:
    return _authenticated(user) and assignment.lawyer_id == user.pk


def rater_kind_for(user, assignment: CounselAssignment) -> str | None:
    """Who this user rates for: the procuratorate or court of the case, the association, or the centre on
    the defendant's behalf (the defendant has no account)."""
    if not _authenticated(user) or assignment.lawyer_id == user.pk:
        return None
    case = assignment.defendant.case
    if user.is_prosecution and case.procuratorate_id == user.organisation_id:
        return RaterKind.PROCURATORATE
    if user.role == Role.JUDGE and case.court_id == user.organisation_id:
        return RaterKind.COURT
    if is_association(user) and _in_region(user, case.region):
        return RaterKind.ASSOCIATION
    if is_centre_officer(user) and _in_region(user, case.region):
        return RaterKind.DEFENDANT
    return None


def can_see_assignment(user, assignment: CounselAssignment) -> bool:
    return visible_assignments(user).filter(pk=assignment.pk).exists()
