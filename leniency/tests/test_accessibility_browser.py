"""Pages for everyone (issue 22; GB/T 37668-2019, which follows WCAG 2.0 AA), in a real browser.

axe-core (leniency/testing/vendor/axe.min.js, see the README there) checks every HTML page of the access matrix,
as the first role the matrix allows it to, against the WCAG 2 A and AA rules, and every one of those pages is laid
out in a 390x844 phone viewport without sideways scrolling. Then the states a GET does not reach (a form with
errors, the calculator's answer) and the keyboard: the skip link is the first Tab stop, a failed submit puts the
focus on the error summary, and log-in, the calculator and the public report form work with the keyboard alone.

One browser, one context per role and viewport, reused for every page.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from leniency.testing.accessibility import DESKTOP, PHONE, Browser, axe, broken_references, overflow
from leniency.testing.personas import PASSWORD
from leniency.tests import access_matrix as matrix
from leniency.tests.test_access_matrix import build_matrix_world, isolated, page_url  # noqa: F401 (a fixture)

# Not ours to lay out: Django's admin and django-ninja's Swagger UI.
NOT_OURS = {"api:openapi-view"}
FACT = "被告人张某于2020年3月5日在某超市窃得手机一部，价值人民币5000元。到案后如实供述，系坦白。"


@pytest.fixture
def browser(chromium, live_server):
    b = Browser(chromium, live_server.url)
    yield b
    b.close()


def html_pages(mw):
    """(name, url, user) for every GET page of the matrix that answers HTML to its first allowed asker (an
    anonymous visitor first, for the public pages)."""
    for name, entry in matrix.PAGES.items():
        if entry.method != "GET" or name in NOT_OURS:
            continue
        who = next((w for w in [matrix.ANONYMOUS, *matrix.ROLES] if entry.expect[w] == matrix.OK), None)
        if who is None:
            continue
        user = mw.users[who]
        url = page_url(mw, name, entry.args)
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        response = client.get(url, follow=True)
        # a whole page (not an htmx fragment, nor the stub of a generated report this world writes)
        html = response["Content-Type"].startswith("text/html") and not response.streaming
        if response.status_code == 200 and html and b"<html" in response.content:
            yield name, url, user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_page_passes_axe_and_fits_a_phone(world, isolated, tmp_path, browser):  # noqa: F811
    mw = build_matrix_world(world, tmp_path)
    failures, seen = [], []
    for name, url, user in html_pages(mw):
        seen.append(name)
        page = browser.page(user)
        page.set_viewport_size(DESKTOP)
        page.goto(browser.url + url)
        failures += [f"{name} {url} as {user}: {v}" for v in axe(page)]
        failures += [f"{name} {url} as {user}: names no element: {r}" for r in broken_references(page)]
        page.set_viewport_size(PHONE)  # the same page laid out again on a phone
        if wide := overflow(page):
            failures.append(f"{name} {url} as {user}, on a phone: {wide}")
    # the matrix's pages are all here (a page that stopped answering HTML would silently drop out)
    assert {
        "login",
        "home",
        "case_detail",
        "corpus_recommend",
        "portal:index",
        "oversight_report_new",
    } <= set(seen)
    assert len(seen) >= 50, seen
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_states_after_a_submit_pass_axe(world, browser):
    """A form with errors (log-in, the public report form), the calculator's answer and its errors, an overdue
    task's 超期 badge, on a desktop and on a phone; after 计算 the answer is focused, and on a phone scrolled into
    view."""
    from leniency.cases.models import Defendant
    from leniency.cases.stages import Stage

    # the prosecutor's to-do list has an overdue task: 90 days in review for prosecution (30 allowed)
    Defendant.objects.filter(pk=world.defendant.pk).update(
        stage=Stage.PROSECUTION_REVIEW, stage_since=timezone.localdate() - timedelta(days=90)
    )
    failures = []
    for viewport in (DESKTOP, PHONE):
        home = browser.page(world.prosecutor, viewport)
        home.goto(f"{browser.url}/")
        expect(home.locator(".badge.warn", has_text="超期").first).to_be_visible()
        failures += [f"home with an overdue task at {viewport['width']}px: {v}" for v in axe(home)]
        anonymous = browser.page(None, viewport)
        anonymous.goto(f"{browser.url}/login/")
        anonymous.fill("input[name=username]", world.prosecutor.username)
        anonymous.click("button[type=submit].primary")
        expect(anonymous.locator("[data-error-summary]")).to_be_focused()
        failures += [f"login with errors at {viewport['width']}px: {v}" for v in axe(anonymous)]
        anonymous.goto(f"{browser.url}/oversight/report/")
        anonymous.click("button[type=submit].primary")
        expect(anonymous.locator("[data-error-summary]")).to_be_focused()
        failures += [f"report form with errors at {viewport['width']}px: {v}" for v in axe(anonymous)]

        page = browser.page(world.prosecutor, viewport)
        page.goto(f"{browser.url}/corpus/recommend/")
        page.fill("textarea[name=fact]", FACT)
        page.fill("input[name=charge]", "盗窃")
        page.click("#recommend-form button[type=submit]")
        heading = page.locator("#answer h2")
        expect(heading).to_be_focused()
        top = heading.evaluate("h => [h.getBoundingClientRect().top, innerHeight]")
        assert -1 <= top[0] < top[1], (
            viewport,
            top,
        )  # in view (scrolled to its top, give or take a subpixel)
        failures += [f"calculator answer at {viewport['width']}px: {v}" for v in axe(page)]
        page.fill("input[name=charge]", "不存在的罪名")
        page.click("#recommend-form button[type=submit]")
        expect(page.locator("#result [data-error-summary]")).to_be_focused()
        failures += [f"calculator errors at {viewport['width']}px: {v}" for v in axe(page)]
        if viewport is PHONE:
            for p in (anonymous, page):
                if wide := overflow(p):
                    failures.append(f"{p.url} on a phone: {wide}")
    assert not failures, "\n".join(failures)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_keyboard_alone(world, browser):
    """The skip link is the first Tab stop and leads into <main>; log-in, the calculator and the public report form
    are done with Tab, typing and Enter; a failed submit puts the focus on the error summary, whose link leads to the
    field."""
    # the public report form, without an account: the skip link first, then the form
    page = browser.page(None)
    page.goto(f"{browser.url}/oversight/report/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0  # out of sight until focused, then on screen
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # its help texts are read with their fields: every aria-describedby points to an element
    described = page.evaluate(
        """() => [...document.querySelectorAll("main [aria-describedby]")].every(el =>
             el.getAttribute("aria-describedby").split(" ").every(id => document.getElementById(id)))"""
    )
    assert described, "an aria-describedby points to no element"
    expect(page.locator("#id_description")).to_have_attribute("aria-describedby", "id_description_helptext")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "kind":
            break
    expect(page.locator("select[name=kind]")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(page.locator("textarea[name=description]")).to_be_focused()
    page.keyboard.type("检察官威胁不认罪就羁押到底。")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("查询码")

    # log-in: the username has the focus (autofocus); a failed attempt, then the summary's link back to the field
    page.goto(f"{browser.url}/login/")
    expect(page.locator("input[name=username]")).to_be_focused()
    page.keyboard.type(world.prosecutor.username)
    page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page.locator("#id_password")).to_have_attribute("aria-describedby", "id_password_error")
    expect(page.locator("#id_password_error")).to_be_visible()
    page.keyboard.press("Tab")
    expect(summary.locator("a[href='#id_password']")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("您好")

    # the calculator: into the fact, the charge, then Enter submits; the answer takes the focus
    page.goto(f"{browser.url}/corpus/recommend/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "fact":
            break
    expect(page.locator("textarea[name=fact]")).to_be_focused()
    page.keyboard.type(FACT)
    page.keyboard.press("Tab")
    expect(page.locator("input[name=charge]")).to_be_focused()
    page.keyboard.type("盗窃")
    page.keyboard.press("Enter")
    expect(page.locator("#answer h2")).to_be_focused()
    assert int(page.inner_text("[data-testid=months]")) > 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_oversight_filters_apply_with_a_button(world, browser):
    """WCAG 3.2.2: choosing a status with the arrow keys does not load a page; the 筛选 button does."""
    for user, path in ((world.supervisor, "/oversight/reports/"), (world.auditor, "/oversight/petitions/")):
        page = browser.page(user)
        page.goto(f"{browser.url}{path}")
        loads = []

        def on_request(request, loads=loads):
            if request.is_navigation_request():
                loads.append(request.url)

        page.on("request", on_request)
        page.locator("select#status").focus()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        with page.expect_navigation():
            page.get_by_role("button", name="筛选").click()
        page.remove_listener("request", on_request)
        assert "status=" in page.url
        # one page load, the button's: the arrow keys loaded none
        assert len(loads) == 1, loads
