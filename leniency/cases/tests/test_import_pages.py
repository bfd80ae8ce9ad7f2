"""The import's upload page, template page, samples, API operation and command line."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from leniency.cases import services
from leniency.cases.import_format import COLUMNS, SAMPLE_ROWS, jsonl_bytes, xlsx_bytes
from leniency.cases.models import Case

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[3] / "docs" / "templates"


@pytest.fixture
def catalogue(world):
    services.sync_charge_catalogue()
    return world


def test_the_upload_page_imports_good_rows_and_names_the_bad_rows_row_and_column(client, catalogue):
    world = catalogue
    rows = [
        *SAMPLE_ROWS,
        {**SAMPLE_ROWS[2], "移送文书号": "东公刑诉字〔2026〕300号", "出生日期": "1985-11-24"},
    ]
    client.force_login(world.case_manager)
    response = client.post(reverse("case_import"), {"file": SimpleUploadedFile("x.xlsx", xlsx_bytes(rows))})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-row="5" data-field="birth_date"' in body and "不一致" in body
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕101号")
    assert reverse("case_detail", args=[case.pk]) in body
    assert not Case.objects.filter(transfer_document_number="东公刑诉字〔2026〕300号").exists()


def test_the_upload_page_refuses_a_wrong_file_with_its_reason(client, catalogue):
    client.force_login(catalogue.case_manager)
    response = client.post(
        reverse("case_import"), {"file": SimpleUploadedFile("x.csv", "姓名,身份证号\n".encode())}
    )
    assert response.status_code == 400 and "文件格式错误" in response.content.decode()


def test_only_the_case_management_reaches_the_upload_page(client, world):
    for user in (world.prosecutor, world.judge, world.lawyer, world.auditor):
        client.force_login(user)
        assert client.get(reverse("case_import")).status_code == 403, user


def test_the_template_page_explains_every_column_and_the_samples_download(client, world):
    client.force_login(world.prosecutor)
    body = client.get(reverse("case_import_template")).content.decode()
    for column in COLUMNS:
        assert f'data-column="{column.key}"' in body and column.header in body
    xlsx = client.get(reverse("case_import_sample", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    assert sheet.max_row == 1 + len(SAMPLE_ROWS)
    assert client.get(reverse("case_import_sample", args=["jsonl"])).content == jsonl_bytes(SAMPLE_ROWS)


def test_the_samples_in_the_repository_are_the_template_and_import_cleanly(catalogue):
    assert (DOCS / "case_import_sample.jsonl").read_bytes() == jsonl_bytes(SAMPLE_ROWS)
    workbook = load_workbook(DOCS / "case_import_sample.xlsx").worksheets[0]
    assert [[c.value or "" for c in row] for row in workbook.iter_rows()][1:] == [
        [r[c.header] for c in COLUMNS] for r in SAMPLE_ROWS
    ]
    out = io.StringIO()
    call_command(
        "cases", "import", str(DOCS / "case_import_sample.xlsx"), "--org", "东区人民检察院", stdout=out
    )
    assert "3 行" in out.getvalue() or "rows 3" in out.getvalue()
    assert Case.objects.filter(transfer_document_number__startswith="东公刑诉字〔2026〕10").count() == 2


def test_the_command_reports_bad_rows_and_refuses_a_wrong_file(tmp_path, catalogue):
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl_bytes([SAMPLE_ROWS[0], {**SAMPLE_ROWS[1], "罪名": "偷窥"}]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="1"):
        call_command("cases", "import", str(path), "--org", "东区人民检察院", stdout=out)
    assert "第 2 行 罪名（charges）：罪名目录中没有：偷窥" in out.getvalue()  # JSON Lines: the line number
    assert Case.objects.filter(transfer_document_number="东公刑诉字〔2026〕101号").exists()
    wrong = tmp_path / "in.txt"
    wrong.write_text("hello")
    with pytest.raises(CommandError, match="文件格式错误"):
        call_command("cases", "import", str(wrong), "--org", "东区人民检察院")
    with pytest.raises(CommandError, match="没有名为"):
        call_command("cases", "import", str(path), "--org", "北区人民检察院")


def test_the_api_imports_a_multipart_file(client, catalogue):
    client.force_login(catalogue.case_manager)
    response = client.post(
        "/api/intake/import", {"file": SimpleUploadedFile("x.jsonl", jsonl_bytes(SAMPLE_ROWS))}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["rows_imported"], len(body["cases_created"]), body["errors"]) == (3, 2, [])
    wrong = client.post("/api/intake/import", {"file": SimpleUploadedFile("x.jsonl", b"not json")})
    assert wrong.status_code == 400 and wrong.json()["field"] == "file"
    client.force_login(catalogue.prosecutor)
    assert (
        client.post("/api/intake/import", {"file": SimpleUploadedFile("x.jsonl", b"{}")}).status_code == 403
    )
