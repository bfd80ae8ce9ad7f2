"""Recording the explanation letter's delivery: the case's procuratorate only, checked in the service."""

import pytest
from django.urls import reverse

from leniency.errors import Forbidden
from leniency.study.models import LetterDelivery
from leniency.study.services import do_record_letter_delivery


@pytest.mark.parametrize("who", ["judge", "lawyer", "outsider_prosecutor", "auditor"])
def test_only_the_procuratorate_records_the_letter(world, who):
    with pytest.raises(Forbidden, match="只有本案检察院的检察官可以记录释法说理书送达"):
        do_record_letter_delivery(world.defendant, acting_user=getattr(world, who), method="in_person")
    assert not LetterDelivery.objects.exists()


def test_the_page_answers_403_with_the_services_reason(client, world):
    world.to_trial()  # a reader of the case who is not its procuratorate: its judge, once it is filed
    client.force_login(world.judge)
    response = client.post(reverse("study_record_letter", args=[world.defendant.pk]), {"method": "in_person"})
    assert response.status_code == 403
    assert "只有本案检察院的检察官可以记录释法说理书送达" in response.content.decode()
