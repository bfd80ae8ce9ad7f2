"""Permissions, the small-world study page, the letter record, the guarantees on hand-made rows, the tests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.plea.models import Withdrawal
from leniency.recommendations.models import CourtDecision, SentencingRecommendation
from leniency.study.analysis import cross_test
from leniency.study.guarantees import heavier_after_withdrawal, protest_flags
from leniency.study.models import LetterDelivery

PAGES = ["/study/withdrawals/", "/study/withdrawals/report.pdf", "/study/risk/"]


@pytest.mark.parametrize("url", PAGES)
def test_lawyers_judges_prosecutors_and_public_cannot_see_the_study(world, client, url):
    assert client.get(url).status_code == 302  # the public is sent to log in
    for user in (world.lawyer, world.unassigned_lawyer, world.judge, world.prosecutor, world.outsider_judge):
        client.force_login(user)
        assert client.get(url).status_code == 403, user


def test_supervisor_and_auditor_see_the_study_of_their_scope(world, client):
    client.force_login(world.supervisor)
    page = client.get("/study/withdrawals/?from=2026-01-01&to=2026-12-31")
    assert page.status_code == 200
    body = page.content.decode()
    assert "东区人民检察院认罪认罚案件反悔问题实证研究" in body and "2人" in body
    assert "西区人民检察院" not in body  # only the supervisor's own procuratorate is offered
    other = client.get(f"/study/withdrawals/?org={world.outsider_prosecutor.organisation_id}")
    assert other.status_code == 400
    bad = client.get("/study/withdrawals/?from=2026-13-01")
    assert bad.status_code == 400 and "2026-13-01" in bad.content.decode()
    client.force_login(world.auditor)
    assert "西区人民检察院" in client.get("/study/withdrawals/").content.decode()


def test_panel_is_for_the_procuratorate_only(world, client):
    client.force_login(world.prosecutor)
    assert "反悔风险预警" in client.get(f"/cases/{world.case.pk}/").content.decode()
    client.force_login(world.lawyer)
    page = client.get(f"/cases/{world.case.pk}/")
    assert page.status_code == 200 and "反悔风险预警" not in page.content.decode()
    client.force_login(world.judge)
    assert "反悔风险预警" not in client.get(f"/cases/{world.case.pk}/").content.decode()


def _rec(world, d, round_no, status, months, *, without=None, when=None):
    when = when or timezone.now() - timedelta(days=10)
    return SentencingRecommendation.objects.create(
        defendant=d,
        round=round_no,
        status=status,
        principal_penalty="fixed_term",
        kind="fixed",
        months=months,
        calculation={"plea_scenarios": {"without": without}} if without else {},
        author=world.prosecutor,
        created_at=when,
        updated_at=when,
        finalised_at=when,
    )


def _withdrawal(world, d, stage, reasons, rec=None, consequences=()):
    now = timezone.now() - timedelta(days=5)
    return Withdrawal.objects.create(
        defendant=d,
        stage=stage,
        defendant_stage="prosecution_review",
        initiated_by="defendant",
        reasons=reasons,
        consequences=list(consequences),
        recommendation_id=rec.pk if rec else None,
        occurred_at=now,
        recorded_by=world.prosecutor,
        recorded_at=now,
    )


def test_letter_delivery_needs_a_final_recommendation_and_is_audited(world, client):
    client.force_login(world.prosecutor)
    url = f"/study/defendants/{world.defendant.pk}/letter/"
    client.post(url, {"method": "in_person"})
    assert not LetterDelivery.objects.exists()
    _rec(world, world.defendant, 1, "final", 10)
    client.force_login(world.lawyer)
    client.post(url, {"method": "in_person"})
    assert not LetterDelivery.objects.exists()
    client.force_login(world.prosecutor)
    response = client.post(url, {"method": "in_person"})
    assert (
        response.status_code == 302 and LetterDelivery.objects.filter(defendant=world.defendant).count() == 1
    )
    assert AuditEvent.objects.filter(action="study.letter.delivered", case_id=world.case.pk).exists()


def test_heavier_after_withdrawal_is_flagged_only_above_the_term_without_plea(world):
    d = world.defendant
    before = _rec(world, d, 1, "lapsed", 8, without=10)
    _withdrawal(world, d, "before_prosecution", ["proc_too_heavy"], before)
    after = _rec(world, d, 2, "final", 10)
    assert heavier_after_withdrawal([d.pk]) == []
    SentencingRecommendation.objects.filter(pk=after.pk).update(months=13)
    [finding] = heavier_after_withdrawal([d.pk])
    assert finding.cap_months == 10 and finding.after_months == 13 and "不得因反悔加重处罚" in finding.rule
    # Without the calculator's figure the cap is the lapsed term grossed up by the largest plea discount (30%).
    SentencingRecommendation.objects.filter(pk=before.pk).update(calculation={})
    [finding] = heavier_after_withdrawal([d.pk])
    assert finding.cap_months == 12 and finding.cap_source == "gross_up"  # ceil(8 / 0.7)
    SentencingRecommendation.objects.filter(pk=after.pk).update(months=12)
    assert heavier_after_withdrawal([d.pk]) == []


def test_sentence_only_appeal_after_adoption_is_flagged_for_protest(world):
    d, co = world.defendant, world.co_defendant
    rec = _rec(world, d, 1, "final", 10)
    CourtDecision.objects.create(
        recommendation=rec, judge=world.judge, decision="adopt", created_at=timezone.now()
    )
    _withdrawal(world, d, "after_judgment", ["def_lighter_sentence"])
    [flag] = protest_flags([d.pk])
    assert not flag.decided and "刑事诉讼法第二百三十七条" in flag.rule
    rec2 = _rec(world, co, 1, "final", 10)
    CourtDecision.objects.create(
        recommendation=rec2, judge=world.judge, decision="adopt", created_at=timezone.now()
    )
    _withdrawal(world, co, "after_judgment", ["def_changed_mind"])
    assert protest_flags([co.pk]) == []


def test_cross_test_states_when_counts_are_too_small():
    assert cross_test([[40, 60], [20, 80]]).method == "chi2"
    small = cross_test([[1, 9], [4, 6]])
    assert small.method == "fisher" and "Fisher" in small.text and "期望频数小于5" in small.text
    wide = cross_test([[1, 9], [0, 6], [2, 3]])
    assert wide.method == "none" and "不作检验" in wide.text
    assert cross_test([[0, 5], [0, 7]]).method == "none"


def test_every_message_has_an_english_translation_and_pages_switch(world, client):
    from pathlib import Path

    from babel.messages.pofile import read_po

    po = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"
    catalog = read_po(po.open("rb"))
    assert [m.id for m in catalog if m.id and not m.string] == [] and len(catalog) > 150
    client.force_login(world.supervisor)
    client.cookies["django_language"] = "en"
    page = client.get("/study/withdrawals/?from=2026-01-01&to=2026-12-31").content.decode()
    assert "Withdrawals from plea agreements at" in page and "Limitations" in page


def test_risk_api_follows_the_panel_permissions(world, client):
    url = f"/api/study/defendants/{world.defendant.pk}/risk"
    assert client.get(url).status_code == 401
    client.force_login(world.lawyer)
    assert client.get(url).status_code == 404
    client.force_login(world.outsider_prosecutor)
    assert client.get(url).status_code == 404
    client.force_login(world.prosecutor)
    body = client.get(url).json()
    assert body["defendant"] == world.defendant.pk and body["probability"] is None and body["factors"] == []
