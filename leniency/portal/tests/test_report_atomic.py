"""Generating the periodic report saves its row and its audit event in one transaction; when that fails,
the files it wrote go too."""

import pytest

from leniency.audit.models import AuditEvent
from leniency.portal import reports
from leniency.portal.models import TransparencyReport


def test_the_report_and_its_event_are_saved_together(world):
    report = reports.do_generate_report("2026-Q3", user=world.admin)
    event = AuditEvent.objects.get(action="portal.report.generated")
    assert event.object_id == str(report.pk) and event.actor == world.admin
    with reports.open_report(report.pdf_file) as stored:
        assert stored.read().startswith(b"%PDF")
    assert (reports.reports_dir() / report.pdf_file).exists()  # MEDIA_ROOT/portal/reports, as before


def test_a_failed_event_leaves_no_report_and_no_files(world, monkeypatch):
    before = set(reports.reports_dir().iterdir())

    def fail(*args, **kwargs):
        raise RuntimeError("the trail refused the event")

    monkeypatch.setattr(reports, "record", fail)
    with pytest.raises(RuntimeError, match="the trail refused"):
        reports.do_generate_report("2026-Q3", user=world.admin)
    assert not TransparencyReport.objects.exists()
    assert set(reports.reports_dir().iterdir()) == before


def test_two_reports_in_the_same_second_keep_their_own_files(world):
    first = reports.do_generate_report("2026-Q3", user=world.admin, now=None)
    second = reports.do_generate_report("2026-Q3", user=world.admin, now=first.generated_at)
    assert first.pdf_file != second.pdf_file
    assert second.html_file == first.html_file.removesuffix(".html") + "-2.html"
    storage = reports.report_storage()
    assert storage.exists(first.pdf_file) and storage.exists(second.pdf_file)
