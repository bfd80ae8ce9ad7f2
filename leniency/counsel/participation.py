"""Logging what the lawyer did, and the figures derived per assignment (early intervention, signing)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.compiled_queries import compiled
from leniency.errors import DomainError
from leniency.plea.models import Signature
from leniency.recommendations.models import LawyerOpinion

from . import access
from .models import CONTACT, OPINIONS, SUBSTANTIVE, Allocation, CounselAssignment, ParticipationEntry, Service
from .rota import close_allocation

MAX_MINUTES = 24 * 60


def do_log_participation(
    assignment: CounselAssignment,
    *,
    service: str,
    occurred_at: datetime,
    minutes: int,
    acting_user,
    note: str = "",
    opinion: str = "",
    as_of: datetime | None = None,
) -> ParticipationEntry:
    access.check_log_participation(acting_user, assignment)
    as_of = as_of or clock.now()
    if service not in Service.values:
        raise DomainError(_("未知的工作内容"), field="service")
    # The forms record minutes: an entry in the minute of the assignment is not "before" it.
    if occurred_at < assignment.assigned_at.replace(second=0, microsecond=0):
        raise DomainError(
            _("时间不能早于指派时间 %(at)s")
            % {"at": timezone.localtime(assignment.assigned_at).strftime("%Y-%m-%d %H:%M")},
            field="occurred_at",
        )
    if occurred_at > as_of:
        raise DomainError(_("不能登记将来的工作"), field="occurred_at")
    if assignment.ended_at is not None and occurred_at > assignment.ended_at:
        raise DomainError(_("指派结束后不能再登记"), field="occurred_at")
    if not 1 <= minutes <= MAX_MINUTES:
        raise DomainError(_("用时应在 1 到 1440 分钟之间"), field="minutes")
    if service in OPINIONS and not opinion.strip():
        raise DomainError(_("书面意见不能为空"), field="opinion")
    if service == Service.SIGNING and assignment.participation.filter(service=Service.SIGNING).exists():
        raise DomainError(_("已登记过具结书签署"), field="service")
    with transaction.atomic():
        # One entry at a time per assignment: the checks below read the others.
        CounselAssignment.objects.select_for_update().filter(pk=assignment.pk).exists()
        _check_adds_up(assignment, occurred_at, minutes, as_of)
        entry = ParticipationEntry.objects.create(
            assignment=assignment,
            service=service,
            occurred_at=occurred_at,
            minutes=minutes,
            note=note.strip(),
            opinion=opinion.strip(),
            logged_by=acting_user,
            logged_at=as_of,
        )
        record(
            "counsel.participation.logged",
            actor=acting_user,
            obj=entry,
            case_id=assignment.defendant.case_id,
            occurred_at=as_of,
            data={
                "defendant": assignment.defendant_id,
                "service": service,
                "occurred_at": occurred_at,
                "minutes": minutes,
            },
        )
        if service in CONTACT:
            for allocation in Allocation.objects.select_for_update().filter(
                assignment=assignment, outcome=Allocation.Outcome.PENDING, due_at__gte=occurred_at
            ):
                close_allocation(
                    allocation,
                    outcome=Allocation.Outcome.MET,
                    closed_at=occurred_at,
                    acting_user=acting_user,
                    as_of=as_of,
                )
    return entry


def _check_adds_up(assignment: CounselAssignment, start: datetime, minutes: int, as_of: datetime) -> None:
    """Time that pay follows must add up (issue 20: 60 + 90 + 20 minutes logged two minutes after the
    assignment were all accepted). `occurred_at` is when the work began: it must have ended by now (to the
    minute, as the forms enter times) and not overlap another entry of the assignment. Entries that begin
    after the assignment, end by now and never overlap add up to no more than the time since the assignment
    (counsel/tests/test_participation_times.py proves it with Hypothesis)."""
    others = list(assignment.participation.only("service", "occurred_at", "minutes"))
    problem = time_problem([(o.occurred_at, o.minutes) for o in others], start, minutes, as_of)
    if problem == "unfinished":
        raise DomainError(
            _("这项工作开始于 %(start)s，用时 %(minutes)s 分钟，到现在还没有结束：请在结束后登记")
            % {"start": timezone.localtime(start).strftime("%Y-%m-%d %H:%M"), "minutes": minutes},
            field="minutes",
        )
    if problem is not None:
        other = others[problem]
        raise DomainError(
            _("与已登记的“%(service)s”（%(start)s 起 %(minutes)s 分钟）时间重叠")
            % {
                "service": other.get_service_display(),
                "start": timezone.localtime(other.occurred_at).strftime("%Y-%m-%d %H:%M"),
                "minutes": other.minutes,
            },
            field="occurred_at",
        )


def time_problem(entries: list[tuple[datetime, int]], start: datetime, minutes: int, as_of: datetime):
    """ "unfinished" when the work [start, start + minutes) has not ended by `as_of` (a minute's grace), the
    index of the first entry it overlaps, or None."""
    end = start + timedelta(minutes=minutes)
    if end > as_of + timedelta(minutes=1):
        return "unfinished"
    for index, (other_start, other_minutes) in enumerate(entries):
        if start < other_start + timedelta(minutes=other_minutes) and other_start < end:
            return index
    return None


@dataclass
class AssignmentFigures:
    """Derived per assignment. Detention is known by day only: hours count from the start of that day."""

    first_contact_at: datetime | None = None
    hours_to_first_contact: float | None = None  # from detention; None when not detained
    signing_at: datetime | None = None
    meetings_before_signing: int = 0
    opinion_filed: bool = False
    only_at_signing: bool = False
    minutes: int = 0
    services: dict = field(default_factory=dict)

    @property
    def signed(self) -> bool:
        return self.signing_at is not None

    @property
    def no_meeting_before_signing(self) -> bool:
        return self.signed and self.meetings_before_signing == 0

    @property
    def participated(self) -> bool:
        return any(self.services.get(s) for s in SUBSTANTIVE)

    def early(self, within_hours: int) -> bool | None:
        if self.hours_to_first_contact is None:
            return None
        return self.hours_to_first_contact <= within_hours


@dataclass(frozen=True)
class RecordedEvent:
    """A 具结书 signature or a written opinion the platform itself holds, read like a logged entry of no minutes:
    the lawyer's figures must not wait for the lawyer to log what the app already knows."""

    service: str
    occurred_at: datetime
    minutes: int = 0


def figures_from(entries: Iterable, *, detained_on=None) -> AssignmentFigures:
    """`entries`: objects with service, occurred_at and minutes, for one assignment (logged or recorded)."""
    entries = sorted(entries, key=lambda e: e.occurred_at)
    figures = AssignmentFigures()
    for entry in entries:
        figures.services[entry.service] = figures.services.get(entry.service, 0) + 1
        figures.minutes += entry.minutes
        if entry.service == Service.SIGNING and figures.signing_at is None:
            figures.signing_at = entry.occurred_at
    contacts = [e.occurred_at for e in entries if e.service in CONTACT]
    if contacts:
        figures.first_contact_at = contacts[0]
        if detained_on is not None:
            detained_at = timezone.make_aware(datetime.combine(detained_on, time.min))
            figures.hours_to_first_contact = max(0.0, (contacts[0] - detained_at).total_seconds() / 3600)
    cutoff = figures.signing_at
    # Before a signing, every meeting so far is a meeting before signing.
    before = [e for e in entries if cutoff is None or e.occurred_at <= cutoff]
    figures.opinion_filed = any(e.service in OPINIONS for e in before)
    figures.meetings_before_signing = sum(1 for e in before if e.service == Service.MEETING)
    if cutoff is not None:
        figures.only_at_signing = not any(e.service in SUBSTANTIVE for e in before)
    return figures


def recorded_events(
    assignments: list[CounselAssignment], *, signatures: list | None = None, rounds: dict | None = None
) -> dict[int, list[RecordedEvent]]:
    """Per assignment, the defendant's 具结书 signatures and the lawyer's opinions on a sentencing recommendation
    recorded in the app while the assignment ran (two queries for any number of assignments; one where the
    caller already holds the defendants' signatures: `signatures`, (defendant id, signed at) of every signature
    by a defendant that is not void, as `defendant_signatures` gives them). `rounds`: every recommendation round
    of the assignments' defendants, {defendant id: rounds} (the case page's): the opinions are then read by their
    rounds' ids without joining the rounds, and not at all for defendants with no round."""
    events: dict[int, list[RecordedEvent]] = {a.pk: [] for a in assignments}
    by_defendant: dict[int, list[CounselAssignment]] = {}
    for assignment in assignments:
        by_defendant.setdefault(assignment.defendant_id, []).append(assignment)

    def add(defendant_id, at, service, lawyer_id=None):
        for assignment in by_defendant.get(defendant_id, ()):
            if lawyer_id is not None and assignment.lawyer_id != lawyer_id:
                continue
            if at >= assignment.assigned_at and (assignment.ended_at is None or at <= assignment.ended_at):
                events[assignment.pk].append(RecordedEvent(service, at))

    if signatures is None:
        signatures = (
            Signature.objects.filter(agreement__defendant_id__in=by_defendant, role=Signature.Role.DEFENDANT)
            .exclude(status=Signature.Status.VOID)
            .values_list("agreement__defendant_id", "signed_at")
        )
    for defendant_id, at in signatures:
        add(defendant_id, at, Service.SIGNING)
    # Unordered (not the model's created_at, id: an ORDER BY the ORM compiles on every case page): figures_from
    # sorts the events by time.
    if rounds is None:
        opinions = (
            LawyerOpinion.objects.filter(recommendation__defendant_id__in=by_defendant)
            .values_list("recommendation__defendant_id", "lawyer_id", "created_at")
            .order_by()
        )
    else:
        defendant_of = {r.pk: r.defendant_id for pk in by_defendant for r in rounds.get(pk, ())}
        by_round = _OPINIONS_ON(list(defendant_of)) if defendant_of else []
        opinions = [(defendant_of[round_id], lawyer_id, at) for round_id, lawyer_id, at in by_round]
    for defendant_id, lawyer_id, at in opinions:
        add(defendant_id, at, Service.OPINION_RECOMMENDATION, lawyer_id)
    return events


def figures_for(assignment: CounselAssignment) -> AssignmentFigures:
    return figures_by_assignment([assignment])[assignment.pk]


def defendant_signatures(agreements) -> list[tuple[int, datetime]]:
    """(defendant id, signed at) of the defendants' signatures that are not void, on `agreements` loaded with their
    signatures (the plea records of the case page): what `recorded_events` would otherwise query."""
    return [
        (agreement.defendant_id, s.signed_at)
        for agreement in agreements
        for s in agreement.signatures.all()
        if s.role == Signature.Role.DEFENDANT and s.status != Signature.Status.VOID
    ]


def _entries(queryset):
    # Unordered (the model's order joins the assignment): figures_from sorts the entries by time.
    return queryset.only("assignment_id", "service", "occurred_at", "minutes").order_by()


_ENTRIES_OF = compiled(lambda pks: _entries(ParticipationEntry.objects.filter(assignment_id__in=pks)))
# The opinions on some recommendation rounds, unordered (not the model's created_at, id: figures_from sorts the
# events by time).
_OPINIONS_ON = compiled(
    lambda pks: (
        LawyerOpinion.objects.filter(recommendation_id__in=pks)
        .values_list("recommendation_id", "lawyer_id", "created_at")
        .order_by()
    )
)


def figures_by_assignment(
    assignments, *, signatures: list | None = None, rounds: dict | None = None
) -> dict[int, AssignmentFigures]:
    """Figures for many assignments: their logged entries and the app's own records, in three queries (two with
    the defendants' `signatures` given, see `recorded_events`, and `rounds`)."""
    source = assignments
    assignments = list(assignments)
    grouped: dict[int, list] = {a.pk: [] for a in assignments}
    if hasattr(source, "values"):
        entries = _entries(ParticipationEntry.objects.filter(assignment__in=source.values("pk")))
    else:
        entries = _ENTRIES_OF(list(grouped))
    for entry in entries:
        grouped[entry.assignment_id].append(entry)
    for pk, events in recorded_events(assignments, signatures=signatures, rounds=rounds).items():
        grouped[pk].extend(events)
    return {a.pk: figures_from(grouped[a.pk], detained_on=a.defendant.detained_on) for a in assignments}
