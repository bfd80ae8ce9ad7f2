"""并处没收财产 (刑法第59条) from the adopted recommendation to the judgment recorded (issue 16, E22): the judgment page
is prefilled from the recommendation the court adopted (CPL art. 201), so the confiscation it carries is offered, the
Sentence stores it, and the case page, the audit trail and the API state it. Not with 免予刑事处罚 (刑法第37条) or 单处罚金
(第34条), and not added on the defendant's appeal alone (CPL art. 237). The facts are written for these tests."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from leniency import clock
from leniency.audit.models import AuditEvent
from leniency.cases import judgments, services
from leniency.cases.judgments import SentenceIn
from leniency.cases.models import Sentence
from leniency.errors import DomainError
from leniency.recommendations import services as recommendations
from leniency.recommendations.tests.conftest import flow  # noqa: F401 - the recommendation's workflow

from .conftest import TWO_YEARS, _judge

DRUGS = ["走私、贩卖、运输、制造毒品"]
# 刑法第347条第2款第(一)项: 海洛因五十克以上 -> 十五年有期徒刑、无期徒刑或者死刑，并处没收财产
HEROIN_80 = "2024年6月10日晚，被告人王某某在某宾馆房间内以人民币四万元的价格向赵某出售海洛因80克，交易时被民警当场抓获。"
# 刑法第264条: 盗窃 carries a fine, never confiscation at this amount
THEFT = "2024年6月10日，被告人王某某在某菜市场内扒窃他人钱包一个，内有现金人民币2500元。"


def _adopted(world, flow, **kw):  # noqa: F811
    rec = flow.final(**kw)
    flow.ready_for_adoption()
    rec.refresh_from_db()
    recommendations.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    return rec


def _judgment_page(client, world):
    client.force_login(world.judge)
    response = client.get(reverse("case_judgment", args=[world.case.pk]))
    assert response.status_code == 200
    forms = response.context["sentence_forms"]
    return next(f for f in forms if f.defendant == world.defendant), forms, response.content.decode()


def _record_as_offered(client, world, form, forms):
    """The judge records the judgment as the page offers it (a co-defendant's sentence typed in)."""
    data = {"judged_on": clock.today().isoformat()}
    for f in forms:
        values = form.initial if f is form else {"penalty": "criminal_detention", "months": 4}
        for key, value in values.items():
            if value is None or value is False:
                continue  # an empty field, an unticked box
            data[f"{f.prefix}-{key}"] = "on" if value is True else value
    response = client.post(reverse("case_judgment", args=[world.case.pk]), data)
    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["sentence_forms"]
    ]
    return Sentence.objects.get(defendant=world.defendant)


def _sentence_panels(client, world, language=None) -> list[str]:
    """Each defendant's sentence as the case page shows it (its `dd.sentence`), in `language` if given."""
    if language:
        client.cookies["django_language"] = language
    try:
        html = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    finally:
        client.cookies.pop("django_language", None)
        translation.activate(settings.LANGUAGE_CODE)
    return re.findall(r'<dd class="sentence">(.*?)</dd>', html, re.S)


def test_an_adopted_recommendation_with_confiscation_is_prefilled_recorded_and_shown(client, world, flow):  # noqa: F811
    rec = _adopted(world, flow, facts_text=HEROIN_80, charges=DRUGS)
    assert rec.confiscation, "the recommendation's journey set it (第347条第2款)"
    form, forms, html = _judgment_page(client, world)
    assert form.initial["confiscation"] is True
    assert f'name="{form.prefix}-confiscation"' in html
    assert "checked" in str(form["confiscation"])
    assert "并处没收财产（刑法第59条）" in html

    sentence = _record_as_offered(client, world, form, forms)
    assert sentence.confiscation is True
    assert (sentence.penalty, sentence.months) == (rec.principal_penalty, rec.months)
    event = AuditEvent.objects.get(action="case.judgment.recorded")
    assert event.data["sentences"][str(world.defendant.pk)]["confiscation"] is True

    client.force_login(world.judge)
    # the defendant's sentence says it; the co-defendant's 拘役, typed without it, does not
    panels = _sentence_panels(client, world)
    assert len(panels) == len(forms) and sum("并处没收财产" in p for p in panels) == 1
    english = _sentence_panels(client, world, "en")
    assert sum("confiscation of property" in p for p in english) == 1


