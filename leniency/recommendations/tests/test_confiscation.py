"""并处没收财产 reaches the recommendation (issue 16): the engine finds it where the charge's own statutory bracket makes it
mandatory (刑法第59条; here 第347条第2款: heroin of fifty grams or more, 并处没收财产); the draft service stores it, the
term, the page, the API and the 量刑建议书 state it. The facts are written for these tests."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from leniency.audit.models import AuditEvent
from leniency.recommendations import services
from leniency.recommendations.tests.test_api import BASE, auth
from leniency.recommendations.tests.test_document_downloads import TEXT, _download

DRUGS = ["走私、贩卖、运输、制造毒品"]
# 第347条第2款第(一)项: 海洛因五十克以上 -> 十五年有期徒刑、无期徒刑或者死刑，并处没收财产
HEROIN_60 = (
    "2023年3月5日，被告人张某某在某小区门口以人民币三万元的价格向李某贩卖海洛因60克，当场被公安机关抓获。"
)
# 第347条第3款: 海洛因十克以上不满五十克 -> 七年以上有期徒刑，并处罚金 (no confiscation): just under the line
HEROIN_30 = (
    "2023年3月5日，被告人张某某在某小区门口以人民币一万元的价格向李某贩卖海洛因30克，当场被公安机关抓获。"
)
THEFT = "2023年3月5日，被告人张某某在某超市内盗窃他人手机一部，价值人民币3000元。"


def _draft(world, facts_text, charges, **kw):
    return services.do_create_draft(
        world.defendant, acting_user=world.prosecutor, facts_text=facts_text, charges=charges, **kw
    )


def test_the_draft_stores_confiscation_where_the_bracket_makes_it_mandatory(world):
    rec = _draft(world, HEROIN_60, DRUGS)
    rec.refresh_from_db()
    assert rec.confiscation is True
    assert rec.term_text().endswith("，并处没收财产")
    event = AuditEvent.objects.get(action="recommendations.draft.created")
    assert event.data["confiscation"] is True
    assert any(s["rule_id"] == "method.confiscation" for s in rec.calculation["steps"])


def test_no_confiscation_just_below_the_bracket_nor_for_a_plain_theft(world):
    below = _draft(world, HEROIN_30, DRUGS)
    assert below.confiscation is False and "没收财产" not in below.term_text()
    assert below.fine_yuan, "the lower bracket's 并处罚金 stays"
    theft = _draft(world, THEFT, ["盗窃"])
    assert theft.confiscation is False and "没收财产" not in theft.term_text()


def test_exemption_leaves_no_confiscation_and_the_engines_term_brings_it_back(world):
    rec = _draft(world, HEROIN_60, DRUGS)
    exempt = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        values={"principal_penalty": "exempt"},
        deviation_reason="测试：免予刑事处罚（刑法第37条）",
    )
    assert exempt.confiscation is False and "没收" not in exempt.term_text()
    back = services.do_update_draft(
        exempt,
        acting_user=world.prosecutor,
        version=exempt.version,
        values={"principal_penalty": "fixed_term", "months": 180},
    )
    assert back.confiscation is True


@pytest.fixture
def final_with_confiscation(world, flow):
    rec = flow.final(facts_text=HEROIN_60, charges=DRUGS)
    assert rec.confiscation
    return rec


def test_the_judge_reads_it_on_the_recommendation_page_in_both_languages(
    client, world, final_with_confiscation
):
    world.to_trial()
    client.force_login(world.judge)
    url = reverse("recommendations:defendant", args=[world.defendant.pk])
    html = client.get(url).content.decode()
    assert "并处没收财产（所犯之罪的法定刑幅度规定必须并处，刑法第59条）" in html
    assert final_with_confiscation.term_text() in html
    client.cookies["django_language"] = "en"
    try:
        english = client.get(url).content.decode()
    finally:
        translation.activate(settings.LANGUAGE_CODE)
    assert "Confiscation of property as well" in english


def test_the_api_gives_it(client, world, final_with_confiscation):
    response = client.get(f"{BASE}/{final_with_confiscation.pk}", **auth(world.prosecutor))
    assert response.status_code == 200, response.content
    assert response.json()["confiscation"] is True


def test_the_recommendation_document_states_it(client, world, final_with_confiscation):
    """Word only: test_document_downloads proves the PDF prints the same term_text (and costs ~20 s of fonts)."""
    world.to_trial()
    text = TEXT["docx"](_download(client, world.prosecutor, "document_docx", final_with_confiscation.pk))
    assert "并处没收财产" in text
