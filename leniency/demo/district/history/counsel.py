"""The lawyers' part of L区's plea history: who retained a lawyer without pleading, when each lawyer had the
case (the assignment `do_assign_counsel` records in cases.py) and the participation they logged — meetings
before or after signing, written opinions on the recommendation, presence at the signing."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from leniency.counsel.models import CounselAssignment
from leniency.counsel.models.participation import ParticipationEntry, Service
from leniency.demo.district.history import Event, random_time

if TYPE_CHECKING:
    from leniency.demo.district.state import District


def queue_participation(district: District) -> None:
    """A retained lawyer for some who did not plead; when each lawyer had the case (`p.assignment`, which
    cases._assign_counsel records through the service); the participation each lawyer logged, queued."""
    rng = district.rng
    for p in district.persons:
        if p.lawyer is None and rng.random() < 0.35:
            p.lawyer, p.lawyer_kind = rng.choice(district.defence_lawyers), CounselAssignment.Kind.RETAINED
            p.opinion = False
            p.features["no_meeting_before_signing"] = 0
        if p.lawyer is None:
            continue
        assigned = random_time(p.review_on + timedelta(days=rng.randint(0, 1)), rng, 12, 17)
        p.assignment = CounselAssignment(
            defendant=p.row, lawyer=p.lawyer, kind=p.lawyer_kind, assigned_at=assigned
        )
    entries = []
    for p in district.persons:
        if p.lawyer is None:
            continue
        a = p.assignment
        p.signed_at = random_time(p.sign_on, rng, 10, 16)
        if not p.pleaded:
            entries.append(_entry(a, Service.MEETING, p.signed_at - timedelta(days=2), 60, "会见"))
            continue
        if not p.features.get("no_meeting_before_signing"):
            for _ in range(rng.choice([1, 1, 2])):
                when = max(
                    a.assigned_at + timedelta(hours=2),
                    p.signed_at - timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 5)),
                )
                entries.append(
                    _entry(
                        a,
                        Service.MEETING,
                        min(when, p.signed_at - timedelta(hours=1)),
                        60,
                        "会见犯罪嫌疑人，解释认罪认罚的法律规定和后果",
                    )
                )
        elif rng.random() < 0.2:
            entries.append(
                _entry(a, Service.MEETING, p.signed_at + timedelta(days=rng.randint(2, 6)), 45, "签署后会见")
            )
        if p.opinion:
            entries.append(
                _entry(
                    a,
                    Service.OPINION_RECOMMENDATION,
                    p.signed_at - timedelta(hours=20),
                    40,
                    "就量刑建议提出书面意见",
                    opinion="同意检察机关的量刑建议。",
                )
            )
        if p.plea_stage != "trial":
            entries.append(_entry(a, Service.SIGNING, p.signed_at, 30, "在场见证具结书签署"))
    for e in entries:
        district.later(
            e.logged_at,
            [e],
            [
                Event(
                    e.logged_at,
                    "counsel.participation.logged",
                    e,
                    e.assignment.lawyer,
                    e.assignment.defendant.case,
                    lambda e=e: {
                        "defendant": e.assignment.defendant.pk,
                        "service": e.service,
                        "minutes": e.minutes,
                    },
                )
            ],
        )
    district.counts["participation"] = len(entries)


def _entry(assignment, service, when, minutes, note, opinion=""):
    when = max(when, assignment.assigned_at + timedelta(hours=1))  # not before the lawyer had the case
    return ParticipationEntry(
        assignment=assignment,
        service=service,
        occurred_at=when,
        minutes=minutes,
        note=note,
        opinion=opinion,
        logged_by=assignment.lawyer,
        logged_at=when + timedelta(hours=2),
    )
