"""Demo data for the oversight app, built after the demo province exists (see leniency.demo.extensions).

Three more committee members (one of them declares a conflict with the home district's procuratorate) and
a short history, all made by the app's own `do_*` services at historical moments (`now=`), executed in time
order so that the audit trail reads chronologically:

- four public reports: one answered; one left unanswered past its working-day deadline, escalated by the
  system and decided (reinvestigation ordered, its correction still open); two still waiting, one of them
  from another district with no case number, routed to the committee;
- a lawyer's petition decided with a systemic improvement whose correction is done (petition closed);
- a defendant's petition waiting for assignment.

The reporters are fictional and have no names; the tracking code of the decided report is printed once.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from leniency import clock
from leniency.accounts.models import Organisation, Role, User
from leniency.cases.models import Case, Defendant
from leniency.demo.geography import HOME_DISTRICT, PROVINCE_CODE, SECOND_DISTRICT
from leniency.oversight import committee as services
from leniency.oversight.models import Decision, Petition, PublicReport
from leniency.oversight.reports import do_escalate_report, do_reply_to_report, do_submit_report, format_code
from leniency.oversight.workdays import add_working_days
from leniency.recordings.models import Recording

EXTRA_MEMBERS = (  # username, display name, declared conflict with the home procuratorate
    ("committee_2", "林秀英", ""),
    ("committee_3", "高志远", "曾任该院第一检察部检察官（2019—2023）"),
    ("committee_4", "马文博", ""),
)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def build(*, seed: int, today, stdout) -> str | None:
    """Add this app's demo rows once; return a one-line summary, or None when there was nothing to add."""
    committee = Organisation.objects.filter(
        kind=Organisation.Kind.REVIEW_COMMITTEE, region__code=PROVINCE_CODE
    ).first()
    if (
        committee is None
        or PublicReport.objects.filter(routed_to__region__code__startswith="99").exists()
        or Petition.objects.filter(committee=committee).exists()
    ):
        return None
    home_cases = list(
        Case.objects.filter(region__code=HOME_DISTRICT.code).order_by("-received_on", "pk")[:40]
    )
    other_case = Case.objects.filter(region__code=SECOND_DISTRICT.code).order_by("-received_on", "pk").first()
    if len(home_cases) < 3:
        return None
    rng = random.Random(seed * 31 + 7)
    personas = {
        u.username: u for u in User.objects.filter(username__in=["committee", "supervisor", "duty_lawyer"])
    }
    chair, supervisor = personas.get("committee"), personas.get("supervisor")
    if chair is None or supervisor is None:
        return None
    home_procuratorate = home_cases[0].procuratorate
    today = today or clock.today()
    state: dict = {}
    steps: list[tuple[datetime, int, object]] = []

    def step(when: datetime, fn) -> None:
        steps.append((when, len(steps), fn))

    with transaction.atomic():
        password = make_password(None)
        members = [chair]
        for username, name, _conflict in EXTRA_MEMBERS:
            members.append(
                User.objects.create(
                    username=username,
                    display_name=name,
                    role=Role.COMMITTEE_MEMBER,
                    organisation=committee,
                    password=password,
                )
            )
        conflicted = members[2]
        step(
            _at(today - timedelta(days=120), 10),
            lambda: services.do_declare_conflict(
                conflicted,
                organisation=home_procuratorate,
                reason=EXTRA_MEMBERS[1][2],
                acting_user=conflicted,
                now=_at(today - timedelta(days=120), 10),
            ),
        )

        case_a, case_b, case_c = rng.sample(home_cases, 3)

        # 1. Answered in time.
        received = _at(today - timedelta(days=40), 20, 15)
        step(
            received,
            lambda: state.__setitem__(
                "r1",
                do_submit_report(
                    kind=PublicReport.Kind.REPRESENTATION,
                    case_number=case_a.number,
                    now=received,
                    description="值班律师只在具结书上签字，没有和我弟弟单独谈过，也没有解释量刑建议是怎么算的。",
                )[0],
            ),
        )
        answered = _at(add_working_days(received.date(), 6), 15, 30)
        step(
            answered,
            lambda: do_reply_to_report(
                state["r1"],
                acting_user=supervisor,
                now=answered,
                text="经核查，值班律师会见记录不完整。本院已通知法律援助中心更换值班律师，并在新律师在场时重新听取意见。",
            ),
        )

        # 2. Overdue, escalated by the system, decided by the committee: reinvestigation, correction open.
        received3 = _at(today - timedelta(days=55), 9, 40)
        step(
            received3,
            lambda: state.__setitem__(
                "r3",
                do_submit_report(
                    kind=PublicReport.Kind.COERCION,
                    case_number=case_b.number,
                    now=received3,
                    reporter_contact="（演示数据，无真实联系方式）",
                    description="承办检察官说如果不认罪认罚就一直羁押，让我父亲当天签字，签字时没有律师在场。",
                ),
            ),
        )
        due3 = add_working_days(received3.date(), 15)
        escalated = _at(due3 + timedelta(days=1), 2, 0)
        step(escalated, lambda: state.__setitem__("p1", do_escalate_report(state["r3"][0], now=escalated)))
        assigned = escalated + timedelta(hours=31)
        step(assigned, lambda: services.do_auto_assign(state["p1"], acting_user=chair, count=2, now=assigned))
        noted = assigned + timedelta(days=3, hours=2)
        step(
            noted,
            lambda: services.do_add_note(
                state["p1"],
                acting_user=state["p1"].assignments.get(lead=True).member,
                now=noted,
                kind="evidence",
                recording=_recording(case_b),
                text="调阅具结书签署环节的同步录音录像：签署时值班律师未在画面中，检察官有“不签就一直关着”的表述。",
            ),
        )
        decided = noted + timedelta(days=6)
        step(
            decided,
            lambda: services.do_decide(
                state["p1"],
                kind=Decision.Kind.REINVESTIGATION,
                now=decided,
                acting_user=state["p1"].assignments.get(lead=True).member,
                reasons="录音录像显示签署具结书时值班律师未在场，且承办检察官有以羁押相要挟的表述，认罪认罚的自愿性存疑。",
                public_summary="已责令检察院另行指派检察官，在律师在场的情况下重新听取意见，并核查承办检察官的行为。",
                corrections=[
                    {
                        "description": "另行指派检察官，在值班律师在场的情况下重新听取意见、重新签署具结书",
                        "responsible": home_procuratorate,
                        "due_on": today + timedelta(days=20),
                    }
                ],
            ),
        )

        # 3. A lawyer's petition: systemic improvement, correction done, petition closed.
        lawyer = personas.get("duty_lawyer")
        client = (
            Defendant.objects.filter(
                counsel_assignments__lawyer=lawyer,
                counsel_assignments__ended_at=None,
                case__region__code=HOME_DISTRICT.code,
            )
            .select_related("case")
            .first()
            if lawyer
            else None
        )
        if client is not None:
            filed = _at(today - timedelta(days=90), 11)
            step(
                filed,
                lambda: state.__setitem__(
                    "p2",
                    services.do_file_petition(
                        source=Petition.Source.LAWYER,
                        defendant=client,
                        acting_user=lawyer,
                        now=filed,
                        subject="值班律师阅卷时间不足",
                        grounds="检察院通知值班律师当天到场签署具结书，律师无法在签署前阅卷、会见，无从提出有效意见。",
                    ),
                ),
            )
            step(
                filed + timedelta(days=2),
                lambda: services.do_assign_member(
                    state["p2"], members[1], acting_user=chair, now=filed + timedelta(days=2)
                ),
            )
            step(
                filed + timedelta(days=2, minutes=5),
                lambda: services.do_assign_member(
                    state["p2"], members[3], acting_user=chair, now=filed + timedelta(days=2, minutes=5)
                ),
            )
            decided2 = filed + timedelta(days=16)
            step(
                decided2,
                lambda: services.do_decide(
                    state["p2"],
                    kind=Decision.Kind.SYSTEMIC,
                    acting_user=members[1],
                    now=decided2,
                    reasons="全区普遍存在签署当日才通知值班律师的做法，律师无法履行阅卷、会见职责，属于制度性问题。",
                    corrections=[
                        {
                            "description": "制定值班律师提前三个工作日获得通知和阅卷的工作规程",
                            "responsible": home_procuratorate,
                            "due_on": today - timedelta(days=30),
                        }
                    ],
                ),
            )
            done = decided2 + timedelta(days=40)
            step(
                done,
                lambda: services.do_complete_correction(
                    state["p2"].decision.corrections.get(),
                    acting_user=supervisor,
                    now=done,
                    evidence="已印发《值班律师提前介入工作规程》，自印发之日起施行；附近两个月通知记录抽查表。",
                ),
            )

        # 4. Waiting: a report from another district routed to the committee, and a recent one on a case.
        if other_case is not None:
            received4 = _at(today - timedelta(days=4), 16, 5)
            step(
                received4,
                lambda: do_submit_report(
                    kind=PublicReport.Kind.UNFAIRNESS,
                    region=other_case.region,
                    now=received4,
                    description="同样是盗窃两千多元，我们县的量刑建议比隔壁区重了一倍，请求监督。",
                ),
            )
        received5 = _at(today - timedelta(days=2), 10, 20)
        step(
            received5,
            lambda: do_submit_report(
                kind=PublicReport.Kind.PROCEDURE,
                case_number=case_c.number,
                now=received5,
                description="开庭前没有人告诉我可以申请法律援助，权利告知书是开庭当天才拿到的。",
            ),
        )

        # 5. A defendant's petition recorded by the chair, waiting for assignment.
        defendant = case_c.defendants.first()
        filed3 = _at(today - timedelta(days=1), 14)
        step(
            filed3,
            lambda: services.do_file_petition(
                source=Petition.Source.DEFENDANT,
                defendant=defendant,
                acting_user=chair,
                now=filed3,
                subject="反悔后被要求撤回上诉",
                grounds="被告人称上诉后被告知如不撤回将被抗诉加刑，请求评议。",
            ),
        )

        for _when, _n, fn in sorted(steps, key=lambda s: (s[0], s[1])):
            fn()
    code = format_code(state["r3"][1])
    return (
        f"oversight: {PublicReport.objects.count()} public reports, {Petition.objects.count()} petitions, "
        f"{Decision.objects.count()} decisions, {len(members)} committee members "
        f"(status code of the decided report: {code})"
    )


def _recording(case):
    return Recording.objects.filter(defendant__case=case).order_by("pk").first()
