"""The recommend page labels the calculator's range as the statutory / guideline range, not a prediction
(issue 16 failure class 9: it covers about one true term in six); the model's 80% interval is the
prediction interval."""

import pytest
from django.test import Client

from leniency.testing.personas import PASSWORD


@pytest.mark.django_db
def test_the_calculators_range_is_labelled_as_the_legal_range(world):
    client = Client()
    assert client.login(username=world.prosecutor.username, password=PASSWORD)
    response = client.post(
        "/corpus/recommend/",
        {"fact": "被告人张某在超市窃得手机一部，价值人民币5000元。到案后如实供述。", "charge": "盗窃"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<span data-testid="legal-range">法定/指导意见幅度（非预测区间）' in html
    assert "· 幅度 " not in html
