"""Every read of a defendant's personal data is recorded; an auditor can list who saw whom."""

import pytest
from django.urls import reverse

from leniency.audit.models import AppendOnlyError, PersonalDataAccess
from leniency.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_the_case_page_records_the_particulars_of_each_defendant_shown(client, world):
    response = _client(client, world.lawyer).get(reverse("case_detail", args=[world.case.pk]))
    assert response.status_code == 200
    reads = PersonalDataAccess.objects.filter(user=world.lawyer)
    # the lawyer sees only the client, so only the client's particulars were read
    assert [(r.defendant_id, r.fields, r.via) for r in reads] == [(world.defendant.pk, "particulars", "page")]


def test_the_page_masks_ids_and_the_reveal_is_recorded(client, world):
    page = (
        _client(client, world.prosecutor).get(reverse("case_detail", args=[world.case.pk])).content.decode()
    )
    assert "110101199005010012" not in page and "1101************12" in page
    url = reverse("defendant_identity", args=[world.case.pk, world.defendant.pk])
    shown = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "110101199005010012" in shown
    assert (
        PersonalDataAccess.objects.filter(
            user=world.prosecutor, defendant=world.defendant, fields="id_number,phone"
        ).count()
        == 1
    )


def test_a_lawyer_cannot_reveal_a_co_defendant(client, world):
    url = reverse("defendant_identity", args=[world.case.pk, world.co_defendant.pk])
    assert _client(client, world.lawyer).get(url).status_code == 404
    assert not PersonalDataAccess.objects.filter(defendant=world.co_defendant).exists()


def test_the_api_records_reads_too(client, world):
    world.to_trial()  # the judge reads the case once it is filed before the court
    response = _client(client, world.judge).get(f"/api/cases/{world.case.pk}")
    assert response.status_code == 200
    assert PersonalDataAccess.objects.filter(user=world.judge, via="api").count() == 2


def test_the_auditor_lists_who_saw_whom_and_others_may_not(client, world):
    _client(client, world.prosecutor).get(reverse("case_detail", args=[world.case.pk]))
    client.logout()
    url = reverse("personal_data_reads")
    assert _client(client, world.prosecutor).get(url).status_code == 403
    client.logout()
    page = _client(client, world.auditor).get(url, {"user": "alice"}).content.decode()
    assert "张某某" in page and "李某某" in page and "alice" in page


def test_records_are_append_only(world):
    row = PersonalDataAccess.objects.create(
        user=world.judge,
        defendant=world.defendant,
        fields="particulars",
        via="page",
        at="2026-11-23T10:00:00+08:00",
    )
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()


def test_only_the_procuratorate_the_court_and_the_lawyers_reveal_identity(client, world):
    """Others who see the case page (here the auditor) see the masked numbers and no reveal button."""
    url = reverse("defendant_identity", args=[world.case.pk, world.defendant.pk])
    page = _client(client, world.auditor).get(reverse("case_detail", args=[world.case.pk])).content.decode()
    assert "1101************12" in page and url not in page
    assert client.get(url).status_code == 403
    assert not PersonalDataAccess.objects.filter(user=world.auditor, fields="id_number,phone").exists()
    assert _client(client, world.lawyer).get(url).status_code == 200
