"""Who may see and do what with sentencing recommendations. Views, API and services all ask here.

Object visibility starts from `leniency.cases.access.visible_defendants` (a lawyer sees only their own
clients). Inside the procuratorate every round is visible; outside it (lawyer, court, oversight) only
rounds a supervisor has approved, because drafts are internal work.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.cases.access import is_assigned_lawyer, is_case_judge, visible_defendants
from leniency.cases.stages import Stage
from leniency.errors import Forbidden

from .models import CourtDecision, SentencingRecommendation

# The procuratorate recommends at review for prosecution, and adjusts at trial (CPL art. 201 ¶2).
DRAFTING_STAGES = {Stage.PROSECUTION_REVIEW, Stage.FIRST_INSTANCE}
# The court decides on a recommendation at first instance, or on appeal.
COURT_DECISION_STAGES = {Stage.FIRST_INSTANCE, Stage.APPEAL}


def _same_procuratorate(user, defendant) -> bool:
    return bool(
        user.is_authenticated
        and user.is_prosecution
        and user.organisation_id
        and defendant.case.procuratorate_id == user.organisation_id
    )


def sees_internal_rounds(user, defendant) -> bool:
    """Drafts, reviews and returned rounds: the procuratorate itself, auditors and administrators."""
    return _same_procuratorate(user, defendant) or user.is_superuser or has_capability(user, "read_all")


def visible_recommendations(user, defendant) -> QuerySet[SentencingRecommendation]:
    """The rounds of a visible defendant this user may read (call only for a defendant they can see)."""
    qs = SentencingRecommendation.objects.filter(defendant=defendant)
    if not sees_internal_rounds(user, defendant):
        qs = qs.filter(approved_at__isnull=False)
    return qs


def recommendation_for(user, pk) -> SentencingRecommendation | None:
    """One recommendation if this user may see it, else None (the caller answers 404)."""
    rec = (
        SentencingRecommendation.objects.select_related("defendant__case", "author")
        .filter(pk=pk, defendant__in=visible_defendants(user))
        .first()
    )
    if rec is None:
        return None
    if not rec.shared and not sees_internal_rounds(user, rec.defendant):
        return None
    return rec


def can_draft(user, defendant) -> bool:
    return _same_procuratorate(user, defendant) and defendant.stage in DRAFTING_STAGES


def can_edit(user, rec) -> bool:
    return _same_procuratorate(user, rec.defendant) and rec.is_editable


def can_submit(user, rec) -> bool:
    return can_edit(user, rec)


def can_review(user, rec) -> bool:
    """A supervising prosecutor of the same procuratorate, not the author (no one reviews their own draft)."""
    return (
        _same_procuratorate(user, rec.defendant)
        and has_capability(user, "supervise")
        and rec.status == SentencingRecommendation.Status.IN_REVIEW
        and rec.author_id != user.pk
    )


def can_give_opinion(user, rec) -> bool:
    return is_assigned_lawyer(user, rec.defendant) and rec.status in (
        SentencingRecommendation.Status.APPROVED,
        SentencingRecommendation.Status.FINAL,
    )


def can_finalise(user, rec) -> bool:
    return _same_procuratorate(user, rec.defendant) and rec.status == SentencingRecommendation.Status.APPROVED


def can_start_round(user, defendant) -> bool:
    return can_draft(user, defendant)


def is_trial_judge(user, defendant) -> bool:
    """The judge the court's filing assigned to the case, not any judge of the court."""
    return is_case_judge(user, defendant.case)


def lapsed_at_this_stage(rec) -> bool:
    """The round was in force and lapsed (a withdrawal, `services.do_mark_lapsed`) since the defendant reached
    their current court stage: the court's earlier decision on it no longer stands, and it decides again."""
    return bool(
        rec.status == SentencingRecommendation.Status.LAPSED
        and rec.finalised_at is not None
        and rec.closed_at is not None
        and rec.defendant.stage in COURT_DECISION_STAGES
        and timezone.localdate(rec.closed_at) >= rec.defendant.stage_since
    )


