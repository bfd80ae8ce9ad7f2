"""What a user has to do next: the defendants waiting on them, oldest first, with the time limit that applies."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from leniency.accounts.capabilities import has_capability

from .access import visible_defendants
from .models import Defendant
from .stages import COURT_STAGES, PROSECUTION_STAGES, Stage

# Days a defendant may wait in a stage before the task is shown as overdue. Review for prosecution:
# one month (CPL art. 172); first instance: two months for public prosecution (CPL art. 208), 20 days
# for expedited procedure are not distinguished here; appeal: two months (CPL art. 243).
STAGE_LIMIT_DAYS = {
    Stage.PROSECUTION_REVIEW: 30,
    Stage.FIRST_INSTANCE: 60,
    Stage.APPEAL: 60,
    Stage.JUDGMENT: 10,
}


@dataclass(frozen=True)
class Task:
    defendant: Defendant
    days_in_stage: int
    limit_days: int | None

    @property
    def overdue(self) -> bool:
        return self.limit_days is not None and self.days_in_stage > self.limit_days


def tasks_for(user, *, today: date | None = None) -> list[Task]:
    today = today or timezone.localdate()
    if user.is_prosecution:
        stages = PROSECUTION_STAGES
    elif has_capability(user, "adjudicate"):
        stages = COURT_STAGES
    elif user.is_lawyer:
        stages = PROSECUTION_STAGES | COURT_STAGES
    else:
        return []
    defendants = (
        visible_defendants(user)
        .filter(stage__in=stages)
        .select_related("case")
        .prefetch_related("charges")
        .order_by("stage_since", "id")[:200]
    )
    return [Task(d, (today - d.stage_since).days, STAGE_LIMIT_DAYS.get(d.stage)) for d in defendants]
