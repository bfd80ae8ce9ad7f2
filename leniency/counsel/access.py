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
from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.accounts.models import Organisation
from leniency.cases.access import visible_defendants
from leniency.errors import Forbidden

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


def _authenticated(user) -> bool:
    return bool(user and user.is_authenticated)


def sees_all(user) -> bool:
    return _authenticated(user) and (user.is_superuser or has_capability(user, "read_all"))


def is_centre_officer(user) -> bool:
    return (
        _authenticated(user)
        and has_capability(user, "run_legal_aid")
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
        or (
            _authenticated(user)
            and has_capability(user, "sit_on_committee")
            and user.organisation is not None
        )
    )


def _region_scoped(user, queryset: QuerySet, path: str) -> QuerySet:
    if sees_all(user):
        return queryset
    if (
        is_centre_officer(user)
        or is_association(user)
        or (
            _authenticated(user)
            and has_capability(user, "sit_on_committee")
            and user.organisation is not None
        )
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
    if user.is_prosecution or has_capability(user, "adjudicate"):
        return qs.filter(defendant__in=visible_defendants(user))
    return _region_scoped(user, qs, "defendant__case__region")


def visible_among(user, assignments, visible_defendant_pks: set[int]) -> set[int] | None:
    """The pks of `assignments` that `visible_assignments(user)` holds, decided from the rows alone where its rule
    needs no more: `visible_defendant_pks` are those of the assignments' defendants that `visible_defendants(user)`
    gives (the case page loaded them through it). None where the rule reads the database (region scope)."""
    if not _authenticated(user):
        return set()
    if sees_all(user):
        return {a.pk for a in assignments}
    if user.is_lawyer:
        return {a.pk for a in assignments if a.lawyer_id == user.pk}
    if user.is_prosecution or has_capability(user, "adjudicate"):
        return {a.pk for a in assignments if a.defendant_id in visible_defendant_pks}
    return None


def visible_requests(user) -> QuerySet[CounselRequest]:
    qs = CounselRequest.objects.all()
    if not _authenticated(user):
        return qs.none()
    if sees_all(user):
        return qs
    if user.is_lawyer:
        return qs.filter(allocations__lawyer=user).distinct()
    if user.is_prosecution or has_capability(user, "adjudicate"):
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
        or has_capability(user, "adjudicate")
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
    if has_capability(user, "adjudicate"):
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
    if has_capability(user, "adjudicate") and case.court_id == user.organisation_id:
        return RaterKind.COURT
    if is_association(user) and _in_region(user, case.region):
        return RaterKind.ASSOCIATION
    if is_centre_officer(user) and _in_region(user, case.region):
        return RaterKind.DEFENDANT
    return None


def can_see_assignment(user, assignment: CounselAssignment) -> bool:
    return visible_assignments(user).filter(pk=assignment.pk).exists()


# Permission to take each action, checked once inside its `do_*` service (the pages answer 404 before that for
# what a user may not see). Failing one is a 403 (`Forbidden`) naming who may act.
def _staff_of_case(user, defendant) -> bool:
    case = defendant.case
    if user.is_prosecution:
        return case.procuratorate_id == user.organisation_id
    return (
        has_capability(user, "adjudicate")
        and case.court_id is not None
        and case.court_id == user.organisation_id
    )


def _manages_station(user, station) -> bool:
    return can_run_centre(user) and visible_stations(user).filter(pk=station.pk).exists()


def check_create_station(user, centre) -> None:
    if not can_run_centre(user):
        raise Forbidden(_("只有法律援助中心可以设立值班律师工作站"))


def check_create_rota_period(user, station) -> None:
    if not _manages_station(user, station):
        raise Forbidden(_("只有本辖区的法律援助中心可以为此工作站排班"))


def check_publish_rota(user, period) -> None:
    if not _manages_station(user, period.station):
        raise Forbidden(_("只有本辖区的法律援助中心可以公示排班"))


def check_request_rota_correction(user, member) -> None:
    if not (_authenticated(user) and (member.lawyer_id == user.pk or can_run_centre(user))):
        raise Forbidden(_("只有排班律师本人或法律援助中心可以申请纠错"))


def check_decide_rota_correction(user, correction) -> None:
    if not _manages_station(user, correction.member.period.station):
        raise Forbidden(_("只有本辖区的法律援助中心可以处理排班纠错"))


def check_request_counsel(user, defendant) -> None:
    if not can_request_counsel(user, defendant):
        raise Forbidden(
            _("只有本案检察院、法院或本辖区法律援助中心可以为其申请律师（刑事诉讼法第35条、第36条）")
        )


def check_override_allocation(user, request) -> None:
    if not manages_defendant(user, request.defendant):
        raise Forbidden(_("只有法律援助中心可以人工指派"))


def check_assign_counsel(user, defendant, request=None) -> None:
    """An allocation (`request` given) was checked by the action that made it: the request, the centre's
    override, the rota job. A lawyer recorded directly (retained, or appointed by the court) is recorded by the
    case's procuratorate or court, or by the centre."""
    if request is not None:
        return
    if not (_authenticated(user) and (_staff_of_case(user, defendant) or manages_defendant(user, defendant))):
        raise Forbidden(_("只有本案检察院、法院或法律援助中心可以登记辩护人、值班律师"))


def check_end_assignment(user, assignment) -> None:
    """`user` None is the escalation job of `manage.py counsel`, which ends an allocation nobody answered."""
    if user is None:
        return
    if not (
        _authenticated(user)
        and (
            assignment.lawyer_id == user.pk
            or manages_assignment(user, assignment)
            or _staff_of_case(user, assignment.defendant)
        )
    ):
        raise Forbidden(_("只有律师本人、本案检察院、法院或法律援助中心可以结束指派"))


def check_register_lawyer(user, region) -> None:
    if not (can_run_centre(user) and (user.is_superuser or _in_region(user, region))):
        raise Forbidden(_("只有本辖区的法律援助中心可以登记律师"))


def check_set_availability(user, profile) -> None:
    if not (_authenticated(user) and (profile.user_id == user.pk or manages_lawyer(user, profile.user))):
        raise Forbidden(_("只有律师本人或法律援助中心可以变更可接受指派状态"))


def check_add_training(user, profile) -> None:
    if not manages_lawyer(user, profile.user):
        raise Forbidden(_("只有律师登记地的法律援助中心可以登记培训记录"))


def check_submit_claim(user, assignment) -> None:
    if not can_log_participation(user, assignment):
        raise Forbidden(_("只能为本人承办的案件申请补贴"))


def check_decide_claim(user, claim) -> None:
    if not manages_assignment(user, claim.assignment):
        raise Forbidden(_("只有本辖区的法律援助中心可以审核补贴申请"))


def check_record_export(user) -> None:
    if not can_run_centre(user):
        raise Forbidden(_("只有法律援助中心可以导出补贴发放清单"))


def check_rate_counsel(user, assignment) -> None:
    if rater_kind_for(user, assignment) is None:
        raise Forbidden(_("只有本案检察院、法院、律师协会或法律援助中心（代当事人）可以评价此律师"))


def check_open_review(user, warning) -> None:
    if not manages_lawyer(user, warning.lawyer):
        raise Forbidden(_("只有律师登记地的法律援助中心可以审查预警"))


def check_decide_warning(user, warning) -> None:
    if not manages_lawyer(user, warning.lawyer):
        raise Forbidden(_("只有律师登记地的法律援助中心可以处理预警"))


def check_contest_warning(user, warning) -> None:
    if not (_authenticated(user) and warning.lawyer_id == user.pk):
        raise Forbidden(_("只有被预警的律师本人可以提出异议"))


def check_answer_contest(user, contest) -> None:
    if not manages_lawyer(user, contest.warning.lawyer):
        raise Forbidden(_("只有律师登记地的法律援助中心可以答复异议"))


def check_log_participation(user, assignment) -> None:
    if not can_log_participation(user, assignment):
        raise Forbidden(_("只有被指派的律师可以登记履职情况"))


def _staff_of_case_file(user, case) -> bool:
    if user.is_prosecution:
        return case.procuratorate_id == user.organisation_id
    return (
        has_capability(user, "adjudicate")
        and case.court_id is not None
        and case.court_id == user.organisation_id
    )


def manages_conflicts(user, case) -> bool:
    """The case's procuratorate and court, and the legal-aid centre of its region: they register any lawyer's
    tie to a party of the case."""
    if not _authenticated(user):
        return False
    if user.is_superuser:
        return True
    return _staff_of_case_file(user, case) or (is_centre_officer(user) and _in_region(user, case.region))


def can_view_conflicts(user, case) -> bool:
    """Those who register ties, a lawyer (their own ties only) and the read-all roles."""
    return manages_conflicts(user, case) or sees_all(user) or (_authenticated(user) and user.is_lawyer)


def check_register_conflict(user, case, lawyer=None) -> None:
    """Who registers a lawyer's tie to a victim, co-defendant or other party of the case:

    - the lawyer themselves, declaring their own tie: a lawyer must not act where interests conflict and must
      disclose it (律师法第39条, 律师执业行为规范 on conflicts of interest);
    - the legal-aid centre of the case's region, which decides every assignment (法律援助法第26条, 第49条);
    - the case's procuratorate and court, which learn of the victim's agent ad litem and the parties'
      representatives (刑事诉讼法第46条) and must tell the centre.

    `lawyer` None asks whether the user may register a tie at all (the page before its form)."""
    if manages_conflicts(user, case):
        return
    if _authenticated(user) and user.is_lawyer and (lawyer is None or lawyer.pk == user.pk):
        return
    raise Forbidden(_("只有律师本人、本案检察院、法院或本辖区法律援助中心可以登记利益冲突"))


def check_withdraw_conflict(user, case) -> None:
    """A tie that has ended is withdrawn by the case's procuratorate or court or the region's legal-aid centre,
    never by the lawyer alone: the centre decides whom it assigns (法律援助法第26条), so a lawyer cannot lift
    their own conflict."""
    if not manages_conflicts(user, case):
        raise Forbidden(_("只有本案检察院、法院或本辖区法律援助中心可以撤销利益冲突登记"))
