"""Public reports: routing, due dates in working days, tracking codes, attachments, escalation, audit."""

import io
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError
from leniency.oversight import attachments
from leniency.oversight.models import Petition, PublicReport
from leniency.oversight.reports import (
    CODE_LENGTH,
    do_escalate_report,
    do_reply_to_report,
    do_submit_report,
    escalate_overdue,
    find_by_code,
    hash_code,
    public_status,
)

TEXT = "2026年11月，检察官在看守所要求我父亲当天签字，不签就从重处理，没有律师在场。"


def aware(*args):
    return timezone.make_aware(datetime(*args))


class Upload(io.BytesIO):
    def __init__(self, name, data):
        super().__init__(data)
        self.name, self.size = name, len(data)


def submit(**kwargs):
    values = {"kind": PublicReport.Kind.COERCION, "description": TEXT}
    values.update(kwargs)
    return do_submit_report(**values)


def test_report_on_a_known_case_goes_to_its_procuratorate(committee):
    world = committee.world
    report, code = submit(case_number=world.case.number, reporter_name="张三", reporter_contact="13900001111")
    assert report.routed_to == world.procuratorate
    assert report.case == world.case and report.region == world.region
    assert len(code) == CODE_LENGTH


def test_report_without_a_case_goes_to_the_regions_committee(committee):
    report, _ = submit(case_number="不存在的案号", region=committee.world.region)
    assert report.case is None
    assert report.routed_to == committee.org


def test_due_date_counts_working_days_and_holidays(committee):
    # Received Wednesday 2026-09-30; Oct 1–7 are holidays, Saturday Oct 10 is a working day.
    # 15 working days: Oct 8, 9, 10 (Sat), 12–16, 19–23, 26, 27.
    report, _ = submit(now=aware(2026, 9, 30, 10), region=committee.world.region)
    assert report.due_on == date(2026, 10, 27)


def test_answer_days_are_configurable(committee, settings):
    settings.OVERSIGHT_ANSWER_WORKING_DAYS = 3
    report, _ = submit(now=aware(2026, 9, 30, 10), region=committee.world.region)
    assert report.due_on == date(2026, 10, 10)  # the 调休 Saturday


def test_tracking_code_is_random_and_only_its_hash_is_stored(committee):
    codes = {submit()[1] for _ in range(20)}
    assert len(codes) == 20
    code = codes.pop()
    report = find_by_code(code)
    assert report is not None and report.tracking_hash == hash_code(code)
    assert not PublicReport.objects.filter(tracking_hash=code).exists()
    # Dashes, spaces and lower case are forgiven; a near miss is not found.
    spaced = " ".join([code[:4].lower(), code[4:8], code[8:]])
    assert find_by_code(spaced) == report
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert find_by_code(wrong) is None
    assert find_by_code("") is None


def test_public_status_holds_no_personal_data(committee):
    report, code = submit(reporter_name="王五", reporter_contact="wangwu@example.com")
    status = public_status(report)
    flat = repr(status)
    assert "王五" not in flat and "wangwu" not in flat and TEXT not in flat
    assert status["status"] == PublicReport.Status.RECEIVED


def test_short_description_and_unknown_kind_are_refused(committee):
    with pytest.raises(DomainError) as error:
        submit(description="太短")
    assert error.value.field == "description"
    with pytest.raises(DomainError) as error:
        submit(kind="other")
    assert error.value.field == "kind"


def test_attachments_are_checked_and_stored(committee, settings):
    pdf = Upload("证据.pdf", b"%PDF-1.7\n" + b"x" * 100)
    png = Upload("photo.PNG", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    report, _ = submit(files=[pdf, png])
    stored = list(report.attachments.order_by("pk"))
    assert [a.kind for a in stored] == ["pdf", "png"]
    storage = attachments.attachment_storage()
    assert all(storage.exists(a.file_name) for a in stored)
    assert str(attachments.storage_root()).startswith(settings.MEDIA_ROOT)
    assert stored[0].original_name == "证据.pdf" and stored[0].file_name != "证据.pdf"


def test_renamed_exe_is_refused_and_nothing_is_stored(committee):
    exe = Upload("证据.pdf", b"MZ\x90\x00" + b"\0" * 200)
    with pytest.raises(DomainError) as error:
        submit(files=[Upload("ok.pdf", b"%PDF-1.4 fine"), exe])
    assert error.value.field == "attachments" and "证据.pdf" in error.value.message
    assert PublicReport.objects.count() == 0
    root = attachments.storage_root()
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))


