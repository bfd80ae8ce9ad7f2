"""Pages and API: anonymous users may only submit and check status; personal data only for handlers."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from leniency.oversight import committee as services
from leniency.oversight.models import Petition, PublicReport
from leniency.oversight.reports import do_escalate_report, do_submit_report

DESCRIPTION = "检察官要求当天签署具结书，称不签就取消从宽，律师没有到场。"


def post_report(client, **extra):
    data = {
        "kind": "coercion",
        "description": DESCRIPTION,
        "case_number": "",
        "reporter_name": "钱七",
        "reporter_contact": "13700003333",
    }
    data.update(extra)
    return client.post(
        "/oversight/report/", data, **({"REMOTE_ADDR": extra.pop("ip")} if "ip" in extra else {})
    )


def test_anonymous_submits_sees_code_once_and_checks_status(committee):
    client = Client()
    assert client.get("/oversight/report/").status_code == 200
    response = post_report(client)
    assert response.status_code == 302 and response["Location"] == "/oversight/report/submitted/"
    page = client.get("/oversight/report/submitted/").content.decode()
    code = re.search(r'id="tracking-code">([A-Z0-9-]+)<', page).group(1)
    assert len(code.replace("-", "")) == 12
    # Shown once only.
    again = client.get("/oversight/report/submitted/")
    assert again.status_code == 302 and code not in again.content.decode()
    # Anyone with the code sees the status, never the contact data or the description.
    status = Client().post("/oversight/report/status/", {"code": code.lower()})
    text = status.content.decode()
    assert status.status_code == 200 and "已受理，待答复" in text
    assert "钱七" not in text and "13700003333" not in text and DESCRIPTION not in text
    wrong = Client().post("/oversight/report/status/", {"code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 404


def test_status_page_never_shows_other_reports(committee):
    _, code_a = do_submit_report(kind="coercion", description="第一件举报的内容，足够长。")
    report_b, _ = do_submit_report(kind="unfairness", description="第二件举报的内容，足够长。")
    services_reply = "第二件的答复，只给第二个举报人看。"
    from leniency.oversight.reports import do_reply_to_report

    do_reply_to_report(report_b, text=services_reply, acting_user=committee.cora)
    text = Client().post("/oversight/report/status/", {"code": code_a}).content.decode()
    assert services_reply not in text and "强迫或诱导认罪认罚" in text


def test_rate_limit_per_address(committee, settings):
    settings.OVERSIGHT_REPORTS_PER_HOUR = 2
    client = Client()
    assert post_report(client).status_code == 302
    assert post_report(client).status_code == 302
    limited = post_report(client)
    assert limited.status_code == 429
    assert "每小时最多提交 2 件" in limited.content.decode()
    assert PublicReport.objects.count() == 2
    # What was typed is kept, and another address is not limited.
    assert DESCRIPTION in limited.content.decode()
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post_report(other).status_code == 302
    # The API shares the limit.
    api = Client().post(
        "/api/oversight/reports",
        {"kind": "coercion", "description": DESCRIPTION},
        content_type="application/json",
    )
    assert api.status_code == 429


def test_form_refuses_a_renamed_exe_and_keeps_the_input(committee):
    exe = SimpleUploadedFile("录音.mp3", b"MZ\x90\x00\x03" + b"\0" * 100, content_type="audio/mpeg")
    response = Client().post(
        "/oversight/report/", {"kind": "procedure", "description": DESCRIPTION, "attachments": [exe]}
    )
    text = response.content.decode()
    assert response.status_code == 400 and "内容与扩展名不符" in text and DESCRIPTION in text
    assert PublicReport.objects.count() == 0


def test_form_accepts_a_real_pdf(committee):
    pdf = SimpleUploadedFile("材料.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    response = Client().post(
        "/oversight/report/", {"kind": "procedure", "description": DESCRIPTION, "attachments": [pdf]}
    )
    assert response.status_code == 302
    assert PublicReport.objects.get().attachments.get().kind == "pdf"


@pytest.mark.parametrize(
    "url",
    [
        "/oversight/reports/",
        "/oversight/petitions/",
        "/oversight/corrections/",
        "/oversight/conflicts/",
        "/oversight/petitions/new/",
    ],
)
def test_anonymous_cannot_open_internal_pages(committee, url):
    response = Client().get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_anonymous_api_only_submits_and_checks(committee):
    client = Client(enforce_csrf_checks=True)  # a script without a session or CSRF cookie
    created = client.post(
        "/api/oversight/reports",
        {"kind": "unfairness", "description": DESCRIPTION},
        content_type="application/json",
    )
    assert created.status_code == 201
    code = created.json()["tracking_code"]
    status = client.post("/api/oversight/reports/status", {"code": code}, content_type="application/json")
    assert status.status_code == 200 and status.json()["status"] == "received"
    assert "reporter" not in status.content.decode()
    assert client.get("/api/oversight/reports").status_code == 401
    assert client.get("/api/oversight/petitions").status_code == 401


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_reporter_data_only_for_the_handling_body(committee):
    world = committee.world
    report, _ = do_submit_report(
        kind="coercion",
        description=DESCRIPTION,
        case_number=world.case.number,
        reporter_name="孙八",
        reporter_contact="sunba@example.com",
    )
    url = f"/oversight/reports/{report.pk}/"
    handler = login(world.supervisor).get(url).content.decode()
    assert "孙八" in handler and "sunba@example.com" in handler
    auditor = login(world.auditor).get(url)
    assert auditor.status_code == 200 and "孙八" not in auditor.content.decode()
    for outsider in (world.outsider_prosecutor, world.prosecutor, world.lawyer, world.judge):
        assert login(outsider).get(url).status_code == 404
    api_rows = login(world.auditor).get("/api/oversight/reports").json()
    assert api_rows[0]["reporter_name"] is None
    assert login(world.supervisor).get("/api/oversight/reports").json()[0]["reporter_name"] == "孙八"
    # Only the handler downloads attachments, replies or escalates.
    assert login(world.auditor).post(f"{url}reply/", {"text": "x", "public": "on"}).status_code == 404


def test_supervisor_answers_from_the_inbox(committee):
    world = committee.world
    report, code = do_submit_report(kind="coercion", description=DESCRIPTION, case_number=world.case.number)
    client = login(world.supervisor)
    assert f"#{report.pk}" in client.get("/oversight/reports/").content.decode()
    assert client.post(f"/oversight/reports/{report.pk}/reply/", {"text": ""}).status_code == 400
    response = client.post(
        f"/oversight/reports/{report.pk}/reply/", {"text": "已核查并纠正。", "public": "on"}
    )
    assert response.status_code == 302
    text = Client().post("/oversight/report/status/", {"code": code}).content.decode()
    assert "已核查并纠正。" in text and "已答复" in text


def test_committee_pages_and_conflicted_member(committee):
    world = committee.world
    report, _ = do_submit_report(kind="coercion", description=DESCRIPTION, case_number=world.case.number)
    petition = do_escalate_report(report, acting_user=world.supervisor, reason="申请回避")
    cora = login(committee.cora)
    assert f"#{petition.pk}" in cora.get("/oversight/petitions/").content.decode()
    page = cora.get(f"/oversight/petitions/{petition.pk}/").content.decode()
    assert "康委员" in page and "回避" in page
    refused = cora.post(f"/oversight/petitions/{petition.pk}/assign/", {"assign-member": committee.connie.pk})
    assert refused.status_code == 400 and "利益冲突" in refused.content.decode()
    # The conflicted member cannot assign herself or anyone.
    assert (
        login(committee.connie)
        .post(f"/oversight/petitions/{petition.pk}/assign/", {"assign-member": committee.connie.pk})
        .status_code
        == 404
    )
    assert cora.post(f"/oversight/petitions/{petition.pk}/assign/", {"auto": "1"}).status_code == 302
    assert set(petition.assignments.values_list("member__username", flat=True)) == {"cora", "carl"}
    # Outsiders never see petitions.
    for outsider in (world.outsider_prosecutor, world.unassigned_lawyer, world.judge):
        assert login(outsider).get(f"/oversight/petitions/{petition.pk}/").status_code == 404


def test_lawyer_files_a_petition_only_for_own_client(committee):
    world = committee.world
    client = login(world.lawyer)
    data = {
        "source": "lawyer",
        "defendant": world.co_defendant.pk,
        "subject": "量刑建议明显不当",
        "grounds": "同案不同判。",
    }
    assert client.post("/oversight/petitions/new/", data).status_code == 400  # not the lawyer's client
    data["defendant"] = world.defendant.pk
    response = client.post("/oversight/petitions/new/", data)
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert petition.filed_by == world.lawyer
    assert client.get(f"/oversight/petitions/{petition.pk}/").status_code == 200  # the filer follows it
    assert login(world.unassigned_lawyer).get("/oversight/petitions/new/").status_code == 404


def test_decision_form_through_pages(committee):
    world = committee.world
    petition = services.do_file_petition(
        source="lawyer",
        defendant=world.defendant,
        subject="律师未到场",
        grounds="签署时律师未到场。",
        acting_user=world.lawyer,
    )
    services.do_assign_member(petition, committee.cora, acting_user=committee.cora)
    cora = login(committee.cora)
    url = f"/oversight/petitions/{petition.pk}/decide/"
    missing = cora.post(url, {"decision-kind": "reinvestigation", "decision-reasons": "律师未到场"})
    assert missing.status_code == 400 and "至少一项整改事项" in missing.content.decode()
    assert (
        login(committee.carl).post(url, {"decision-kind": "dismiss", "decision-reasons": "x"}).status_code
        == 404
    )
    ok = cora.post(
        url,
        {
            "decision-kind": "reinvestigation",
            "decision-reasons": "律师未到场",
            "decision-c1_description": "重新签署",
            "decision-c1_responsible": world.procuratorate.pk,
            "decision-c1_due_on": "2026-12-31",
        },
    )
    assert ok.status_code == 302
    correction = petition.decision.corrections.get()
    # The responsible body's supervising prosecutor reports completion from the corrections page.
    sam = login(world.supervisor)
    assert "重新签署" in sam.get("/oversight/corrections/").content.decode()
    done = sam.post(
        f"/oversight/corrections/{correction.pk}/complete/", {f"c{correction.pk}-evidence": "已重新签署"}
    )
    assert done.status_code == 302
    correction.refresh_from_db()
    assert correction.status == "done"
    assert (
        login(world.outsider_prosecutor)
        .post(f"/oversight/corrections/{correction.pk}/complete/", {f"c{correction.pk}-evidence": "x"})
        .status_code
        == 404
    )


def test_conflicted_member_does_not_see_the_reporter(committee):
    world = committee.world
    report, _ = do_submit_report(
        kind="coercion",
        description=DESCRIPTION,
        case_number=world.case.number,
        reporter_name="周九",
        reporter_contact="zhoujiu@example.com",
    )
    do_escalate_report(report, acting_user=world.supervisor, reason="申请回避")
    url = f"/oversight/reports/{report.pk}/"
    assert "zhoujiu@example.com" in login(committee.cora).get(url).content.decode()
    conflicted = login(committee.connie).get(url)
    assert conflicted.status_code == 200 and "zhoujiu@example.com" not in conflicted.content.decode()


def test_attachment_download_for_handlers_only_and_audited(committee):
    from leniency.audit.models import AuditEvent

    world = committee.world
    pdf = SimpleUploadedFile("病历.pdf", b"%PDF-1.4\nmedical\n", content_type="application/pdf")
    Client().post(
        "/oversight/report/",
        {
            "kind": "coercion",
            "description": DESCRIPTION,
            "case_number": world.case.number,
            "attachments": [pdf],
        },
    )
    report = PublicReport.objects.get()
    item = report.attachments.get()
    url = f"/oversight/reports/{report.pk}/attachments/{item.pk}/"
    assert Client().get(url).status_code == 302  # to the log-in page
    assert login(world.auditor).get(url).status_code == 404
    assert login(world.outsider_prosecutor).get(url).status_code == 404
    response = login(world.supervisor).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert response["Content-Type"] == "application/octet-stream"
    event = AuditEvent.objects.get(action="oversight.report.attachment.opened")
    assert event.actor == world.supervisor and event.data["attachment"] == item.pk


def test_status_lookups_are_rate_limited(committee, settings):
    settings.OVERSIGHT_STATUS_CHECKS_PER_HOUR = 3
    client = Client()
    for _ in range(3):
        assert client.post("/oversight/report/status/", {"code": "AAAABBBBCCCC"}).status_code == 404
    assert client.post("/oversight/report/status/", {"code": "AAAABBBBCCCC"}).status_code == 429


def test_petition_form_preselects_the_defendant_from_the_case_page(committee):
    world = committee.world
    page = (
        login(world.lawyer).get(f"/oversight/petitions/new/?defendant={world.defendant.pk}").content.decode()
    )
    assert f'<option value="{world.defendant.pk}" selected>' in page


def test_petitioner_does_not_see_the_committees_investigation_notes(committee):
    world = committee.world
    petition = services.do_file_petition(
        source="lawyer",
        defendant=world.defendant,
        subject="律师未到场",
        grounds="签署时律师未到场。",
        acting_user=world.lawyer,
    )
    services.do_assign_member(petition, committee.cora, acting_user=committee.cora)
    services.do_add_note(petition, text="内部调查：已约谈承办检察官。", acting_user=committee.cora)
    url = f"/oversight/petitions/{petition.pk}/"
    assert "已约谈承办检察官" in login(committee.carl).get(url).content.decode()
    assert "已约谈承办检察官" in login(world.auditor).get(url).content.decode()
    lawyer_page = login(world.lawyer).get(url).content.decode()
    assert (
        "律师未到场" in lawyer_page
        and "已约谈承办检察官" not in lawyer_page
        and "利益冲突审查" not in lawyer_page
    )
