import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from leniency.testing.s3 import s3_archive, s3_store  # noqa: F401  (fixtures for every test)


class _OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server of the browser tests. With SQLite in memory, every request thread shares the test's one
    connection, and a page's parallel requests (htmx, assets) then interleave their transactions ("no such
    savepoint"). So requests run one at a time; connections stay threaded, so a browser's idle keep-alive
    connection never holds up the next request."""

    _lock = threading.Lock()

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)

        def one_at_a_time(environ, start_response):
            with self._lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


LiveServerThread.server_class = _OneRequestAtATimeServer


@pytest.fixture(scope="session", autouse=True)
def expected_database():
    """CI names the database each pass expects (LENIENCY_EXPECT_DATABASE, set by .ci/run): a PostgreSQL pass that
    silently ran on SQLite, or the reverse, fails instead of passing on the wrong database. The vendor comes from
    the settings; nothing connects."""
    from django.db import connection

    expected = os.environ.get("LENIENCY_EXPECT_DATABASE")
    if expected and connection.vendor != expected:
        pytest.fail(f"LENIENCY_EXPECT_DATABASE={expected}, but the tests run on {connection.vendor}")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the interface's default language. A request in English (the test client's, through
    LocaleMiddleware) leaves English active in its thread, and a later test would read its messages in English."""
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def world(db):
    """The personas of one case (see leniency/testing/personas.py)."""
    # The personas import models, which only load once pytest-django has set Django up.
    from leniency.testing.personas import build_world

    return build_world()


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (`playwright install` cannot download browsers here)."""
    from playwright.sync_api import sync_playwright  # only the browser tests load Playwright

    executable = shutil.which("chromium") or CHROMIUM
    if not os.path.exists(executable):
        pytest.fail(
            "chromium is not installed: run `make test`, which installs it (scripts/install-system-deps.sh)"
        )
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


@pytest.fixture
def as_user(chromium, live_server):
    """A fresh browser context per person, logged in as `user` (None: the public), as separate people would be."""
    from playwright.sync_api import expect

    from leniency.testing.personas import PASSWORD

    contexts = []

    def open_as(user):
        context = chromium.new_context(
            locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if user is not None:
            log_in(page, live_server, user.username, PASSWORD)
            expect(page.locator(".whoami")).to_contain_text(str(user))
        return page

    yield open_as
    for context in contexts:
        context.close()


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
