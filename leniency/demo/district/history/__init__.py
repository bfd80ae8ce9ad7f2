"""L区's plea history, still written in bulk rather than through the plea and recommendation services.

What it holds carries the district's known model of withdrawal (persons.TRUE_COEFFICIENTS): the rights notices,
the lawyers' participation and opinions (counsel.py), both rounds of recommendations with the court's adoption
decisions (recommendations.py), the explanation letters, the plea agreements (具结书) with their signatures
(plea.py) and the withdrawals (withdrawals.py). Why it is not yet through the services: moving it through
drafting, review, signing with a recording and withdrawal did not fit in the change that brought the cases onto
the services' path (cases.py), and the services would have to reproduce exactly the features the model draws.

So these rows are written with bulk_create, pointing at the defendants, cases and counsel assignments the
services created, each batch at its historical moment between the services' steps (`District.later` queues it,
`District.flush` writes it), with the audit events (`Event`) those services would record, so that the trail
stays one run in time order (`leniency audit verify`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from leniency.accounts.models import User
from leniency.audit.trail import PendingEvent
from leniency.cases.models import Case
from leniency.counsel.models.participation import ParticipationEntry
from leniency.plea.models import PleaAgreement, RightsNotice, Signature, Withdrawal
from leniency.recommendations.models import CourtDecision, SentencingRecommendation
from leniency.study.models import LetterDelivery


@dataclass
class Event:
    """An audit event of a row the services do not write; its data is read once the rows have their pks."""

    when: datetime
    action: str
    obj: object
    actor: User
    case: Case
    data: Callable[[], dict]

    def pending(self) -> PendingEvent:
        label = self.obj._meta.label_lower
        return PendingEvent(
            self.action, label, str(self.obj.pk), self.actor, self.case.pk, self.data(), self.when
        )


@dataclass
class Later:
    """Rows and their events written together at one moment of the replay."""

    when: datetime
    rows: list
    events: list[Event]


# Parents before children, when rows of one moment are written together.
WRITE_ORDER = (
    SentencingRecommendation,
    PleaAgreement,
    Signature,
    RightsNotice,
    LetterDelivery,
    CourtDecision,
    Withdrawal,
    ParticipationEntry,
)


def random_time(day: date, rng: random.Random, start: int = 9, end: int = 17) -> datetime:
    """A moment of `day` between `start` and `end` o'clock, to the second."""
    minutes = rng.randint(start * 60, end * 60 - 1)
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59))))
