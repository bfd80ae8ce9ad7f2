"""Through the pages, as the case's prosecutor: register a victim of one defendant, record their opinion (CPL
art. 173) and their forgiveness (谅解) with its scanned copy; the case page then shows the victim heard, and the
full phone number appears only on request. The lawyer of that defendant sees the victim masked."""

import pytest
from playwright.sync_api import expect

from leniency.cases.models import Settlement, Victim, VictimOpinion
from leniency.conftest import log_in
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n%scan of the forgiveness letter\n%%EOF\n"


def test_the_prosecutor_registers_and_hears_a_victim_and_records_the_forgiveness(
    page, live_server, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    log_in(page, live_server, world.prosecutor.username, PASSWORD)
    page.goto(f"{live_server.url}/cases/{world.case.pk}/")
    panel = page.locator(f'.victims-panel[data-defendant="{world.defendant.pk}"]')
    expect(panel).to_contain_text("未登记被害人")
    panel.get_by_role("link", name="被害人及其意见").click()

    # Register the victim of 张某某 (not of his co-defendant).
    page.get_by_role("link", name="登记被害人").click()
    page.get_by_label("被害人姓名").fill("王某")
    page.get_by_label("张某某").check()
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("住址").fill("测试市东区幸福路8号")
    page.get_by_role("button", name="登记").click()
    victim = Victim.objects.get(name="王某")
    card = page.locator(f"#victim-{victim.pk}")
    expect(card).to_contain_text("138******00")
    expect(card).not_to_contain_text("13800138000")
    expect(card.locator(".victim-opinions")).to_contain_text("尚未听取")

    # The full contact on request (logged).
    card.get_by_role("button", name="查看完整信息（将被记录）").click()
    expect(card).to_contain_text("13800138000")

    # Hear the victim: agrees, in person.
    card.get_by_role("link", name="记录被害人意见").click()
    page.get_by_label("同意", exact=True).check()
    page.get_by_label("听取方式").select_option("in_person")
    page.get_by_label("日期").fill("2026-09-10")
    page.get_by_label("意见内容或无法听取的原因").fill("已获赔偿，同意对其从宽处理")
    page.get_by_role("button", name="记录").click()
    expect(page.locator(f"#victim-{victim.pk} .victim-opinions")).to_contain_text("同意")

    # The forgiveness letter with its scan.
    page.locator(f"#victim-{victim.pk}").get_by_role("link", name="记录赔偿、谅解或和解协议").click()
    page.get_by_label("谅解", exact=True).check()
    page.get_by_label("日期").fill("2026-09-12")
    page.set_input_files(
        "[name=document]", files=[{"name": "谅解书.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="记录").click()
    settlements = page.locator(f"#victim-{victim.pk} .victim-settlements")
    expect(settlements).to_contain_text("谅解")
    expect(settlements.get_by_role("link", name="扫描件")).to_be_visible()

    # The case page: heard, and the agreement beside it.
    page.goto(f"{live_server.url}/cases/{world.case.pk}/")
    row = panel.locator(f'[data-victim="{victim.pk}"]')
    expect(row).to_contain_text("同意（2026-09-10）")
    expect(row).to_contain_text("谅解 2026-09-12")
    assert VictimOpinion.objects.get().recorded_by == world.prosecutor
    assert Settlement.objects.get().sha256 and Settlement.objects.get().kind == "forgiveness"

    # The client's lawyer sees the victim masked, with no way to the full contact.
    page.get_by_role("button", name="退出").click()
    log_in(page, live_server, world.lawyer.username, PASSWORD)
    page.goto(f"{live_server.url}/cases/{world.case.pk}/victims/")
    expect(page.locator(f"#victim-{victim.pk}")).to_contain_text("138******00")
    expect(page.get_by_role("button", name="查看完整信息（将被记录）")).to_have_count(0)
    expect(page.get_by_role("link", name="记录被害人意见")).to_have_count(0)
