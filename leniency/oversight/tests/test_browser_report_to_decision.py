"""Done-when of issue 7: a public report, its status by tracking code, and the committee's way to a decision."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leniency.conftest import log_in
from leniency.oversight.models import PublicReport
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = (
    "2026年11月2日，承办检察官在看守所要求我哥哥当场签署具结书，说不签就从重处理，值班律师没有到场。"
)


def check_status(page, live_server, code):
    page.goto(f"{live_server.url}/oversight/report/status/")
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    return page.locator("#report-status")


def test_public_report_followed_through_escalation_and_committee_to_a_decision(page, live_server, committee):
    world = committee.world
    # 1. Anyone, not logged in, submits a report on the case.
    page.goto(f"{live_server.url}/oversight/report/")
    expect(page.get_by_role("heading", name="认罪认罚案件群众举报")).to_be_visible()
    page.get_by_label("举报类型").select_option("coercion")
    page.get_by_label("举报内容").fill(DESCRIPTION)
    page.get_by_label("案号（如知道）").fill(world.case.number)
    page.get_by_label("联系方式（可不填，仅承办机关可见）").fill("13911112222")
    page.get_by_role("button", name="提交举报").click()
    expect(page.get_by_role("heading", name="举报已提交")).to_be_visible()
    code = page.locator("#tracking-code").inner_text().strip()
    assert len(code.replace("-", "")) == 12

    # 2. The tracking code shows the status, and nothing personal.
    status = check_status(page, live_server, code)
    expect(status).to_contain_text("已受理，待答复")
    expect(status).not_to_contain_text("13911112222")
    expect(status).not_to_contain_text(DESCRIPTION)

    # 3. Nobody answers in time: the working days run out.
    report = PublicReport.objects.get()
    assert report.routed_to == world.procuratorate
    PublicReport.objects.filter(pk=report.pk).update(due_on=timezone.localdate() - timedelta(days=1))

    # 4. A committee member opens the inbox: the overdue report is escalated to the committee.
    log_in(page, live_server, committee.cora.username, PASSWORD)
    page.goto(f"{live_server.url}/oversight/reports/")
    expect(page.locator(".messages")).to_contain_text("已自动移交监督评议委员会")
    page.get_by_role("link", name="评议申请").first.click()
    page.get_by_role("link", name=f"#{report.petition.pk}", exact=True).click()
    expect(page.locator("#petition-status")).to_have_text("待分配")
    # The member with a declared conflict is shown as recused and is not assigned.
    expect(page.locator("#candidates")).to_contain_text("康委员：回避")
    page.get_by_role("button", name="自动分配两名无冲突委员").click()
    assignments = page.locator("#assignments")
    expect(assignments).to_contain_text("柯委员")
    expect(assignments).to_contain_text("卡委员")
    expect(assignments).not_to_contain_text("康委员")
    expect(page.locator("#petition-status")).to_have_text("审查中")

    # 5. Investigation note, then a decision that orders a correction.
    page.get_by_label("内容").fill("调取具结书签署时的同步录音录像：值班律师未在场。")
    page.get_by_role("button", name="记录", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("已记录")
    page.get_by_label("决定类型").select_option("reinvestigation")
    page.get_by_label("理由", exact=True).fill("签署具结书时值班律师未在场，违反刑事诉讼法第一百七十四条。")
    page.get_by_label("向举报人或申请人公开的结论").fill("已责令检察院在律师在场的情况下重新听取意见。")
    page.get_by_label("整改要求 1").fill("在值班律师在场的情况下重新听取意见并签署具结书")
    page.get_by_label("责任机关 1").select_option(str(world.procuratorate.pk))
    page.get_by_label("整改期限 1").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="作出决定").click()
    expect(page.locator("#decision-kind")).to_have_text("责令重新调查")
    expect(page.locator("#petition-status")).to_have_text("已决定，整改跟踪中")

    # 6. The responsible procuratorate's supervisor reports the correction done; the petition closes.
    page.context.clear_cookies()
    log_in(page, live_server, world.supervisor.username, PASSWORD)
    page.goto(f"{live_server.url}/oversight/corrections/")
    page.get_by_label("完成情况及证明").fill("已于律师在场时重新签署，录像已上传。")
    page.get_by_role("button", name="标记完成").click()
    expect(page.locator(".messages")).to_contain_text("整改事项已标记为完成")

    # 7. Back to the public: the status page shows the outcome.
    page.context.clear_cookies()
    status = check_status(page, live_server, code.lower())
    expect(status).to_contain_text("监督评议委员会已作出决定")
    expect(status).to_contain_text("责令重新调查")
    expect(status).to_contain_text("已责令检察院在律师在场的情况下重新听取意见。")
    expect(status).not_to_contain_text("刑事诉讼法第一百七十四条")  # internal reasons stay internal
    report.petition.refresh_from_db()
    assert report.petition.status == "closed"