def decisions_in_force(rec) -> QuerySet[CourtDecision]:
    """The court's adoptions and decisions otherwise on this round at the current stage that still stand: on a
    round that lapsed, only those made after the lapse."""
    qs = rec.court_decisions.filter(decision__in=CourtDecision.TERMINAL, stage=rec.defendant.stage)
    if rec.status == SentencingRecommendation.Status.LAPSED and rec.closed_at is not None:
        qs = qs.filter(created_at__gte=rec.closed_at)
    return qs


def decided_at_this_stage(rec) -> bool:
    """The court already adopted the round or decided otherwise at the defendant's current stage (and the
    round has not lapsed since)."""
    return decisions_in_force(rec).exists()


def can_decide(user, rec) -> bool:
    """The trial judge, on the final round or one that lapsed at this stage, not yet decided at this stage."""
    decidable = (
        rec.status == SentencingRecommendation.Status.FINAL and rec.defendant.stage in COURT_DECISION_STAGES
    ) or lapsed_at_this_stage(rec)
    return is_trial_judge(user, rec.defendant) and decidable and not decided_at_this_stage(rec)


def can_mark_lapsed(user, defendant) -> bool:
    """Recording a withdrawal: the procuratorate of the case or the trial court (or an administrator)."""
    return _same_procuratorate(user, defendant) or is_trial_judge(user, defendant) or user.is_superuser


def review_queue(user) -> QuerySet[SentencingRecommendation]:
    """Rounds waiting for this supervising prosecutor (their procuratorate, not their own drafts)."""
    if not (user.is_authenticated and has_capability(user, "supervise") and user.organisation_id):
        return SentencingRecommendation.objects.none()
    return (
        SentencingRecommendation.objects.filter(
            status=SentencingRecommendation.Status.IN_REVIEW,
            defendant__case__procuratorate_id=user.organisation_id,
        )
        .filter(~Q(author=user))
        .select_related("defendant__case", "author")
        .order_by("submitted_at", "id")
    )


# Role-level checks (ignoring the round's status): failing one of these is a 403, a wrong status is a 400.
def is_case_procuratorate(user, defendant) -> bool:
    return _same_procuratorate(user, defendant)


def is_case_supervisor(user, defendant) -> bool:
    return _same_procuratorate(user, defendant) and has_capability(user, "supervise")


# Permission to take each action, checked once inside its `do_*` service (and by the page that offers it):
# failing one is a 403 (`Forbidden`); a round in the wrong status is a rule the service refuses with a 400.
def check_draft(user, defendant) -> None:
    if not is_case_procuratorate(user, defendant):
        raise Forbidden(_("只有本案检察院的检察官可以起草量刑建议（刑事诉讼法第176条）"))


def check_update_draft(user, rec) -> None:
    if not is_case_procuratorate(user, rec.defendant):
        raise Forbidden(_("只有本案检察院的检察官可以修改量刑建议"))


def check_submit(user, rec) -> None:
    if not is_case_procuratorate(user, rec.defendant):
        raise Forbidden(_("只有本案检察院的检察官可以提交审核"))


def check_review(user, rec) -> None:
    if not is_case_supervisor(user, rec.defendant):
        raise Forbidden(_("只有本院主管检察官可以审核量刑建议（量刑建议工作指导意见）"))


def check_give_opinion(user, rec) -> None:
    if not is_assigned_lawyer(user, rec.defendant):
        raise Forbidden(_("只有本人的辩护人或值班律师可以提出意见（刑事诉讼法第173条）"))


def check_finalise(user, rec) -> None:
    if not is_case_procuratorate(user, rec.defendant):
        raise Forbidden(_("只有本案检察院的检察官可以确定量刑建议（刑事诉讼法第176条第2款）"))


def check_court_decision(user, rec) -> None:
    if not is_trial_judge(user, rec.defendant):
        raise Forbidden(_("只有本案审判法院的法官可以作出决定（刑事诉讼法第201条）"))


def check_mark_lapsed(user, defendant) -> None:
    if not can_mark_lapsed(user, defendant):
        raise Forbidden(_("只有本案检察院或审判法院可以记录反悔"))