def test_disallowed_extension_and_oversized_files_are_refused(committee, settings):
    with pytest.raises(DomainError):
        submit(files=[Upload("setup.exe", b"MZ\x90\x00")])
    with pytest.raises(DomainError):
        submit(files=[Upload("a.jpg", b"%PDF-1.4 a pdf named jpg")])
    settings.OVERSIGHT_ATTACHMENT_MAX_BYTES = 1000
    with pytest.raises(DomainError) as error:
        submit(files=[Upload("big.pdf", b"%PDF-" + b"x" * 2000)])
    assert "MB" in error.value.message
    settings.OVERSIGHT_ATTACHMENT_MAX_FILES = 1
    with pytest.raises(DomainError):
        submit(files=[Upload("a.pdf", b"%PDF-1"), Upload("b.pdf", b"%PDF-1")])
    assert PublicReport.objects.count() == 0


def test_public_reply_answers_and_internal_note_does_not(committee):
    world = committee.world
    report, _ = submit(case_number=world.case.number)
    do_reply_to_report(
        report, text="已调取同步录音录像，正在核查。", public=False, acting_user=world.supervisor
    )
    report.refresh_from_db()
    assert report.status == PublicReport.Status.RECEIVED
    do_reply_to_report(report, text="经核查，已责令承办检察官重新告知权利。", acting_user=world.supervisor)
    report.refresh_from_db()
    assert report.status == PublicReport.Status.ANSWERED and report.answered_at is not None
    texts = [r["text"] for r in public_status(report)["replies"]]
    assert texts == ["经核查，已责令承办检察官重新告知权利。"]


def test_overdue_report_is_escalated_once_with_audit(committee):
    world = committee.world
    report, _ = submit(case_number=world.case.number, now=aware(2026, 10, 12, 9))
    answered, _ = submit(case_number=world.case.number, now=aware(2026, 10, 12, 9))
    do_reply_to_report(answered, text="已答复。", acting_user=world.supervisor, now=aware(2026, 10, 13, 9))
    assert escalate_overdue(now=aware(2026, 11, 1, 9)) == []  # not yet due
    petitions = escalate_overdue(
        now=timezone.make_aware(datetime.combine(report.due_on, datetime.min.time()))
        + timezone.timedelta(days=1, hours=9)
    )
    assert [p.report_id for p in petitions] == [report.pk]
    report.refresh_from_db()
    assert report.status == PublicReport.Status.ESCALATED
    petition = petitions[0]
    assert petition.source == Petition.Source.REPORT and petition.committee == committee.org
    assert petition.case == world.case
    event = AuditEvent.objects.get(action="oversight.report.escalated")
    assert event.data["overdue"] is True and event.data["petition"] == petition.pk and event.actor is None
    assert AuditEvent.objects.filter(action="oversight.petition.filed", case_id=world.case.pk).exists()
    assert escalate_overdue(now=aware(2026, 12, 30, 9)) == []  # escalated only once
    with pytest.raises(DomainError):
        do_escalate_report(report)


def test_escalate_command(committee):
    report, _ = submit(region=committee.world.region, now=aware(2026, 1, 5, 9))
    out = io.StringIO()
    call_command("oversight", "escalate", stdout=out)
    assert "1 overdue reports escalated" in out.getvalue()
    report.refresh_from_db()
    assert report.status == PublicReport.Status.ESCALATED


def test_audit_trail_keeps_no_reporter_data_and_no_case_link(committee):
    world = committee.world
    report, code = submit(case_number=world.case.number, reporter_name="赵六", reporter_contact="13800002222")
    event = AuditEvent.objects.get(action="oversight.report.received")
    assert event.object_id == str(report.pk) and event.case_id is None
    payload = event.canonical_payload()
    assert "赵六" not in payload and "13800002222" not in payload and code not in payload


def test_reporter_data_is_encrypted_at_rest(committee):
    from django.db import connection

    report, _ = submit(reporter_name="吴十", reporter_contact="13600004444")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reporter_name, reporter_contact FROM oversight_publicreport WHERE id = %s", [report.pk]
        )
        name, contact = cursor.fetchone()
    assert name.startswith("enc1:") and "吴十" not in name and "13600004444" not in contact
    report.refresh_from_db()
    assert (report.reporter_name, report.reporter_contact) == ("吴十", "13600004444")
