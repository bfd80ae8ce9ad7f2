"""What a user has to do next: the defendants waiting on them, the most urgent first, each with its statutory time
limit (`deadlines.py`) and the act that ends it."""

from dataclasses import dataclass
from datetime import date

from leniency import clock
from leniency.accounts.capabilities import has_capability

from . import overdue
from .access import visible_defendants
from .deadlines import Deadline, deadline_for
from .models import Defendant
from .stages import COURT_STAGES, PROSECUTION_STAGES


@dataclass(frozen=True)
class Task:
    defendant: Defendant
    days_in_stage: int
    deadline: Deadline | None
    today: date

    @property
    def days_left(self) -> int | None:
        return self.deadline.days_left(self.today) if self.deadline else None

    @property
    def overdue(self) -> bool:
        return self.deadline is not None and self.today > self.deadline.due

    @property
    def days_over(self) -> int:
        return -self.days_left if self.overdue else 0

    @property
    def due_soon(self) -> bool:
        """Due within three days, not yet overdue."""
        return self.deadline is not None and not self.overdue and self.days_left <= 3


def tasks_for(user, *, today: date | None = None) -> list[Task]:
    """The defendants waiting on `user`, the most urgent first: overdue, then by due date (statutory time limits,
    `deadlines.py`)."""
    today = today or clock.today()
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
        .prefetch_related("charges", "deadline_extensions")
        .order_by("stage_since", "id")[:200]
    )
    tasks = [
        Task(d, (today - d.stage_since).days, deadline_for(d, list(d.deadline_extensions.all())), today)
        for d in defendants
    ]
    return sorted(tasks, key=lambda t: (t.deadline is None, t.deadline.due if t.deadline else today))


def overdue_summary(user, *, today: date | None = None, limit: int = 5000) -> overdue.OverdueSummary:
    """The cases the user sees (their organisation's, for staff) with a defendant past the stage's statutory
    time limit, in all and per organisation that must act (`overdue.py`): the home page's and dashboards' count."""
    return overdue.overdue_summary(visible_defendants(user), today=today, limit=limit)


def overdue_cases(user, *, today: date | None = None, limit: int = 5000) -> int:
    return overdue_summary(user, today=today, limit=limit).cases


def overdue_case_ids(user, *, today: date | None = None, limit: int = 5000) -> set[int]:
    return set(overdue_summary(user, today=today, limit=limit).case_ids)
