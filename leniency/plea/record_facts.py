"""The plea as this app records it, given to the sentencing engine as a fact of the record.

A 具结书 signed by everyone is made at the review for prosecution (CPL art. 174): the defendant pleaded by
then at the latest. Registered with `leniency.recommendations.record_facts` in `PleaConfig.ready()`; it
replaces the recommendations app's own presumption (the plea at the defendant's current stage), which at
trial would count the plea as made at trial. Presumed, like that one: a text that records an earlier plea
(in the investigation, worth more) is not overridden.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from leniency.recommendations.record_facts import RecordFact

from .models import PleaAgreement


def plea_facts(defendant) -> list[RecordFact]:
    signed = (
        PleaAgreement.objects.filter(defendant=defendant, status=PleaAgreement.Status.SIGNED)
        .order_by("-signed_at", "-pk")
        .first()
    )
    if signed is None:
        return []
    return [
        RecordFact(
            "plea",
            "prosecution_review",
            _("认罪认罚"),
            _("至迟在审查起诉阶段认罪认罚（已签署具结书）"),
            _("认罪认罚具结书第%(version)s版") % {"version": signed.version},
            timezone.localdate(signed.signed_at) if signed.signed_at else None,
            presumed=True,
        )
    ]
