"""The demo district, the study on it (figures recomputed by hand from rows), the effects it finds, guarantees."""

import subprocess
from collections import Counter
from datetime import date

from django.core.management import call_command
from django.db.models import Q

from leniency.audit.models import AuditEvent
from leniency.cases.models import Case, Defendant, Sentence
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselAssignment
from leniency.counsel.models.participation import ParticipationEntry, Service
from leniency.demo import district as generator
from leniency.plea.models import PleaAgreement, Withdrawal
from leniency.recommendations.models import CourtDecision, SentencingRecommendation
from leniency.study.analysis import run_study
from leniency.study.guarantees import heavier_after_withdrawal, protest_flags


def _rate(table, label):
    row = next(r for r in table.rows if str(r[0]) == label)
    return row[2] / row[1]


def test_district_size_dates_figures_effects_and_guarantees(district):
    people = Defendant.objects.filter(case__procuratorate=district)
    assert people.count() == generator.PERSONS == 736
    dates = Case.objects.filter(procuratorate=district).values_list("received_on", flat=True)
    assert min(dates) >= date(2019, 9, 1) and max(dates) <= date(2020, 8, 31)
    assert district.region.code == generator.DISTRICT_CODE and district.region.parent.parent.code == "990000"
    assert generator.build_district() is None  # idempotent

    study = run_study(district, date(2019, 9, 1), date(2020, 8, 31), with_charts=False, with_model=False)
    f = study.figures
    # By hand from the rows.
    assert f["persons"] == 736
    assert f["cases"] == Case.objects.filter(procuratorate=district).count()
    pleaded_ids = set(
        people.filter(
            Q(recommendations__finalised_at__isnull=False) | Q(plea_agreements__signed_at__isnull=False)
        ).values_list("pk", flat=True)
    )
    assert f["pleaded"] == len(pleaded_ids)
    withdrawn_ids = set(
        Withdrawal.objects.filter(defendant__in=people).values_list("defendant_id", flat=True)
    )
    assert f["withdrawn"] == len(withdrawn_ids & pleaded_ids)
    by_stage = {str(r[0]): r[1] for r in study.table("w_stage").rows}
    for stage_label, stage in (
        ("一审判决后（上诉）", "after_judgment"),
        ("审查起诉阶段（提起公诉前）", "before_prosecution"),
    ):
        assert by_stage[stage_label] == Withdrawal.objects.filter(defendant__in=people, stage=stage).count()
    # Meetings before signing, recomputed for the persons who signed an agreement.
    signed = dict(PleaAgreement.objects.filter(defendant__in=people).values_list("defendant_id", "signed_at"))
    met = {
        d
        for d, when in ParticipationEntry.objects.filter(
            assignment__defendant__in=signed, service=Service.MEETING
        ).values_list("assignment__defendant_id", "occurred_at")
        if when < signed[d]
    }
    rows = {r.defendant_id: r for r in study.rows}
    assert all(rows[d].meeting_before == (d in met) for d in signed)
    no_meeting_signed = [d for d in signed if d not in met]
    assert sum(rows[d].withdrawn for d in no_meeting_signed) == sum(
        d in withdrawn_ids for d in no_meeting_signed
    )
    kinds = dict(study.table("rec_kinds").rows and [(str(r[0]), r[1]) for r in study.table("rec_kinds").rows])
    assert kinds["确定刑"] == sum(1 for d in pleaded_ids if rows[d].rec_kind == "fixed")

    # The study finds the generator's known effects (all raise withdrawal).
    assert generator.TRUE_COEFFICIENTS["no_meeting_before_signing"] > 0
    meeting = study.table("w_meeting")
    assert (
        _rate(meeting, "否") > _rate(meeting, "是")
        and meeting.test.method == "chi2"
        and meeting.test.p < 0.01
    )
    letter = study.table("w_letter")
    assert _rate(letter, "否") > _rate(letter, "是") and letter.test.p < 0.05
    kind = study.table("w_kind")
    assert _rate(kind, "幅度刑（超过宽度限度）") > _rate(kind, "确定刑")
    gap = study.table("w_gap")
    assert _rate(gap, "高于类案25%以上") > _rate(gap, "与类案相差10%以内")

    # Guarantees: the generator wrote a few post-withdrawal rounds above the term without a plea.
    heavier = heavier_after_withdrawal(list(people.values_list("pk", flat=True)))
    assert len(heavier) == generator.GUARANTEE_BREACHES
    assert all(h.after_months > h.cap_months and h.after.round == 2 for h in heavier)
    flags = protest_flags(list(people.values_list("pk", flat=True)))
    assert flags and all(f.withdrawal.stage == "after_judgment" for f in flags)
    assert any(f.decided for f in flags) and any(not f.decided for f in flags)


