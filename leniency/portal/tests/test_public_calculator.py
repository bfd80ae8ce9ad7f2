"""The public calculator: structured facts only, the engine's steps with their citations, nothing stored."""

from decimal import Decimal

from django.apps import apps
from django.urls import reverse

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts, Finding

URL = "portal:calculator"


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_the_calculator_shows_the_engines_steps_and_citations(client, db):
    response = client.get(
        reverse(URL),
        {
            "crime": "theft",
            "amount_yuan": "12000",
            "circumstances": ["surrender"],
            "plea_stage": "prosecution_review",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    expected = calculate(
        CaseFacts(
            text="",
            charges=["盗窃"],
            amount_yuan=Decimal("12000"),
            circumstances=[Finding(code="surrender"), Finding(code="plea", value="prosecution_review")],
        )
    )
    assert f"有期徒刑{expected.months}个月" in page
    assert f"{expected.low}至{expected.high}个月" in page
    for step in expected.steps:  # every step of the engine, with its citation
        assert step.description_zh in page
        assert step.citation in page
    assert "四(十一)" in page and "自首" in page


def test_the_calculator_refuses_free_text(client, db):
    before = row_counts()
    response = client.get(reverse(URL), {"crime": "theft", "fact": "被告人张三于2024年盗窃现金12000元"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-refused="1"' in page and "fact" in page
    assert 'data-result="1"' not in page and "张三" not in page
    assert row_counts() == before


def test_the_calculator_stores_nothing(client, db):
    before = row_counts()
    for params in (
        {"crime": "theft", "amount_yuan": "50000", "counts": "4", "age": "17"},
        {
            "crime": "intentional_injury",
            "injury": "serious_2",
            "circumstances": ["compensation", "forgiveness"],
        },
        {"crime": "dangerous_driving", "plea_stage": "trial"},
    ):
        response = client.get(reverse(URL), params)
        assert response.status_code == 200 and 'data-result="1"' in response.content.decode(), params
        assert "sessionid" not in response.cookies  # (the language switch sets a CSRF cookie, no session)
    assert row_counts() == before  # no row in any table: no audit event, no session, no log of the input


def test_invalid_input_is_a_form_error_not_a_result(client, db):
    page = client.get(reverse(URL), {"crime": "no-such-crime", "amount_yuan": "-5"}).content.decode()
    assert 'data-result="1"' not in page and "errorlist" in page


def test_the_form_alone_is_the_empty_page(client, db):
    response = client.get(reverse(URL))
    assert response.status_code == 200 and 'data-result="1"' not in response.content.decode()


def test_the_calculator_speaks_english(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse(URL), {"crime": "theft", "amount_yuan": "12000"}).content.decode()
    assert (
        "Sentencing calculator" in page and "Fixed-term imprisonment, " in page and " months (range" in page
    )
