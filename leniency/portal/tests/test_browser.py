"""The public portal in a real browser: no log-in, a suppressed cell shows as suppressed, English works."""

import io

import pytest
from django.utils import translation

from leniency.portal.periods import parse_period
from leniency.portal.present import portal_figures
from leniency.sentencing.standards import load_standard


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_portal_shows_suppressed_cells_as_suppressed(page, live_server, small_world):
    # draw the charts before the browser asks (the live server shares this process's cache): keeps it under
    # the page timeout on a busy machine
    for language in ("zh-hans", "en"):
        with translation.override(language):
            portal_figures(parse_period("2026-Q3"), "region")
    page.goto(f"{live_server.url}/public/?period=2026-Q3&by=region", timeout=60_000)
    assert page.locator("h1").inner_text() == "认罪认罚从宽制度公开数据"
    table = page.locator("table[data-figure=plea_rate]")
    cell = table.locator("td[data-suppressed]").first
    assert cell.inner_text() == "已抑制"
    assert "少于10人" in cell.get_attribute("title")
    # every count of this small world is below 10: nothing in the plea table is a number except the zero-free N
    assert table.locator("tbody td.num:not([data-suppressed])").count() == 0
    assert "东一" not in page.content()
    # the language switch works without an account
    with page.expect_navigation(timeout=60_000):
        page.click("button[name=language][value=en]")
    assert page.locator("table[data-figure=plea_rate] td[data-suppressed]").first.inner_text() == "suppressed"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_portal_is_readable_on_a_phone(chromium, live_server, small_world):
    """Issue 22: at 390x844 the portal passes axe-core's WCAG 2 A/AA rules, does not scroll sideways and does not
    squeeze its tables' headers to one character per line: a wide table scrolls inside its own box."""
    from leniency.testing.accessibility import PHONE, Browser, axe, overflow

    with translation.override("zh-hans"):
        portal_figures(parse_period("2026-Q3"), "region")
    browser = Browser(chromium, live_server.url)
    try:
        page = browser.page(None, PHONE)
        page.goto(f"{live_server.url}/public/?period=2026-Q3&by=region", timeout=60_000)
        # the tables are there
        assert page.locator("table[data-figure=plea_rate] td[data-suppressed]").count() > 0
        assert axe(page) == []
        assert overflow(page) == ""
        # a table wider than the phone scrolls in a named region the keyboard can reach
        boxes = page.locator(".table-scroll[role=region][tabindex='0']")
        assert boxes.count() >= 1
        assert boxes.first.get_attribute("aria-label")
    finally:
        browser.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_open_data_downloads_and_the_standards_page_in_a_browser(page, live_server, small_world):
    """Issue 19: a visitor downloads a table as CSV and the page's tables as XLSX, and reads the standards."""
    from openpyxl import load_workbook

    with translation.override("zh-hans"):
        portal_figures(parse_period("2026-Q3"), "region")
    page.goto(f"{live_server.url}/public/?period=2026-Q3&by=region", timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        page.click("a[data-download='plea_rate.csv']")
    text = open(info.value.path(), encoding="utf-8-sig").read()
    assert "认罪认罚适用率" in text and "定义" in text and "已抑制" in text and "东一" not in text
    with page.expect_download(timeout=60_000) as info:
        page.click("a[data-download=all]")
    assert info.value.suggested_filename == "leniency-all-2026-Q3-region.xlsx"
    book = load_workbook(io.BytesIO(info.value.path().read_bytes()))  # the saved file has no extension
    assert "plea_rate" in book.sheetnames and book["plea_rate"]["A1"].value == "指标"
    page.click("nav.portal-nav >> text=量刑规范")
    page.click("text=盗窃罪")
    assert page.locator("h1").inner_text() == "盗窃罪"
    theft = load_standard().crime("盗窃")  # one row a tier of the standard the engine uses
    assert len(theft.tiers) >= 3
    assert page.locator("table[data-section=tiers] tbody tr").count() == len(theft.tiers)
    assert "法发〔2021〕21号" in page.locator("table[data-section=tiers]").inner_text()
