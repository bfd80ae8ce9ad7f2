"""The prosecutor pastes the facts, checks what the engine read from them and corrects one, in Chromium."""

import pytest
from playwright.sync_api import expect

from leniency.conftest import log_in
from leniency.recommendations.confirmed import current_facts
from leniency.recommendations.models import SentencingRecommendation
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "2026年8月3日，被告人张某某在东区某商场窃取手机一部，价值人民币6000元。"
    "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
)


def test_the_prosecutor_confirms_the_facts_the_calculation_runs_on(chromium, live_server, world):
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server, world.prosecutor.username, PASSWORD)
    d = world.defendant
    page.goto(f"{live_server.url}/cases/{world.case.pk}/")
    page.locator(f"#defendant-{d.pk} [data-panel=recommendations]").get_by_role("link", name="起草").click()

    # The record's facts are in the form before any text: the plea at the current stage, the charge.
    expect(page.locator("#facts-form tr[data-fact=plea]")).to_contain_text("案件记录")
    expect(page.locator("#facts-form tr[data-fact=charges]")).to_contain_text("盗窃罪")

    # She pastes the facts and has them read: each fact the text gave comes with its sentence.
    page.locator("#id_facts_text").fill(TEXT)
    page.get_by_role("button", name="读取事实").click()
    forgiveness = page.locator("#facts-form tr[data-fact=forgiveness]")
    expect(forgiveness).to_contain_text("事实文本")
    expect(forgiveness.locator(".fact-sentence")).to_have_text(
        "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
    )
    expect(page.locator("#id_fact_forgiveness")).to_have_value("1")
    expect(page.locator("#facts-used li[data-fact=forgiveness]")).to_contain_text("事实文本")

    # The forgiveness letter is not in the file: she corrects the fact, and the calculation follows.
    page.locator("#id_note_forgiveness").fill("谅解书未附卷")
    page.select_option("#id_fact_forgiveness", "0")
    used = page.locator("#facts-used li[data-fact=forgiveness]")
    expect(used).to_contain_text("取得被害人谅解：无")
    expect(used).to_contain_text("检察官更正")
    expect(used).to_contain_text("原为“有”（事实文本）")
    expect(page.locator("#engine-panel .rec-steps")).not_to_contain_text("谅解")

    page.locator("#id_deviation_reason").fill("按确认的事实计算")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("已保存第1轮量刑建议草稿")
    facts = {f.key: f for f in current_facts(SentencingRecommendation.objects.get(defendant=d))}
    assert (facts["forgiveness"].source, facts["forgiveness"].note) == ("prosecutor", "谅解书未附卷")
    assert facts["plea"].source == "record" and facts["restitution"].source == "text"
    context.close()
