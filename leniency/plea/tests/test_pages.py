"""Pages: each role does its part; the unassigned lawyer and other districts get 404 for objects and 403 for
actions on what they can see; the public is sent to log in."""

import pytest
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.plea.models import PleaAgreement, RightsNotice, Withdrawal
from leniency.plea.voluntariness import do_record_review

from .helpers import (
    agreement,
    all_yes,
    first_instance_judgment,
    notice,
    png_bytes,
    sign_all,
    signing_recording,
)


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def _post(client, user, url, data):
    client.force_login(user)
    return client.post(url, data)


@pytest.fixture
def story(world, final_round):
    n = notice(world)
    a = sign_all(world, agreement(world))
    world.to_trial()
    review = do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    w_world = world
    return {"notice": n, "agreement": a, "review": review, "world": w_world}


def _object_urls(world, story):
    d = world.defendant.pk
    return [
        reverse("plea_dossier", args=[d]),
        reverse("plea_notice", args=[story["notice"].pk]),
        reverse("plea_notice_pdf", args=[story["notice"].pk]),
        reverse("plea_agreement", args=[story["agreement"].pk]),
        reverse("plea_agreement_pdf", args=[story["agreement"].pk]),
        reverse("plea_review", args=[story["review"].pk]),
        reverse("plea_notice_new", args=[d]),
        reverse("plea_agreement_new", args=[d]),
        reverse("plea_review_new", args=[d]),
        reverse("plea_withdrawal_new", args=[d]),
    ]


def test_insiders_see_every_page(client, world, story):
    urls = _object_urls(world, story)[:6]
    for user in (world.prosecutor, world.judge, world.lawyer, world.auditor):
        for url in urls:
            assert _get(client, user, url).status_code == 200, (user, url)


def test_outsiders_get_404_and_the_public_is_sent_to_log_in(client, world, story):
    for user in world.outsiders():
        for url in _object_urls(world, story):
            assert _get(client, user, url).status_code == 404, (user, url)
    client.logout()
    for url in _object_urls(world, story):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_lawyer_cannot_see_the_co_defendant(client, world, story):
    assert (
        _get(client, world.lawyer, reverse("plea_dossier", args=[world.co_defendant.pk])).status_code == 404
    )


def test_actions_are_403_for_roles_that_may_not_take_them(client, world, story):
    d = world.defendant.pk
    assert _get(client, world.lawyer, reverse("plea_notice_new", args=[d])).status_code == 403
    assert _get(client, world.lawyer, reverse("plea_agreement_new", args=[d])).status_code == 403
    assert _get(client, world.prosecutor, reverse("plea_review_new", args=[d])).status_code == 403
    assert _get(client, world.auditor, reverse("plea_withdrawal_new", args=[d])).status_code == 403
    url = reverse("plea_agreement_sign", args=[story["agreement"].pk])
    assert _post(client, world.lawyer, url, {"role": "prosecutor"}).status_code == 403
    assert _post(client, world.judge, url, {"role": "lawyer"}).status_code == 403


def test_prosecutor_records_a_notice_and_errors_keep_the_input(client, world):
    url = reverse("plea_notice_new", args=[world.defendant.pk])
    data = {
        "authority": "procuratorate",
        "notified_by_name": "艾检察官",
        "notified_at": "2026-09-03T10:00",
        "right_procedural": "on",
        "right_plea_rules": "on",
        "right_duty_lawyer": "on",
        "right_withdraw": "on",
        "method": "both",
        "language": "英语",
        "interpreter": "",
        "acknowledged": "on",
    }
    response = _post(client, world.prosecutor, url, data)
    assert response.status_code == 400 and "须记录翻译人员" in response.content.decode()
    assert 'value="英语"' in response.content.decode()
    response = _post(client, world.prosecutor, url, data | {"interpreter": "王翻译"})
    notice_row = RightsNotice.objects.get()
    assert response.status_code == 302 and response.url == reverse("plea_notice", args=[notice_row.pk])
    body = _get(client, world.lawyer, response.url).content.decode()
    assert "认罪认罚从宽制度告知书" in body and "王翻译" in body


