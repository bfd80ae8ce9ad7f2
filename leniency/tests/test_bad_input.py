"""Bad input is answered, never a 500 (issue 20): bodies over the limit get 413 with words on pages and on
the API; the public's free text has a cap named on its field."""

import json

import pytest
from django.conf import settings
from django.test import Client

from leniency.oversight.forms import REPORT_DESCRIPTION_MAX_LENGTH
from leniency.oversight.models import PublicReport

OVER = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024


@pytest.mark.django_db
def test_oversized_json_to_the_api_is_413_with_words():
    body = json.dumps({"fact": "盗" * (OVER // 3)})
    response = Client().post("/api/sentencing/recommend", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "提交的内容过大：上限为 2.5\xa0MB" in response.json()["detail"]
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_oversized_form_post_to_a_page_is_413_with_words():
    response = Client().post(
        "/oversight/report/", "description=" + "x" * OVER, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "提交的内容过大" in response.content.decode()
    assert PublicReport.objects.count() == 0


@pytest.mark.django_db
def test_multipart_form_whose_fields_are_too_large_is_413_not_400():
    """Uploads pass the declared-length check; their text fields are measured while parsed (handler400)."""
    response = Client().post("/oversight/report/", {"kind": "procedure", "description": "x" * OVER})
    assert response.status_code == 413
    assert "提交的内容过大" in response.content.decode()


@pytest.mark.django_db
def test_multipart_body_too_large_for_an_api_operation_is_413():
    boundary = "leniencyboundary"
    part = f'--{boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n{"x" * OVER}\r\n'
    response = Client().post(
        "/api/oversight/reports",
        (part + f"--{boundary}--\r\n").encode(),
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 413
    assert "提交的内容过大" in response.json()["detail"]


@pytest.mark.django_db
def test_public_report_description_has_a_cap_on_the_page():
    response = Client().post(
        "/oversight/report/", {"kind": "procedure", "description": "举" * (REPORT_DESCRIPTION_MAX_LENGTH + 1)}
    )
    form = response.context["form"]
    assert "description" in form.errors and "5000" in form.errors["description"][0]
    assert PublicReport.objects.count() == 0
    page = Client().get("/oversight/report/").content.decode()
    assert f'maxlength="{REPORT_DESCRIPTION_MAX_LENGTH}"' in page


@pytest.mark.django_db
def test_public_report_description_has_a_cap_on_the_api():
    response = Client().post(
        "/api/oversight/reports",
        {"kind": "procedure", "description": "举" * (REPORT_DESCRIPTION_MAX_LENGTH + 1)},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["description"]
    assert PublicReport.objects.count() == 0
