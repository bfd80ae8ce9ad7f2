"""The recommend page says which pool its similar cases come from (issue 23): context cases are badged and
give no statistics, a missing deciding fact is said."""

import pytest
from django.test import Client

from leniency.corpus.models import Judgment
from leniency.testing.personas import PASSWORD

URL = "/corpus/recommend/"
FACT = "被告人张某在超市窃得手机一部，价值人民币5000元。到案后如实供述。"
NO_AMOUNT = "被告人张某在超市窃得手机一部。到案后如实供述。"


@pytest.fixture
def far_thefts(db):
    Judgment.objects.bulk_create(
        Judgment(
            content_hash=f"far{i}",
            fact=f"被告人王某{i}窃得财物，价值人民币1000000元。",
            charges=["盗窃"],
            main_charge="盗窃",
            term_months=120,
            amount_yuan=1_000_000,
        )
        for i in range(6)
    )


def page(world, fact):
    client = Client()
    assert client.login(username=world.prosecutor.username, password=PASSWORD)
    response = client.post(URL, {"fact": fact, "charge": "盗窃", "proposed_months": 6})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_charge_only_cases_are_badged_as_context_without_statistics(world, far_thefts):
    html = page(world, FACT)
    assert 'data-match-level="charge_set"' in html
    assert "因素匹配 0 件" in html and "仅罪名相同 6 件" in html
    assert html.count('data-testid="context-badge"') == 6
    assert 'data-testid="similar-stats"' not in html and 'data-kind="similar_band"' not in html
    assert "金额相差较大" in html and "金额相近" not in html


@pytest.mark.django_db
def test_a_missing_amount_is_said_on_the_page(world, far_thefts):
    html = page(world, NO_AMOUNT)
    assert '<p class="warning" data-testid="missing-fact">本案未识别出金额</p>' in html


@pytest.mark.django_db
def test_the_api_gives_the_pool_sizes_match_level_and_warning_band(world, far_thefts):
    client = Client()
    assert client.login(username=world.prosecutor.username, password=PASSWORD)
    data = client.post(
        "/api/sentencing/recommend",
        {"fact": FACT, "charges": ["盗窃"], "proposed_months": 6},
        content_type="application/json",
    ).json()
    similar = data["similar"]
    assert similar["match_level"] == "charge_set" and similar["context_only"] is True
    assert similar["pool_sizes"] == {"factors": 0, "charge_set": 6, "charge": 0} and similar["stats"] is None
    assert data["warning_band"] is None  # no model in the test's var directory, no matched pool
    assert {c["match"] for c in similar["cases"]} == {"charge_set"}
    amount = [r for r in similar["cases"][0]["reasons"] if r["factor"] == "amount"]
    assert amount == [
        {
            "factor": "amount",
            "close": False,
            "text": "金额相差较大：1,000,000 元（本案 5,000 元，相差 ×200.00），超出 ×1.5",
            "case": 1_000_000.0,
            "query": 5000.0,
            "distance": 200.0,
        }
    ]
