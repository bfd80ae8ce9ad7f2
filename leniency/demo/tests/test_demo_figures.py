"""The demo's figures look like a real district's (issue 19 item 3): the plea rate of every demo district, under
the measures registry's definition, is near the national 85-90 %, and every signed plea has its 具结书 with the
signatures the signing services leave."""

from collections import Counter, defaultdict
from datetime import date

import pytest

from leniency.cases.models import Defendant, Sentence
from leniency.demo.builders import plea as plea_demo
from leniency.demo.builders import recommendations as rec_demo
from leniency.demo.district import DISTRICT_CODE, build_district
from leniency.demo.generator import build_demo
from leniency.demo.geography import DISTRICTS
from leniency.plea.agreements import verify_agreement
from leniency.plea.models import PleaAgreement, Signature
from leniency.plea.signing import ATTESTATION, MIN_REASON
from leniency.plea.state import required_roles
from leniency.recommendations.models import CourtDecision
from leniency.study.features import person_rows
from leniency.study.measures import PLEA_RATE

TODAY = date(2026, 6, 30)
MIN_BASE = 40  # persons whose review ended, per district: below it a rate says little


@pytest.fixture
def demo(db, monkeypatch, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(plea_demo, "AGREEMENT_PDFS", 3)
    build_demo(seed=7, defendants=600, today=TODAY)
    rec_demo.build(seed=7, today=TODAY, stdout=None)
    plea_demo.build(seed=7, today=TODAY, stdout=None)
    build_district(seed=7, persons=240)


def _districts() -> dict[str, list[int]]:
    by_district = defaultdict(list)
    for pk, code in Defendant.objects.values_list("pk", "case__region__code"):
        by_district[code].append(pk)
    return by_district


def test_every_district_pleads_at_a_real_districts_rate_with_its_signed_agreements(demo):
    """One demo for the three checks (it takes a while to build)."""
    districts = _districts()
    assert DISTRICT_CODE in districts and len(districts) >= 5
    rows = []
    for code, ids in districts.items():
        district_rows = person_rows(ids)
        rows.extend(district_rows)
        pleaded, base = PLEA_RATE.count(district_rows)
        assert base >= MIN_BASE, (code, base)
        assert 0.80 <= pleaded / base <= 0.95, (code, pleaded, base)
    _every_signed_plea_has_its_agreement_and_signatures(rows)
    _the_court_decisions_agree_with_the_judgments()


def _the_court_decisions_agree_with_the_judgments():
    """The judgment the demo recorded through `do_record_judgment` is what the court's decision on the
    recommendation says: an adopted recommendation asked for the sentence given, a decision otherwise gave it."""
    first = {  # the latest first-instance judgment's: after a remand (发回重审), the new one, as the builder reads it
        s.defendant_id: s
        for s in Sentence.objects.filter(instance=Sentence.Instance.FIRST, defendant__in=_demo()).order_by(
            "judged_on", "pk"
        )
    }
    decisions = list(
        CourtDecision.objects.filter(recommendation__defendant__in=_demo()).select_related("recommendation")
    )
    kinds = Counter(d.decision for d in decisions)
    assert kinds[CourtDecision.Decision.ADOPT] > 0.8 * len(decisions)
    assert (
        kinds[CourtDecision.Decision.DECIDE_OTHERWISE] + kinds[CourtDecision.Decision.REQUEST_ADJUSTMENT] > 0
    )
    for decision in decisions:
        rec, given = decision.recommendation, first[decision.recommendation.defendant_id]
        if decision.decision == CourtDecision.Decision.ADOPT:
            assert (rec.principal_penalty, rec.months, rec.probation_months, rec.fine_yuan) == (
                given.penalty,
                given.months,
                given.probation_months,
                given.fine_yuan,
            ), rec.pk
        elif decision.decision == CourtDecision.Decision.DECIDE_OTHERWISE:
            assert (decision.principal_penalty, decision.months) == (given.penalty, given.months)
            assert rec.months == given.months + 1


def _demo():
    """The generator's defendants (the study district, district.py, is built apart)."""
    return Defendant.objects.filter(case__region__code__in=[spec.code for spec in DISTRICTS])


def _every_signed_plea_has_its_agreement_and_signatures(rows):
    signed = [r for r in rows if r.pleaded and r.has_agreement]
    assert len(signed) > 0.5 * len(rows)
    agreements = {
        a.defendant_id: a
        for a in PleaAgreement.objects.filter(signed_at__isnull=False).prefetch_related("signatures")
    }
    for row in signed:
        agreement = agreements[row.defendant_id]
        signatures = {s.role: s for s in agreement.signatures.all()}
        assert set(signatures) == set(required_roles(agreement)), agreement.pk
        assert max(s.signed_at for s in signatures.values()) == agreement.signed_at
        assert all(s.document_sha256 == agreement.sha256 for s in signatures.values())
        assert all(s.recording_id or len(s.no_recording_reason) >= MIN_REASON for s in signatures.values())
        defendant = signatures[Signature.Role.DEFENDANT]
        lawyer = signatures[Signature.Role.LAWYER]
        assert defendant.image_sha256 and defendant.capture in ("drawn", "scan")
        assert lawyer.signer_id and lawyer.attestation == ATTESTATION
        assert defendant.lawyer_present == lawyer.signer_name
    sample = list(PleaAgreement.objects.filter(status="signed").order_by("pk")[::50])
    assert sample and all(verify_agreement(a).matches for a in sample)
    assert all(c.ok for a in sample for c in verify_agreement(a).checks)
