"""The audit trail of the demo: the events the services would have written, with historical timestamps.

Same action codes and data shapes as `leniency.cases.services` and `leniency.counsel.services`, so the
case timeline reads the demo exactly as it reads live work. Cases still open (`PlannedCase.live`) went through
the cases services, which wrote their own events; only their counsel assignments are added here. All events are sorted by time and appended
with one `record_many`, which chains them; `leniency audit verify` then passes.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from leniency.audit.trail import PendingEvent, record_many
from leniency.cases.stages import PROSECUTION_STAGES, Stage

from .geography import DISTRICTS

CASE = "cases.case"
DEFENDANT = "cases.defendant"
ASSIGNMENT = "counsel.counselassignment"


def at(day: date, rng: random.Random, *, start_hour: int = 8, end_hour: int = 18) -> datetime:
    """A working-hours moment on `day` in the project's time zone."""
    minutes = rng.randint(start_hour * 60, end_hour * 60 - 1)
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59))))


def audit_events(planned, assignments: dict, people, rng: random.Random) -> list:
    """Build every demo event, sort by time (ties keep creation order) and append them to the chain."""
    district_key = {spec.code: spec.key for spec in DISTRICTS}
    timed: list[tuple[datetime, int, PendingEvent]] = []

    def add(when: datetime, event: PendingEvent) -> None:
        timed.append((when, len(timed), event))

    for case in planned:
        row = case.row
        officer = people.staff[district_key[row.region.code]].legal_aid_officer
        if case.live:  # opened and moved through the cases services, which recorded all but the counsel
            for d in case.defendants:
                _counsel_event(add, assignments.get(d.row.pk), row, officer)
            continue
        opened_at = at(row.received_on, rng, start_hour=9, end_hour=11)
        add(
            opened_at,
            PendingEvent(
                "case.opened",
                CASE,
                str(row.pk),
                row.prosecutor,
                row.pk,
                {"number": row.number, "title": row.title, "procuratorate": row.procuratorate.name},
                opened_at,
            ),
        )
        for n, d in enumerate(case.defendants, start=1):
            pk = d.row.pk
            added_at = opened_at + timedelta(minutes=3 * n)
            add(
                added_at,
                PendingEvent(
                    "defendant.added",
                    DEFENDANT,
                    str(pk),
                    row.prosecutor,
                    row.pk,
                    {"defendant": pk, "charges": [c.name for c in d.charges], "stage": Stage.INVESTIGATION},
                    added_at,
                ),
            )
            previous = Stage.INVESTIGATION
            for move in d.path.moves:
                actor = row.prosecutor if previous in PROSECUTION_STAGES else case.judge
                moved_at = at(move.on, rng)
                add(
                    moved_at,
                    PendingEvent(
                        "defendant.stage.changed",
                        DEFENDANT,
                        str(pk),
                        actor,
                        row.pk,
                        {
                            "defendant": pk,
                            "from": previous,
                            "to": move.to,
                            "as_of": move.on,
                            "reason": move.reason,
                        },
                        moved_at,
                    ),
                )
                if move.to == Stage.FIRST_INSTANCE and d.path.procedure:
                    set_at = moved_at + timedelta(minutes=rng.randint(5, 90))
                    add(
                        set_at,
                        PendingEvent(
                            "defendant.procedure.set",
                            DEFENDANT,
                            str(pk),
                            case.judge,
                            row.pk,
                            {"defendant": pk, "from": "", "to": d.path.procedure},
                            set_at,
                        ),
                    )
                previous = move.to
            _counsel_event(add, assignments.get(pk), row, officer)
    timed.sort(key=lambda item: (item[0], item[1]))
    return record_many(event for _, _, event in timed)


def _counsel_event(add, assignment, row, officer) -> None:
    if assignment is None:
        return
    actor = row.prosecutor if assignment.kind == "retained" else officer
    add(
        assignment.assigned_at,
        PendingEvent(
            "counsel.assigned",
            ASSIGNMENT,
            str(assignment.pk),
            actor,
            row.pk,
            {
                "defendant": assignment.defendant_id,
                "lawyer": assignment.lawyer.pk,
                "lawyer_name": str(assignment.lawyer),
                "kind": assignment.kind,
            },
            assignment.assigned_at,
        ),
    )
