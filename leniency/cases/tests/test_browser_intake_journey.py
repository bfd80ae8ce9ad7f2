"""One case end to end through the pages, each step by the person who takes it in real life, each on their own
browser: the legal-aid centre publishes this month's duty rota at the procuratorate; the case management registers
a case the police transferred (受理) and assigns it to a prosecutor; the prosecutor asks for a duty lawyer, whom
the rota sends; the plea (认罪认罚): rights notice, recommendation drafted, approved by the supervisor, agreed by
the lawyer and made final, the 具结书 generated and signed on the recording by the suspect, the lawyer and the
prosecutor; the prosecutor prosecutes (提起公诉) to the basic court, whose clerk files it (立案) for a judge; the
judge reviews the plea's voluntariness, adopts the recommendation and records the judgment; the appeal (上诉)
goes to the intermediate court, whose clerk files it for its own panel, and the first-instance judge reaches
nothing of it any more; the second-instance judge remands it (发回重审) and the first court's clerk files it
again for another judge, who then has the case and its judgment page. The second suspect, left under review when
the first was prosecuted, is then prosecuted to the same court (追加起诉) and joins the filed case.

The world (leniency/testing/personas.py) gives this case only people, organisations, the lawyer's registration
and the legal-aid workstation: its request, rota, recommendation, agreement, court and judges all come through
the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leniency.accounts.models import Organisation, Role, User
from leniency.cases.models import Case
from leniency.counsel.models import CounselRequest
from leniency.testing import browser as steps
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_one_case_from_intake_through_the_plea_to_the_second_instance(as_user, live_server, world):
    base = live_server.url
    today = timezone.localdate()

    # 0. The legal-aid centre draws up this month's duty rota at its workstation in the procuratorate, and
    # publishes it.
    officer = as_user(world.aid_officer)
    officer.goto(f"{base}/counsel/rota/")
    officer.get_by_role("link", name="编制新排班").click()
    officer.get_by_label("工作站").select_option(str(world.station.pk))
    officer.get_by_label("开始日期").fill(today.isoformat())
    officer.get_by_label("结束日期").fill((today + timedelta(days=30)).isoformat())
    officer.get_by_label(str(world.lawyer)).check()
    officer.get_by_role("button", name="保存").click()
    officer.get_by_role("button", name="公示排班").click()
    expect(officer.locator(".note").first).to_contain_text("纠错期截止")

    # 1. The case management registers the transfer, with two suspects; the first one's ID number is checked.
    manager = as_user(world.case_manager)
    manager.get_by_role("link", name="案件受理").click()
    expect(manager.get_by_role("heading", name="案件受理（移送审查起诉）")).to_be_visible()
    manager.get_by_role("link", name="增加一名犯罪嫌疑人").click()
    manager.fill("[name=received_on]", today.isoformat())
    manager.fill("[name=transferring_agency]", "东区公安分局")
    manager.fill("[name=transfer_document_number]", "东公刑诉字〔2026〕88号")
    manager.fill("[name=title]", "王某盗窃案")
    manager.fill("[name=facts]", "2026年9月，王某在东区某超市窃取商品，价值人民币3000元。")
    manager.fill("[name=d-0-name]", "王某")
    manager.select_option("[name=d-0-gender]", "M")
    manager.fill("[name=d-0-id_number]", "110101199005010021")  # a wrong check character first
    manager.fill("[name=d-0-birth_date]", "1990-05-01")
    manager.select_option("[name=d-0-detention]", "arrested")
    manager.select_option("[name=d-0-charges]", label="盗窃罪")
    manager.fill("[name=d-1-name]", "钱某")
    manager.select_option("[name=d-1-gender]", "M")
    manager.fill("[name=d-1-id_number]", "110101199005010039")
    manager.fill("[name=d-1-birth_date]", "1990-05-01")
    manager.select_option("[name=d-1-detention]", "bail")
    manager.select_option("[name=d-1-charges]", label="盗窃罪")
    manager.get_by_role("button", name="登记受理").click()
    expect(manager.locator("#person-0")).to_contain_text("校验码错误")
    manager.fill("[name=d-0-id_number]", "110101199005010020")
    manager.get_by_role("button", name="登记受理").click()

    # 2. ... and assigns it, seeing each prosecutor's open load.
    expect(manager.get_by_role("heading", name="分配承办检察官", exact=True)).to_be_visible()
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕88号")
    assert case.number.startswith("东区检刑受〔")
    load = manager.locator("tr[data-prosecutor=alice] td").nth(1)
    expect(load).to_have_text("1")
    row = manager.locator(f"#assign-{case.pk}")
    row.get_by_label("承办检察官").select_option(label="艾检察官")
    row.get_by_role("button", name="分配").click()
    expect(manager.locator(f"#assign-{case.pk}")).to_have_count(0)
    expect(load).to_have_text("2")

    # 3. The prosecutor asks for a duty lawyer for 王某 from the case page; the rota sends the lawyer on duty.
    prosecutor = as_user(world.prosecutor)
    prosecutor.get_by_role("link", name="案件", exact=True).click()
    prosecutor.get_by_role("link", name=case.number).click()
    defendant = case.defendants.get(name="王某")
    prosecutor.locator(f"#defendant-{defendant.pk}").get_by_role("link", name="申请值班律师").click()
    prosecutor.get_by_role("button", name="提交申请").click()
    expect(prosecutor.locator("#request-status")).to_have_text("已指派")
    expect(prosecutor.locator("#allocations")).to_contain_text(str(world.lawyer))
    expect(prosecutor.locator("#allocations")).to_contain_text("轮值指派")
    assert CounselRequest.objects.get(defendant=defendant).allocations.get().lawyer == world.lawyer

    # 4. The plea (认罪认罚): the rights notice, from the case page's plea panel; the recommendation, approved by the
    # supervising prosecutor, agreed by the lawyer the rota sent and made final; the 具结书, signed on the
    # recording by the suspect, the lawyer and the prosecutor.
    prosecutor.goto(f"{base}/cases/{case.pk}/")
    prosecutor.locator(f"#defendant-{defendant.pk} .plea-panel").get_by_role(
        "link", name="记录权利告知"
    ).click()
    prosecutor.get_by_role("button", name="保存告知记录").click()
    expect(prosecutor.get_by_role("heading", name="认罪认罚从宽制度告知书")).to_be_visible()
    lawyer, supervisor = as_user(world.lawyer), as_user(world.supervisor)
    recommendation = steps.draft_recommendation(prosecutor, base, defendant)
    steps.approve(supervisor, base, recommendation)
    steps.agree(lawyer, base, recommendation)
    steps.finalise(prosecutor, base, recommendation)
    agreement = steps.generate_agreement(prosecutor, base, defendant, recommendation)
    recording = steps.upload_signing_recording(prosecutor, base, defendant, agreement)
    steps.sign_agreement(prosecutor, lawyer, base, agreement, recording, lawyer_name=str(world.lawyer))

    # 5. The prosecutor prosecutes 王某; the basic court of the district receives it (CPL art. 20). 钱某's review
    # goes on.
    prosecutor.goto(f"{base}/cases/{case.pk}/")
    prosecutor.get_by_role("link", name="提起公诉").click()
    expect(prosecutor.locator("dl.facts")).to_contain_text("东区人民法院")
    prosecutor.get_by_label("钱某（审查起诉自").uncheck()
    prosecutor.get_by_role("button", name="提起公诉").click()
    expect(prosecutor.get_by_role("heading", name="王某盗窃案")).to_be_visible()
    expect(prosecutor.locator("dl.facts").first).to_contain_text("东区人民法院")
    expect(prosecutor.locator(".defendant .badge").first).to_have_text("一审")

    # 6. The court's clerk finds it in the incoming queue, files it and assigns the judge.
    clerk = as_user(world.clerk)
    steps.file_case(clerk, case=case, judge=world.judge)

    # 7. The assigned judge opens the case page, reviews the plea's voluntariness and adopts the recommendation
    # (CPL art. 201).
    judge = as_user(world.judge)
    judge.get_by_role("link", name="案件", exact=True).click()
    judge.get_by_role("link", name=case.number).click()
    expect(judge.get_by_role("heading", name="王某盗窃案")).to_be_visible()
    expect(judge.locator("#case-judge")).to_contain_text(str(world.judge))
    expect(judge.locator("ol.timeline")).to_contain_text("法院立案")
    steps.review_voluntariness(judge, base, defendant)
    steps.adopt(judge, base, recommendation)

    # 8. The judge records the judgment. The page starts from the sentence adopted; a term the Criminal Law does not
    # allow is refused on its field.
    judge.goto(f"{base}/cases/{case.pk}/")
    judge.get_by_role("link", name="一审宣判").click()
    field = f"[name=d{defendant.pk}-{{}}]".format
    expect(judge.locator(f"#sentence-{defendant.pk} .proposal")).to_contain_text("法院已采纳第1轮量刑建议")
    expect(judge.locator(field("penalty"))).to_have_value(recommendation.principal_penalty)
    expect(judge.locator(field("months"))).to_have_value(str(recommendation.months))
    judge.select_option(field("penalty"), "fixed_term")
    judge.fill(field("months"), "3")
    judge.get_by_role("button", name="记录判决").click()
    expect(judge.locator(f"#sentence-{defendant.pk}")).to_contain_text("刑法第45条")
    judge.select_option(field("penalty"), recommendation.principal_penalty)
    judge.fill(field("months"), str(recommendation.months))
    judge.get_by_role("button", name="记录判决").click()
    expect(judge.locator(".defendant .badge").first).to_have_text("一审判决")
    sentence = f"{recommendation.get_principal_penalty_display()} {recommendation.months}个月"
    expect(judge.locator(".defendant .sentence").first).to_contain_text(sentence)

    # 9. The defendant appeals through the first-instance court: its clerk registers the appeal.
    intermediate = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    ian, ivy, ike, _ = (
        User.objects.create_user(username, password=PASSWORD, role=role, organisation=intermediate)
        for username, role in (
            ("ian", Role.COURT_CLERK),
            ("ivy", Role.JUDGE),
            ("ike", Role.JUDGE),
            ("iris", Role.JUDGE),
        )
    )
    clerk.goto(f"{base}/cases/{case.pk}/")
    clerk.get_by_role("link", name="上诉/抗诉").click()
    expect(clerk.locator("dl.facts")).to_contain_text("测试市中级人民法院")
    clerk.get_by_label("类型").select_option(label="上诉")
    clerk.get_by_role("button", name="移送二审").click()
    expect(clerk.get_by_text("已移送测试市中级人民法院二审")).to_be_visible()

    # 10. The intermediate court files it for its own panel; the first-instance judge no longer reaches it.
    second_clerk = as_user(ian)
    second_clerk.get_by_role("link", name="待立案").click()
    second_clerk.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    second_clerk.get_by_label("承办法官").select_option(label="ivy")
    second_clerk.get_by_role("button", name="立案").click()
    expect(second_clerk.locator("#field-members")).to_contain_text("刑事诉讼法第183条第4款")  # three or five
    second_clerk.get_by_label("承办法官").select_option(label="ivy")
    second_clerk.get_by_label("ike").check()
    second_clerk.get_by_label("iris").check()
    second_clerk.get_by_role("button", name="立案").click()
    expect(second_clerk.locator(f"#incoming-{case.pk}")).to_have_count(0)
    presiding = as_user(ivy)
    presiding.get_by_role("link", name="案件", exact=True).click()
    presiding.get_by_role("link", name=case.number).click()
    expect(presiding.locator("dl.facts").first).to_contain_text("东区人民法院")  # the first-instance court
    expect(presiding.locator(".defendant .badge").first).to_have_text("二审")
    assert judge.goto(f"{base}/cases/{case.pk}/").status == 404

    # 11. A judge of the second-instance panel remands the case for a procedural violation (CPL art. 238): it
    # leaves that court.
    member = as_user(ike)
    member.goto(f"{base}/cases/{case.pk}/")
    member.get_by_role("link", name="二审裁判").click()
    expect(member.locator(f"#sentence-{defendant.pk}")).to_contain_text(sentence)
    member.get_by_label("撤销原判，发回重审").check()
    member.get_by_role("button", name="记录二审裁判").click()
    expect(member.locator("#field-ground")).to_contain_text("第238条")
    member.get_by_label("撤销原判，发回重审").check()
    member.get_by_label("发回重审理由").select_option("procedure")
    member.get_by_role("button", name="记录二审裁判").click()
    expect(member.get_by_text("已记录二审裁判：撤销原判，发回重审")).to_be_visible()
    assert member.goto(f"{base}/cases/{case.pk}/").status == 404

    # 12. Back at the first-instance court: its clerk files the case again, for another judge (CPL art. 239).
    jack = User.objects.create_user(
        "jack", password=PASSWORD, role=Role.JUDGE, organisation=world.court, display_name="贾法官"
    )
    clerk.goto(f"{base}/")
    clerk.get_by_role("link", name="待立案").click()
    clerk.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    clerk.get_by_label("承办法官").select_option(label=str(world.judge))
    clerk.get_by_role("button", name="立案").click()
    expect(clerk.locator("#field-judge")).to_contain_text("刑事诉讼法第239条")
    clerk.get_by_label("承办法官").select_option(label="贾法官")
    clerk.get_by_role("button", name="立案").click()
    expect(clerk.locator(f"#incoming-{case.pk}")).to_have_count(0)
    retrial_judge = as_user(jack)
    retrial_judge.goto(f"{base}/cases/{case.pk}/")
    expect(retrial_judge.locator(".defendant .badge").first).to_have_text("一审")
    expect(retrial_judge.locator("#case-judge")).to_contain_text("贾法官")
    expect(retrial_judge.locator("ol.timeline")).to_contain_text("二审裁判")
    expect(retrial_judge.get_by_role("link", name="一审宣判")).to_be_visible()

    # 13. 追加起诉: the prosecutor prosecutes 钱某, still under review, to the court that has the case (no court to
    # choose); he joins the filed case, and its judge has him at first instance.
    prosecutor.goto(f"{base}/cases/{case.pk}/")
    prosecutor.get_by_role("link", name="追加起诉").click()
    expect(prosecutor.get_by_role("heading", name="追加起诉")).to_be_visible()
    expect(prosecutor.locator("dl.facts")).to_contain_text("东区人民法院")
    expect(prosecutor.get_by_label("钱某（审查起诉自")).to_be_checked()
    expect(prosecutor.locator("[name=grave]")).to_have_count(0)
    prosecutor.get_by_role("button", name="追加起诉").click()
    expect(prosecutor.get_by_text("已向东区人民法院追加起诉")).to_be_visible()
    second = case.defendants.get(name="钱某")
    expect(prosecutor.locator(f"#defendant-{second.pk} .badge").first).to_have_text("一审")
    expect(prosecutor.locator("ol.timeline")).to_contain_text("追加起诉")
    expect(prosecutor.get_by_role("link", name="追加起诉")).to_have_count(0)
    retrial_judge.goto(f"{base}/cases/{case.pk}/")
    expect(retrial_judge.locator(f"#defendant-{second.pk} .badge").first).to_have_text("一审")
