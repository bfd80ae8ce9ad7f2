"""How a demo lawyer works one assignment: pure planning over `random.Random`, no database.

Diligent lawyers meet the defendant soon after the assignment (within hours when detained), read the
file, file written opinions and are present at the signing, with rare lapses. Perfunctory lawyers
(labelled in `leniency.demo.builders.counsel.PERFUNCTORY`) mostly turn up only for the signing, rarely file an
opinion and often miss the response target: the patterns the early warnings look for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from leniency.counsel.models import Service

SIGNING_RATE = 0.91  # plea agreements signed among those who reached the end of review (FACTS.md §5)
DILIGENT_LAPSE = 0.03  # a diligent lawyer who, this once, only witnessed the signing


@dataclass(frozen=True)
class PlannedEntry:
    service: str
    at: datetime
    minutes: int
    note: str = ""
    opinion: str = ""


@dataclass
class PlannedWork:
    entries: list[PlannedEntry] = field(default_factory=list)
    signing_at: datetime | None = None

    def first_contact(self) -> datetime | None:
        return min(
            (e.at for e in self.entries if e.service in (Service.MEETING, Service.CONSULTATION)), default=None
        )


OPINIONS = {
    Service.OPINION_RECOMMENDATION: "建议在量刑建议幅度内从轻，当事人认罪认罚、积极退赔，请考虑适用缓刑。",
    Service.OPINION_CHARGE: "对指控罪名无异议，但涉案数额应以经核实的部分为准。",
    Service.OPINION_PROCEDURE: "案件事实清楚、证据充分，当事人同意适用速裁程序。",
}


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    if end <= start:
        return start
    return start + timedelta(seconds=rng.randint(0, int((end - start).total_seconds())))


def _daytime(moment: datetime, latest: datetime, rng: random.Random) -> datetime:
    """Move a night-time moment (local time) to the next morning, unless that would be after `latest`."""
    local = timezone.localtime(moment)
    if 8 <= local.hour < 20:
        return moment
    morning = (local + timedelta(days=1 if local.hour >= 20 else 0)).replace(
        hour=8, minute=rng.randint(30, 59), second=0, microsecond=0
    )
    return morning if morning <= latest else moment


def plan_work(
    rng: random.Random,
    *,
    perfunctory: bool,
    assigned_at: datetime,
    cutoff: datetime,
    signing_day: datetime | None,
    detained: bool,
    court_day: datetime | None,
    response_hours: int,
) -> PlannedWork:
    """`signing_day`: a moment in the day the agreement would be signed (None if not reached or declined)."""
    work = PlannedWork()
    signing_at = None
    if signing_day is not None:
        signing_at = max(signing_day, assigned_at + timedelta(hours=2))
        if signing_at >= cutoff:
            signing_at = None
    work.signing_at = signing_at
    end = signing_at or cutoff
    add = work.entries.append
    if perfunctory:
        if signing_at is not None:
            if rng.random() < 0.25:
                add(
                    PlannedEntry(
                        Service.CONSULTATION,
                        signing_at - timedelta(minutes=rng.randint(20, 40)),
                        15,
                        "签署前简单告知",
                    )
                )
            if rng.random() < 0.1:
                add(
                    PlannedEntry(
                        Service.OPINION_RECOMMENDATION,
                        signing_at - timedelta(minutes=10),
                        10,
                        opinion="同意量刑建议。",
                    )
                )
            add(PlannedEntry(Service.SIGNING, signing_at, rng.randint(15, 30)))
        elif rng.random() < 0.4:
            late = assigned_at + timedelta(hours=rng.randint(60, 200))
            if late < cutoff:
                add(PlannedEntry(Service.CONSULTATION, late, 20))
        return work
    due = assigned_at + timedelta(hours=response_hours)
    if signing_at is not None and rng.random() < DILIGENT_LAPSE:
        # A lapse: a phone consultation in time, then no meeting and no opinion before the signing.
        call = min(assigned_at + timedelta(hours=rng.randint(1, 6)), signing_at - timedelta(minutes=30))
        if assigned_at < call:
            add(PlannedEntry(Service.CONSULTATION, call, 15, "电话告知"))
        add(PlannedEntry(Service.SIGNING, signing_at, rng.randint(20, 40)))
        return work
    delay = timedelta(minutes=rng.randint(60, max(61, (response_hours - 4) * 60)))
    first = _daytime(assigned_at + delay, due - timedelta(minutes=30), rng)
    if first >= end:
        first = _between(rng, assigned_at, end - timedelta(minutes=30))
    if first < end and first > assigned_at:
        add(
            PlannedEntry(
                Service.MEETING, first, rng.randint(40, 100), "告知权利义务、认罪认罚的性质和法律后果"
            )
        )
    else:
        return work
    for _ in range(rng.choice((0, 1, 1, 2))):
        add(
            PlannedEntry(
                Service.MEETING,
                _between(rng, first, end - timedelta(hours=1)),
                rng.randint(30, 90),
                "核对事实，听取意见",
            )
        )
    if rng.random() < 0.5:
        add(
            PlannedEntry(
                Service.CONSULTATION, _between(rng, first, end - timedelta(hours=1)), rng.randint(15, 40)
            )
        )
    if signing_at is not None:
        add(
            PlannedEntry(
                Service.FILE_READING,
                _between(rng, first, signing_at - timedelta(hours=3)),
                rng.randint(60, 240),
                "查阅起诉意见书及证据材料",
            )
        )
        if detained and rng.random() < 0.15:
            add(
                PlannedEntry(
                    Service.MEASURE_APPLICATION, _between(rng, first, signing_at - timedelta(hours=2)), 60
                )
            )
        kinds = [Service.OPINION_RECOMMENDATION] if rng.random() < 0.92 else []
        kinds += [Service.OPINION_CHARGE] if rng.random() < 0.35 else []
        kinds += [Service.OPINION_PROCEDURE] if rng.random() < 0.25 else []
        for kind in kinds:
            add(
                PlannedEntry(
                    kind,
                    signing_at - timedelta(hours=rng.randint(2, 30)),
                    rng.randint(30, 120),
                    opinion=OPINIONS[kind],
                )
            )
        add(PlannedEntry(Service.SIGNING, signing_at, rng.randint(30, 60)))
        if court_day is not None and court_day < cutoff:
            add(PlannedEntry(Service.COURT, court_day, rng.randint(60, 180)))
    work.entries = [
        _in_daytime(e, assigned_at, min(end, cutoff) if e.service != Service.COURT else cutoff, rng)
        for e in work.entries
    ]
    work.entries = [e for e in work.entries if assigned_at < e.at < cutoff]
    return work


def _in_daytime(entry: PlannedEntry, start: datetime, end: datetime, rng: random.Random) -> PlannedEntry:
    """Meetings and opinions happen by day: move a night-time entry into 9–17 h of its day if it stays in range."""
    local = timezone.localtime(entry.at)
    if entry.service == Service.SIGNING or 8 <= local.hour < 20:
        return entry
    if local.hour < 8 and entry.service in (Service.MEETING, Service.CONSULTATION):
        return entry  # moving it later could miss the response target
    moved = local.replace(hour=rng.randint(9, 16), minute=rng.randint(0, 59))
    if start < moved < end:
        return PlannedEntry(entry.service, moved, entry.minutes, entry.note, entry.opinion)
    return entry
