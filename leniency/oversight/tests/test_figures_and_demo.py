"""Figures for the periodic report, timeline labels, the English catalogue, and the demo."""

from datetime import date, datetime

from django.test import Client
from django.utils import timezone

from leniency.audit.timeline import case_timeline
from leniency.audit.trail import verify_chain
from leniency.oversight import committee as services
from leniency.oversight import figures
from leniency.oversight.models import Decision, Petition, PublicReport
from leniency.oversight.reports import do_escalate_report, do_submit_report


def aware(*args):
    return timezone.make_aware(datetime(*args))


def test_figures_count_by_kind_status_and_period(committee):
    world = committee.world
    text = "足够长的举报内容，描述了发生的事情。"
    do_submit_report(kind="coercion", description=text, now=aware(2026, 7, 1, 9))
    do_submit_report(kind="coercion", description=text, now=aware(2026, 7, 2, 9))
    late, _ = do_submit_report(
        kind="procedure", description=text, case_number=world.case.number, now=aware(2026, 8, 3, 9)
    )
    do_submit_report(kind="unfairness", description=text, now=aware(2026, 10, 9, 9))
    petition = do_escalate_report(late, now=aware(2026, 9, 20, 9))
    services.do_assign_member(petition, committee.cora, acting_user=committee.cora, now=aware(2026, 9, 21, 9))
    services.do_decide(
        petition,
        kind=Decision.Kind.REHEARING,
        reasons="理由",
        acting_user=committee.cora,
        now=aware(2026, 9, 25, 9),
        corrections=[{"description": "重新审理", "responsible": world.court, "due_on": date(2026, 9, 30)}],
    )
    q3 = figures.report_counts(date(2026, 7, 1), date(2026, 9, 30), today=date(2026, 10, 1))
    assert q3["total"] == 3
    assert q3["by_kind"] == {"coercion": 2, "representation": 0, "procedure": 1, "unfairness": 0}
    assert q3["by_status"]["decided"] == 1 and q3["by_status"]["received"] == 2
    assert q3["overdue"] == 2 and q3["escalated"] == 1
    assert figures.petition_counts(date(2026, 7, 1), date(2026, 9, 30))["by_source"]["report"] == 1
    decisions = figures.decision_counts(date(2026, 7, 1), date(2026, 9, 30))
    assert (
        decisions["total"] == 1
        and decisions["by_kind"]["rehearing"] == 1
        and decisions["by_kind"]["dismiss"] == 0
    )
    corrections = figures.correction_counts(today=date(2026, 10, 1))
    assert corrections == {"total": 1, "open": 1, "done": 0, "overdue": 1, "done_late": 0}
    assert figures.decision_counts(date(2026, 10, 1), date(2026, 12, 31))["total"] == 0
    rows = figures.decision_summaries()
    assert rows[0]["kind"] == "rehearing" and rows[0]["corrections"] == 1 and "name" not in str(rows)
    assert figures.labels()["decision_kind"]["dismiss"] == "驳回申请"


def test_committee_events_appear_on_the_case_timeline(committee):
    world = committee.world
    petition = services.do_file_petition(
        source=Petition.Source.LAWYER,
        defendant=world.defendant,
        subject="事由",
        grounds="理由",
        acting_user=world.lawyer,
    )
    services.do_assign_member(petition, committee.cora, acting_user=committee.cora)
    labels = [
        e.label for e in case_timeline(world.case, defendant_names={world.defendant.pk: world.defendant.name})
    ]
    assert "提出监督评议申请" in labels and "分配评议委员" in labels
    hidden = [e.label for e in case_timeline(world.case, defendant_names={})]
    assert "提出监督评议申请" not in hidden  # about a defendant the viewer may not see


def test_english_via_the_language_switch(committee):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/oversight/report/"})
    text = client.get("/oversight/report/").content.decode()
    assert "Report a problem in a plea-leniency case" in text and "Coerced or induced plea" in text
    assert "认罪认罚案件群众举报" in Client().get("/oversight/report/").content.decode()


def test_demo_builds_reports_petitions_decisions_and_corrections(db, settings, tmp_path):
    from leniency.demo.builders import oversight as demo
    from leniency.demo.generator import build_demo

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path)
    today = date(2026, 11, 23)
    build_demo(seed=5, defendants=60, today=today)
    summary = demo.build(seed=5, today=today, stdout=None)
    assert summary and "status code of the decided report" in summary
    assert demo.build(seed=5, today=today, stdout=None) is None  # idempotent
    statuses = set(PublicReport.objects.values_list("status", flat=True))
    assert {"answered", "received", "decided"} <= statuses
    escalated = PublicReport.objects.get(status="decided")
    assert timezone.localtime(escalated.escalated_at).date() > escalated.due_on  # escalated because overdue
    assert set(Decision.objects.values_list("corrections__status", flat=True)) == {"open", "done"}
    assert Petition.objects.filter(status="open").exists()
    conflicted = services.committee_members(escalated.petition.committee).get(username="committee_3")
    assert not escalated.petition.assignments.filter(member=conflicted).exists()
    checked, problem = verify_chain()
    assert problem is None and checked > 0
