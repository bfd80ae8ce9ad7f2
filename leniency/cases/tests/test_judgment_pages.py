"""The judgment, second-instance and retrial pages and API operations: thin over `judgments.py`."""

from datetime import date

import pytest

from leniency.cases.models import SecondInstanceDecision, Sentence
from leniency.cases.stages import Stage


@pytest.mark.django_db
def test_the_judge_records_the_judgment_through_the_page_and_a_refusal_lands_on_its_field(
    client, world, filed
):
    d = filed.defendants.get()
    client.force_login(world.judge)
    page = client.get(f"/cases/{filed.pk}/")
    assert f"/cases/{filed.pk}/judgment/" in page.content.decode()
    bad = client.post(
        f"/cases/{filed.pk}/judgment/",
        {"judged_on": "2026-12-01", f"d{d.pk}-penalty": "fixed_term", f"d{d.pk}-months": "3"},
    )
    assert bad.status_code == 400
    assert bad.context["sentence_forms"][0].errors["months"] == ["有期徒刑的期限为6至180个月（刑法第45条）"]
    ok = client.post(
        f"/cases/{filed.pk}/judgment/",
        {"judged_on": "2026-12-01", f"d{d.pk}-penalty": "fixed_term", f"d{d.pk}-months": "10"},
    )
    assert ok.status_code == 302
    assert Sentence.objects.get(defendant=d).months == 10
    page = client.get(f"/cases/{filed.pk}/").content.decode()
    assert "有期徒刑 10个月" in page


@pytest.mark.django_db
def test_another_judge_and_the_prosecutor_are_refused_the_judgment_page(client, world, filed):
    client.force_login(world.prosecutor)
    assert client.get(f"/cases/{filed.pk}/judgment/").status_code == 403
    client.force_login(world.outsider_judge)
    assert client.get(f"/cases/{filed.pk}/judgment/").status_code == 404


@pytest.mark.django_db
def test_the_second_instance_page_remands_and_the_api_refuses_a_remand_without_ground(
    client, world, upper, appealed
):
    _court, _clerk, judge, *_members = upper
    client.force_login(judge)
    refused = client.post(
        f"/api/cases/{appealed.pk}/second-instance",
        {"decision": "remand", "decided_on": "2027-01-05"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert "第238条" in refused.json()["detail"] and refused.json()["field"] == "ground"
    response = client.post(
        f"/cases/{appealed.pk}/second-instance/",
        {"decision": "remand", "ground": "procedure", "decided_on": "2027-01-05"},
    )
    assert response.status_code == 302 and response.url == "/cases/"
    assert SecondInstanceDecision.objects.get(case=appealed).remanded_to == world.court
    assert appealed.defendants.get().stage == Stage.FIRST_INSTANCE


@pytest.mark.django_db
def test_the_api_records_a_judgment_and_lists_the_sentences(client, world, filed):
    d = filed.defendants.get()
    client.force_login(world.judge)
    response = client.post(
        f"/api/cases/{filed.pk}/judgment",
        {
            "judged_on": "2026-12-01",
            "sentences": [{"defendant": d.pk, "penalty": "criminal_detention", "months": 4}],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    listed = client.get(f"/api/cases/{filed.pk}/sentences").json()
    assert [(r["penalty"], r["months"], r["judged_on"]) for r in listed] == [
        ("criminal_detention", 4, date(2026, 12, 1).isoformat())
    ]


def test_the_case_page_offers_the_appeal_from_the_first_instance_judgment_until_appealed(
    client, world, upper, filed
):
    """上诉/抗诉 is offered to the prosecutor and the court's clerk once a defendant is judged at first instance,
    read from the defendants the page loaded, and no longer once the case is appealed."""
    from leniency.cases import services

    from .conftest import _judge

    url = f"/cases/{filed.pk}/"
    appeal = f'href="/cases/{filed.pk}/appeal/"'
    client.force_login(world.prosecutor)
    assert appeal not in client.get(url).content.decode()  # filed, not yet judged
    _judge(world, filed)
    for user in (world.prosecutor, world.clerk):
        client.force_login(user)
        assert appeal in client.get(url).content.decode()
    client.force_login(world.judge)
    assert appeal not in client.get(url).content.decode()
    services.do_appeal(filed, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    client.force_login(world.prosecutor)
    assert appeal not in client.get(url).content.decode()
