import pytest

from leniency.cases.models import Charge
from leniency.cases.services import sync_charge_catalogue


@pytest.mark.django_db
def test_catalogue_loads_every_charge_once_and_marks_guideline_crimes():
    created = sync_charge_catalogue()
    assert created == Charge.objects.count() > 400
    assert sync_charge_catalogue() == 0  # idempotent
    theft = Charge.objects.get(name="盗窃")
    assert (theft.article, theft.has_guideline) == (264, True)
    assert Charge.objects.get(name="危险驾驶").article_label == "第一百三十三条之一"
    assert Charge.objects.filter(has_guideline=False).exists()
