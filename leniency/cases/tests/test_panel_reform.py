"""变更合议庭: the court's filing office re-forms a filed case's panel (a judge recused, moved or fell ill); from
then on only the new panel acts, and the court the case has left no longer changes it."""

import json
from datetime import date

import pytest
from django.urls import reverse

from leniency.accounts.models import ApiToken, Role, User
from leniency.audit.models import AuditEvent
from leniency.cases import judgments, services
from leniency.cases.models import PanelChange, PanelMember
from leniency.errors import DomainError, Forbidden
from leniency.testing.personas import PASSWORD

from .conftest import TWO_YEARS


@pytest.fixture
def replacement(world):
    return User.objects.create_user("jody", password=PASSWORD, role=Role.JUDGE, organisation=world.court)


def _reform(case, clerk, presiding, **extra):
    values = {"reason": "原承办法官申请回避（刑事诉讼法第29条）", "changed_on": date(2026, 11, 10)}
    return services.do_reform_panel(case, presiding=presiding, acting_user=clerk, **(values | extra))


def test_the_new_presiding_judge_acts_and_the_removed_one_no_longer_can(client, world, filed, replacement):
    _reform(filed, world.clerk, replacement)
    filed.refresh_from_db()
    assert filed.judge == replacement
    seats = PanelMember.objects.filter(case=filed)
    assert [(s.judge, s.ended_on) for s in seats.filter(ended_on__isnull=False)] == [
        (world.judge, date(2026, 11, 10))
    ]
    assert [s.judge for s in seats.filter(ended_on__isnull=True)] == [replacement]
    url = reverse("case_judgment", args=[filed.pk])
    client.force_login(world.judge)
    assert client.get(url).status_code == 404
    assert client.get(reverse("case_detail", args=[filed.pk])).status_code == 404
    client.force_login(replacement)
    assert client.get(url).status_code == 200
    d = filed.defendants.get()
    with pytest.raises(Forbidden, match="刑事诉讼法第200条"):
        judgments.do_record_judgment(filed, sentences={d.pk: TWO_YEARS}, acting_user=world.judge)
    judgments.do_record_judgment(
        filed, sentences={d.pk: TWO_YEARS}, judged_on=date(2026, 12, 1), acting_user=replacement
    )


def test_the_change_is_audited_with_the_panels_before_and_after_and_the_reason(world, filed, replacement):
    _reform(filed, world.clerk, replacement)
    event = AuditEvent.objects.get(action="case.panel.reformed")
    assert event.actor == world.clerk and event.case_id == filed.pk
    assert event.data["before"] == [world.judge.pk] and event.data["after"] == [replacement.pk]
    assert event.data["reason"] == "原承办法官申请回避（刑事诉讼法第29条）"
    change = PanelChange.objects.get(case=filed)
    assert (change.court, change.changed_on, change.changed_by) == (
        world.court,
        date(2026, 11, 10),
        world.clerk,
    )


@pytest.mark.parametrize(
    "extra, field, message",
    [
        ({"reason": "  "}, "reason", "请写明变更合议庭的理由"),
        ({"changed_on": date(2026, 11, 1)}, "changed_on", "变更日期不能早于立案日期"),
    ],
)
def test_a_change_needs_its_reason_and_a_date_after_filing(world, filed, replacement, extra, field, message):
    with pytest.raises(DomainError, match=message) as error:
        _reform(filed, world.clerk, replacement, **extra)
    assert error.value.field == field
    assert not PanelChange.objects.exists()


def test_only_judges_of_the_court_holding_the_case_sit(world, filed):
    with pytest.raises(DomainError, match="不是本院法官") as error:
        _reform(filed, world.clerk, world.outsider_judge)
    assert error.value.field == "presiding"
    with pytest.raises(DomainError, match="合议庭没有变化"):
        _reform(filed, world.clerk, world.judge)


def test_only_the_filing_office_of_that_court_changes_the_panel(world, filed, replacement):
    for user in (world.judge, world.prosecutor, world.outsider_judge):
        with pytest.raises(Forbidden, match="刑事诉讼法第183条"):
            _reform(filed, user, replacement)


def test_once_an_appeal_moved_the_case_the_first_court_no_longer_changes_its_panel(world, upper, appealed):
    court, clerk, judge, *members = upper
    with pytest.raises(Forbidden, match="刑事诉讼法第231条、第232条"):
        _reform(appealed, world.clerk, world.judge, changed_on=date(2026, 12, 10))
    # The court above re-forms its own three-judge panel (CPL art. 183 ¶4).
    newcomer = User.objects.create_user("ines", role=Role.JUDGE, organisation=court)
    with pytest.raises(DomainError, match="第183条第4款"):
        _reform(appealed, clerk, judge, members=[members[0]], changed_on=date(2026, 12, 10))
    _reform(appealed, clerk, judge, members=[members[0], newcomer], changed_on=date(2026, 12, 10))
    assert set(
        PanelMember.objects.filter(case=appealed, ended_on__isnull=True).values_list("judge", flat=True)
    ) == {
        judge.pk,
        members[0].pk,
        newcomer.pk,
    }


def test_the_case_page_links_the_form_for_the_clerk_only(client, world, filed):
    client.force_login(world.clerk)
    url = reverse("court_panel", args=[filed.pk])
    assert url in client.get(reverse("case_detail", args=[filed.pk])).content.decode()
    client.force_login(world.judge)
    assert url not in client.get(reverse("case_detail", args=[filed.pk])).content.decode()
    assert client.get(url).status_code == 403


def test_the_form_shows_the_refusal_on_its_field_and_keeps_what_was_typed(client, world, filed, replacement):
    client.force_login(world.clerk)
    url = reverse("court_panel", args=[filed.pk])
    data = {"changed_on": "2026-11-10", "presiding": world.judge.pk, "reason": "我写的理由"}
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 400
    error = body[body.index('id="id_members_error"') :]
    assert "合议庭没有变化" in error[: error.index("</ul>")] and "我写的理由" in body
    response = client.post(url, data | {"presiding": replacement.pk})
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert "我写的理由" in body and "jody" in body  # the change is listed, the new panel shown


def test_the_api_operation_reforms_the_panel_and_refuses_the_judge(client, world, filed, replacement):
    _, key = ApiToken.issue(world.clerk, "test")
    url = f"/api/cases/{filed.pk}/court-panel"
    body = {"presiding": replacement.pk, "reason": "原承办法官调离", "changed_on": "2026-11-10"}
    _, judge_key = ApiToken.issue(world.judge, "test")
    response = client.post(
        url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {judge_key}"
    )
    assert response.status_code == 403 and "第183条" in response.json()["detail"]
    response = client.post(
        url,
        json.dumps(body | {"reason": ""}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 400 and response.json()["field"] == "reason"
    response = client.post(
        url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 200 and response.json()["judge"] == str(replacement)
