"""Typical cases: propose → anonymise → review with the diff → publish; search; who may do what."""

import pytest
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError, Forbidden
from leniency.portal import services
from leniency.portal.models import TypicalCase
from leniency.testing.personas import PASSWORD

FACTS = (
    "经审理查明：2026年8月，被告人张某某伙同李某某在东区某商场窃取手机两部，价值人民币6000元。"
    "张某某身份证号110101199005010011，联系电话13912345678，住东区建设路5号2栋301室。被害人付强报警。"
)


@pytest.fixture
def proposed(world):
    world.case.facts = FACTS
    world.case.save()
    return services.do_propose_typical_case(
        world.case, title="张某某盗窃案", acting_user=world.prosecutor, reasons="认罪认罚，量刑建议被采纳"
    )


def test_workflow_publishes_an_anonymised_text(world, proposed):
    tc = services.do_anonymise_typical_case(proposed, acting_user=world.prosecutor)
    assert tc.status == TypicalCase.Status.ANONYMISED
    for planted in ("张某某", "李某某", "110101199005010011", "13912345678", "建设路5号", "付强"):
        assert planted not in tc.public_text
    assert tc.public_title == "张某盗窃案"
    assert tc.crime == "盗窃罪" and tc.region_label == "测试省测试市"
    with pytest.raises(Forbidden, match="只有审核人"):  # the proposer, a prosecutor, does not review
        services.do_publish_typical_case(tc, acting_user=world.prosecutor)
    tc = services.do_publish_typical_case(tc, acting_user=world.supervisor, keywords="盗窃")
    assert tc.status == TypicalCase.Status.PUBLISHED and tc.number.endswith("-001")
    actions = set(AuditEvent.objects.filter(case_id=world.case.pk).values_list("action", flat=True))
    assert {
        "portal.typical_case.proposed",
        "portal.typical_case.anonymised",
        "portal.typical_case.published",
    } <= actions


def test_publication_is_refused_while_a_known_name_or_number_remains(world, proposed):
    tc = services.do_anonymise_typical_case(proposed, acting_user=world.prosecutor)
    with pytest.raises(DomainError) as error:
        services.do_publish_typical_case(
            tc, acting_user=world.supervisor, public_text=tc.public_text + "张某某的电话13912345678"
        )
    assert error.value.field == "public_text"
    tc.refresh_from_db()
    assert tc.status == TypicalCase.Status.ANONYMISED


def test_outsiders_cannot_propose_or_review(world, proposed):
    with pytest.raises(Forbidden, match="可以提议典型案例"):
        services.do_propose_typical_case(world.case, title="x", acting_user=world.outsider_prosecutor)
    with pytest.raises(Forbidden, match="可以提议典型案例"):
        services.do_propose_typical_case(world.case, title="x", acting_user=world.lawyer)
    with pytest.raises(Forbidden, match="只有提议人或审核人"):
        services.do_anonymise_typical_case(proposed, acting_user=world.judge)
    tc = services.do_anonymise_typical_case(proposed, acting_user=world.prosecutor)
    with pytest.raises(Forbidden, match="只有审核人"):
        services.do_publish_typical_case(tc, acting_user=world.judge)
    with pytest.raises(Forbidden, match="只有审核人"):
        services.do_reject_typical_case(tc, acting_user=world.judge, note="x")
    with pytest.raises(Forbidden, match="只有审核人"):
        services.do_withdraw_typical_case(tc, acting_user=world.judge, note="x")


def test_pages_propose_review_diff_and_public_search(client, world):
    world.case.facts = FACTS
    world.case.save()
    client.login(username=world.prosecutor.username, password=PASSWORD)
    response = client.post(
        reverse("portal:propose"), {"case_number": world.case.number, "title": "张某某盗窃案"}
    )
    tc = TypicalCase.objects.get()
    assert response.status_code == 302 and response.url == reverse("portal:review", args=[tc.pk])
    response = client.post(reverse("portal:propose"), {"case_number": "不存在", "title": "x"})
    assert response.status_code == 400
    client.logout()

    client.login(username=world.supervisor.username, password=PASSWORD)
    page = client.get(reverse("portal:review", args=[tc.pk])).content.decode()
    # the reviewer sees the diff: what was removed struck through, what replaced it highlighted
    assert "<del>" in page and "<ins>" in page and "电话号码已删除" in page and "13912345678" in page
    response = client.post(
        reverse("portal:review", args=[tc.pk]),
        {"action": "publish", "public_title": tc.public_title, "public_text": tc.public_text + "13912345678"},
    )
    assert response.status_code == 400 and "13912345678" in response.content.decode()  # kept what was typed
    response = client.post(
        reverse("portal:review", args=[tc.pk]),
        {
            "action": "publish",
            "public_title": tc.public_title,
            "public_text": tc.public_text,
            "keywords": "手机",
        },
    )
    assert response.status_code == 302
    client.logout()

    tc.refresh_from_db()
    listing = client.get(reverse("portal:cases"), {"q": "手机"}).content.decode()
    assert tc.number in listing
    assert tc.number not in client.get(reverse("portal:cases"), {"q": "毒品"}).content.decode()
    detail = client.get(reverse("portal:case", args=[tc.number])).content.decode()
    assert "张某" in detail and "张某某" not in detail and "13912345678" not in detail


def test_unpublished_cases_and_staff_pages_are_not_public(client, world, proposed):
    assert client.get(reverse("portal:manage")).status_code == 302  # to the login page
    assert client.get(reverse("portal:review", args=[proposed.pk])).status_code == 302
    client.login(username=world.lawyer.username, password=PASSWORD)
    assert client.get(reverse("portal:manage")).status_code == 403
    assert client.get(reverse("portal:review", args=[proposed.pk])).status_code == 404
    client.logout()
    assert proposed.title not in client.get(reverse("portal:cases")).content.decode()
