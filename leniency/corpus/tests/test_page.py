import pytest
from django.test import Client
from playwright.sync_api import expect

from leniency.conftest import log_in
from leniency.testing.personas import PASSWORD

URL = "/corpus/recommend/"
FACT = "被告人张某于2020年3月5日在某超市窃得手机一部，价值人民币5000元。到案后如实供述，系坦白。"


def client_for(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(world):
    response = Client().get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["auditor", "admin"])
def test_other_roles_are_refused(world, persona):
    assert client_for(getattr(world, persona)).get(URL).status_code == 403


@pytest.mark.django_db
def test_lawyer_gets_the_answer_with_highlighted_facts_steps_and_warning(world):
    client = client_for(world.lawyer)
    assert client.get(URL).status_code == 200
    response = client.post(URL, {"fact": FACT, "charge": "盗窃", "proposed_months": 60})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<mark class="hl-amount"' in html and '<mark class="hl-circ"' in html
    assert "计算步骤" in html and "类似案件" in html
    assert 'data-kind="calculation"' in html
    assert 'name="circumstances" value="confession" checked' in html


@pytest.mark.django_db
def test_corrections_change_the_answer_through_htmx(world):
    client = client_for(world.prosecutor)
    first = client.post(URL, {"fact": FACT, "charge": "盗窃"}, HTTP_HX_REQUEST="true")
    assert first.status_code == 200 and "<html" not in first.content.decode()
    before = first.context["rec"].months
    heavier = client.post(
        URL,
        {"fact": FACT, "charge": "盗窃", "edited": "on", "amount_yuan": "400000", "circumstances": []},
        HTTP_HX_REQUEST="true",
    )
    rec = heavier.context["rec"]
    assert float(rec.facts.amount_yuan) == 400000 and not rec.facts.circumstances
    assert rec.months > before


@pytest.mark.django_db
def test_bad_input_keeps_what_was_typed(world):
    response = client_for(world.judge).post(URL, {"fact": FACT, "charge": "不存在", "proposed_months": 12})
    assert response.status_code == 400
    html = response.content.decode()
    assert "未知罪名" in html and FACT in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_prosecutor_recalculates_in_the_browser(world, page, live_server):
    log_in(page, live_server, world.prosecutor.username, PASSWORD)
    page.goto(f"{live_server.url}{URL}")
    page.fill("textarea[name=fact]", FACT)
    page.fill("input[name=charge]", "盗窃")
    page.fill("input[name=proposed_months]", "60")
    page.click("#recommend-form button[type=submit]")
    page.wait_for_selector("#answer")
    assert page.locator("#highlighted mark.hl-amount").count() >= 1
    assert page.locator(".warning").count() >= 1
    first = int(page.inner_text("[data-testid=months]"))
    page.fill("#edit-amount", "400000")
    page.click("#edit-form button[type=submit]")
    # expect() rather than wait_for_function(): the latter evaluates a string in the page, which the CSP refuses
    expect(page.locator("[data-testid=months]")).not_to_have_text(str(first))
    assert int(page.inner_text("[data-testid=months]")) > first


@pytest.mark.django_db
def test_page_is_available_in_english(world):
    from django.conf import settings

    client = client_for(world.prosecutor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(URL).content.decode()
    assert "Sentencing recommendation assistant" in html and "Facts of the case" in html
