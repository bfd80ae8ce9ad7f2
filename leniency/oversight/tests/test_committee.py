"""The review committee: conflict of interest, assignment, notes, decisions with reasons, correction follow-up."""

from datetime import date, timedelta

import pytest

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError, Forbidden
from leniency.oversight import committee as services
from leniency.oversight.conflicts import conflicts_of_interest
from leniency.oversight.models import Correction, Decision, Petition, PublicReport
from leniency.oversight.reports import do_escalate_report, do_submit_report, public_status


@pytest.fixture
def petition(committee):
    world = committee.world
    return services.do_file_petition(
        source=Petition.Source.LAWYER,
        defendant=world.defendant,
        subject="值班律师未在场即签署具结书",
        grounds="签署具结书时律师不在场，被告人不理解量刑建议。",
        acting_user=world.lawyer,
    )


def test_lawyer_petition_goes_to_the_regions_committee_and_is_audited(committee, petition):
    assert petition.committee == committee.org and petition.case == committee.world.case
    event = AuditEvent.objects.get(action="oversight.petition.filed")
    assert (
        event.case_id == committee.world.case.pk and event.data["defendant"] == committee.world.defendant.pk
    )


def test_declared_conflict_with_the_procuratorate_blocks_assignment(committee, petition):
    reasons = conflicts_of_interest(committee.connie, petition)
    assert reasons and "东区人民检察院" in reasons[0]
    with pytest.raises(DomainError) as error:
        services.do_assign_member(petition, committee.connie, acting_user=committee.cora)
    assert error.value.field == "member" and "利益冲突" in error.value.message
    assert not petition.assignments.exists()


def test_a_conflicted_member_is_never_auto_assigned(committee, petition):
    for _ in range(3):
        assert committee.connie not in services.eligible_members(petition)
    assigned = services.do_auto_assign(petition, acting_user=committee.world.admin, count=3)
    assert {a.member for a in assigned} == {committee.cora, committee.carl}
    assert assigned[0].lead
    petition.refresh_from_db()
    assert petition.status == Petition.Status.UNDER_REVIEW


def test_member_who_handled_the_case_or_belongs_to_its_organisation_is_conflicted(committee, petition):
    world = committee.world
    # A member seconded from the court the case was prosecuted to.
    world.to_trial()
    petition.refresh_from_db()
    committee.carl.organisation = world.court
    assert conflicts_of_interest(committee.carl, petition)
    # The lawyer who filed the petition, and anyone who acted in the case's audit trail.
    assert any("提交人" in r or "经办" in r for r in conflicts_of_interest(world.lawyer, petition))
    assert conflicts_of_interest(world.prosecutor, petition)
    assert conflicts_of_interest(committee.cora, petition) == []


def test_declared_conflict_with_the_case_itself(committee, petition):
    services.do_declare_conflict(
        committee.cora, case=committee.world.case, reason="与被告人系同学", acting_user=committee.cora
    )
    assert any("同学" in r for r in conflicts_of_interest(committee.cora, petition))
    assert AuditEvent.objects.filter(action="oversight.conflict.declared").count() == 2


def test_non_member_cannot_be_assigned(committee, petition):
    with pytest.raises(DomainError):
        services.do_assign_member(petition, committee.world.auditor, acting_user=committee.cora)


def assigned(committee, petition):
    services.do_assign_member(petition, committee.cora, acting_user=committee.world.admin)
    return petition


def test_only_assigned_members_take_notes_and_decide(committee, petition):
    assigned(committee, petition)
    with pytest.raises(Forbidden, match="只有分配到本申请的委员可以记录调查情况"):
        services.do_add_note(petition, text="调阅录像", acting_user=committee.carl)
    with pytest.raises(Forbidden, match="只有分配到本申请的委员可以作出决定"):
        services.do_decide(petition, kind=Decision.Kind.DISMISS, reasons="无证据", acting_user=committee.carl)
    note = services.do_add_note(petition, text="调阅签署具结书录像，未见律师。", acting_user=committee.cora)
    assert note.author == committee.cora
    assert AuditEvent.objects.filter(action="oversight.note.added", case_id=committee.world.case.pk).exists()


def test_ordering_decision_needs_reasons_and_corrections(committee, petition):
    assigned(committee, petition)
    world = committee.world
    with pytest.raises(DomainError) as error:
        services.do_decide(
            petition, kind=Decision.Kind.REINVESTIGATION, reasons="", acting_user=committee.cora
        )
    assert error.value.field == "reasons"
    with pytest.raises(DomainError) as error:
        services.do_decide(
            petition, kind=Decision.Kind.REINVESTIGATION, reasons="律师未在场", acting_user=committee.cora
        )
    assert error.value.field == "corrections"
    with pytest.raises(DomainError):
        services.do_decide(
            petition,
            kind=Decision.Kind.DISMISS,
            reasons="x",
            acting_user=committee.cora,
            corrections=[{"description": "y", "responsible": world.procuratorate}],
        )
    decision = services.do_decide(
        petition,
        kind=Decision.Kind.REINVESTIGATION,
        reasons="签署具结书时律师不在场，违反刑事诉讼法第174条。",
        acting_user=committee.cora,
        corrections=[
            {
                "description": "在律师在场的情况下重新听取意见并签署具结书",
                "responsible": world.procuratorate,
                "due_on": date(2026, 12, 31),
            },
            {"description": "对值班律师履职情况进行核查", "responsible": world.procuratorate},
        ],
    )
    petition.refresh_from_db()
    assert petition.status == Petition.Status.DECIDED
    assert decision.corrections.count() == 2
    assert AuditEvent.objects.filter(action="oversight.decision.made", case_id=world.case.pk).count() == 1
    assert AuditEvent.objects.filter(action="oversight.correction.ordered").count() == 2
    with pytest.raises(DomainError):  # decided only once
        services.do_decide(petition, kind=Decision.Kind.DISMISS, reasons="x", acting_user=committee.cora)


