"""The panel (合议庭) the court's filing forms (CPL art. 183): who sits, how many, and that only they act."""

from datetime import date

import pytest
from django.urls import reverse

from leniency.accounts.models import Organisation, Role, User
from leniency.cases import judgments, services
from leniency.cases.models import PanelMember
from leniency.errors import DomainError, Forbidden
from leniency.testing.personas import PASSWORD

from .conftest import TWO_YEARS
from .test_intake import _transfer


@pytest.fixture
def colleagues(world):
    return [
        User.objects.create_user(n, password=PASSWORD, role=Role.JUDGE, organisation=world.court)
        for n in ("jack", "jill", "joe")
    ]


@pytest.fixture
def prosecuted(world):
    case = _transfer(world)
    services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.case_manager)
    services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    return case


@pytest.mark.django_db
def test_the_members_of_the_panel_act_and_another_judge_of_the_court_reaches_nothing(
    client, world, colleagues, prosecuted
):
    jack, jill, joe = colleagues
    services.do_file_case(
        prosecuted,
        judge=world.judge,
        members=[jack, jill],
        filed_on=date(2026, 11, 3),
        acting_user=world.clerk,
    )
    prosecuted.refresh_from_db()
    seats = PanelMember.objects.filter(case=prosecuted, ended_on__isnull=True)
    assert {(m.judge, m.presiding) for m in seats} == {(world.judge, True), (jack, False), (jill, False)}
    client.force_login(joe)
    assert client.get(f"/cases/{prosecuted.pk}/").status_code == 404
    assert client.get(f"/cases/{prosecuted.pk}/judgment/").status_code == 404
    d = prosecuted.defendants.get()
    with pytest.raises(Forbidden, match="刑事诉讼法第200条"):
        judgments.do_record_judgment(prosecuted, sentences={d.pk: TWO_YEARS}, acting_user=joe)
    client.force_login(jill)
    assert client.get(f"/cases/{prosecuted.pk}/").status_code == 200
    judgments.do_record_judgment(
        prosecuted, sentences={d.pk: TWO_YEARS}, judged_on=date(2026, 12, 1), acting_user=jill
    )


@pytest.mark.django_db
def test_a_panel_has_an_odd_number_of_judges(world, colleagues, prosecuted):
    with pytest.raises(DomainError, match="刑事诉讼法第183条") as error:
        services.do_file_case(prosecuted, judge=world.judge, members=colleagues[:1], acting_user=world.clerk)
    assert error.value.field == "members"
    with pytest.raises(DomainError, match="不是本院法官"):
        services.do_file_case(
            prosecuted,
            judge=world.judge,
            members=[world.outsider_judge, colleagues[0]],
            acting_user=world.clerk,
        )


@pytest.mark.django_db
def test_a_single_judge_sits_only_at_the_basic_court(world, colleagues, prosecuted):
    services.do_file_case(prosecuted, judge=world.judge, filed_on=date(2026, 11, 3), acting_user=world.clerk)
    prosecuted.refresh_from_db()
    d = prosecuted.defendants.get()
    services.do_set_procedure(d, procedure="summary", acting_user=world.judge)
    # A grave case goes to the intermediate court, which never sits alone.
    intermediate = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    grave = _transfer(world, name="张某", id_number="")
    services.do_prosecute(grave, grave=True, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    clerk = User.objects.create_user("ian", role=Role.COURT_CLERK, organisation=intermediate)
    judge = User.objects.create_user("ivy", role=Role.JUDGE, organisation=intermediate)
    with pytest.raises(DomainError, match="刑事诉讼法第183条第1款"):
        services.do_file_case(grave, judge=judge, acting_user=clerk)


@pytest.mark.django_db
def test_the_second_instance_needs_three_or_five_judges_and_the_first_panel_reaches_nothing(
    client, world, colleagues, prosecuted, upper
):
    court, clerk, judge, *members = upper
    jack, jill, _joe = colleagues
    services.do_file_case(
        prosecuted,
        judge=world.judge,
        members=[jack, jill],
        filed_on=date(2026, 11, 3),
        acting_user=world.clerk,
    )
    prosecuted.refresh_from_db()
    d = prosecuted.defendants.get()
    judgments.do_record_judgment(
        prosecuted, sentences={d.pk: TWO_YEARS}, judged_on=date(2026, 12, 1), acting_user=jack
    )
    services.do_appeal(prosecuted, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    prosecuted.refresh_from_db()
    with pytest.raises(DomainError, match="刑事诉讼法第183条第4款"):
        services.do_file_case(prosecuted, judge=judge, acting_user=clerk)
    services.do_file_case(
        prosecuted, judge=judge, members=members, filed_on=date(2026, 12, 9), acting_user=clerk
    )
    assert PanelMember.objects.filter(case=prosecuted, ended_on__isnull=True).count() == 3
    assert PanelMember.objects.filter(case=prosecuted, judge=jack, ended_on=date(2026, 12, 9)).exists()
    client.force_login(jack)
    assert client.get(f"/cases/{prosecuted.pk}/").status_code == 404
    client.force_login(members[1])
    assert client.get(f"/cases/{prosecuted.pk}/").status_code == 200


@pytest.mark.django_db
def test_the_filing_page_posts_the_presiding_judge_and_the_members(client, world, colleagues, prosecuted):
    """The filing form's fields (judge, members, filed_on) as the page posts them, after the panel forms shared
    their definition."""
    jack, jill, _joe = colleagues
    client.force_login(world.clerk)
    url = reverse("court_file", args=[prosecuted.pk])
    page = client.get(url).content.decode()
    assert page.index('name="filed_on"') < page.index('name="judge"') < page.index('name="members"')
    response = client.post(url, {"filed_on": "2026-11-03", "judge": world.judge.pk, "members": [jack.pk]})
    assert response.status_code == 400 and "刑事诉讼法第183条" in response.content.decode()
    response = client.post(
        url, {"filed_on": "2026-11-03", "judge": world.judge.pk, "members": [jack.pk, jill.pk]}
    )
    assert response.status_code == 302
    seated = PanelMember.objects.filter(case=prosecuted).values_list("judge_id", "presiding")
    assert set(seated) == {(world.judge.pk, True), (jack.pk, False), (jill.pk, False)}
