"""The periodic report: `leniency report --period 2026-Q3 --out DIR`, the administrator's button, the listing."""

import io
import subprocess

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from leniency.portal.models import TransparencyReport
from leniency.testing.personas import PASSWORD


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_report_command_writes_html_and_pdf_with_chinese_intact(small_world, tmp_path, client):
    out = tmp_path / "out"
    call_command("report", period="2026-Q3", out=str(out))
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "认罪认罚从宽制度透明度报告" in html and "2026年第3季度" in html
    assert "认罪认罚适用率" in html and "已抑制" in html and "数据不足（N&lt;10），不予公布" in html
    assert "data:image/svg+xml;base64," not in html  # no empty axes for the withheld tables
    text = pdf_text(out / "report.pdf")
    for phrase in ("透明度报告", "认罪认罚适用率", "上诉率", "已抑制", "监督评议委员会的工作"):
        assert phrase in text, phrase
    for name in small_world:  # no defendant's name anywhere
        assert name not in html and name not in text
    report = TransparencyReport.objects.get()
    assert report.period == "2026-Q3" and report.suppressed_cells > 0
    book = load_workbook(out / "report.xlsx")  # the report's tables, by region and by crime
    assert {"plea_rate", "crime_plea_rate"} <= set(book.sheetnames)
    assert book["plea_rate"]["A1"].value == "指标" and book["plea_rate"]["B2"].value == "2026年第3季度"
    listing = client.get(reverse("portal:reports")).content.decode()
    assert "2026-Q3" in listing and 'data-download="report.xlsx"' in listing
    response = client.get(reverse("portal:report_file", args=[report.pk, "xlsx"]))
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(b"".join(response.streaming_content))).sheetnames == book.sheetnames
    response = client.get(reverse("portal:report_file", args=[report.pk, "pdf"]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_report_command_rejects_a_bad_period(tmp_path):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("report", period="2026-Q5", out=str(tmp_path))


def test_only_the_administrator_has_the_button(client, world):
    client.login(username=world.prosecutor.username, password=PASSWORD)
    assert client.post(reverse("portal:generate"), {"period": "2026-Q3"}).status_code == 403
    client.logout()
    client.login(username=world.admin.username, password=PASSWORD)
    assert "生成报告" in client.get(reverse("portal:manage")).content.decode()
    response = client.post(reverse("portal:generate"), {"period": "2026-Q3"})
    assert response.status_code == 302
    assert TransparencyReport.objects.filter(period="2026-Q3", generated_by=world.admin).exists()
