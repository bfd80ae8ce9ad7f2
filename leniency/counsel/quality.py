"""Ratings on the published rubric, automatic early warnings, and the warning → review → restriction
workflow, each step audited and open to the lawyer's contest."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access
from .access import rater_kind_for
from .models import (
    Allocation,
    Contest,
    CounselAssignment,
    ParticipationEntry,
    QualityWarning,
    Rating,
    Restriction,
    Rubric,
    WarningKind,
)
from .participation import figures_by_assignment
from .rules import policy_for

DEFAULT_RESTRICTION_DAYS = 90


def current_rubric(on: date | None = None) -> Rubric:
    on = on or clock.today()
    rubric = Rubric.objects.filter(published_on__lte=on).order_by("-published_on").first()
    if rubric is None:
        raise DomainError(_("尚未发布评价标准"), field="rubric")
    return rubric


def weighted_score(criteria, scores: dict) -> Decimal:
    total = sum(c.weight for c in criteria)
    value = sum(Decimal(scores[c.code]) * c.weight for c in criteria) / Decimal(total)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def do_rate_counsel(
    assignment: CounselAssignment,
    *,
    scores: dict,
    acting_user,
    complaint: bool = False,
    comment: str = "",
    as_of: datetime | None = None,
) -> Rating:
    access.check_rate_counsel(acting_user, assignment)
    as_of = as_of or clock.now()
    kind = rater_kind_for(acting_user, assignment)
    rubric = current_rubric(timezone.localdate(as_of))
    criteria = list(rubric.criteria.all())
    clean = {}
    for criterion in criteria:
        value = scores.get(criterion.code)
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = 0
        if not 1 <= value <= 5:
            raise DomainError(
                _("“%(label)s”应评 1 至 5 分") % {"label": criterion.label}, field=f"score_{criterion.code}"
            )
        clean[criterion.code] = value
    if complaint and not comment.strip():
        raise DomainError(_("投诉须写明理由"), field="comment")
    with transaction.atomic():
        rating = Rating.objects.create(
            assignment=assignment,
            rubric=rubric,
            rater=acting_user,
            rater_kind=kind,
            scores=clean,
            score=weighted_score(criteria, clean),
            complaint=complaint,
            comment=comment.strip(),
            rated_at=as_of,
        )
        record(
            "counsel.rating.recorded",
            actor=acting_user,
            obj=rating,
            case_id=assignment.defendant.case_id,
            occurred_at=as_of,
            data={
                "defendant": assignment.defendant_id,
                "lawyer": assignment.lawyer_id,
                "rater_kind": kind,
                "score": rating.score,
                "complaint": complaint,
            },
        )
    return rating


# --- patterns and warnings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plausibility:
    """When a lawyer's participation records stop looking like a record of work done (issue 20: a duty lawyer
    logged 60 + 90 + 20 minutes within two minutes of being assigned, and was paid for it). Logging refuses
    what cannot be true of one assignment (overlap, before the assignment, more than the time elapsed:
    counsel/participation.py); these patterns are seen only across a lawyer's cases and over weeks, so they
    are warnings for the centre to review, never refusals:

    - **overlong days**: the minutes logged across all of a lawyer's cases on one day. Each case's entries can
      add up while the day does not: five cases × four hours is a twenty-hour day. Fourteen hours leaves room
      for a long trial day with travel; one such day can be a slip, `overlong_days` of them in the window are
      a habit.
    - **one duration for most entries**: real meetings, calls and hearings take uneven times; a record where
      most entries carry the same number of minutes was filled in from a template (or to a fee band), not
      timed. Counted only over `min_entries` entries, and at a share high enough that honest rounding to
      the half hour (30 and 60 both common) does not reach it.
    - **logged long after the event**: an entry written `late_after` or more after the work is a
      reconstruction; a lawyer whose entries are largely such, typically written in a batch before a pay
      claim, cannot show what they did when. At least `late_entries` entries and `late_share` of them.
    """

    day_minutes: int = 14 * 60
    overlong_days: int = 2
    min_entries: int = 10
    same_duration_share: float = 0.7
    late_after: timedelta = timedelta(days=30)
    late_entries: int = 3
    late_share: float = 0.3


PLAUSIBILITY = Plausibility()


@dataclass
class Pattern:
    """One lawyer's record over a window: duty and legal-aid assignments started in it."""

    assignments: int = 0
    signed: int = 0
    only_at_signing: list[int] = field(default_factory=list)
    no_meeting_before_signing: list[int] = field(default_factory=list)
    no_opinion: list[int] = field(default_factory=list)
    complaints: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    # participation entries whose work happened in the window (all of the lawyer's cases)
    entries: int = 0
    day_minutes: dict[date, int] = field(default_factory=lambda: defaultdict(int))
    durations: Counter = field(default_factory=Counter)
    late: list[int] = field(default_factory=list)

    def rate(self, hits: list[int]) -> float:
        return len(hits) / self.signed if self.signed else 0.0


