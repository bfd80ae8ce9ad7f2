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
