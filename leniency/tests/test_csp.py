"""The Content-Security-Policy header (django-csp) on pages, API responses, error pages and the API docs, and
no inline script or style left in the templates that are served as pages."""

import re
from pathlib import Path

import pytest

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "media-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {name: value if value else "" for name, *rest in parts for value in [rest[0] if rest else ""]}


def assert_strict(response):
    policy = directives(response)
    for name, value in STRICT.items():
        assert policy.get(name) == value, (name, policy.get(name))
    assert "'unsafe-inline'" not in str(policy) and "'unsafe-eval'" not in str(policy)
    assert "report-only" not in response.headers.get("Content-Security-Policy", "").lower()


def test_pages_carry_the_strict_policy(client, world):
    from leniency.testing.personas import PASSWORD

    assert_strict(client.get("/login/"))
    assert_strict(client.get("/public/"))
    client.login(username=world.prosecutor.username, password=PASSWORD)
    assert_strict(client.get(f"/cases/{world.case.pk}/"))


def test_api_responses_carry_it_too(client, world):
    """JSON is not rendered as a page, but a response opened directly in a browser runs nothing either."""
    response = client.get("/api/public/figures", {"period": "2026-Q3", "by": "region"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert_strict(response)


def test_error_pages_carry_it(client, world):
    from leniency.testing.personas import PASSWORD

    assert_strict(client.get("/no-such-page/"))  # 404 (DEBUG is off in tests, as in production)
    client.login(username=world.outsider_prosecutor.username, password=PASSWORD)
    response = client.get(f"/cases/{world.case.pk}/")  # another district's case: refused
    assert response.status_code in (403, 404)
    assert_strict(response)


def test_api_docs_use_ninjas_bundled_swagger_under_the_same_policy(client, world):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert_strict(response)  # not relaxed for this view: django-ninja ships the Swagger files
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/static/ninja/swagger-ui-init.js" in html
    assert not re.search(r"""(src|href)=["']https?://""", html), "the docs must not load from a CDN (offline)"
    # the one <script> without src holds JSON settings, which the browser does not run
    assert re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) == [
        ' type="application/json" id="swagger-settings"'
    ]


TEMPLATES = Path(__file__).resolve().parents[1]
# Documents for WeasyPrint (PDFs, and HTML files written to disk) keep their inline <style>: they are not
# served as pages, except plea's notice, whose screen version links static files (documents/base.html).
DOCUMENTS = {"documents/base.html"}
INLINE = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I),
    "event-handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
}


def page_templates():
    for path in sorted(TEMPLATES.rglob("templates/**/*.html")):
        name = str(path).split("/templates/", 1)[1]
        yield name, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", INLINE)
def test_no_template_has_inline_script_or_style(kind):
    offenders = [name for name, text in page_templates() if INLINE[kind].search(text)]
    assert not offenders, f"{kind} in {offenders}: move it to a static file (the CSP refuses it)"


def test_inline_style_elements_only_in_documents_for_pdf():
    offenders = []
    for name, text in page_templates():
        if "<style" in text and name not in DOCUMENTS:
            offenders.append(name)
        if (
            "{% block style %}" in text
            and name not in DOCUMENTS
            and not text.startswith('{% extends "documents/base.html" %}')
        ):
            offenders.append(name)
    assert not offenders, f"inline <style> in {offenders}: link a static CSS file instead"


def test_csrf_failure_page_is_styled_from_static_files(world):
    """Django's default CSRF failure page has an inline <style>; templates/403_csrf.html replaces it."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert_strict(response)
    html = response.content.decode()
    assert "<style" not in html and "/static/leniency/leniency.css" in html