def test_every_correction_is_followed_until_done(committee, petition):
    assigned(committee, petition)
    world = committee.world
    decision = services.do_decide(
        petition,
        kind=Decision.Kind.SYSTEMIC,
        reasons="各院签署流程不统一",
        acting_user=committee.cora,
        corrections=[
            {"description": "制定签署流程", "responsible": world.procuratorate, "due_on": date(2026, 1, 31)},
            {"description": "培训", "responsible": world.procuratorate, "due_on": date(2026, 3, 31)},
        ],
    )
    first, second = decision.corrections.order_by("due_on")
    overdue = services.overdue_corrections(date(2026, 2, 15))
    assert list(overdue) == [first]
    with pytest.raises(DomainError):
        services.do_complete_correction(first, evidence="", acting_user=world.supervisor)
    services.do_complete_correction(first, evidence="已印发流程（文号见附件）", acting_user=world.supervisor)
    petition.refresh_from_db()
    assert petition.status == Petition.Status.DECIDED  # one correction still open
    with pytest.raises(DomainError):
        services.do_complete_correction(first, evidence="again", acting_user=world.supervisor)
    services.do_complete_correction(second, evidence="已培训 40 人", acting_user=committee.cora)
    petition.refresh_from_db()
    assert petition.status == Petition.Status.CLOSED and petition.closed_at is not None
    assert AuditEvent.objects.filter(action="oversight.correction.completed").count() == 2
    assert AuditEvent.objects.filter(action="oversight.petition.closed").count() == 1
    assert not services.overdue_corrections(date(2027, 1, 1)).exists()


def test_dismissal_closes_at_once(committee, petition):
    assigned(committee, petition)
    services.do_decide(
        petition,
        kind=Decision.Kind.DISMISS,
        reasons="经核查，律师在场，有录像为证。",
        acting_user=committee.cora,
    )
    petition.refresh_from_db()
    assert petition.status == Petition.Status.CLOSED
    assert not Correction.objects.exists()


def test_decision_on_an_escalated_report_shows_on_its_status(committee):
    world = committee.world
    report, code = do_submit_report(
        kind=PublicReport.Kind.COERCION,
        description="检察官威胁不认罪就羁押到底。",
        case_number=world.case.number,
    )
    petition = do_escalate_report(report, acting_user=world.supervisor, reason="涉及本院检察官，申请回避")
    assert committee.connie not in services.eligible_members(petition)  # routed to her former procuratorate
    services.do_assign_member(petition, committee.carl, acting_user=committee.cora)
    services.do_decide(
        petition,
        kind=Decision.Kind.DISCIPLINE,
        reasons="录像显示存在威胁性语言。",
        public_summary="已移送纪检监察部门处理。",
        acting_user=committee.carl,
        corrections=[
            {
                "description": "移送并报告处理结果",
                "responsible": world.procuratorate,
                "due_on": date.today() + timedelta(days=30),
            }
        ],
    )
    report.refresh_from_db()
    assert report.status == PublicReport.Status.DECIDED
    texts = " ".join(r["text"] for r in public_status(report)["replies"])
    assert "移送纪律处分" in texts and "已移送纪检监察部门处理。" in texts
    assert "录像显示" not in texts  # the internal reasons stay internal


def test_overdue_corrections_command_and_api(committee, petition):
    import io

    from django.core.management import call_command
    from django.test import Client

    world = committee.world
    assigned(committee, petition)
    services.do_decide(
        petition,
        kind=Decision.Kind.DISCIPLINE,
        reasons="违规",
        acting_user=committee.cora,
        corrections=[
            {"description": "移送纪检", "responsible": world.procuratorate, "due_on": date(2020, 1, 31)}
        ],
    )
    out = io.StringIO()
    call_command("oversight", "overdue", stdout=out)
    assert "1 overdue corrections" in out.getvalue() and "移送纪检" in out.getvalue()

    client = Client()
    client.force_login(committee.carl)
    body = client.get(f"/api/oversight/petitions/{petition.pk}").json()
    assert body["decision"] == "discipline" and body["corrections"][0]["overdue"] is True
    assert body["members"] == ["柯委员"]
    outsider = Client()
    outsider.force_login(world.outsider_prosecutor)
    assert outsider.get(f"/api/oversight/petitions/{petition.pk}").status_code == 404
    assert outsider.get("/api/oversight/petitions").json() == []
