import pytest
from playwright.sync_api import expect

from leniency.conftest import log_in
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_prosecutor_opens_a_case_sees_the_timeline_in_chinese_and_switches_to_english(
    page, live_server, world
):
    log_in(page, live_server, world.prosecutor.username, PASSWORD)
    expect(page.get_by_role("heading", name="我的待办")).to_be_visible()

    page.get_by_role("link", name="案件", exact=True).click()
    page.get_by_role("link", name=world.case.number).click()
    timeline = page.locator("ol.timeline")
    expect(page.get_by_role("heading", name="办案时间线")).to_be_visible()
    expect(timeline).to_contain_text("立案受理")
    expect(timeline).to_contain_text("指派律师")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(timeline).to_contain_text("Case accepted")


def test_outsider_prosecutor_cannot_open_the_case(page, live_server, world):
    log_in(page, live_server, world.outsider_prosecutor.username, PASSWORD)
    expect(page.get_by_role("heading", name="我的待办")).to_be_visible()
    response = page.goto(f"{live_server.url}/cases/{world.case.pk}/")
    assert response.status == 404
