"""The court's decision (issue 17): reasons for adopting over an objection or outside the model's interval, a
withdrawal at trial reopening the decision on the lapsed round, and a page that never offers a refused decision."""

import pytest
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError
from leniency.recommendations import court, services
from leniency.recommendations.models import CourtDecision, SentencingRecommendation

S = SentencingRecommendation.Status
ANSWER = "辩护人称被告人系初犯且已全额退赔，但其退赔系在审查起诉后期，且盗窃三次，量刑建议在同类案件幅度之内，不属明显不当"


def final_over_objection(world, flow, reasons="被告人系初犯，已退赔，建议判处缓刑"):
    rec = flow.approved()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="object", reasons=reasons)
    rec = services.do_finalise(rec, acting_user=world.prosecutor, lawyer_reply="退赔较晚，不予采纳")
    flow.ready_for_adoption()
    rec.refresh_from_db()
    return rec


def test_adopting_over_an_objection_needs_reasons_that_answer_it(world, flow):
    rec = final_over_objection(world, flow)
    with pytest.raises(DomainError, match="须写明采纳理由并回应异议") as error:
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    assert error.value.field == "reasons" and "初犯" in error.value.message  # the objection is named
    for stock in ("经审查，量刑建议适当，予以采纳。", "辩护意见不能成立，不予采纳，依法采纳量刑建议"):
        with pytest.raises(DomainError, match="套话外不足20字"):
            services.do_court_decision(rec, acting_user=world.judge, decision="adopt", reasons=stock)
    with pytest.raises(DomainError, match="不能照抄异议"):
        services.do_court_decision(
            rec, acting_user=world.judge, decision="adopt", reasons="被告人系初犯，已退赔，建议判处缓刑。"
        )
    decision = services.do_court_decision(rec, acting_user=world.judge, decision="adopt", reasons=ANSWER)
    assert decision.reasons == ANSWER
    event = AuditEvent.objects.get(action="recommendations.court.adopted")
    assert event.data["over_objection"] is True and event.data["reasons"] == ANSWER


def test_an_agreeing_lawyer_and_a_term_inside_the_interval_need_no_reasons(world, flow):
    rec = flow.final()
    flow.ready_for_adoption()
    rec.refresh_from_db()
    assert court.reasons_required(rec) == []
    decision = services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    assert decision.decision == CourtDecision.Decision.ADOPT


def test_a_term_outside_the_models_80_percent_interval_needs_reasons(world, flow):
    rec = flow.final()
    flow.ready_for_adoption()
    engine = dict(rec.calculation.get("engine") or {})
    engine["interval"] = [rec.months + 2, rec.months + 8]
    SentencingRecommendation.objects.filter(pk=rec.pk).update(
        calculation={**rec.calculation, "engine": engine}
    )
    rec.refresh_from_db()
    with pytest.raises(DomainError, match="80%预测区间") as error:
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt", reasons="同意")
    assert error.value.field == "reasons"
    engine["interval"] = [rec.months - 1, rec.months + 1]
    SentencingRecommendation.objects.filter(pk=rec.pk).update(
        calculation={**rec.calculation, "engine": engine}
    )
    rec.refresh_from_db()
    assert services.do_court_decision(rec, acting_user=world.judge, decision="adopt").reasons == ""


def test_a_withdrawal_at_trial_reopens_the_courts_decision(world, flow):
    rec = flow.final()
    flow.ready_for_adoption()
    rec.refresh_from_db()
    adopted = services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    services.do_mark_lapsed(world.defendant, acting_user=world.judge, reason="被告人当庭反悔")
    rec.refresh_from_db()
    assert rec.status == S.LAPSED
    lapsed = AuditEvent.objects.get(action="recommendations.recommendation.lapsed")
    assert lapsed.data["reopened_court_decisions"] == [adopted.pk]
    assert court.decisions_open(world.judge, rec) == [CourtDecision.Decision.DECIDE_OTHERWISE]
    with pytest.raises(DomainError, match="已因被告人反悔失效"):
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    decision = services.do_court_decision(
        rec,
        acting_user=world.judge,
        decision="decide_otherwise",
        grounds=["denies_facts"],
        reasons="被告人当庭否认盗窃第三次的事实，不再适用认罪认罚从宽",
        principal_penalty="fixed_term",
        months=14,
    )
    assert decision.stage == "first_instance" and adopted.pk != decision.pk
    with pytest.raises(DomainError, match="法院在本阶段已对此量刑建议作出决定"):
        services.do_court_decision(
            rec, acting_user=world.judge, decision="decide_otherwise", grounds=["no_crime"]
        )


