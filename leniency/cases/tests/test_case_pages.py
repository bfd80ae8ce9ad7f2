from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.cases.stages import Stage


def _page(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_login_page_is_in_chinese_by_default(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "登录" in response.content.decode() and 'lang="zh-hans"' in response.content.decode()


def test_public_is_sent_to_login_from_every_page(client, world):
    for url in (reverse("home"), reverse("case_list"), reverse("case_detail", args=[world.case.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_case_page_shows_defendants_charges_and_timeline(client, world):
    body = _page(client, world.prosecutor, reverse("case_detail", args=[world.case.pk])).content.decode()
    assert world.case.number in body and "张某某" in body and "李某某" in body
    assert "盗窃罪" in body and "第二百六十四条" in body
    assert "立案受理" in body and "指派律师" in body  # timeline entries from the audit trail


def test_outsiders_get_404_for_the_case_page(client, world):
    for user in world.outsiders():
        assert _page(client, user, reverse("case_detail", args=[world.case.pk])).status_code == 404, user


def test_unknown_case_is_404(client, world):
    assert _page(client, world.prosecutor, reverse("case_detail", args=[999999])).status_code == 404


def test_lawyer_sees_the_client_but_not_the_co_defendant(client, world):
    body = _page(client, world.lawyer, reverse("case_detail", args=[world.case.pk])).content.decode()
    # The indictment's title names both; the co-defendant's personal record is not shown.
    assert f'id="defendant-{world.defendant.pk}"' in body
    assert f'id="defendant-{world.co_defendant.pk}"' not in body


def test_case_list_filters_and_refuses_outsiders(client, world):
    body = _page(client, world.prosecutor, reverse("case_list") + "?q=张某某").content.decode()
    assert world.case.number in body
    body = client.get(reverse("case_list") + "?stage=final").content.decode()
    assert world.case.number not in body
    for user in world.outsiders():
        assert world.case.number not in _page(client, user, reverse("case_list")).content.decode()


def test_case_list_bad_date_range_names_the_field_and_keeps_input(client, world):
    body = _page(
        client,
        world.prosecutor,
        reverse("case_list") + "?q=盗窃&received_from=2026-10-01&received_to=2026-01-01",
    ).content.decode()
    assert "结束日期不能早于开始日期" in body and 'value="盗窃"' in body


def test_prosecutor_moves_a_defendant_through_the_form(client, world):
    client.force_login(world.prosecutor)
    url = reverse("change_stage", args=[world.case.pk, world.defendant.pk])
    prefix = f"d{world.defendant.pk}"
    response = client.post(
        url,
        {
            f"{prefix}-to": Stage.INVESTIGATION,
            f"{prefix}-as_of": "2026-10-08",
            f"{prefix}-reason": "退回补充侦查",
        },
    )
    assert response.status_code == 302
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.INVESTIGATION
    assert AuditEvent.objects.filter(action="defendant.stage.changed", actor=world.prosecutor).count() == 1


def test_stage_form_error_names_the_field_and_keeps_what_was_typed(client, world):
    client.force_login(world.prosecutor)
    prefix = f"d{world.defendant.pk}"
    response = client.post(
        reverse("change_stage", args=[world.case.pk, world.defendant.pk]),
        {
            f"{prefix}-to": Stage.FIRST_INSTANCE,
            f"{prefix}-as_of": "not-a-date",
            f"{prefix}-reason": "我写的说明",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400 and "日期：" in body and "我写的说明" in body


def test_stage_form_refuses_non_prosecution_on_its_field_naming_the_decision(client, world):
    client.force_login(world.prosecutor)
    prefix = f"d{world.defendant.pk}"
    response = client.post(
        reverse("change_stage", args=[world.case.pk, world.defendant.pk]),
        {
            f"{prefix}-to": Stage.NON_PROSECUTION,
            f"{prefix}-as_of": "2026-10-08",
            f"{prefix}-reason": "情节轻微",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    error = body[body.index(f'id="id_{prefix}-to_error"') :]
    assert (
        "刑事诉讼法第177条" in error[: error.index("</ul>")]
        and "作出不起诉决定" in error[: error.index("</ul>")]
    )
    assert "情节轻微" in body and 'value="non_prosecution" selected' in body
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.PROSECUTION_REVIEW


def test_others_cannot_change_the_stage(client, world):
    prefix = f"d{world.defendant.pk}"
    data = {f"{prefix}-to": Stage.INVESTIGATION, f"{prefix}-as_of": "2026-10-08"}
    url = reverse("change_stage", args=[world.case.pk, world.defendant.pk])
    for user, expected in [
        (world.auditor, 403),
        (world.outsider_judge, 404),
        (world.lawyer, 403),
        (world.unassigned_lawyer, 404),
        (world.outsider_prosecutor, 404),
    ]:
        client.force_login(user)
        assert client.post(url, data).status_code == expected, user
    client.logout()
    assert client.post(url, data).status_code == 302  # the public is sent to log in
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.PROSECUTION_REVIEW


def test_home_lists_tasks_for_the_prosecutor_and_nothing_for_outsiders(client, world):
    body = _page(client, world.prosecutor, reverse("home")).content.decode()
    assert "张某某" in body and "我的待办" in body
    body = _page(client, world.outsider_prosecutor, reverse("home")).content.decode()
    assert "张某某" not in body


def test_language_switch_to_english(client, world):
    client.force_login(world.prosecutor)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    assert 'lang="en"' in body and "Timeline" in body


def test_browser_preferring_english_still_gets_chinese_until_the_switch(client):
    body = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-hans"' in body


def test_stylesheet_is_served(client):
    from django.contrib.staticfiles import finders

    assert finders.find("leniency/leniency.css") and finders.find("leniency/htmx.min.js")


def test_home_counts_all_tasks_not_only_those_listed(client, world):
    from leniency.cases.tasks import tasks_for

    response = _page(client, world.prosecutor, reverse("home"))
    assert response.context["task_count"] == len(tasks_for(world.prosecutor)) == 2
