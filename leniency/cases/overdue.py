"""Overdue cases: those with a defendant past the statutory time limit of the stage they are in (`deadlines.py`),
counted once per case and per organisation that must act (the procuratorate in review for prosecution, the court
from trial on). The one count the home page and the dashboards show."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from leniency import clock
from leniency.accounts.models import Organisation

from .deadlines import deadline_for
from .models import Defendant
from .stages import COURT_STAGES, PROSECUTION_STAGES

# The shortest statutory period of any stage (速裁 review and trial, the appeal window: ten days, CPL arts. 172,
# 225, 230): a defendant who entered the stage more recently cannot be past its limit, so the query leaves them out.
SHORTEST_PERIOD = timedelta(days=10)


@dataclass(frozen=True)
class OrganisationOverdue:
    organisation: Organisation
    cases: int


def _late(defendants: QuerySet[Defendant], today: date, limit: int):
    """(defendant, organisation id) for each defendant past the limit of its stage, the organisation being the one
    that must act at that stage."""
    rows = (
        defendants.filter(
            stage__in=PROSECUTION_STAGES | COURT_STAGES, stage_since__lt=today - SHORTEST_PERIOD
        )
        .select_related("case")
        .prefetch_related("deadline_extensions")[:limit]
    )
    for d in rows:
        deadline = deadline_for(d, list(d.deadline_extensions.all()))
        if deadline is not None and today > deadline.due:
            org = d.case.procuratorate_id if d.stage in PROSECUTION_STAGES else d.case.court_id
            yield d, org


@dataclass(frozen=True)
class OverdueSummary:
    case_ids: frozenset[int]
    by_organisation: list[OrganisationOverdue]

    @property
    def cases(self) -> int:
        return len(self.case_ids)


def overdue_summary(
    defendants: QuerySet[Defendant], *, today: date | None = None, limit: int = 5000
) -> OverdueSummary:
    """The cases among `defendants` (already scoped to the reader) with a defendant past its stage's limit, and
    the same per organisation that must act, most first (a case counts once for each organisation where one of
    its defendants is late). The limit's last day itself is not late: the period ends with that day (CPL 105)."""
    today = today or clock.today()
    pairs = {(d.case_id, org) for d, org in _late(defendants, today, limit)}
    counts = Counter(org for _case, org in pairs if org is not None)
    organisations = Organisation.objects.in_bulk(counts)
    rows = sorted(
        (OrganisationOverdue(organisations[pk], n) for pk, n in counts.items()),
        key=lambda row: (-row.cases, row.organisation.name),
    )
    return OverdueSummary(frozenset(case for case, _org in pairs), rows)
