"""The upload page of historical records (supervisors only), the template page and its samples, and the study
page on the imported source."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leniency.study.import_format import COLUMNS, SAMPLE_ROWS, csv_bytes
from leniency.study.models import ImportedPerson
from leniency.study.tests.test_import import ROWS
from leniency.testing.personas import PASSWORD


def _client(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_a_supervisor_uploads_a_file_and_sees_the_rows_left_out_by_row_and_column(client, world):
    rows = [dict(r) for r in ROWS[:12]]
    rows[4]["签署前会见次数"] = "两次"  # row 6
    c = _client(client, world.supervisor)
    upload = SimpleUploadedFile("records.csv", csv_bytes(rows), content_type="text/csv")
    response = c.post(reverse("study_import"), {"org": world.procuratorate.pk, "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "共 12 行：新增 11 人，更新 0 人，1 行有错误未导入。" in page
    assert 'data-row="6" data-field="meetings_before"' in page and "应为不小于0的整数" in page
    assert ImportedPerson.objects.filter(organisation=world.procuratorate).count() == 11

    study = c.get(reverse("study_withdrawals"), {"org": world.procuratorate.pk, "source": "imported"})
    assert study.status_code == 200
    assert 'data-source="imported"' in study.content.decode()
    assert "共6件11人" in study.content.decode()


def test_an_unreadable_upload_is_refused_on_the_file_field(client, world):
    c = _client(client, world.supervisor)
    upload = SimpleUploadedFile("x.xlsx", b"PK\x03\x04 not really a workbook")
    response = c.post(reverse("study_import"), {"org": world.procuratorate.pk, "file": upload})
    assert response.status_code == 400
    assert "无法作为 Excel 工作簿（.xlsx）读取" in response.content.decode()
    assert not ImportedPerson.objects.exists()


def test_a_prosecutor_may_not_open_the_upload_page(client, world):
    assert _client(client, world.prosecutor).get(reverse("study_import")).status_code == 403


def test_the_template_page_explains_every_column_and_the_sample_downloads(client, world):
    c = _client(client, world.supervisor)
    page = c.get(reverse("study_import_template")).content.decode()
    for column in COLUMNS:
        assert f'data-column="{column.key}"' in page and column.header in page
    sample = c.get(reverse("study_import_sample", args=["csv"]))
    assert sample.status_code == 200 and sample.content == csv_bytes(SAMPLE_ROWS)
    assert c.get(reverse("study_import_sample", args=["pdf"])).status_code == 404


def test_an_unknown_source_is_refused_with_its_field(client, world):
    response = _client(client, world.supervisor).get(reverse("study_withdrawals"), {"source": "rumour"})
    assert response.status_code == 400 and "请选择数据来源" in response.content.decode()
