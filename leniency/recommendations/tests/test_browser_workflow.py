"""One defendant through draft → review → lawyer objection → revised round → final → court adoption, in Chromium."""

import pytest
from playwright.sync_api import expect

from leniency.audit.models import AuditEvent
from leniency.recommendations.models import SentencingRecommendation
from leniency.testing.browser import agree, approve, file_case, finalise, revise_recommendation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def actions(world):
    return list(
        AuditEvent.objects.filter(case_id=world.case.pk, action__startswith="recommendations.")
        .order_by("seq")
        .values_list("action", flat=True)
    )


def refused(page, url, live_server):
    response = page.goto(f"{live_server.url}{url}")
    if response.status in (403, 404):
        return True
    return "/login/" in page.url  # the public is sent to log in


def test_draft_review_objection_revision_final_adoption(as_user, live_server, world, flow):
    d = world.defendant
    base = live_server.url
    prosecutor = as_user(world.prosecutor)
    outsider, public, other_district = (
        as_user(world.unassigned_lawyer),
        as_user(None),
        as_user(world.outsider_prosecutor),
    )

    # 1. The prosecutor drafts from the case page; the engine's steps are shown beside the form.
    prosecutor.goto(f"{base}/cases/{world.case.pk}/")
    prosecutor.locator(f"#defendant-{d.pk} [data-panel=recommendations]").get_by_role(
        "link", name="起草"
    ).click()
    expect(prosecutor.locator("#engine-panel")).to_contain_text("计算步骤")
    expect(prosecutor.locator("#engine-panel")).to_contain_text("量刑起点")
    # A term far from the engine: the htmx preview warns, saving without a reason is refused.
    months = prosecutor.locator("#id_months")
    engine_months = int(months.input_value())
    engine_penalty = prosecutor.locator("#id_principal_penalty").input_value()
    engine_probation = prosecutor.locator("#id_probation").is_checked()
    prosecutor.select_option("#id_principal_penalty", "fixed_term")
    prosecutor.locator("#id_probation").uncheck()
    months.fill(str(engine_months * 3 + 6))
    months.dispatch_event("change")
    expect(prosecutor.locator("#deviation-warnings")).to_be_visible()
    prosecutor.get_by_role("button", name="保存草稿").click()
    expect(prosecutor.locator("#field-deviation_reason .field-error")).to_be_visible()
    expect(months).to_have_value(str(engine_months * 3 + 6))  # the input is kept
    prosecutor.select_option("#id_principal_penalty", engine_penalty)
    if engine_probation:
        prosecutor.locator("#id_probation").check()
    months.fill(str(engine_months))
    prosecutor.get_by_role("button", name="保存草稿").click()
    expect(prosecutor.locator("#round-1")).to_contain_text("草稿")
    prosecutor.locator("#round-1").get_by_role("button", name="提交审核").click()
    expect(prosecutor.locator("#round-1")).to_contain_text("待审核")
    assert actions(world) == ["recommendations.draft.created", "recommendations.recommendation.submitted"]
    rec1 = SentencingRecommendation.objects.get(defendant=d, round=1)
    for page in (outsider, public, other_district):
        assert refused(page, f"/recommendations/defendants/{d.pk}/", live_server)
        assert refused(page, f"/recommendations/{rec1.pk}/review/", live_server)

    # 2. The supervising prosecutor approves it from the queue.
    supervisor = as_user(world.supervisor)
    supervisor.goto(f"{base}/recommendations/queue/")
    supervisor.get_by_role("link", name="审核", exact=True).first.click()
    supervisor.get_by_label("同意").check()
    supervisor.get_by_role("button", name="提交").click()
    expect(supervisor.locator("#round-1")).to_contain_text("审核通过")
    assert actions(world)[-1] == "recommendations.review.approved"

    # 3. The assigned lawyer objects, with reasons; the unassigned lawyer cannot.
    lawyer = as_user(world.lawyer)
    lawyer.goto(f"{base}/recommendations/defendants/{d.pk}/")
    lawyer.get_by_role("link", name="提出律师意见").click()
    lawyer.get_by_label("有异议").check()
    lawyer.get_by_role("button", name="提交").click()
    expect(lawyer.locator(".field-error")).to_contain_text("理由")
    lawyer.get_by_label("有异议").check()
    lawyer.locator("#id_reasons").fill("被告人已全额退赔，请求从宽")
    lawyer.get_by_role("button", name="提交").click()
    expect(lawyer.locator("#round-1")).to_contain_text("被告人已全额退赔，请求从宽")
    assert actions(world)[-1] == "recommendations.opinion.given"
    assert refused(outsider, f"/recommendations/{rec1.pk}/opinion/", live_server)
    assert refused(public, f"/recommendations/{rec1.pk}/opinion/", live_server)

    # 4. The prosecutor starts a revised round one month lower; round 1 is superseded but kept.
    rec2 = revise_recommendation(
        prosecutor,
        base,
        d,
        months=max(1, engine_months - 1),
        note="采纳律师意见，下调一个月",
        reason="已全额退赔，采纳辩护意见",
    )
    expect(prosecutor.locator("#round-1")).to_contain_text("已被新一轮取代")
    approve(supervisor, base, rec2)
    agree(lawyer, base, rec2)

    # 5. The prosecutor finalises; the explanation letter is there for the defendant.
    finalise(prosecutor, base, rec2)
    prosecutor.get_by_role("link", name="释法说理书").first.click()
    expect(prosecutor.locator("article.letter")).to_contain_text("如果您反悔")
    assert refused(outsider, f"/recommendations/{rec2.pk}/letter/", live_server)
    assert refused(public, f"/recommendations/{rec2.pk}/letter.pdf", live_server)

    # The plea itself (rights notice, the 具结书 generated from round 2 and signed by all three with the signing
    # recording) is not this journey's subject: the plea's services do it (its own walkthrough uses its pages).
    flow.plea_signed()

    # 6. The prosecutor prosecutes (提起公诉) from the case page; at trial the judge adopts the recommendation
    # once the plea app's real checks pass.
    prosecutor.goto(f"{base}/cases/{d.case_id}/")
    prosecutor.get_by_role("link", name="提起公诉").click()
    prosecutor.get_by_role("button", name="提起公诉").click()
    expect(prosecutor.locator(f"#defendant-{d.pk} .badge").first).to_have_text("一审")
    # The court's clerk files the case from the incoming queue (立案) and assigns the judge.
    file_case(as_user(world.clerk), case=world.case, judge=world.judge)
    judge = as_user(world.judge)
    judge.goto(f"{base}/recommendations/defendants/{d.pk}/")
    judge.get_by_role("link", name="法院决定").click()
    # While something stands in the way (no voluntariness review yet), the page does not offer 采纳 and says why.
    expect(judge.locator("[data-closed]")).to_contain_text("法院尚未进行认罪认罚自愿性审查")
    court_url = judge.url
    expect(judge.get_by_label("采纳", exact=True)).to_have_count(0)
    # The judge records the voluntariness review on its page, every item affirmed with what it rests on.
    judge.goto(f"{base}/plea/defendants/{d.pk}/")
    judge.get_by_role("link", name="自愿性审查").click()
    items = judge.locator("tr[data-item]")
    expect(items.first).to_be_visible()  # count() does not wait for the review page to load
    for i in range(items.count()):
        items.nth(i).locator("input[value=yes]").check()
        items.nth(i).locator("input[type=text]").fill("已核对卷宗材料并当庭询问被告人")
    judge.get_by_role("button", name="保存审查结果").click()
    expect(judge.locator("#review-result")).to_have_text("通过")
    judge.goto(court_url)
    judge.get_by_label("采纳", exact=True).check()
    judge.get_by_role("button", name="提交").click()
    expect(judge.locator("#round-2")).to_contain_text("法院：采纳")
    assert refused(outsider, f"/recommendations/{rec2.pk}/court/", live_server)

    assert actions(world) == [
        "recommendations.draft.created",
        "recommendations.recommendation.submitted",
        "recommendations.review.approved",
        "recommendations.opinion.given",
        "recommendations.draft.created",
        "recommendations.recommendation.submitted",
        "recommendations.review.approved",
        "recommendations.opinion.given",
        "recommendations.recommendation.finalised",
        "recommendations.court.adopted",
    ]
    rec1.refresh_from_db()
    assert rec1.status == "superseded" and rec1.opinions.get().position == "object"
    # The case timeline tells the story to the judge.
    judge.goto(f"{base}/cases/{world.case.pk}/")
    expect(judge.locator("ol.timeline")).to_contain_text("法院采纳量刑建议")
    expect(judge.locator("ol.timeline")).to_contain_text("律师对量刑建议提出意见")
