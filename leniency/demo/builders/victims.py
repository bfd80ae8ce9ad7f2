"""Demo victims: a few demo cases get a victim of their first defendant, registered, heard (CPL art. 173) and,
for some, compensated and forgiving, with a tiny scanned PDF, all through the services a prosecutor's pages
call (`leniency.cases.victims`), at historical times. Deterministic for a seed and idempotent (nothing is added
when a demo victim exists)."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.db import transaction

from leniency.cases import victims
from leniency.cases.models import Defendant, Victim
from leniency.cases.stages import Stage
from leniency.demo.events import at
from leniency.demo.geography import PROVINCE_CODE
from leniency.demo.names import person_name

CASES_WITH_VICTIMS = 8
STAGES = [Stage.PROSECUTION_REVIEW, Stage.FIRST_INSTANCE, Stage.JUDGMENT]
SCAN = b"%PDF-1.4\n% demo scan of a signed agreement\n%%EOF\n"


def build(*, seed: int, today, stdout) -> str | None:
    demo = {"case__region__parent__parent__code": PROVINCE_CODE}
    if Victim.objects.filter(**demo).exists():
        return None
    rng = random.Random(seed + 173)
    firsts = (
        Defendant.objects.filter(**demo, stage__in=STAGES, case__prosecutor__isnull=False)
        .select_related("case", "case__prosecutor")
        .order_by("case__received_on", "case_id", "pk")
    )
    chosen, seen = [], set()
    for defendant in firsts:
        if defendant.case_id not in seen:
            seen.add(defendant.case_id)
            chosen.append(defendant)
        if len(chosen) == CASES_WITH_VICTIMS:
            break
    heard = settled = 0
    with transaction.atomic():
        for n, defendant in enumerate(chosen):
            case, prosecutor = defendant.case, defendant.case.prosecutor
            day = min(case.received_on + timedelta(days=2), today)
            victim = victims.do_add_victim(
                case,
                name=person_name(rng, rng.choice("MF")),
                defendants=[defendant],
                phone=f"139{rng.randint(0, 99_999_999):08d}",
                acting_user=prosecutor,
                now=at(day, rng),
            )
            if n % 2 == 0:
                signed = min(day + timedelta(days=3), today)
                amount = Decimal(rng.randrange(2000, 30000, 500))
                victims.do_record_settlement(
                    victim,
                    defendant=defendant,
                    kind="compensation",
                    signed_on=signed,
                    amount=amount,
                    amount_paid=amount if n % 4 == 0 else amount / 2,
                    acting_user=prosecutor,
                    now=at(signed, rng),
                )
                victims.do_record_settlement(
                    victim,
                    defendant=defendant,
                    kind="forgiveness",
                    signed_on=signed,
                    fileobj=BytesIO(SCAN),
                    original_name="谅解书.pdf",
                    acting_user=prosecutor,
                    now=at(signed, rng),
                )
                settled += 1
            heard_on = min(day + timedelta(days=5), today)
            victims.do_record_victim_opinion(
                victim,
                defendant=defendant,
                position="agree" if n % 2 == 0 else "none",
                method="in_person" if n % 3 else "phone",
                heard_on=heard_on,
                text="已获赔偿并出具谅解书，同意从宽处理" if n % 2 == 0 else "",
                acting_user=prosecutor,
                now=at(heard_on, rng),
            )
            heard += 1
    return f"victims: {len(chosen)} registered, {heard} heard, {settled} with compensation and forgiveness"
