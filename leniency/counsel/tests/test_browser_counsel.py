"""End to end: the procuratorate requests a duty lawyer, the rota assigns one, the lawyer logs a meeting
and files an opinion and claims the subsidy, the legal-aid centre approves the claim."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leniency.conftest import log_in
from leniency.counsel.models import Claim, CounselAssignment, CounselRequest
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    expect(page.locator("input[name=username]")).to_be_visible()


def test_request_rota_meeting_opinion_and_approved_claim(page, live_server, cw):
    today = timezone.localdate()
    cw.period.starts_on, cw.period.ends_on = today - timedelta(days=1), today + timedelta(days=30)
    cw.period.save()
    # bob took the first defendant on three days ago: a client within the rota's 30-day workload window.
    CounselAssignment.objects.filter(lawyer=cw.lawyer).update(assigned_at=timezone.now() - timedelta(days=3))

    # 1. The prosecutor asks for a duty lawyer for the co-defendant, from the case page.
    log_in(page, live_server, cw.prosecutor.username, PASSWORD)
    expect(page.get_by_role("heading", name="我的待办")).to_be_visible()
    page.goto(f"{live_server.url}/cases/{cw.case.pk}/")
    page.locator(f"#defendant-{cw.co_defendant.pk}").get_by_role("link", name="申请值班律师").click()
    expect(page.get_by_role("heading", name="为 李某某 申请律师")).to_be_visible()
    page.get_by_role("button", name="提交申请").click()

    # 2. The rota assigns the next free lawyer at once (bob already has a client this month).
    expect(page.locator("#request-status")).to_have_text("已指派")
    request = CounselRequest.objects.get(defendant=cw.co_defendant)
    lawyer = request.allocations.get().lawyer
    assert lawyer == cw.lawyers[1]
    # Work takes time: as if assigned three hours ago (entries must have ended and add up, issue 20).
    assignment = request.allocations.get().assignment
    type(assignment).objects.filter(pk=assignment.pk).update(assigned_at=timezone.now() - timedelta(hours=3))
    expect(page.locator("#allocations")).to_contain_text(str(lawyer))
    expect(page.locator("#allocations")).to_contain_text("轮值指派")
    _log_out(page)

    # 3. The lawyer sees the assignment waiting for a response, logs a meeting and files an opinion.
    log_in(page, live_server, lawyer.username, PASSWORD)
    page.goto(f"{live_server.url}/counsel/")
    page.get_by_role("link", name="登记会见").click()
    page.get_by_label("工作内容").select_option("meeting")
    page.get_by_label("时间").fill(f"{timezone.localtime() - timedelta(hours=2):%Y-%m-%dT%H:%M}")
    page.get_by_label("用时（分钟）").fill("50")
    page.get_by_label("摘要").fill("告知认罪认罚的性质和法律后果")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.locator("#participation")).to_contain_text("会见")
    page.get_by_label("工作内容").select_option("opinion_recommendation")
    page.get_by_label("时间").fill(f"{timezone.localtime() - timedelta(hours=1):%Y-%m-%dT%H:%M}")
    page.get_by_label("用时（分钟）").fill("40")
    page.get_by_label("书面意见").fill("当事人系初犯，建议量刑建议下调并适用缓刑。")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.locator("#participation")).to_contain_text("对量刑建议的书面意见")
    page.get_by_role("button", name="申请补贴").click()
    expect(page.locator("#claim-status")).to_have_text("待审核")
    _log_out(page)

    # 4. The legal-aid centre approves the claim.
    log_in(page, live_server, cw.officer.username, PASSWORD)
    page.goto(f"{live_server.url}/counsel/claims/?status=submitted")
    claim = Claim.objects.get()
    row = page.locator(f"tr[data-claim='{claim.pk}']")
    expect(row).to_contain_text(str(claim.amount))
    row.locator("select[name=approve]").select_option("1")
    row.get_by_role("button", name="审核").click()
    expect(page.locator(".messages")).to_contain_text("已审核")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.APPROVED and claim.decided_by == cw.officer
    assert request.allocations.get().outcome == "met"