def test_report_command_html_and_pdf(district, tmp_path):
    call_command(
        "study",
        "withdrawals",
        "--org",
        "L区人民检察院",
        "--from",
        "2019-09-01",
        "--to",
        "2020-08-31",
        "--out",
        str(tmp_path),
    )
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "736人" in html and "卡方检验" in html and "data:image/svg+xml;base64," in html
    assert "研究局限" in html and "交叉验证" in html
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "L区人民检察院认罪认罚案件反悔问题实证研究" in text
    assert "736人" in text and "表7 签署前律师是否会见与反悔" in text and "研究局限" in text
    pleaded = (
        Defendant.objects.filter(case__procuratorate=district, recommendations__finalised_at__isnull=False)
        .distinct()
        .count()
    )
    assert f"共{pleaded}人" in text.replace(" ", "")
    rounds = SentencingRecommendation.objects.filter(defendant__case__procuratorate=district, round=2).count()
    assert rounds > 0


def test_the_districts_documents_and_audit_trail_verify(district, settings, tmp_path):
    """The demo district's signed agreements pass `plea verify` and the audit chain stays intact."""
    call_command("plea", "verify")
    call_command("audit", "verify")


def test_every_case_went_through_the_services_in_time_order(district):
    """Each L区 case was registered, assigned, prosecuted, filed, judged and made final by the services, whose
    events are on the trail; with the plea history written between their steps, time never goes backwards."""
    cases = Case.objects.filter(procuratorate=district)
    people = Defendant.objects.filter(case__procuratorate=district)
    events = AuditEvent.objects.filter(case_id__in=cases.values("pk"))
    first = events.order_by("seq").values_list("seq", flat=True).first()
    times = list(
        AuditEvent.objects.filter(seq__gte=first).order_by("seq").values_list("occurred_at", flat=True)
    )
    assert not [i for i in range(1, len(times)) if times[i] < times[i - 1]]
    assert times[0].date() >= date(2019, 9, 1)

    actions = Counter(events.values_list("action", flat=True))
    assert actions["case.opened"] == cases.count() == cases.exclude(transfer_document_number="").count()
    assert actions["defendant.added"] == people.count()
    assert actions["case.prosecutor.assigned"] == cases.count()
    assert actions["defendant.non_prosecution"] == people.filter(stage=Stage.NON_PROSECUTION).count() > 0
    prosecuted = cases.filter(prosecuted_on__isnull=False)
    assert actions["case.prosecuted"] == actions["case.judgment.recorded"] == prosecuted.count()
    assert actions["counsel.assigned"] == CounselAssignment.objects.filter(defendant__in=people).count()
    assert set(people.values_list("stage", flat=True)) == {Stage.FINAL, Stage.NON_PROSECUTION}
    appealed = prosecuted.filter(appealed_on__isnull=False)
    assert appealed.exists() and actions["case.appealed"] == appealed.count()
    assert set(appealed.values_list("court__name", flat=True)) == {generator.APPEAL_COURT_NAME}
    assert set(prosecuted.exclude(pk__in=appealed).values_list("court__name", flat=True)) == {
        generator.COURT_NAME
    }
    # The judgment gave the term of the recommendation the court adopted.
    adopted = CourtDecision.objects.filter(
        recommendation__defendant__in=people, decision=CourtDecision.Decision.ADOPT
    ).values_list("recommendation__defendant_id", "months")
    sentences = dict(
        Sentence.objects.filter(defendant__in=people, instance=Sentence.Instance.FIRST).values_list(
            "defendant_id", "months"
        )
    )
    assert adopted and all(sentences[d] == months for d, months in adopted)


def test_every_event_about_a_defendant_is_on_that_defendants_case(district):
    """The events of the bulk-written history name the case of their defendant, as the services' do (the
    lawyers' participation was once recorded on the case whose pk was the defendant's)."""
    people = dict(Defendant.objects.filter(case__procuratorate=district).values_list("pk", "case_id"))
    events = AuditEvent.objects.filter(data__has_key="defendant", case_id__in=set(people.values()))
    on_case = Counter()
    for action, case_id, data in events.values_list("action", "case_id", "data"):
        on_case[action, people.get(data["defendant"]) == case_id] += 1
    assert (
        on_case["counsel.participation.logged", True]
        == ParticipationEntry.objects.filter(assignment__defendant_id__in=people).count()
    )
    assert not [key for key in on_case if not key[1]]
