"""Demo data for the portal app, built after the demo province exists (see leniency.demo.extensions).

A few typical cases, taken from finished demo cases through the real workflow (proposed by the demo
prosecutor, anonymised, published by the supervising prosecutor), and the transparency report of the
last complete quarter, so that the public portal is not empty after `make run`.
"""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone

from leniency.accounts.models import User
from leniency.cases.access import visible_cases
from leniency.cases.models import DefendantCharge
from leniency.cases.stages import Stage
from leniency.portal.models import TransparencyReport, TypicalCase
from leniency.portal.periods import last_complete_quarter
from leniency.portal.reports import do_generate_report
from leniency.portal.services import (
    do_anonymise_typical_case,
    do_propose_typical_case,
    do_publish_typical_case,
)

TYPICAL_CASES = 4
REASONS = "认罪认罚从宽制度适用规范，量刑建议采纳，可作为同类案件参考。"


def _cases(prosecutor, count: int):
    chosen, crimes = [], set()
    qs = (
        visible_cases(prosecutor)
        .filter(defendants__stage=Stage.FINAL)
        .exclude(facts="")
        .distinct()
        .order_by("id")
    )
    for case in qs[:200]:
        link = (
            DefendantCharge.objects.filter(defendant__case=case, principal=True)
            .select_related("charge")
            .first()
        )
        if link is None or link.charge.name in crimes:
            continue
        crimes.add(link.charge.name)
        chosen.append((case, link.charge.name))
        if len(chosen) == count:
            break
    return chosen


def build(*, seed: int, today, stdout) -> str | None:
    """Add this app's demo rows once; return a one-line summary, or None when there was nothing to add."""
    prosecutor = User.objects.filter(username="prosecutor").first()
    supervisor = User.objects.filter(username="supervisor").first()
    admin = User.objects.filter(username="admin").first()
    if prosecutor is None or supervisor is None:
        return None
    now = timezone.make_aware(datetime.combine(today, time(10, 0)))
    made = []
    if not TypicalCase.objects.exists():
        published = 0
        for case, crime in _cases(prosecutor, TYPICAL_CASES):
            first = case.defendants.order_by("id").first()
            tc = do_propose_typical_case(
                case, title=f"{first.name}{crime}案", reasons=REASONS, acting_user=prosecutor, now=now
            )
            tc = do_anonymise_typical_case(tc, acting_user=prosecutor, now=now)
            do_publish_typical_case(
                tc, acting_user=supervisor, keywords=f"{crime} 认罪认罚", note="已核对匿名化结果", now=now
            )
            published += 1
        made.append(f"{published} typical cases published")
    period = last_complete_quarter(today)
    if not TransparencyReport.objects.filter(period=period).exists():
        report = do_generate_report(period, user=admin, now=now)
        made.append(f"report {period} ({report.suppressed_cells} cells suppressed)")
    return ("portal: " + ", ".join(made)) if made else None