def test_sign_through_the_pages_and_the_verification_page(client, world, final_round):
    """Each party on their own account: the prosecutor records the defendant's tablet signature, the lawyer
    attests (the prosecutor's account is refused for it), the prosecutor signs; each names the recording."""
    import base64

    a = agreement(world)
    recording = signing_recording(world, a)
    url = reverse("plea_agreement_sign", args=[a.pk])
    seg = {"recording": recording.pk, "recording_start_s": 10, "recording_end_s": 80}
    drawn = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    response = _post(client, world.prosecutor, url, {"role": "defendant", "drawn_png": drawn})
    assert response.status_code == 400 and "签名须关联签署过程的录音录像" in response.content.decode()
    response = _post(client, world.prosecutor, url, {"role": "defendant", "drawn_png": drawn} | seg)
    assert response.status_code == 302
    assert "等待律师在场确认" in _get(client, world.prosecutor, response.url).content.decode()
    lawyer_tick = {"role": "lawyer", "present": "on", "advised": "on", "voluntary": "on"} | seg
    assert _post(client, world.prosecutor, url, lawyer_tick).status_code == 403
    assert _post(client, world.lawyer, url, lawyer_tick).status_code == 302
    response = _post(client, world.prosecutor, url, {"role": "prosecutor"} | seg)
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == PleaAgreement.Status.SIGNED
    world.to_trial()  # the court reads the signed agreement once the case is filed before it
    body = _get(client, world.judge, reverse("plea_agreement", args=[a.pk])).content.decode()
    assert a.sha256 in body and "存档文件与登记的哈希一致" in body and body.count("与签署时的文件一致") == 3
    assert body.count(f"录音录像 #{recording.pk}，00:00:10–00:01:20") == 3 and "已生效，下一步" in body


def test_judge_records_review_with_a_failed_item_and_resolves_it(client, world, final_round):
    sign_all(world, agreement(world))
    world.to_trial()
    url = reverse("plea_review_new", args=[world.defendant.pk])
    notes = {f"{key}_note": note for key, (_a, note) in all_yes().items()}
    data = (
        {key: answer for key, (answer, _n) in all_yes().items()}
        | notes
        | {"understands": "no", "understands_note": ""}
    )
    response = _post(client, world.judge, url, data)
    assert response.status_code == 400 and "须说明情况" in response.content.decode()
    response = _post(client, world.judge, url, data | {"understands_note": "被告人称不知道会留下前科"})
    review = world.defendant.voluntariness_reviews.get()
    assert response.status_code == 302 and not review.passed
    item = review.items.get(key="understands")
    resolve = reverse("plea_review_resolve", args=[review.pk, item.pk])
    assert _post(client, world.prosecutor, resolve, {f"item{item.pk}-resolution": "x"}).status_code == 403
    assert (
        _post(
            client, world.judge, resolve, {f"item{item.pk}-resolution": "当庭释明后被告人确认理解"}
        ).status_code
        == 302
    )
    review.refresh_from_db()
    assert review.passed


def test_withdrawal_through_the_page(client, world, final_round):
    sign_all(world, agreement(world))
    url = reverse("plea_withdrawal_new", args=[world.defendant.pk])
    response = _post(
        client,
        world.prosecutor,
        url,
        {"initiated_by": "defendant", "occurred_at": "2026-09-05T09:00", "reasons": ["other"]},
    )
    assert response.status_code == 400 and "须说明具体原因" in response.content.decode()
    response = _post(
        client,
        world.prosecutor,
        url,
        {
            "initiated_by": "defendant",
            "occurred_at": "2026-09-05T09:00",
            "reasons": ["proc_too_heavy", "def_pressure"],
        },
    )
    w = Withdrawal.objects.get()
    assert response.status_code == 302
    body = _get(client, world.lawyer, reverse("plea_withdrawal", args=[w.pk])).content.decode()
    assert "认为量刑建议过重" in body and "受家属或同案人压力" in body and "具结书失效" in body
    assert AuditEvent.objects.filter(action="plea.withdrawn").count() == 1


def test_case_page_panel_tells_the_story_in_order(client, world, story):
    body = _get(client, world.judge, reverse("case_detail", args=[world.case.pk])).content.decode()
    panel = body[body.index(f'class="plea-panel" data-defendant="{world.defendant.pk}"') :]
    positions = [
        panel.index(text) for text in ("权利告知（人民检察院）", "生成具结书（第1版）", "法院自愿性审查")
    ]
    assert positions == sorted(positions)
    assert "具结书第1版已签署" in panel
    assert "权利告知" in body and "具结书签署完成" in body  # the case timeline names the plea events


def test_withdrawal_form_offers_only_the_choices_of_the_stage(client, world):
    url = reverse("plea_withdrawal_new", args=[world.defendant.pk])
    body = _get(client, world.prosecutor, url).content.decode()
    assert 'name="procedure_to"' not in body and 'name="protest"' not in body and "全面审查" in body
    world.to_trial()
    body = _get(client, world.judge, url).content.decode()
    assert 'name="procedure_to"' in body and 'name="protest"' not in body and "第三百五十八条" in body
    first_instance_judgment(world)
    body = _get(client, world.prosecutor, url).content.decode()
    assert 'name="protest"' in body and 'name="procedure_to"' not in body and "第二百三十七条" in body
