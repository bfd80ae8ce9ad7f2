"""Pages: who sees what, forms keep input on errors, the case-page panel, exports."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from leniency.counsel.models import Claim, CounselAssignment, QualityWarning, Restriction, Service
from leniency.counsel.participation import do_log_participation
from leniency.counsel.rota import do_request_counsel

COUNSEL_PAGES = (
    "/counsel/",
    "/counsel/requests/",
    "/counsel/centre/",
    "/counsel/lawyers/",
    "/counsel/experts/",
    "/counsel/rota/",
    "/counsel/warnings/",
    "/counsel/claims/",
)


@pytest.fixture
def live_period(cw):
    """The rota covering today (the fixture's period is in the future)."""
    today = timezone.localdate()
    cw.period.starts_on, cw.period.ends_on = today - timedelta(days=10), today + timedelta(days=80)
    cw.period.save()
    return cw


def _request_now(cw):
    return do_request_counsel(
        cw.co_defendant,
        source="procuratorate",
        acting_user=cw.prosecutor,
        as_of=timezone.now() - timedelta(hours=1),
    )


def test_anonymous_is_sent_to_log_in_but_the_rubric_is_public(client, cw):
    for url in COUNSEL_PAGES:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    response = client.get("/counsel/rubric/")
    assert response.status_code == 200 and "值班律师履职质量评价标准" in response.content.decode()


def test_each_role_lands_on_its_page(client, cw):
    client.force_login(cw.lawyer)
    assert "我的律师工作" in client.get("/counsel/").content.decode()
    client.force_login(cw.officer)
    assert client.get("/counsel/")["Location"] == "/counsel/centre/"
    client.force_login(cw.prosecutor)
    assert client.get("/counsel/")["Location"] == "/counsel/requests/"


def test_centre_pages_refuse_lawyers_prosecutors_and_outsiders_see_nothing(client, cw):
    for user in (cw.lawyer, cw.prosecutor, cw.judge):
        client.force_login(user)
        for url in ("/counsel/centre/", "/counsel/lawyers/"):
            assert client.get(url).status_code == 403, (user, url)
    client.force_login(cw.outsider_officer)
    page = client.get("/counsel/lawyers/").content.decode()
    assert "鲍律师" not in page
    client.force_login(cw.officer)
    assert "鲍律师" in client.get("/counsel/lawyers/").content.decode()


def test_expert_database_is_searchable_by_specialty(client, cw):
    from leniency.counsel.models import Specialty

    drugs = Specialty.objects.get(name="毒品犯罪")
    cw.unassigned_lawyer.lawyer_profile.specialties.add(drugs)
    client.force_login(cw.prosecutor)
    page = client.get("/counsel/experts/", {"specialty": drugs.pk}).content.decode()
    assert "charlie" in page and "鲍律师" not in page
    assert (
        "charlie"
        not in client.get(
            "/counsel/experts/", {"specialty": Specialty.objects.get(name="交通犯罪").pk}
        ).content.decode()
    )


def test_prosecutor_requests_a_lawyer_from_the_case_page(client, live_period):
    cw = live_period
    # bob took the first defendant on three days ago: a client within the rota's 30-day workload window.
    CounselAssignment.objects.filter(lawyer=cw.lawyer).update(assigned_at=timezone.now() - timedelta(days=3))
    client.force_login(cw.prosecutor)
    case_page = client.get(f"/cases/{cw.case.pk}/").content.decode()
    assert f"/counsel/requests/new/{cw.co_defendant.pk}/" in case_page
    response = client.post(
        f"/counsel/requests/new/{cw.co_defendant.pk}/",
        {"source": "procuratorate", "work": "duty", "severity": "ordinary"},
    )
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    allocation = cw.co_defendant.counsel_requests.get().allocations.get()
    assert "已指派" in detail and str(allocation.lawyer) in detail
    # bob already has a client this month: the rota gives the next lawyer, who has none
    assert allocation.lawyer == cw.lawyers[1]


def test_request_form_errors_keep_the_input(client, cw):
    client.force_login(cw.prosecutor)
    cw.period.delete()  # no rota covers today: the service refuses nothing, but a bad source does
    response = client.post(
        f"/counsel/requests/new/{cw.co_defendant.pk}/",
        {"source": "martians", "work": "duty", "severity": "ordinary", "note": "请尽快"},
    )
    assert response.status_code == 400 and "请尽快" in response.content.decode()


def test_outsiders_cannot_request_or_see_requests(client, live_period):
    cw = live_period
    request = _request_now(cw)
    for user in (cw.outsider_prosecutor, cw.outsider_judge, cw.unassigned_lawyer, cw.outsider_officer):
        client.force_login(user)
        assert client.get(f"/counsel/requests/new/{cw.co_defendant.pk}/").status_code == 404, user
        assert client.get(f"/counsel/requests/{request.pk}/").status_code == 404, user


def test_lawyer_logs_a_meeting_and_an_invalid_entry_is_400(client, live_period):
    cw = live_period
    assignment = _request_now(cw).allocations.get().assignment
    client.force_login(assignment.lawyer)
    url = f"/counsel/assignments/{assignment.pk}/"
    when = timezone.localtime() + timedelta(days=2)
    response = client.post(
        url + "log/",
        {
            "service": "meeting",
            "occurred_at": when.strftime("%Y-%m-%dT%H:%M"),
            "minutes": 40,
            "note": "将来的会见",
        },
    )
    assert response.status_code == 400 and "将来的会见" in response.content.decode()
    when = timezone.localtime() - timedelta(minutes=45)  # assigned an hour ago; 40 minutes, over by now
    response = client.post(
        url + "log/", {"service": "meeting", "occurred_at": when.strftime("%Y-%m-%dT%H:%M"), "minutes": 40}
    )
    assert response.status_code == 302
    assert assignment.participation.get().service == Service.MEETING
    client.force_login(cw.unassigned_lawyer)
    assert client.get(url).status_code == 404
    client.force_login(cw.prosecutor)
    assert client.post(url + "log/", {"service": "meeting"}).status_code == 403


def test_prosecutor_rates_and_the_lawyer_cannot(client, live_period):
    cw = live_period
    assignment = _request_now(cw).allocations.get().assignment
    url = f"/counsel/assignments/{assignment.pk}/rate/"
    scores = {f"score_{code}": 4 for code in ("explain", "meeting", "opinion", "rights", "conduct")}
    client.force_login(assignment.lawyer)
    assert client.post(url, scores).status_code == 403
    client.force_login(cw.prosecutor)
    assert client.post(url, scores).status_code == 302
    assert assignment.ratings.get().rater_kind == "procuratorate"
    response = client.post(url, {**scores, "complaint": "on", "comment": ""})
    assert response.status_code == 400


def test_claims_are_approved_and_exported_as_csv_and_excel(client, live_period):
    from openpyxl import load_workbook

    cw = live_period
    assignment = _request_now(cw).allocations.get().assignment
    do_log_participation(
        assignment,
        service="meeting",
        occurred_at=timezone.now() - timedelta(minutes=60),  # the hour since the assignment
        minutes=60,
        acting_user=assignment.lawyer,
    )
    client.force_login(assignment.lawyer)
    assert client.post(f"/counsel/assignments/{assignment.pk}/claim/").status_code == 302
    claim = Claim.objects.get()
    assert client.post(f"/counsel/claims/{claim.pk}/decide/", {"approve": "1"}).status_code == 403
    client.force_login(cw.officer)
    assert str(claim.amount) in client.get("/counsel/claims/").content.decode()
    client.post(f"/counsel/claims/{claim.pk}/decide/", {"approve": "1", "note": ""})
    claim.refresh_from_db()
    assert claim.status == Claim.Status.APPROVED
    csv = client.get("/counsel/claims/export.csv")
    assert csv.status_code == 200 and str(claim.amount) in csv.content.decode("utf-8-sig")
    xlsx = client.get("/counsel/claims/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["B2"].value == str(assignment.lawyer) and sheet["J2"].value == float(claim.amount)
    claim.refresh_from_db()
    assert claim.exported_at is not None
    client.force_login(cw.lawyer)
    assert client.get("/counsel/claims/export.csv").status_code == 403
    assert client.get("/counsel/claims/export.pdf").status_code in (403, 404)


def test_warning_pages_run_the_whole_workflow(client, cw):
    warning = QualityWarning.objects.create(
        lawyer=cw.lawyer,
        kind="no_opinion",
        detected_at=timezone.now(),
        window_from=timezone.localdate(),
        window_to=timezone.localdate(),
        evidence={"n": 5, "hits": 4, "rate": 0.8, "threshold": 0.6},
    )
    url = f"/counsel/warnings/{warning.pk}/"
    client.force_login(cw.outsider_officer)
    assert client.get(url).status_code == 404
    client.force_login(cw.officer)
    client.post(url + "review/")
    response = client.post(url + "decide/", {"decision": "restrict", "days": 30, "reason": ""})
    assert response.status_code == 400
    client.post(url + "decide/", {"decision": "restrict", "days": 30, "reason": "未提出书面意见"})
    assert Restriction.objects.filter(lawyer=cw.lawyer).exists()
    client.force_login(cw.lawyer)
    assert "未提出书面意见" in client.get("/counsel/warnings/").content.decode()
    client.post(url + "contest/", {"statement": "意见已口头提出"})
    assert client.post(url + "answer/", {"upheld": "1", "answer": "x"}).status_code == 403
    client.force_login(cw.officer)
    client.post(url + "answer/", {"upheld": "0", "answer": "口头意见不计入"})
    warning.refresh_from_db()
    assert warning.status == "restricted" and warning.contests.get().status == "rejected"


def test_dashboard_shows_districts_and_lawyers(client, live_period):
    cw = live_period
    assignment = _request_now(cw).allocations.get().assignment
    do_log_participation(
        assignment,
        service="meeting",
        occurred_at=timezone.now() - timedelta(minutes=31),
        minutes=30,
        acting_user=assignment.lawyer,
    )
    client.force_login(cw.officer)
    page = client.get("/counsel/centre/").content.decode()
    assert "东区" in page and str(assignment.lawyer) in page
    assert "data:image/svg+xml," in page and "实质参与率" in page  # the monthly chart, an SVG image (CSP)
    client.force_login(cw.outsider_officer)
    assert str(assignment.lawyer) not in client.get("/counsel/centre/").content.decode()
    client.force_login(cw.officer)
    assert (
        client.get("/counsel/centre/", {"date_from": "2026-12-01", "date_to": "2026-01-01"}).status_code
        == 400
    )


def test_case_page_panel_links_the_lawyer_to_the_participation_log(client, cw):
    assignment = CounselAssignment.objects.get(defendant=cw.defendant)
    client.force_login(cw.lawyer)
    page = client.get(f"/cases/{cw.case.pk}/").content.decode()
    assert f"/counsel/assignments/{assignment.pk}/" in page
    assert "/counsel/requests/new/" not in page
    cw.to_trial()  # the judge reaches the case once it is filed before the court
    client.force_login(cw.judge)
    assert "申请值班律师" in client.get(f"/cases/{cw.case.pk}/").content.decode()


def test_rota_correction_from_the_page(client, cw):
    member = cw.period.members.get(lawyer=cw.lawyers[2])
    cw.period.correction_until = timezone.now() + timedelta(days=1)
    cw.period.save()
    client.force_login(cw.lawyers[2])
    assert (
        client.post(f"/counsel/rota/members/{member.pk}/correction/", {"reason": "执业证年检"}).status_code
        == 302
    )
    correction = member.corrections.get()
    client.force_login(cw.officer)
    assert "执业证年检" in client.get(f"/counsel/rota/{cw.period.pk}/").content.decode()
    client.post(f"/counsel/rota/corrections/{correction.pk}/decide/", {"accept": "1", "answer": "同意"})
    member.refresh_from_db()
    assert not member.active


def test_centre_draws_up_and_publishes_a_rota(client, cw):
    client.force_login(cw.lawyer)
    assert client.get("/counsel/rota/new/").status_code == 403
    client.force_login(cw.officer)
    page = client.get("/counsel/rota/new/").content.decode()
    assert "值班律师3" in page and "charlie" not in page  # only accredited lawyers of the centre's region
    data = {
        "station": cw.court_station.pk,
        "starts_on": "2027-04-01",
        "ends_on": "2027-03-01",
        "lawyers": [cw.lawyers[2].pk, cw.lawyers[1].pk],
    }
    response = client.post("/counsel/rota/new/", data)
    assert response.status_code == 400 and "结束日期不能早于开始日期" in response.content.decode()
    response = client.post("/counsel/rota/new/", {**data, "ends_on": "2027-06-30"})
    assert response.status_code == 302
    period = cw.court_station.periods.get()
    client.post(f"/counsel/rota/{period.pk}/publish/")
    period.refresh_from_db()
    assert period.status == "published" and period.correction_until > period.published_at


def test_lawyer_pauses_allocations(client, cw):
    client.force_login(cw.lawyers[1])
    response = client.post("/counsel/availability/", {"unavailable_until": "2027-02-01"})
    assert response.status_code == 302
    profile = cw.lawyers[1].lawyer_profile
    profile.refresh_from_db()
    assert not profile.available and str(profile.unavailable_until) == "2027-02-01"
    client.force_login(cw.prosecutor)
    assert client.post("/counsel/availability/", {"available": "on"}).status_code == 403


def test_every_counsel_nav_link_opens_for_the_role_that_sees_it(cw, client):
    """The counsel nav shows each role only the pages it may open (a committee member once saw five 403s)."""
    import re

    from leniency.accounts.models import Organisation, Role, User

    committee = User.objects.create_user(
        "cmte_nav",
        password="x",
        role=Role.COMMITTEE_MEMBER,
        organisation=Organisation.objects.create(
            name="测试省监督评议委员会",
            kind=Organisation.Kind.REVIEW_COMMITTEE,
            region=cw.world.region.parent.parent,
        ),
    )
    people = [
        cw.world.prosecutor,
        cw.world.judge,
        cw.world.lawyer,
        cw.world.auditor,
        cw.world.admin,
        cw.officer,
        committee,
    ]
    for user in people:
        client.force_login(user)
        page = client.get("/counsel/", follow=True)
        nav = re.search(r'<nav class="counsel-nav".*?</nav>', page.content.decode(), re.S)
        assert nav, user.role
        links = re.findall(r'href="(/counsel/[^"]*)"', nav.group(0))
        assert links
        for link in links:
            assert client.get(link, follow=True).status_code == 200, (user.role, link)