def test_an_adopted_recommendation_without_confiscation_offers_none_and_the_judgment_has_none(
    client,
    world,
    flow,  # noqa: F811
):
    rec = _adopted(world, flow, facts_text=THEFT, charges=["盗窃"])
    assert rec.confiscation is False
    form, forms, _html = _judgment_page(client, world)
    assert form.initial["confiscation"] is False
    assert "checked" not in str(form["confiscation"])
    sentence = _record_as_offered(client, world, form, forms)
    assert sentence.confiscation is False
    client.force_login(world.judge)
    panels = _sentence_panels(client, world)
    assert panels and not any("没收财产" in p for p in panels)


@pytest.mark.parametrize(
    "penalty, months, article",
    [("exempt", None, "刑法第37条"), ("fine_only", None, "刑法第34条")],
)
def test_no_confiscation_with_an_exemption_or_a_fine_alone(penalty, months, article):
    fine = {"fine_yuan": 3000} if penalty == "fine_only" else {}
    with pytest.raises(DomainError, match=article) as error:
        judgments.check_sentence(
            SentenceIn(penalty, months=months, confiscation=True, **fine), field_prefix="d1-"
        )
    assert error.value.field == "d1-confiscation"
    judgments.check_sentence(SentenceIn(penalty, months=months, **fine))  # without it: allowed
    judgments.check_sentence(SentenceIn("fixed_term", months=180, confiscation=True))  # with a term: allowed


@pytest.mark.django_db
def test_the_api_records_it_lists_it_and_names_the_field_of_a_bad_value(client, world, filed):
    d = filed.defendants.get()
    client.force_login(world.judge)
    url = f"/api/cases/{filed.pk}/judgment"
    one = {"defendant": d.pk, "penalty": "fixed_term", "months": 180}
    bad = client.post(
        url,
        {"judged_on": "2026-12-01", "sentences": [{**one, "confiscation": "perhaps"}]},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert "confiscation" in bad.content.decode()
    exempt = client.post(
        url,
        {
            "judged_on": "2026-12-01",
            "sentences": [{**one, "penalty": "exempt", "months": None, "confiscation": True}],
        },
        content_type="application/json",
    )
    assert exempt.status_code == 400 and exempt.json()["field"] == f"d{d.pk}-confiscation"
    ok = client.post(
        url,
        {"judged_on": "2026-12-01", "sentences": [{**one, "confiscation": True}]},
        content_type="application/json",
    )
    assert ok.status_code == 200, ok.content
    assert ok.json()[0]["confiscation"] is True
    assert [r["confiscation"] for r in client.get(f"/api/cases/{filed.pk}/sentences").json()] == [True]


@pytest.mark.django_db
def test_the_api_takes_a_sentence_without_the_field_as_no_confiscation(client, world, filed):
    d = filed.defendants.get()
    client.force_login(world.judge)
    response = client.post(
        f"/api/cases/{filed.pk}/judgment",
        {
            "judged_on": "2026-12-01",
            "sentences": [{"defendant": d.pk, "penalty": "fixed_term", "months": 24}],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()[0]["confiscation"] is False
    assert Sentence.objects.get(defendant=d).confiscation is False


@pytest.mark.django_db
def test_on_the_defendants_appeal_alone_confiscation_may_not_be_added(world, upper, appealed):
    _court, _clerk, judge, *_members = upper
    d = appealed.defendants.get()  # judged at first instance to TWO_YEARS, without confiscation
    with pytest.raises(DomainError, match="刑事诉讼法第237条"):
        judgments.do_decide_second_instance(
            appealed,
            decision="amend",
            sentences={d.pk: {**TWO_YEARS, "confiscation": True}},
            decided_on=date(2027, 1, 5),
            acting_user=judge,
        )
    judgments.do_decide_second_instance(
        appealed,
        decision="amend",
        sentences={d.pk: {**TWO_YEARS, "months": 20}},
        decided_on=date(2027, 1, 5),
        acting_user=judge,
    )
    assert judgments.current_sentence(d).confiscation is False


@pytest.mark.django_db
def test_a_second_instance_amendment_may_drop_a_confiscation(world, upper, filed):
    _court, clerk, judge, *members = upper
    d = _judge(world, filed, {"penalty": "fixed_term", "months": 180, "confiscation": True})
    assert judgments.current_sentence(d).confiscation is True
    services.do_appeal(filed, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    filed.refresh_from_db()
    services.do_file_case(filed, judge=judge, members=members, filed_on=date(2026, 12, 9), acting_user=clerk)
    filed.refresh_from_db()
    judgments.do_decide_second_instance(
        filed,
        decision="amend",
        sentences={d.pk: {"penalty": "fixed_term", "months": 180}},
        decided_on=date(2027, 1, 5),
        acting_user=judge,
    )
    assert judgments.current_sentence(d).confiscation is False
