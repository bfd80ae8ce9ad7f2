"""Two defendants through the plea process in Chromium, each step checked in the audit trail and refused to
the unassigned lawyer, another district's prosecutor and the public.

1. notice → draft → review → lawyer objection → revised recommendation → agreement signed by all three →
   recording → voluntariness review (a failed item, resolved) → adoption;
2. a plea withdrawn at trial, with its consequences.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leniency.audit.models import AuditEvent
from leniency.cases.services import do_set_procedure
from leniency.cases.stages import Procedure
from leniency.plea.agreements import do_generate_agreement
from leniency.plea.models import RightsNotice, VoluntarinessReview, Withdrawal
from leniency.plea.notices import do_record_notice
from leniency.recommendations import services as recs
from leniency.recommendations.models import SentencingRecommendation
from leniency.testing.browser import (
    RELIED_ON,
    adopt,
    agree,
    approve,
    draft_recommendation,
    file_case,
    finalise,
    generate_agreement,
    revise_recommendation,
    sign_agreement,
    upload_signing_recording,
)

from .helpers import sign_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def actions(world, prefix=""):
    return list(
        AuditEvent.objects.filter(case_id=world.case.pk, action__startswith=prefix)
        .order_by("seq")
        .values_list("action", flat=True)
    )


def refused(page, url, live_server):
    response = page.goto(f"{live_server.url}{url}")
    if response.status in (403, 404):
        return True
    return "/login/" in page.url


def assert_refused(pages, urls, live_server):
    for page in pages:
        for url in urls:
            assert refused(page, url, live_server), url


def test_notice_to_adoption(as_user, live_server, world):
    d, base = world.defendant, live_server.url
    prosecutor, lawyer = as_user(world.prosecutor), as_user(world.lawyer)
    outsiders = [as_user(world.unassigned_lawyer), as_user(world.outsider_prosecutor), as_user(None)]

    # 1. Rights notice, from the plea panel of the case page; printable.
    prosecutor.goto(f"{base}/cases/{world.case.pk}/")
    panel = prosecutor.locator(f"#defendant-{d.pk} .plea-panel")
    expect(panel).to_contain_text("尚未记录权利告知")
    panel.get_by_role("link", name="记录权利告知").click()
    expect(prosecutor.locator(".legal")).to_contain_text("第173条第2款")
    prosecutor.get_by_label("告知语言").fill("英语")
    prosecutor.get_by_role("button", name="保存告知记录").click()
    expect(prosecutor.locator(".field-error")).to_contain_text("翻译人员")
    prosecutor.get_by_label("翻译人员（非汉语告知时必填）").fill("王翻译")
    prosecutor.get_by_role("button", name="保存告知记录").click()
    expect(prosecutor.get_by_role("heading", name="认罪认罚从宽制度告知书")).to_be_visible()
    notice = RightsNotice.objects.get(defendant=d)
    assert notice.interpreter == "王翻译" and actions(world, "plea.") == ["plea.notice.recorded"]
    pdf = prosecutor.request.get(f"{base}/plea/notices/{notice.pk}/pdf/")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    assert_refused(
        outsiders,
        [f"/plea/notices/{notice.pk}/", f"/plea/defendants/{d.pk}/notices/new/", f"/plea/defendants/{d.pk}/"],
        live_server,
    )

    # 2. Draft, review, the lawyer's objection, a revised round, final (the recommendations app's pages).
    rec1 = draft_recommendation(prosecutor, base, d)
    supervisor = as_user(world.supervisor)
    approve(supervisor, base, rec1)
    lawyer.goto(f"{base}/recommendations/{rec1.pk}/opinion/")
    lawyer.get_by_label("有异议").check()
    lawyer.locator("#id_reasons").fill("被告人已全额退赔，请求从宽")
    lawyer.get_by_role("button", name="提交").click()
    expect(lawyer.locator("#round-1")).to_contain_text("被告人已全额退赔，请求从宽")
    assert_refused(outsiders, [f"/recommendations/{rec1.pk}/opinion/"], live_server)
    rec2 = revise_recommendation(
        prosecutor,
        base,
        d,
        months=max(1, rec1.months - 1),
        note="采纳律师意见，下调一个月",
        reason="已全额退赔，采纳辩护意见",
    )
    approve(supervisor, base, rec2)
    agree(lawyer, base, rec2)
    finalise(prosecutor, base, rec2)
    assert actions(world, "recommendations.")[-1] == "recommendations.recommendation.finalised"

    # 3. The 具结书 from the final recommendation.
    agreement = generate_agreement(prosecutor, base, d, rec2)
    assert agreement.recommendation_id == rec2.pk
    assert_refused(
        outsiders, [f"/plea/agreements/{agreement.pk}/", f"/plea/agreements/{agreement.pk}/pdf/"], live_server
    )

    # 4. The signing is recorded on video: the prosecutor uploads it (streamed, hashed), then each party signs on
    #    their own account, naming its segment: the defendant on paper (the signed copy scanned), the lawyer's
    #    attestation, the prosecutor.
    recording = upload_signing_recording(prosecutor, base, d, agreement)
    assert actions(world, "recordings.") == ["recordings.recording.added"]
    assert_refused(
        outsiders, [f"/recordings/{recording.pk}/", f"/recordings/{recording.pk}/file/"], live_server
    )
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    # The defendant's signature needs the segment of the signing's recording.
    prosecutor.locator("#sign-defendant").get_by_role("button", name="记录犯罪嫌疑人签名").click()
    expect(prosecutor.locator("#sign-defendant .field-error")).to_contain_text("签署过程的录音录像")
    sign_agreement(prosecutor, lawyer, base, agreement, recording, lawyer_name=str(world.lawyer))
    expect(prosecutor.locator("#signatures .segment")).to_have_text(
        [f"录音录像 #{recording.pk}，00:00:12–00:01:15"] * 3
    )
    assert actions(world, "plea.agreement") == ["plea.agreement.generated"] + [
        "plea.agreement.signed"
    ] * 3 + ["plea.agreement.completed"]

    # 5. At trial, the court may not adopt before the voluntariness review.
    # The prosecutor prosecutes (提起公诉) from the case page, naming the court.
    prosecutor.goto(f"{base}/cases/{world.case.pk}/")
    prosecutor.get_by_role("link", name="提起公诉").click()
    prosecutor.get_by_role("button", name="提起公诉").click()
    expect(prosecutor.locator(f"#defendant-{d.pk} .badge").first).to_have_text("一审")
    # The court's clerk files the case from the incoming queue (立案) and assigns the judge.
    file_case(as_user(world.clerk), case=world.case, judge=world.judge)
    judge = as_user(world.judge)
    judge.goto(f"{base}/recommendations/{rec2.pk}/court/")
    # The page does not offer what would be refused: no 采纳 choice, and it says why.
    expect(judge.locator("[data-closed]")).to_contain_text("自愿性审查")
    expect(judge.get_by_label("采纳", exact=True)).to_have_count(0)

    # 6. The voluntariness review: the judge opens the signing recording from the checklist, finds one item
    #    not satisfied, and resolves it.
    judge.goto(f"{base}/plea/defendants/{d.pk}/")
    judge.get_by_role("link", name="自愿性审查").click()
    row = judge.locator("tr[data-item=understands]")
    link = row.get_by_role("link", name="具结书签署", exact=False)
    judge.request.get(
        base
        + link.get_attribute("href").replace(
            f"/recordings/{recording.pk}/", f"/recordings/{recording.pk}/file/"
        )
    )
    for key in (
        "rights_notified",
        "opinions_on_file",
        "agreement_on_file",
        "no_coercion",
        "mental_state",
        "lawyer_helped",
        "agreement_true_lawful",
    ):
        judge.locator(f"tr[data-item={key}] input[value=yes]").check()
    # Beside each question, what the platform holds (for the opinions: the legal advice the lawyer gave the day the
    # rota sent him, and his opinion on the round); a "符合" whose evidence is missing needs a note saying what
    # the judge relied on.
    missing = judge.locator("tr[data-item]:has([data-missing])")
    opinions = judge.locator("tr[data-item=opinions_on_file]").inner_text()
    assert "法律咨询" in opinions and "对量刑建议：同意" in opinions
    for i in range(missing.count()):
        row_i = missing.nth(i)
        if row_i.get_attribute("data-item") not in ("understands", "settlement_on_file"):
            row_i.locator("input[type=text]").fill(RELIED_ON)
    judge.locator("tr[data-item=settlement_on_file] input[value=na]").check()
    row.locator("input[value=no]").check()
    judge.get_by_role("button", name="保存审查结果").click()
    expect(judge.locator("tr[data-item=understands] .field-error")).to_contain_text("须说明情况")
    judge.locator("tr[data-item=understands] input[type=text]").fill("被告人对缓刑考验期的含义理解有误")
    judge.get_by_role("button", name="保存审查结果").click()
    expect(judge.locator("#review-result")).to_contain_text("有未解决的不符合事项")
    review = VoluntarinessReview.objects.get(defendant=d)
    assert_refused(outsiders + [prosecutor], [f"/plea/defendants/{d.pk}/reviews/new/"], live_server)
    assert_refused(outsiders, [f"/plea/reviews/{review.pk}/"], live_server)
    judge.goto(f"{base}/recommendations/{rec2.pk}/court/")
    expect(judge.locator("[data-closed]")).to_contain_text("理解认罪认罚的性质和法律后果")
    expect(judge.get_by_label("采纳", exact=True)).to_have_count(0)
    judge.goto(f"{base}/plea/reviews/{review.pk}/")
    judge.get_by_label("解决情况").fill("当庭释明后，被告人表示理解并坚持认罪认罚")
    judge.get_by_role("button", name="记录解决情况").click()
    expect(judge.locator("#review-result")).to_contain_text("通过")
    assert actions(world, "plea.review") == ["plea.review.recorded", "plea.review.item.resolved"]
    custody = AuditEvent.objects.filter(action="recordings.recording.accessed").get()
    assert custody.actor == world.judge and custody.data["mode"] == "view"

    # 7. Adoption.
    adopt(judge, base, rec2)
    assert actions(world, "recommendations.court") == ["recommendations.court.adopted"]
    assert_refused(outsiders, [f"/recommendations/{rec2.pk}/court/"], live_server)

    # The case page tells the story in order, and its timeline names every step.
    judge.goto(f"{base}/cases/{world.case.pk}/")
    story = judge.locator(f"#defendant-{d.pk} .plea-story li")
    kinds = story.evaluate_all("items => items.map(i => i.dataset.kind)")
    assert kinds.index("notice") < kinds.index("agreement") < kinds.index("signature") < kinds.index("review")
    timeline = judge.locator("ol.timeline")
    for label in (
        "权利告知",
        "生成具结书",
        "具结书签署完成",
        "上传录音录像",
        "调阅录音录像",
        "自愿性审查",
        "法院采纳量刑建议",
    ):
        expect(timeline).to_contain_text(label)


def _pleaded_at_trial(world):
    """Notice, final recommendation, agreement signed by all three, at trial under the expedited procedure —
    through the services (the first walk-through drives the same steps through the pages)."""
    d = world.defendant
    do_record_notice(
        d,
        acting_user=world.prosecutor,
        authority="procuratorate",
        notified_by_name="艾检察官",
        notified_at=timezone.now(),
        acknowledged=True,
    )
    rec = recs.do_create_draft(d, acting_user=world.prosecutor)
    rec = recs.do_submit(rec, acting_user=world.prosecutor)
    recs.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    recs.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    rec = recs.do_finalise(rec, acting_user=world.prosecutor)
    agreement = do_generate_agreement(d, acting_user=world.prosecutor, procedure=Procedure.EXPEDITED)
    sign_all(world, agreement)
    world.to_trial()
    do_set_procedure(d, procedure=Procedure.EXPEDITED, acting_user=world.judge)
    return rec, agreement


def test_withdrawal_at_trial(as_user, live_server, world):
    d, base = world.defendant, live_server.url
    rec, agreement = _pleaded_at_trial(world)
    outsiders = [as_user(world.unassigned_lawyer), as_user(world.outsider_prosecutor), as_user(None)]
    lawyer = as_user(world.lawyer)
    assert refused(
        lawyer, f"/plea/defendants/{d.pk}/withdrawals/new/", live_server
    )  # the lawyer may not record it
    assert_refused(outsiders, [f"/plea/defendants/{d.pk}/withdrawals/new/"], live_server)

    judge = as_user(world.judge)
    judge.goto(f"{base}/cases/{world.case.pk}/")
    judge.locator(f"#defendant-{d.pk} .plea-panel").get_by_role("link", name="记录反悔").click()
    expect(judge.locator(".legal")).to_contain_text("第三百五十八条")
    expect(judge.locator(".legal")).to_contain_text(rec.term_text())
    judge.get_by_label("认为量刑建议过重").check()
    judge.get_by_label("其他（须说明）").check()
    judge.get_by_label("转换审理程序", exact=False).select_option(Procedure.ORDINARY)
    judge.get_by_label("本人陈述").fill("被告人当庭表示不认可量刑建议，并称作案时不在现场")
    judge.get_by_role("button", name="记录反悔").click()
    expect(judge.locator(".field-error")).to_contain_text("须说明具体原因")
    expect(judge.get_by_label("本人陈述")).to_have_value("被告人当庭表示不认可量刑建议，并称作案时不在现场")
    judge.get_by_label("其他原因说明").fill("称作案时不在现场")
    judge.get_by_role("button", name="记录反悔").click()
    expect(judge.locator("#reasons")).to_contain_text("认为量刑建议过重")
    expect(judge.locator("#reasons")).to_contain_text("称作案时不在现场")
    for consequence in (
        "具结书失效",
        "撤回从宽量刑建议",
        "建议法院不再适用认罪认罚从宽制度",
        "转为普通程序或简易程序审理",
    ):
        expect(judge.locator("#consequences")).to_contain_text(consequence)
    withdrawal = Withdrawal.objects.get(defendant=d)
    assert withdrawal.stage == "at_trial" and withdrawal.recommendation_id == rec.pk
    assert_refused(outsiders, [f"/plea/withdrawals/{withdrawal.pk}/"], live_server)

    # Nothing is deleted: the agreement and its signatures stay on file, marked lapsed.
    judge.goto(f"{base}/plea/agreements/{agreement.pk}/")
    expect(judge.locator("h1")).to_contain_text("因反悔失效")
    expect(judge.locator("#signatures tr")).to_have_count(4)  # header + three signatures
    expect(judge.locator("#signatures .bad")).to_have_count(3)
    rec.refresh_from_db()
    d.refresh_from_db()
    assert rec.status == SentencingRecommendation.Status.LAPSED and d.procedure == Procedure.ORDINARY
    # The court can no longer adopt the recommendation.
    assert recs.final_recommendation(d) is None
    from leniency.plea.review import adoption_blockers

    assert any("反悔" in b for b in adoption_blockers(d))
    tail = actions(world)[-4:]
    assert tail == [
        "recommendations.recommendation.lapsed",
        "plea.agreement.lapsed",
        "defendant.procedure.set",
        "plea.withdrawn",
    ], tail

    # The lawyer sees the story on the case page, the timeline names the withdrawal.
    lawyer.goto(f"{base}/cases/{world.case.pk}/")
    expect(lawyer.locator(f"#defendant-{d.pk} .plea-panel")).to_contain_text("已反悔（一审审理阶段）")
    expect(lawyer.locator("ol.timeline")).to_contain_text("认罪认罚反悔")
