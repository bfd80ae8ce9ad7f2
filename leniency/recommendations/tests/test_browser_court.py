"""The court's decision in Chromium (issue 17), role by role: the lawyer objects on their page, the prosecutor
answers and finalises, the judge is refused an adoption without reasons, writes reasons and adopts, and the
reasons stand in the record; then a withdrawal at trial reopens the decision and the judge decides again.

What the journey is about (the objection, the finalising reply, 提起公诉, the court's decisions, the withdrawal)
is done through the pages; the draft and its approval, the plea's notice and signed 具结书 and the voluntariness
review, which are not, go through the services (`flow`; the plea has its own walkthrough), so the court's
adoption passes the plea app's real checks."""

import pytest
from playwright.sync_api import expect

from leniency.audit.models import AuditEvent
from leniency.recommendations import services
from leniency.recommendations.models import CourtDecision
from leniency.testing.browser import file_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OBJECTION = "被告人系初犯，案发后主动退赔全部损失，建议判处缓刑"
REASONS = "被告人虽已退赔，但系在审查起诉后期退赔，且一年内盗窃三次，检察院已在建议中从轻评价退赔情节，不判处缓刑并无不当"


def test_objection_needs_reasons_and_a_withdrawal_reopens_the_decision(as_user, live_server, world, flow):  # noqa: F811
    d, base = world.defendant, live_server.url
    rec = services.do_create_draft(d, acting_user=world.prosecutor)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")

    # The lawyer objects on their own page.
    lawyer = as_user(world.lawyer)
    lawyer.goto(f"{base}/recommendations/{rec.pk}/opinion/")
    lawyer.get_by_label("有异议").check()
    lawyer.get_by_label("理由", exact=True).fill(OBJECTION)
    lawyer.get_by_role("button", name="提交").click()
    expect(lawyer.locator("body")).to_contain_text(OBJECTION)

    # The prosecutor answers the objection and finalises; the plea is signed on the final round; then the
    # prosecutor prosecutes (提起公诉) from the case page, and the judge's voluntariness review passes.
    prosecutor = as_user(world.prosecutor)
    prosecutor.goto(f"{base}/recommendations/{rec.pk}/finalise/")
    prosecutor.get_by_label("对律师意见的答复").fill("退赔较晚，且多次作案，不宜适用缓刑")
    prosecutor.get_by_role("button", name="提交").click()
    expect(prosecutor.locator("body")).to_contain_text("量刑建议已确定")
    flow.plea_signed()
    prosecutor.goto(f"{base}/cases/{world.case.pk}/")
    prosecutor.get_by_role("link", name="提起公诉").click()
    prosecutor.get_by_role("button", name="提起公诉").click()
    expect(prosecutor.locator(f"#defendant-{d.pk} .badge").first).to_have_text("一审")
    # The court's clerk files the case from the incoming queue (立案) and assigns the judge.
    file_case(as_user(world.clerk), case=world.case, judge=world.judge)
    flow.reviewed()

    # The judge sees the objection beside the reasons box; adopting without reasons, or with stock phrases, is
    # refused naming the rule; written reasons that answer it are accepted and appear in the record.
    judge = as_user(world.judge)
    court = f"{base}/recommendations/{rec.pk}/court/"
    judge.goto(court)
    expect(judge.locator("#objection")).to_contain_text(OBJECTION)
    judge.get_by_label("采纳", exact=True).check()
    judge.get_by_role("button", name="提交").click()
    expect(judge.locator(".field-error, .errors").first).to_contain_text("须写明采纳理由并回应异议")
    judge.get_by_label("理由", exact=True).fill("经审查，量刑建议适当，予以采纳。")
    judge.get_by_role("button", name="提交").click()
    expect(judge.locator(".field-error, .errors").first).to_contain_text("套话外不足20字")
    assert not CourtDecision.objects.exists()
    judge.get_by_label("理由", exact=True).fill(REASONS)
    judge.get_by_role("button", name="提交").click()
    expect(judge.locator("#round-1")).to_contain_text("法院：采纳")
    expect(judge.locator("#round-1")).to_contain_text(REASONS)
    expect(judge.locator("#round-1")).to_contain_text("采纳时辩方有异议")
    adopted = AuditEvent.objects.get(action="recommendations.court.adopted")
    assert adopted.data["reasons"] == REASONS and adopted.data["over_objection"] is True

    # Decided: the court page shows no form, and says why.
    judge.goto(court)
    expect(judge.locator("[data-closed]")).to_contain_text("法院在本阶段已对此量刑建议作出决定")
    expect(judge.get_by_role("button", name="提交")).to_have_count(0)

    # The defendant withdraws at trial; the judge records it.
    judge.goto(f"{base}/plea/defendants/{d.pk}/withdrawals/new/")
    judge.get_by_label("认为量刑建议过重").check()
    judge.get_by_label("本人陈述").fill("被告人当庭表示不认可量刑建议")
    judge.get_by_role("button", name="记录反悔").click()
    expect(judge.locator("#consequences")).to_contain_text("撤回从宽量刑建议")

    # The court decides again on the lapsed round: only deciding otherwise is offered; the adoption no longer stands.
    expect(judge.locator("#next-step")).to_contain_text("须在本阶段重新作出决定")
    judge.locator("#next-step").get_by_role("link", name="重新作出决定").click()
    expect(judge.locator("#court-decisions")).to_contain_text("此决定不再有效")
    expect(judge.get_by_label("采纳", exact=True)).to_have_count(0)
    judge.get_by_label("不予采纳，依法判决").check()
    judge.get_by_label("被告人否认指控的犯罪事实", exact=False).check()
    judge.get_by_label("理由", exact=True).fill("被告人当庭反悔，具结书失效，不再适用认罪认罚从宽，依法判决")
    judge.get_by_label("判处主刑", exact=False).select_option("fixed_term")
    judge.get_by_label("判处刑期（月）").fill("14")
    judge.get_by_role("button", name="提交").click()
    expect(judge.locator("#round-1")).to_contain_text("法院：不予采纳，依法判决")
    expect(judge.locator("#round-1")).to_contain_text("本决定不再有效")
    decisions = list(CourtDecision.objects.order_by("id").values_list("decision", flat=True))
    assert decisions == ["adopt", "decide_otherwise"]
