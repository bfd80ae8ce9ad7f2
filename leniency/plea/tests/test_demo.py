"""The plea and recordings demo on a small demo province: stories for most defendants, idempotent,
signed agreements whose files verify, withdrawals at every stage it can reach, an intact audit chain."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from leniency.audit.trail import verify_chain
from leniency.demo.builders import plea as plea_demo
from leniency.demo.builders import recordings as recordings_demo
from leniency.demo.generator import build_demo
from leniency.plea.agreements import verify_agreement
from leniency.plea.models import PleaAgreement, RightsNotice, Signature, VoluntarinessReview, Withdrawal
from leniency.plea.taxonomy import WithdrawalReason, WithdrawalStage
from leniency.recordings.models import Recording
from leniency.recordings.services import verify_all

TODAY = date(2026, 11, 20)


@pytest.fixture
def demo(db, monkeypatch):
    from leniency.demo.builders import recommendations as rec_demo

    monkeypatch.setattr(plea_demo, "AGREEMENT_PDFS", 4)
    build_demo(defendants=220, today=TODAY)
    rec_demo.build(seed=7, today=TODAY, stdout=None)
    return plea_demo.build(seed=7, today=TODAY, stdout=None), recordings_demo.build(
        seed=7, today=TODAY, stdout=None
    )


def test_demo_builds_plea_histories_once(demo):
    plea_line, recordings_line = demo
    from leniency.cases.models import Defendant

    total = Defendant.objects.count()
    notified = RightsNotice.objects.values("defendant").distinct().count()
    assert notified > 0.8 * total, (notified, total)
    agreements = PleaAgreement.objects.count()
    assert agreements > 4 and f"{agreements} signed agreements (4 rendered)" in plea_line
    assert (
        Signature.objects.filter(status="valid").count() + Signature.objects.filter(status="lapsed").count()
        == 3 * agreements
    )
    assert all(verify_agreement(a).matches for a in PleaAgreement.objects.all())
    # each demo signature names the segment of its agreement's signing recording; the handwriting has its hash
    for s in Signature.objects.select_related("recording"):
        assert s.recording.session == "signing" and s.recording.agreement_id == s.agreement_id
        assert s.recording_end_s > s.recording_start_s and not s.no_recording_reason
    drawn = Signature.objects.filter(role="defendant")
    assert drawn.count() == agreements and all(s.capture == "drawn" and s.image_sha256 for s in drawn)
    assert all(
        c.ok for a in PleaAgreement.objects.filter(status="signed") for c in verify_agreement(a).checks
    )
    assert VoluntarinessReview.objects.exists()
    stages = set(Withdrawal.objects.values_list("stage", flat=True))
    assert WithdrawalStage.BEFORE_PROSECUTION in stages and WithdrawalStage.AT_TRIAL in stages
    assert Withdrawal.objects.count() < 0.1 * total
    for w in Withdrawal.objects.all():
        assert w.reasons and all(r in WithdrawalReason.values for r in w.reasons)
    assert Recording.objects.count() > 0 and verify_all()[1] == []
    assert verify_chain()[1] is None
    assert plea_demo.build(seed=7, today=TODAY, stdout=None) is None  # idempotent
    assert recordings_demo.build(seed=7, today=TODAY, stdout=None) is None
    call_command("plea", "verify", stdout=io.StringIO())
