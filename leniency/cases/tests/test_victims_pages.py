"""The victims' pages: the prosecutor registers a victim, hears them, records an agreement with its scan; the
contact details are masked, shown in full only to the case's prosecutors and judge, and each full view logged."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leniency.audit.models import PersonalDataAccess
from leniency.cases import victims as v
from leniency.cases.models import Settlement, Victim, VictimOpinion

PDF = b"%PDF-1.4\n%scan\n" + b"0" * 100 + b"\n%%EOF\n"


@pytest.fixture
def victim(world):
    return v.do_add_victim(
        world.case,
        name="王某",
        defendants=[world.defendant],
        phone="13800138000",
        address="测试市东区幸福路8号",
        acting_user=world.prosecutor,
    )


def test_the_prosecutor_registers_a_victim_through_the_page(client, world):
    client.force_login(world.prosecutor)
    url = reverse("victim_add", args=[world.case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "王某", "defendants": [world.defendant.pk], "id_number": "110101199005010021"}
    )
    assert response.status_code == 400 and "身份证号" in response.content.decode()
    response = client.post(url, {"name": "王某", "defendants": [world.defendant.pk], "phone": "13800138000"})
    assert response.status_code == 302
    victim = Victim.objects.get()
    assert [d.pk for d in victim.defendants.all()] == [world.defendant.pk]


def test_the_list_masks_the_contact_and_the_full_view_is_logged(client, world, victim):
    client.force_login(world.prosecutor)
    page = client.get(reverse("case_victims", args=[world.case.pk])).content.decode()
    assert "138******00" in page and "13800138000" not in page and "幸福路" not in page
    full = client.get(reverse("victim_contact", args=[world.case.pk, victim.pk])).content.decode()
    assert "13800138000" in full and "测试市东区幸福路8号" in full
    assert PersonalDataAccess.objects.filter(
        user=world.prosecutor, fields__startswith=f"victim#{victim.pk}:"
    ).exists()


def test_the_lawyer_sees_the_victim_masked_and_never_in_full(client, world, victim):
    client.force_login(world.lawyer)
    page = client.get(reverse("case_victims", args=[world.case.pk])).content.decode()
    assert "王某" in page and "138******00" in page and "查看完整信息" not in page
    assert client.get(reverse("victim_contact", args=[world.case.pk, victim.pk])).status_code == 403


def test_opinion_and_unreachable_through_the_page(client, world, victim):
    client.force_login(world.prosecutor)
    url = reverse("victim_opinion", args=[world.case.pk, victim.pk])
    base = {"defendant": world.defendant.pk, "heard_on": "2026-09-10"}
    response = client.post(url, {**base, "position": "agree"})
    assert response.status_code == 400 and "请选择听取方式" in response.content.decode()
    response = client.post(url, {**base, "position": "unreachable", "text": "多次联系未果"})
    assert response.status_code == 302
    opinion = VictimOpinion.objects.get()
    assert (
        opinion.position == "unreachable"
        and opinion.text == "多次联系未果"
        and opinion.heard_on == date(2026, 9, 10)
    )


def test_a_forgiveness_with_its_scan_through_the_page(client, world, victim, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.prosecutor)
    url = reverse("victim_settlement", args=[world.case.pk, victim.pk])
    response = client.post(
        url,
        {
            "defendant": world.defendant.pk,
            "kind": "forgiveness",
            "signed_on": "2026-09-12",
            "document": SimpleUploadedFile("谅解书.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    settlement = Settlement.objects.get()
    document = client.get(reverse("settlement_document", args=[world.case.pk, settlement.pk]))
    assert b"".join(document.streaming_content) == PDF
    client.force_login(world.lawyer)  # the defence relies on the 谅解书
    assert client.get(reverse("settlement_document", args=[world.case.pk, settlement.pk])).status_code == 200


def test_the_case_page_shows_who_is_still_to_be_heard(client, world, victim):
    client.force_login(world.prosecutor)
    page = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    assert f'data-victim="{victim.pk}"' in page and "尚未听取意见" in page
    v.do_record_victim_opinion(
        victim,
        defendant=world.defendant,
        position="none",
        method="phone",
        heard_on=date(2026, 9, 10),
        acting_user=world.prosecutor,
    )
    page = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    assert "尚未听取意见" not in page and "无意见（2026-09-10）" in page


def test_outsiders_reach_nothing(client, world, victim):
    client.force_login(world.outsider_prosecutor)
    assert client.get(reverse("case_victims", args=[world.case.pk])).status_code == 404
    assert client.get(reverse("victim_opinion", args=[world.case.pk, victim.pk])).status_code == 404
    client.force_login(world.unassigned_lawyer)
    assert client.get(reverse("victim_contact", args=[world.case.pk, victim.pk])).status_code == 404


def _transfer(world, **extra):
    return {
        "received_on": "2026-10-08",
        "transferring_agency": "东区公安分局",
        "transfer_document_number": "东公刑诉字〔2026〕78号",
        "title": "钱某、孙某故意伤害案",
        "facts": "钱某、孙某殴打周某。",
        "d-TOTAL_FORMS": "2",
        "d-INITIAL_FORMS": "0",
        "d-MIN_NUM_FORMS": "1",
        "d-MAX_NUM_FORMS": "20",
        "d-0-name": "钱某",
        "d-0-gender": "M",
        "d-0-id_number": "110101199005010020",
        "d-0-birth_date": "1990-05-01",
        "d-0-detention": "arrested",
        "d-0-charges": [str(world.theft.pk)],
        "d-1-name": "孙某",
        "d-1-gender": "M",
        "d-1-id_number": "110101199005010012",
        "d-1-birth_date": "1990-05-01",
        "d-1-detention": "arrested",
        "d-1-charges": [str(world.theft.pk)],
        "v-TOTAL_FORMS": "2",
        "v-INITIAL_FORMS": "0",
        "v-MIN_NUM_FORMS": "0",
        "v-MAX_NUM_FORMS": "20",
        **extra,
    }


def test_the_intake_page_registers_the_victims_the_transfer_names(client, world):
    client.force_login(world.case_manager)
    url = reverse("case_intake") + "?people=2"
    page = client.get(url).content.decode()
    assert 'name="v-0-name"' in page and "犯罪嫌疑人 2" in page
    refused = client.post(
        url, _transfer(world, **{"v-0-name": "周某", "v-0-id_number": "110101199005010021"})
    )
    assert refused.status_code == 400 and not Victim.objects.exists()
    done = client.post(
        url, _transfer(world, **{"v-0-name": "周某", "v-0-defendants": ["1"], "v-0-phone": "139"})
    )
    assert done.status_code == 302
    victim = Victim.objects.get()  # the second, empty victim form named nobody
    assert victim.name == "周某" and [d.name for d in victim.defendants.all()] == ["孙某"]
    assert victim.case.transfer_document_number == "东公刑诉字〔2026〕78号"


def test_the_intake_api_registers_victims_of_every_defendant_by_default(client, world):
    from leniency.accounts.models import ApiToken

    _, key = ApiToken.issue(world.case_manager, "test")
    body = {
        "received_on": "2026-10-08",
        "transferring_agency": "东区公安分局",
        "transfer_document_number": "东公刑诉字〔2026〕79号",
        "title": "钱某盗窃案",
        "facts": "钱某窃取财物。",
        "defendants": [
            {
                "name": "钱某",
                "gender": "M",
                "id_number": "110101199005010020",
                "birth_date": "1990-05-01",
                "charges": ["盗窃"],
            }
        ],
        "victims": [{"name": "周某", "phone": "13900000000"}],
    }
    response = client.post(
        "/api/cases", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 201, response.content
    victim = Victim.objects.get()
    assert victim.name == "周某" and victim.phone == "13900000000"
    assert [d.name for d in victim.defendants.all()] == ["钱某"]


def test_the_victims_page_in_english(client, world, victim):
    client.force_login(world.prosecutor)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("case_victims", args=[world.case.pk])).content.decode()
    assert "Identity and contact" in page and "Not yet heard" in page and "Register a victim" in page


def _key(user):
    from leniency.accounts.models import ApiToken

    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_api_lists_victims_masked_for_the_lawyer_and_in_full_for_the_prosecutor(client, world, victim):
    url = f"/api/cases/{world.case.pk}/victims"
    (mine,) = client.get(url, **_key(world.lawyer)).json()
    assert mine["phone"] == "138******00" and mine["contact_masked"] and mine["address"] == "测试市****"
    assert not PersonalDataAccess.objects.exists()
    (full,) = client.get(url, **_key(world.prosecutor)).json()
    assert full["phone"] == "13800138000" and not full["contact_masked"]
    assert PersonalDataAccess.objects.get().via == "api"


def test_the_api_records_the_opinion_and_a_compensation(client, world, victim):
    headers = _key(world.prosecutor)
    response = client.post(
        f"/api/victims/{victim.pk}/opinions",
        {"defendant": world.defendant.pk, "position": "object", "method": "phone", "heard_on": "2026-09-10"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400 and response.json()["field"] == "text"
    response = client.post(
        f"/api/victims/{victim.pk}/opinions",
        {
            "defendant": world.defendant.pk,
            "position": "unreachable",
            "heard_on": "2026-09-10",
            "text": "已出国",
        },
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201 and response.json()["position"] == "unreachable"
    response = client.post(
        f"/api/victims/{victim.pk}/settlements",
        {
            "defendant": world.defendant.pk,
            "kind": "compensation",
            "signed_on": "2026-09-12",
            "amount": "5000",
            "amount_paid": "5000",
        },
        **headers,
    )
    assert response.status_code == 201, response.content
    assert response.json()["paid_in_full"] is True and response.json()["sha256"] == ""
    assert (
        client.post(
            f"/api/victims/{victim.pk}/opinions",
            {
                "defendant": world.defendant.pk,
                "position": "agree",
                "method": "phone",
                "heard_on": "2026-09-10",
            },
            content_type="application/json",
            **_key(world.lawyer),
        ).status_code
        == 403
    )


def test_the_finalise_page_names_the_unheard_victim_and_art_173(client, world, victim):
    from leniency.recommendations import services

    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    rec.refresh_from_db()
    client.force_login(world.prosecutor)
    url = reverse("recommendations:finalise", args=[rec.pk])
    response = client.post(url, {"version": rec.version, "lawyer_reply": ""})
    assert response.status_code == 400
    assert "须先听取被害人王某对认罪认罚和量刑建议的意见" in response.content.decode()
    rec.refresh_from_db()
    assert rec.status == "approved"
