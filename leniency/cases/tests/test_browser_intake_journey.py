"""End to end through the pages, each step by the role that takes it: the case management registers a case the
police transferred (受理) and assigns it to a prosecutor, the prosecutor prosecutes it (提起公诉) to the basic
court, the court's clerk files it (立案) for a judge, and that judge opens the case page; after the judgment
the appeal (上诉) goes to the intermediate court, whose clerk files it for its own judge, and the first-instance
judge reaches nothing of it any more; the second-instance judge remands it (发回重审) and the first court's clerk
files it again for another judge, who then has the case and its judgment page. The second suspect, left under
review when the first was prosecuted, is then prosecuted to the same court (追加起诉) and joins the filed case."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leniency.accounts.models import Organisation, Role, User
from leniency.cases.models import Case
from leniency.conftest import log_in
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    expect(page.locator("input[name=username]")).to_be_visible()


def test_intake_assignment_prosecution_filing_and_the_assigned_judge(page, live_server, world):
    today = timezone.localdate().isoformat()

    # 1. The case management registers the transfer, with two suspects; the first one's ID number is checked.
    log_in(page, live_server, world.case_manager.username, PASSWORD)
    page.get_by_role("link", name="案件受理").click()
    expect(page.get_by_role("heading", name="案件受理（移送审查起诉）")).to_be_visible()
    page.get_by_role("link", name="增加一名犯罪嫌疑人").click()
    page.fill("[name=received_on]", today)
    page.fill("[name=transferring_agency]", "东区公安分局")
    page.fill("[name=transfer_document_number]", "东公刑诉字〔2026〕88号")
    page.fill("[name=title]", "王某盗窃案")
    page.fill("[name=facts]", "2026年9月，王某在东区某超市窃取商品，价值人民币3000元。")
    page.fill("[name=d-0-name]", "王某")
    page.select_option("[name=d-0-gender]", "M")
    page.fill("[name=d-0-id_number]", "110101199005010021")  # a wrong check character first
    page.fill("[name=d-0-birth_date]", "1990-05-01")
    page.select_option("[name=d-0-detention]", "arrested")
    page.select_option("[name=d-0-charges]", label="盗窃罪")
    page.fill("[name=d-1-name]", "钱某")
    page.select_option("[name=d-1-gender]", "M")
    page.fill("[name=d-1-id_number]", "110101199005010039")
    page.fill("[name=d-1-birth_date]", "1990-05-01")
    page.select_option("[name=d-1-detention]", "bail")
    page.select_option("[name=d-1-charges]", label="盗窃罪")
    page.get_by_role("button", name="登记受理").click()
    expect(page.locator("#person-0")).to_contain_text("校验码错误")
    page.fill("[name=d-0-id_number]", "110101199005010020")
    page.get_by_role("button", name="登记受理").click()

    # 2. ... and assigns it, seeing each prosecutor's open load.
    expect(page.get_by_role("heading", name="分配承办检察官", exact=True)).to_be_visible()
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕88号")
    assert case.number.startswith("东区检刑受〔")
    load = page.locator("tr[data-prosecutor=alice] td").nth(1)
    expect(load).to_have_text("1")
    row = page.locator(f"#assign-{case.pk}")
    row.get_by_label("承办检察官").select_option(label="艾检察官")
    row.get_by_role("button", name="分配").click()
    expect(page.locator(f"#assign-{case.pk}")).to_have_count(0)
    expect(load).to_have_text("2")
    _log_out(page)

    # 3. The prosecutor prosecutes 王某; the basic court of the district receives it (CPL art. 20). 钱某's review
    # goes on.
    log_in(page, live_server, world.prosecutor.username, PASSWORD)
    page.get_by_role("link", name="案件", exact=True).click()
    page.get_by_role("link", name=case.number).click()
    page.get_by_role("link", name="提起公诉").click()
    expect(page.locator("dl.facts")).to_contain_text("东区人民法院")
    page.get_by_label("钱某（审查起诉自").uncheck()
    page.get_by_role("button", name="提起公诉").click()
    expect(page.get_by_role("heading", name="王某盗窃案")).to_be_visible()
    expect(page.locator("dl.facts").first).to_contain_text("东区人民法院")
    expect(page.locator(".defendant .badge").first).to_have_text("一审")
    _log_out(page)

    # 4. The court's clerk finds it in the incoming queue, files it and assigns the judge.
    log_in(page, live_server, world.clerk.username, PASSWORD)
    page.get_by_role("link", name="待立案").click()
    page.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    page.get_by_label("承办法官").select_option(label=str(world.judge))
    page.get_by_role("button", name="立案").click()
    expect(page.locator(f"#incoming-{case.pk}")).to_have_count(0)
    _log_out(page)

    # 5. The assigned judge opens the case page.
    log_in(page, live_server, world.judge.username, PASSWORD)
    page.get_by_role("link", name="案件", exact=True).click()
    page.get_by_role("link", name=case.number).click()
    expect(page.get_by_role("heading", name="王某盗窃案")).to_be_visible()
    expect(page.locator("#case-judge")).to_contain_text(str(world.judge))
    expect(page.locator("ol.timeline")).to_contain_text("法院立案")

    # 6. The judge records the judgment: the defendant's sentence; a term the Criminal Law does not allow is
    # refused on its field first.
    defendant = case.defendants.get(name="王某")
    page.get_by_role("link", name="一审宣判").click()
    page.select_option(f"[name=d{defendant.pk}-penalty]", "fixed_term")
    page.fill(f"[name=d{defendant.pk}-months]", "3")
    page.get_by_role("button", name="记录判决").click()
    expect(page.locator(f"#sentence-{defendant.pk}")).to_contain_text("刑法第45条")
    page.fill(f"[name=d{defendant.pk}-months]", "10")
    page.fill(f"[name=d{defendant.pk}-fine_yuan]", "3000")
    page.get_by_role("button", name="记录判决").click()
    expect(page.locator(".defendant .badge").first).to_have_text("一审判决")
    expect(page.locator(".defendant .sentence").first).to_contain_text("有期徒刑 10个月，罚金 3000.00 元")
    _log_out(page)

    # 7. The defendant appeals through the first-instance court: its clerk registers the appeal.
    intermediate = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    for username, role in (
        ("ian", Role.COURT_CLERK),
        ("ivy", Role.JUDGE),
        ("ike", Role.JUDGE),
        ("iris", Role.JUDGE),
    ):
        User.objects.create_user(username, password=PASSWORD, role=role, organisation=intermediate)
    log_in(page, live_server, world.clerk.username, PASSWORD)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="上诉/抗诉").click()
    expect(page.locator("dl.facts")).to_contain_text("测试市中级人民法院")
    page.get_by_label("类型").select_option(label="上诉")
    page.get_by_role("button", name="移送二审").click()
    expect(page.get_by_text("已移送测试市中级人民法院二审")).to_be_visible()
    _log_out(page)

    # 8. The intermediate court files it for its own judge; the first-instance judge no longer reaches it.
    log_in(page, live_server, "ian", PASSWORD)
    page.get_by_role("link", name="待立案").click()
    page.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    page.get_by_label("承办法官").select_option(label="ivy")
    page.get_by_role("button", name="立案").click()
    expect(page.locator("#field-members")).to_contain_text(
        "刑事诉讼法第183条第4款"
    )  # a panel of three or five
    page.get_by_label("承办法官").select_option(label="ivy")
    page.get_by_label("ike").check()
    page.get_by_label("iris").check()
    page.get_by_role("button", name="立案").click()
    expect(page.locator(f"#incoming-{case.pk}")).to_have_count(0)
    _log_out(page)
    log_in(page, live_server, "ivy", PASSWORD)
    page.get_by_role("link", name="案件", exact=True).click()
    page.get_by_role("link", name=case.number).click()
    expect(page.locator("dl.facts").first).to_contain_text("东区人民法院")  # the first-instance court
    expect(page.locator(".defendant .badge").first).to_have_text("二审")
    _log_out(page)
    log_in(page, live_server, world.judge.username, PASSWORD)
    expect(page.get_by_role("heading", name="我的待办")).to_be_visible()
    assert page.goto(f"{live_server.url}/cases/{case.pk}/").status == 404
    page.goto(f"{live_server.url}/")
    _log_out(page)

    # 9. A judge of the second-instance panel remands the case for a procedural violation (CPL art. 238): it
    # leaves that court.
    log_in(page, live_server, "ike", PASSWORD)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="二审裁判").click()
    expect(page.locator(f"#sentence-{defendant.pk}")).to_contain_text("有期徒刑 10个月")
    page.get_by_label("撤销原判，发回重审").check()
    page.get_by_role("button", name="记录二审裁判").click()
    expect(page.locator("#field-ground")).to_contain_text("第238条")
    page.get_by_label("撤销原判，发回重审").check()
    page.get_by_label("发回重审理由").select_option("procedure")
    page.get_by_role("button", name="记录二审裁判").click()
    expect(page.get_by_text("已记录二审裁判：撤销原判，发回重审")).to_be_visible()
    assert page.goto(f"{live_server.url}/cases/{case.pk}/").status == 404
    page.goto(f"{live_server.url}/")
    _log_out(page)

    # 10. Back at the first-instance court: its clerk files the case again, for another judge (CPL art. 239).
    User.objects.create_user(
        "jack", password=PASSWORD, role=Role.JUDGE, organisation=world.court, display_name="贾法官"
    )
    log_in(page, live_server, world.clerk.username, PASSWORD)
    page.get_by_role("link", name="待立案").click()
    page.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    page.get_by_label("承办法官").select_option(label=str(world.judge))
    page.get_by_role("button", name="立案").click()
    expect(page.locator("#field-judge")).to_contain_text("刑事诉讼法第239条")
    page.get_by_label("承办法官").select_option(label="贾法官")
    page.get_by_role("button", name="立案").click()
    expect(page.locator(f"#incoming-{case.pk}")).to_have_count(0)
    _log_out(page)
    log_in(page, live_server, "jack", PASSWORD)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    expect(page.locator(".defendant .badge").first).to_have_text("一审")
    expect(page.locator("#case-judge")).to_contain_text("贾法官")
    expect(page.locator("ol.timeline")).to_contain_text("二审裁判")
    expect(page.get_by_role("link", name="一审宣判")).to_be_visible()
    _log_out(page)

    # 11. 追加起诉: the prosecutor prosecutes 钱某, still under review, to the court that has the case (no court to
    # choose); he joins the filed case, and its judge has him at first instance.
    log_in(page, live_server, world.prosecutor.username, PASSWORD)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="追加起诉").click()
    expect(page.get_by_role("heading", name="追加起诉")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("东区人民法院")
    expect(page.get_by_label("钱某（审查起诉自")).to_be_checked()
    expect(page.locator("[name=grave]")).to_have_count(0)
    page.get_by_role("button", name="追加起诉").click()
    expect(page.get_by_text("已向东区人民法院追加起诉")).to_be_visible()
    second = case.defendants.get(name="钱某")
    expect(page.locator(f"#defendant-{second.pk} .badge").first).to_have_text("一审")
    expect(page.locator("ol.timeline")).to_contain_text("追加起诉")
    expect(page.get_by_role("link", name="追加起诉")).to_have_count(0)
    _log_out(page)
    log_in(page, live_server, "jack", PASSWORD)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    expect(page.locator(f"#defendant-{second.pk} .badge").first).to_have_text("一审")
