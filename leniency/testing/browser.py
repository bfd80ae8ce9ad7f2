"""Steps that several browser journeys take the same way, each through the pages its role uses."""

from playwright.sync_api import Page, expect


def file_case(clerk: Page, *, case, judge) -> None:
    """The court's clerk files a prosecuted case from the incoming queue (立案) and assigns its judge."""
    clerk.get_by_role("link", name="待立案").click()
    clerk.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    clerk.get_by_label("承办法官").select_option(label=str(judge))
    clerk.get_by_role("button", name="立案").click()
    expect(clerk.locator(f"#incoming-{case.pk}")).to_have_count(0)
