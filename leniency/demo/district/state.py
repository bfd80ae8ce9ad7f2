"""What one build of L区 carries from step to step (`District`): its two random generators, the places and
people (places.py), the persons and cases (persons.py), and the plea history queued for its moment (`later`),
written among the services' steps (`flush`, see history/)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime

from leniency.accounts.models import Region
from leniency.audit.trail import record_many
from leniency.demo.district.history import WRITE_ORDER, Later


class District:
    """One build. `rng` draws the persons and their history, `step_rng` the service steps and the people added
    for them. places.create_places sets the region, organisations and users (`prosecutors`, `supervisor`,
    `judges`, `duty_lawyers`, `defence_lawyers`, `officer`, `case_manager`, `court_clerk`, `appeal_court`);
    persons.plan_persons `cases`, `persons` and `charges`; cases.plan_timelines `by_pk`; the history its rows."""

    def __init__(self, province: Region, seed: int, n: int, start: date, end: date):
        self.rng = random.Random(seed * 7 + 11)
        # The moments of the service steps and the people added for them draw apart, so that the persons and
        # their features are those the district has always had for a seed.
        self.step_rng = random.Random(seed * 13 + 5)
        self.province, self.n, self.start, self.end = province, n, start, end
        self.history: list[Later] = []  # what the services do not write, queued for its moment
        self.queue: list[Later] = []  # due, written before the next service step
        self.counts: Counter = Counter()

    def later(self, when: datetime, rows=(), events=()) -> None:
        """Rows (and their audit events, `history.Event`) written in the replay at `when`, among the services'
        steps."""
        self.history.append(Later(when, list(rows), list(events)))

    def flush(self) -> None:
        """Write the queued rows (bulk, parents first), then their events in time order."""
        due, self.queue = self.queue, []
        if not due:
            return
        by_model: dict = {}
        for item in due:
            for row in item.rows:
                if hasattr(row, "recommendation_row"):  # recommendation_id is a number, not a foreign key
                    row.recommendation_id = row.recommendation_row.pk
                by_model.setdefault(type(row), []).append(row)
        for model in WRITE_ORDER:
            if model in by_model:
                model.objects.bulk_create(by_model.pop(model))
        assert not by_model, by_model
        record_many(event.pending() for item in due for event in item.events)
