"""The public report list reads which files a report has from its row (issue 21: no existence check in the
storage per report, which on S3 is one HTTP request each): a generated report names its XLSX there, a report made
before the workbook existed has none, and the migration that added the column asked the storage once for the
reports made before it."""

import importlib

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse

from leniency import clock
from leniency.portal import reports
from leniency.portal.models import TransparencyReport

migration = importlib.import_module("leniency.portal.migrations.0002_report_xlsx_file_on_the_row")


def _old_report(html_file):
    return TransparencyReport.objects.create(
        period="2026-Q2",
        generated_at=clock.now(),
        html_file=html_file,
        pdf_file=html_file.removesuffix(".html") + ".pdf",
        pdf_sha256="0" * 64,
        pdf_size=1,
    )


def _storage_refuses_lookups(monkeypatch):
    """Any existence check for a report's file fails the test (other files, such as the static files the
    middleware lists, are looked up as before)."""
    storage_class = type(reports.report_storage())
    real_exists = storage_class.exists

    def exists(self, name):
        if str(name).startswith("report-"):
            raise AssertionError(f"the list looked into the storage for {name}")
        return real_exists(self, name)

    monkeypatch.setattr(storage_class, "exists", exists)


def test_a_generated_report_names_its_workbook_and_the_list_does_not_ask_the_storage(
    client, world, monkeypatch
):
    report = reports.do_generate_report("2026-Q3", user=world.admin)
    assert report.xlsx_file == report.html_file.removesuffix(".html") + ".xlsx"
    assert reports.report_storage().exists(report.xlsx_file)

    _storage_refuses_lookups(monkeypatch)
    listing = client.get(reverse("portal:reports")).content.decode()
    assert reverse("portal:report_file", args=[report.pk, "xlsx"]) in listing
    assert listing.count('data-download="report.xlsx"') == 1


def test_a_report_without_a_workbook_shows_no_link_and_its_xlsx_is_not_found(client, world, monkeypatch):
    old = _old_report("report-2026-Q2-20260701-100000.html")
    _storage_refuses_lookups(monkeypatch)
    listing = client.get(reverse("portal:reports")).content.decode()
    assert "2026-Q2" in listing and 'data-download="report.xlsx"' not in listing
    assert client.get(reverse("portal:report_file", args=[old.pk, "xlsx"])).status_code == 404


def test_the_migration_names_the_workbooks_the_storage_holds_for_older_reports(client, world):
    storage = reports.report_storage()
    with_book = _old_report("report-2026-Q2-20260701-100000.html")
    without = _old_report("report-2026-Q1-20260401-100000.html")
    storage.save("report-2026-Q2-20260701-100000.xlsx", ContentFile(b"PK workbook"))

    class Editor:  # what RunPython hands the function: only its connection is read
        pass

    Editor.connection = connection
    migration.name_existing_workbooks(apps, Editor())
    with_book.refresh_from_db()
    without.refresh_from_db()
    assert with_book.xlsx_file == "report-2026-Q2-20260701-100000.xlsx" and without.xlsx_file == ""
    response = client.get(reverse("portal:report_file", args=[with_book.pk, "xlsx"]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"PK workbook"