def lawyer_patterns(*, window_from: date, window_to: date, lawyer_ids=None) -> dict[int, Pattern]:
    start = timezone.make_aware(datetime.combine(window_from, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(window_to + timedelta(days=1), datetime.min.time()))
    assignments = (
        CounselAssignment.objects.filter(assigned_at__gte=start, assigned_at__lt=end)
        .exclude(kind=CounselAssignment.Kind.RETAINED)
        .select_related("defendant")
    )
    if lawyer_ids is not None:
        assignments = assignments.filter(lawyer_id__in=lawyer_ids)
    patterns: dict[int, Pattern] = defaultdict(Pattern)
    figures = figures_by_assignment(assignments)
    for assignment in assignments:
        pattern, fig = patterns[assignment.lawyer_id], figures[assignment.pk]
        pattern.assignments += 1
        if fig.signed:
            pattern.signed += 1
            if fig.only_at_signing:
                pattern.only_at_signing.append(assignment.pk)
            if fig.no_meeting_before_signing:
                pattern.no_meeting_before_signing.append(assignment.pk)
            if not fig.opinion_filed:
                pattern.no_opinion.append(assignment.pk)
    complaints = Rating.objects.filter(complaint=True, rated_at__gte=start, rated_at__lt=end)
    missed = Allocation.objects.filter(outcome=Allocation.Outcome.MISSED, due_at__gte=start, due_at__lt=end)
    if lawyer_ids is not None:
        complaints = complaints.filter(assignment__lawyer_id__in=lawyer_ids)
        missed = missed.filter(lawyer_id__in=lawyer_ids)
    for lawyer_id, pk in complaints.values_list("assignment__lawyer_id", "assignment_id"):
        patterns[lawyer_id].complaints.append(pk)
    for lawyer_id, pk in missed.values_list("lawyer_id", "request_id"):
        patterns[lawyer_id].missed.append(pk)
    _participation_patterns(patterns, start, end, lawyer_ids)
    return dict(patterns)


def _participation_patterns(patterns, start, end, lawyer_ids, limits: Plausibility = PLAUSIBILITY) -> None:
    entries = ParticipationEntry.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
    if lawyer_ids is not None:
        entries = entries.filter(assignment__lawyer_id__in=lawyer_ids)
    rows = entries.order_by("occurred_at", "pk").values_list(
        "pk", "assignment__lawyer_id", "occurred_at", "minutes", "logged_at"
    )
    for pk, lawyer_id, occurred_at, minutes, logged_at in rows.iterator(chunk_size=2000):
        pattern = patterns[lawyer_id]
        pattern.entries += 1
        pattern.day_minutes[timezone.localdate(occurred_at)] += minutes
        pattern.durations[minutes] += 1
        if logged_at - occurred_at >= limits.late_after:
            pattern.late.append(pk)


def participation_findings(pattern: Pattern, limits: Plausibility = PLAUSIBILITY) -> dict[str, dict]:
    """The implausible-record warnings this pattern triggers (see Plausibility), with their evidence."""
    found = {}
    long_days = {day: m for day, m in sorted(pattern.day_minutes.items()) if m > limits.day_minutes}
    if len(long_days) >= limits.overlong_days:
        found[WarningKind.OVERLONG_DAYS] = {
            "hits": len(long_days),
            "threshold": limits.overlong_days,
            "day_minutes": limits.day_minutes,
            "days": {day.isoformat(): m for day, m in list(long_days.items())[:31]},
        }
    if pattern.entries >= limits.min_entries:
        minutes, same = pattern.durations.most_common(1)[0]
        share = same / pattern.entries
        if share >= limits.same_duration_share:
            found[WarningKind.SAME_DURATIONS] = {
                "entries": pattern.entries,
                "hits": same,
                "rate": round(share, 3),
                "threshold": limits.same_duration_share,
                "minutes": minutes,
            }
    if pattern.entries and len(pattern.late) >= limits.late_entries:
        share = len(pattern.late) / pattern.entries
        if share >= limits.late_share:
            found[WarningKind.LATE_LOGGING] = {
                "entries": pattern.entries,
                "hits": len(pattern.late),
                "rate": round(share, 3),
                "threshold": limits.late_share,
                "late_days": limits.late_after.days,
                "participation": pattern.late[:50],
            }
    return found


def findings(pattern: Pattern, policy) -> dict[str, dict]:
    """The warning kinds this pattern triggers under the policy's thresholds, with their evidence."""
    found = {}
    if pattern.signed >= policy.warning_min_cases:
        for kind, hits, threshold in (
            (WarningKind.ONLY_AT_SIGNING, pattern.only_at_signing, policy.only_signing_rate),
            (
                WarningKind.NO_MEETING_BEFORE_SIGNING,
                pattern.no_meeting_before_signing,
                policy.no_meeting_rate,
            ),
            (WarningKind.NO_OPINION, pattern.no_opinion, policy.no_opinion_rate),
        ):
            rate = pattern.rate(hits)
            if rate >= float(threshold):
                found[kind] = {
                    "n": pattern.signed,
                    "hits": len(hits),
                    "rate": round(rate, 3),
                    "threshold": float(threshold),
                    "assignments": hits[:50],
                }
    if len(pattern.complaints) >= policy.complaint_count:
        found[WarningKind.REPEATED_COMPLAINTS] = {
            "hits": len(pattern.complaints),
            "threshold": policy.complaint_count,
            "assignments": pattern.complaints[:50],
        }
    if len(pattern.missed) >= policy.missed_response_count:
        found[WarningKind.MISSED_RESPONSE] = {
            "hits": len(pattern.missed),
            "threshold": policy.missed_response_count,
            "requests": pattern.missed[:50],
        }
    found.update(participation_findings(pattern))
    return found


def do_detect_warnings(
    *, as_of: datetime | None = None, region=None, acting_user=None, record_events: bool = True
) -> list[QualityWarning]:
    """Raise a warning for each perfunctory pattern found over the policy's window, unless the same kind is
    already pending for that lawyer. Safe to run repeatedly (e.g. nightly)."""
    as_of = as_of or clock.now()
    today = timezone.localdate(as_of)
    policy = policy_for(region, today)
    window_from = today - timedelta(days=policy.warning_window_days)
    pending = set(
        QualityWarning.objects.filter(
            status__in=[QualityWarning.Status.OPEN, QualityWarning.Status.REVIEW]
        ).values_list("lawyer_id", "kind")
    )
    raised = []
    with transaction.atomic():
        for lawyer_id, pattern in sorted(lawyer_patterns(window_from=window_from, window_to=today).items()):
            for kind, evidence in findings(pattern, policy).items():
                if (lawyer_id, kind) in pending:
                    continue
                raised.append(
                    QualityWarning(
                        lawyer_id=lawyer_id,
                        kind=kind,
                        detected_at=as_of,
                        window_from=window_from,
                        window_to=today,
                        evidence=evidence,
                    )
                )
        QualityWarning.objects.bulk_create(raised)
        if record_events:
            for warning in raised:
                record(
                    "counsel.warning.raised",
                    actor=acting_user,
                    obj=warning,
                    occurred_at=as_of,
                    data={"lawyer": warning.lawyer_id, "kind": warning.kind, "evidence": warning.evidence},
                )
    return raised


def do_open_review(warning: QualityWarning, *, acting_user, as_of: datetime | None = None) -> QualityWarning:
    access.check_open_review(acting_user, warning)
    as_of = as_of or clock.now()
    if warning.status != QualityWarning.Status.OPEN:
        raise DomainError(_("只有待审查的预警可以开始审查"), field="status")
    with transaction.atomic():
        warning.status, warning.reviewer = QualityWarning.Status.REVIEW, acting_user
        warning.save(update_fields=["status", "reviewer"])
        record(
            "counsel.warning.review_opened",
            actor=acting_user,
            obj=warning,
            occurred_at=as_of,
            data={"lawyer": warning.lawyer_id, "kind": warning.kind},
        )
    return warning


def do_decide_warning(
    warning: QualityWarning,
    *,
    restrict: bool,
    reason: str,
    acting_user,
    days: int = DEFAULT_RESTRICTION_DAYS,
    as_of: datetime | None = None,
) -> QualityWarning:
    """Close a review: dismiss the warning, or restrict the lawyer from new allocations for `days`."""
    access.check_decide_warning(acting_user, warning)
    as_of = as_of or clock.now()
    if warning.status != QualityWarning.Status.REVIEW:
        raise DomainError(_("预警须先进入审查"), field="status")
    if not reason.strip():
        raise DomainError(_("请写明处理理由"), field="reason")
    if restrict and not 1 <= days <= 730:
        raise DomainError(_("限制期限应在 1 至 730 天之间"), field="days")
    with transaction.atomic():
        warning.status = QualityWarning.Status.RESTRICTED if restrict else QualityWarning.Status.DISMISSED
        warning.decided_at, warning.decision_reason, warning.reviewer = as_of, reason.strip(), acting_user
        warning.save(update_fields=["status", "decided_at", "decision_reason", "reviewer"])
        data = {
            "lawyer": warning.lawyer_id,
            "kind": warning.kind,
            "decision": warning.status,
            "reason": reason,
        }
        if restrict:
            start = timezone.localdate(as_of)
            Restriction.objects.create(
                lawyer_id=warning.lawyer_id,
                warning=warning,
                starts_on=start,
                ends_on=start + timedelta(days=days - 1),
                reason=reason.strip(),
                imposed_by=acting_user,
            )
            data["days"] = days
        record("counsel.warning.decided", actor=acting_user, obj=warning, occurred_at=as_of, data=data)
    return warning


def do_contest_warning(
    warning: QualityWarning, *, statement: str, acting_user, as_of: datetime | None = None
) -> Contest:
    access.check_contest_warning(acting_user, warning)
    as_of = as_of or clock.now()
    if warning.status == QualityWarning.Status.DISMISSED:
        raise DomainError(_("预警已撤销，无需异议"), field="status")
    if warning.contests.filter(status=Contest.Status.PENDING).exists():
        raise DomainError(_("已有待答复的异议"), field="statement")
    if not statement.strip():
        raise DomainError(_("请写明异议理由"), field="statement")
    with transaction.atomic():
        contest = Contest.objects.create(
            warning=warning, lawyer=acting_user, statement=statement.strip(), filed_at=as_of
        )
        record(
            "counsel.warning.contested",
            actor=acting_user,
            obj=contest,
            occurred_at=as_of,
            data={"lawyer": warning.lawyer_id, "kind": warning.kind, "warning": warning.pk},
        )
    return contest


def do_answer_contest(
    contest: Contest, *, upheld: bool, answer: str, acting_user, as_of: datetime | None = None
) -> Contest:
    """Upheld: the warning is dismissed and any restriction lifted. Rejected: things stay as they are."""
    access.check_answer_contest(acting_user, contest)
    as_of = as_of or clock.now()
    if contest.status != Contest.Status.PENDING:
        raise DomainError(_("该异议已答复"), field="status")
    if not answer.strip():
        raise DomainError(_("请写明答复意见"), field="answer")
    warning = contest.warning
    with transaction.atomic():
        contest.status = Contest.Status.UPHELD if upheld else Contest.Status.REJECTED
        contest.answered_by, contest.answered_at, contest.answer = acting_user, as_of, answer.strip()
        contest.save(update_fields=["status", "answered_by", "answered_at", "answer"])
        if upheld:
            Restriction.objects.filter(warning=warning, lifted_at__isnull=True).update(
                lifted_at=as_of, lifted_reason=answer.strip()
            )
            warning.status, warning.decided_at = QualityWarning.Status.DISMISSED, as_of
            warning.decision_reason = answer.strip()
            warning.save(update_fields=["status", "decided_at", "decision_reason"])
        record(
            "counsel.warning.contest_answered",
            actor=acting_user,
            obj=contest,
            occurred_at=as_of,
            data={
                "lawyer": warning.lawyer_id,
                "kind": warning.kind,
                "warning": warning.pk,
                "upheld": upheld,
                "answer": answer,
            },
        )
    return contest
