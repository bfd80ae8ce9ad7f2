"""Portal tests: reports go to a temporary MEDIA_ROOT; the figure cache starts empty; a small world of rows."""

from datetime import date, datetime, time

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from leniency.audit.trail import record
from leniency.cases.models import Case, Defendant, DefendantCharge
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselAssignment, ParticipationEntry


@pytest.fixture(autouse=True)
def reports_dir(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield tmp_path / "media" / "portal" / "reports"
    cache.clear()
    translation.deactivate()  # a request in English leaves its language active in this thread


def aware(day: date, hour: int = 10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


# name: (case, stage, signed, appealed, detained_on, lawyer assigned on, met, recommendation, court decision,
#        withdrawal (stage, reason))
PEOPLE = {
    "东一": (
        "east",
        Stage.FINAL,
        True,
        True,
        date(2026, 7, 15),
        date(2026, 7, 16),
        True,
        "fixed",
        "adopt",
        None,
    ),
    "东二": (
        "east",
        Stage.FINAL,
        True,
        False,
        date(2026, 7, 15),
        date(2026, 7, 25),
        False,
        "range",
        "decide_otherwise",
        ("after_judgment", "def_lighter_sentence"),
    ),
    "东三": ("east", Stage.JUDGMENT, False, False, None, None, False, None, None, None),
    "东四": (
        "east",
        Stage.NON_PROSECUTION,
        True,
        False,
        date(2026, 7, 15),
        date(2026, 7, 20),
        True,
        None,
        None,
        None,
    ),
    "东五": ("east", Stage.INVESTIGATION, False, False, None, date(2026, 7, 20), False, None, None, None),
    "东六": ("east", Stage.CASE_WITHDRAWN, False, False, None, None, False, None, None, None),
    "西一": ("west", Stage.APPEAL, True, True, None, date(2026, 8, 11), True, None, None, None),
    "西二": ("west", Stage.FINAL, False, False, None, None, False, None, None, None),
    "西三": ("west", Stage.PROSECUTION_REVIEW, False, False, None, None, False, None, None, None),
}


@pytest.fixture
def small_world(world):
    """Two more cases received in 2026-Q3 (east and west) with the defendants of PEOPLE and their records."""
    from leniency.accounts.models import Region
    from leniency.plea.models import PleaAgreement, Withdrawal
    from leniency.recommendations.models import CourtDecision, SentencingRecommendation

    west = Region.objects.get(code="990102")
    cases = {
        "east": Case.objects.create(
            number="东检刑诉〔2026〕7号",
            title="盗窃案",
            region=world.region,
            procuratorate=world.procuratorate,
            court=world.court,
            prosecutor=world.prosecutor,
            received_on=date(2026, 7, 15),
        ),
        "west": Case.objects.create(
            number="西检刑诉〔2026〕8号",
            title="盗窃案",
            region=west,
            procuratorate=world.outsider_prosecutor.organisation,
            court=world.outsider_judge.organisation,
            received_on=date(2026, 8, 10),
        ),
    }
    people = {}
    for name, (
        where,
        stage,
        signed,
        appealed,
        detained,
        assigned,
        met,
        rec,
        decision,
        withdrawal,
    ) in PEOPLE.items():
        d = Defendant.objects.create(
            case=cases[where],
            name=name,
            gender="M",
            stage=stage,
            stage_since=date(2026, 9, 1),
            detained_on=detained,
            id_number="",
        )
        DefendantCharge.objects.create(defendant=d, charge=world.theft, principal=True)
        if signed:
            PleaAgreement.objects.create(
                defendant=d,
                version=1,
                status=PleaAgreement.Status.SIGNED,
                recommendation_text="有期徒刑一年",
                charges_text="盗窃罪",
                procedure="expedited",
                file_name=f"{d.pk}.pdf",
                sha256="0" * 64,
                size=1,
                generated_at=aware(date(2026, 8, 1)),
                signed_at=aware(date(2026, 8, 1)),
            )
        if appealed:
            record(
                "defendant.stage.changed",
                actor=world.judge,
                obj=d,
                case_id=d.case_id,
                data={"defendant": d.pk, "from": Stage.JUDGMENT, "to": Stage.APPEAL},
            )
        if assigned:
            a = CounselAssignment.objects.create(
                defendant=d,
                lawyer=world.lawyer,
                kind=CounselAssignment.Kind.DUTY,
                assigned_at=aware(assigned),
            )
            if met:
                ParticipationEntry.objects.create(
                    assignment=a,
                    service="meeting",
                    occurred_at=aware(assigned, 14),
                    minutes=40,
                    logged_by=world.lawyer,
                    logged_at=aware(assigned, 15),
                )
        if rec:
            r = SentencingRecommendation.objects.create(
                defendant=d,
                round=1,
                status="final",
                kind=rec,
                months=12 if rec == "fixed" else None,
                low_months=10 if rec == "range" else None,
                high_months=14 if rec == "range" else None,
                author=world.prosecutor,
                created_at=aware(date(2026, 8, 1)),
                updated_at=aware(date(2026, 8, 1)),
                finalised_at=aware(date(2026, 8, 1)),
            )
            if decision:
                CourtDecision.objects.create(
                    recommendation=r, judge=world.judge, decision=decision, created_at=aware(date(2026, 9, 1))
                )
        if withdrawal:
            Withdrawal.objects.create(
                defendant=d,
                stage=withdrawal[0],
                defendant_stage=Stage.JUDGMENT,
                initiated_by="defendant",
                reasons=[withdrawal[1]],
                occurred_at=aware(date(2026, 9, 5)),
                recorded_at=aware(date(2026, 9, 5)),
            )
        people[name] = d
    return people