def test_a_round_lapsed_before_trial_is_not_the_courts_to_decide(world, flow):
    rec = flow.final()
    services.do_mark_lapsed(world.defendant, acting_user=world.prosecutor, reason="审查起诉阶段反悔")
    # 提起公诉 the next day: the round lapsed before the defendant reached the court.
    from datetime import timedelta

    from django.utils import timezone

    from leniency.cases.services import do_file_case, do_prosecute

    tomorrow = timezone.localdate() + timedelta(days=1)
    do_prosecute(world.case, court=world.court, acting_user=world.prosecutor, as_of=tomorrow)
    do_file_case(world.case, judge=world.judge, filed_on=tomorrow, acting_user=world.clerk)
    rec.refresh_from_db()
    assert rec.defendant.stage == "first_instance"
    assert court.decisions_open(world.judge, rec) == []
    with pytest.raises(DomainError, match="只能对已确定的量刑建议"):
        services.do_court_decision(
            rec, acting_user=world.judge, decision="decide_otherwise", grounds=["no_crime"]
        )


def test_the_court_page_offers_only_decisions_it_will_accept(client, world, flow):
    rec = flow.final()
    flow.plea_signed()
    flow.at_trial()  # no voluntariness review yet: the plea app's real check blocks adoption
    rec.refresh_from_db()  # the case now has its court and judge
    client.force_login(world.judge)
    url = reverse("recommendations:court", args=[rec.pk])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="adopt"' not in html and 'value="decide_otherwise"' in html
    assert "法院尚未进行认罪认罚自愿性审查" in html
    flow.reviewed()
    assert 'value="adopt"' in client.get(url).content.decode()
    services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    page = client.get(url)
    html = page.content.decode()
    assert '<form method="post"' not in html and "法院在本阶段已对此量刑建议作出决定" in html
    # The withdrawal reopens it: the page offers deciding otherwise, and says the adoption no longer stands.
    services.do_mark_lapsed(world.defendant, acting_user=world.judge, reason="被告人当庭反悔")
    html = client.get(url).content.decode()
    assert 'value="decide_otherwise"' in html and 'value="adopt"' not in html
    assert "此决定不再有效" in html


def test_the_court_page_shows_the_objection_beside_the_reasons(client, world, flow):
    rec = final_over_objection(world, flow, reasons="退赔在先，应判缓刑")
    client.force_login(world.judge)
    url = reverse("recommendations:court", args=[rec.pk])
    html = client.get(url).content.decode()
    assert 'id="objection"' in html and "退赔在先，应判缓刑" in html
    page = client.post(url, {"decision": "adopt", "reasons": "", "version": rec.version})
    assert page.status_code == 400 and "须写明采纳理由并回应异议" in page.content.decode()
    page = client.post(url, {"decision": "adopt", "reasons": ANSWER, "version": rec.version})
    assert page.status_code == 302
    record = client.get(reverse("recommendations:defendant", args=[world.defendant.pk])).content.decode()
    assert ANSWER in record and "采纳时辩方有异议" in record


def test_other_action_pages_show_no_form_for_a_status_the_service_would_refuse(client, world, flow):
    rec = flow.final()
    for user, name in ((world.prosecutor, "finalise"), (world.supervisor, "review")):
        client.force_login(user)
        html = client.get(reverse(f"recommendations:{name}", args=[rec.pk])).content.decode()
        assert '<form method="post"' not in html and "不能进行此项操作" in html
    approved = flow.approved()
    client.force_login(world.prosecutor)
    assert (
        '<form method="post"'
        in client.get(reverse("recommendations:finalise", args=[approved.pk])).content.decode()
    )
