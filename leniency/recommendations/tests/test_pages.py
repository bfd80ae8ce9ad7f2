import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from leniency.audit.models import AuditEvent
from leniency.recommendations.models import SentencingRecommendation

S = SentencingRecommendation.Status


def client_for(client, user):
    client.force_login(user)
    return client


def test_case_page_panel_shows_status_and_links(client, world, flow):
    rec = flow.final()
    page = client_for(client, world.prosecutor).get(reverse("case_detail", args=[world.case.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert rec.term_text() in text
    assert reverse("recommendations:defendant", args=[world.defendant.pk]) in text
    assert reverse("recommendations:letter", args=[rec.pk]) in text


def test_prosecutor_drafts_through_the_form(client, world):
    c = client_for(client, world.prosecutor)
    url = reverse("recommendations:new", args=[world.defendant.pk])
    page = c.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "计算步骤" in html and "类案" in html and "偏离理由" in html
    assert "刑事诉讼法第173条" in html or "量刑建议工作指导意见" in html
    facts = page.context["form"].initial["facts_text"]
    engine = page.context["panel"]["engine_months"]
    # Far from the engine without a reason: 400, input kept, the field named.
    far = engine * 3 + 6
    data = {
        "facts_text": facts,
        "principal_penalty": "fixed_term",
        "kind": "fixed",
        "months": far,
        "deviation_reason": "",
        "note": "我的意见",
        **page.context["facts_form"].initial_data(),
    }
    page = c.post(url, data)
    assert page.status_code == 400
    html = page.content.decode()
    assert "偏离理由" in html and "我的意见" in html and f'value="{far}"' in html
    assert not SentencingRecommendation.objects.exists()
    data["deviation_reason"] = "多次作案"
    page = c.post(url, data)
    assert page.status_code == 302
    rec = SentencingRecommendation.objects.get()
    assert rec.months == far and rec.deviation_reason == "多次作案"


def test_htmx_preview_warns_about_deviation(client, world):
    c = client_for(client, world.prosecutor)
    url = reverse("recommendations:preview", args=[world.defendant.pk])
    page = c.post(
        url,
        {"facts_text": world.case.facts, "principal_penalty": "fixed_term", "kind": "fixed", "months": 120},
        HTTP_HX_REQUEST="true",
    )
    assert page.status_code == 200
    assert 'id="deviation-warnings"' in page.content.decode()


def test_edit_conflict_is_reported(client, world, flow):
    rec = flow.draft()
    c = client_for(client, world.prosecutor)
    url = reverse("recommendations:edit", args=[rec.pk])
    page = c.get(url)
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(page.context["facts_form"].initial_data())
    data["version"] = rec.version - 1 if rec.version > 1 else rec.version + 5
    page = c.post(url, data)
    assert page.status_code == 400
    assert "已被他人修改" in page.content.decode()


def test_review_page_and_queue(client, world, flow):
    rec = flow.draft()
    c = client_for(client, world.prosecutor)
    c.post(reverse("recommendations:submit", args=[rec.pk]), {"version": rec.version})
    rec.refresh_from_db()
    assert rec.status == S.IN_REVIEW
    # The author cannot open the review page.
    assert c.get(reverse("recommendations:review", args=[rec.pk])).status_code == 403
    c = client_for(client, world.supervisor)
    queue = c.get(reverse("recommendations:queue"))
    assert queue.status_code == 200 and world.defendant.name in queue.content.decode()
    page = c.post(
        reverse("recommendations:review", args=[rec.pk]),
        {"decision": "return", "comments": "", "version": rec.version},
    )
    assert page.status_code == 400 and "退回修改须写明审核意见" in page.content.decode()
    page = c.post(
        reverse("recommendations:review", args=[rec.pk]),
        {"decision": "approve", "comments": "同意", "version": rec.version},
    )
    assert page.status_code == 302
    rec.refresh_from_db()
    assert rec.status == S.APPROVED


def test_lawyer_opinion_page(client, world, flow):
    rec = flow.approved()
    c = client_for(client, world.lawyer)
    page = c.post(reverse("recommendations:opinion", args=[rec.pk]), {"position": "object", "reasons": ""})
    assert page.status_code == 400
    page = c.post(
        reverse("recommendations:opinion", args=[rec.pk]), {"position": "object", "reasons": "已退赃"}
    )
    assert page.status_code == 302
    assert rec.opinions.get().reasons == "已退赃"
    # The defendant page shows the lawyer the approved round and their opinion, never drafts.
    flow.draft()
    page = c.get(reverse("recommendations:defendant", args=[world.defendant.pk]))
    rounds = [v.rec.round for v in page.context["rounds"]]
    assert rounds == [1] and "已退赃" in page.content.decode()


def test_court_decision_page(client, world, flow):
    rec = flow.final()
    flow.plea_signed()
    flow.at_trial()
    c = client_for(client, world.judge)
    page = c.get(reverse("recommendations:court", args=[rec.pk]))
    assert page.status_code == 200 and "刑事诉讼法第201条" in page.content.decode()
    # No voluntariness review yet: the plea app's real check refuses the adoption and the page names it.
    page = c.post(
        reverse("recommendations:court", args=[rec.pk]), {"decision": "adopt", "version": rec.version}
    )
    assert page.status_code == 400 and "法院尚未进行认罪认罚自愿性审查" in page.content.decode()
    flow.reviewed()
    page = c.post(
        reverse("recommendations:court", args=[rec.pk]), {"decision": "adopt", "version": rec.version}
    )
    assert page.status_code == 302
    assert AuditEvent.objects.filter(action="recommendations.court.adopted").exists()


def test_letter_page_and_pdf(client, world, flow):
    rec = flow.final()
    c = client_for(client, world.lawyer)
    page = c.get(reverse("recommendations:letter", args=[rec.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "盗窃罪" in html and "第二百六十四条" in html and rec.term_text() in html
    assert "反悔" in html and "第二百三十七条" in html
    pdf = c.get(reverse("recommendations:letter_pdf", args=[rec.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_letter_only_for_finalised_rounds(client, world, flow):
    rec = flow.approved()
    page = client_for(client, world.prosecutor).get(reverse("recommendations:letter", args=[rec.pk]))
    assert page.status_code == 404


@pytest.mark.parametrize("who", ["unassigned_lawyer", "outsider_prosecutor", "outsider_judge"])
def test_outsiders_get_404_on_every_page(client, world, flow, who):
    rec = flow.final()
    c = client_for(client, getattr(world, who))
    urls = [
        reverse("recommendations:defendant", args=[world.defendant.pk]),
        reverse("recommendations:new", args=[world.defendant.pk]),
    ]
    urls += [
        reverse(f"recommendations:{name}", args=[rec.pk])
        for name in ("edit", "review", "opinion", "finalise", "court", "letter", "letter_pdf")
    ]
    for url in urls:
        assert c.get(url).status_code == 404, url
    assert c.post(reverse("recommendations:submit", args=[rec.pk])).status_code == 404


def test_the_public_is_sent_to_log_in(client, world, flow):
    rec = flow.final()
    for url in (
        reverse("recommendations:defendant", args=[world.defendant.pk]),
        reverse("recommendations:letter", args=[rec.pk]),
        reverse("recommendations:queue"),
    ):
        page = client.get(url)
        assert page.status_code == 302 and "/login/" in page["Location"]


def test_wrong_roles_get_403(client, world, flow):
    rec = flow.approved()
    world.to_trial()  # the judge sees the case once it is filed before the court
    assert (
        client_for(client, world.lawyer)
        .get(reverse("recommendations:new", args=[world.defendant.pk]))
        .status_code
        == 403
    )
    assert (
        client_for(client, world.judge).get(reverse("recommendations:opinion", args=[rec.pk])).status_code
        == 403
    )
    assert (
        client_for(client, world.prosecutor).get(reverse("recommendations:court", args=[rec.pk])).status_code
        == 403
    )
    assert client_for(client, world.lawyer).get(reverse("recommendations:queue")).status_code == 403
    assert (
        client_for(client, world.lawyer).get(reverse("recommendations:finalise", args=[rec.pk])).status_code
        == 403
    )


def test_lawyer_cannot_see_co_defendant(client, world):
    page = client_for(client, world.lawyer).get(
        reverse("recommendations:defendant", args=[world.co_defendant.pk])
    )
    assert page.status_code == 404


def test_pages_switch_to_english(client, world, flow):
    flow.final()
    c = client_for(client, world.lawyer)
    c.cookies["django_language"] = "en"
    try:
        html = c.get(reverse("recommendations:defendant", args=[world.defendant.pk])).content.decode()
    finally:
        translation.activate(settings.LANGUAGE_CODE)  # the middleware leaves the thread in English
    assert "Rounds and opinions" in html and "Explanation letter" in html


def test_the_court_sees_the_lawyers_objection_but_not_internal_reviews(client, world, flow):
    rec = flow.draft()
    from leniency.recommendations import services

    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="return", comments="内部意见：核实前科")
    rec.refresh_from_db()
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="object", reasons="应认定从犯")
    services.do_finalise(rec, acting_user=world.prosecutor, lawyer_reply="证据不足")
    world.to_trial()
    html = (
        client_for(client, world.judge)
        .get(reverse("recommendations:defendant", args=[world.defendant.pk]))
        .content.decode()
    )
    assert "应认定从犯" in html and "证据不足" in html
    assert "内部意见：核实前科" not in html and "经主管检察官审核同意" in html
