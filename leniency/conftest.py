import pytest


@pytest.fixture
def world(db):
    """The personas of one case (see leniency/testing/personas.py)."""
    from leniency.testing.personas import build_world

    return build_world()


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (`playwright install` cannot download browsers here)."""
    import os
    import shutil

    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or CHROMIUM
    if not os.path.exists(executable):
        pytest.fail("chromium is not installed: run `make test`, which installs it (scripts/install-system-deps.sh)")
    # Playwright runs an event loop in this thread; Django's ORM calls from the test body are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
