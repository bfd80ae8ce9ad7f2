"""Portal tests: reports go to a temporary MEDIA_ROOT; the figure cache starts empty; a small world built through
the services the platform's users call (conftest.small_world)."""

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from leniency.cases.stages import Stage


@pytest.fixture(autouse=True)
def reports_dir(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield tmp_path / "media" / "portal" / "reports"
    cache.clear()
    translation.deactivate()  # a request in English leaves its language active in this thread


def aware(day: date, hour: int = 10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


# The state each person reaches. name: (case, stage, signed, appealed, detained_on, lawyer assigned on, met,
# recommendation, court decision, withdrawal (stage, reason)). `small_world` walks each person there through the
# services; the steps a state needs (a final recommendation before a 具结书, the court's review before its
# decision, a judgment before the appeal) are taken in the order the law takes them.
PEOPLE = {
    "东一": (
        "east_later",
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
    "东三": ("east", Stage.FINAL, False, False, None, None, False, None, None, None),
    "东四": (
        "east",
        Stage.NON_PROSECUTION,
        True,
        False,
        date(2026, 7, 15),
        date(2026, 7, 20),
        True,
        "fixed",
        None,
        None,
    ),
    "东五": ("east", Stage.INVESTIGATION, False, False, None, date(2026, 7, 20), False, None, None, None),
    "东六": ("east", Stage.CASE_WITHDRAWN, False, False, None, None, False, None, None, None),
    "西一": ("west_later", Stage.APPEAL, True, True, None, date(2026, 8, 11), True, "range", None, None),
    "西二": ("west", Stage.FINAL, False, False, None, None, False, None, None, None),
    "西三": ("west_later", Stage.PROSECUTION_REVIEW, False, False, None, None, False, None, None, None),
}

SENTENCE = {"penalty": "fixed_term", "months": 12}


@pytest.fixture
def small_world(world):
    """Two more cases received in 2026-Q3 (east and west) with the defendants of PEOPLE, each brought to its state
    through the services: 受理 by each procuratorate's case management, duty lawyers sent by the rota on the
    prosecutor's request and their meetings logged by the lawyer, recommendations drafted, approved, answered by
    the lawyer and finalised, the 具结书 generated and signed by all three, 不起诉, 退回补充侦查, 撤案, 提起公诉
    and 立案, the court's voluntariness review and decision on the recommendation, 宣判, 反悔, the judgment taking
    effect after the ten days, 上诉 to the intermediate court and its decision.

    One appeal takes every defendant of the case at 一审判决 (CPL art. 233: the whole case goes up), and once a
    judgment is pronounced nobody can be added to its case (SPP Rules 2019 art. 423), so the defendants judged
    later (东一, 西一) are in cases of their own (east_later, west_later), received with the others: 东一 waited in
    退回补充侦查, and 西一 is prosecuted alone while 西三's review goes on."""
    from leniency.accounts.models import Organisation, Region, Role, User
    from leniency.cases import judgments
    from leniency.cases import services as cases
    from leniency.cases.nonprosecution import do_decide_non_prosecution
    from leniency.counsel.models import CounselRequest, Service
    from leniency.counsel.participation import do_log_participation
    from leniency.counsel.rota import (
        do_create_rota_period,
        do_create_station,
        do_publish_rota,
        do_request_counsel,
    )
    from leniency.plea.tests.helpers import agreement, all_yes, notice, sign_all
    from leniency.plea.voluntariness import do_record_review
    from leniency.plea.withdrawals import do_record_withdrawal
    from leniency.recommendations import services as recs
    from leniency.recommendations.models import CourtDecision

    west_region = Region.objects.get(code="990102")
    west_proc = world.outsider_prosecutor.organisation
    west_court = world.outsider_judge.organisation
    user = User.objects.create_user
    west_manager = user("wendy", role=Role.CASE_MANAGER, organisation=west_proc)
    west_supervisor = user("wes", role=Role.SUPERVISING_PROSECUTOR, organisation=west_proc)
    west_clerk = user("wilma", role=Role.COURT_CLERK, organisation=west_court)
    upper = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    upper_clerk = user("ian", role=Role.COURT_CLERK, organisation=upper)
    upper_judges = [user(n, role=Role.JUDGE, organisation=upper) for n in ("ivy", "ike", "iris")]

    def intake(where, number, region, procuratorate, manager, prosecutor, received_on):
        names = [n for n, row in PEOPLE.items() if row[0] == where]
        case = cases.do_register_transfer(
            number=number,
            title="盗窃案",
            region=region,
            procuratorate=procuratorate,
            received_on=received_on,
            acting_user=manager,
            facts="2026年，犯罪嫌疑人在商场窃取手机。",
            defendants=[
                {"name": n, "gender": "M", "charges": [world.theft], "detained_on": PEOPLE[n][4]}
                for n in names
            ],
        )
        cases.do_assign_prosecutor(case, prosecutor=prosecutor, acting_user=manager)
        return case, dict(zip(names, case.defendants.order_by("pk"), strict=True))

    east, people = intake(
        "east",
        "东检刑诉〔2026〕7号",
        world.region,
        world.procuratorate,
        world.case_manager,
        world.prosecutor,
        date(2026, 7, 15),
    )
    east_later, east_later_people = intake(
        "east_later",
        "东检刑诉〔2026〕9号",
        world.region,
        world.procuratorate,
        world.case_manager,
        world.prosecutor,
        date(2026, 7, 15),
    )
    west, west_people = intake(
        "west",
        "西检刑诉〔2026〕8号",
        west_region,
        west_proc,
        west_manager,
        world.outsider_prosecutor,
        date(2026, 8, 10),
    )
    west_later, west_later_people = intake(
        "west_later",
        "西检刑诉〔2026〕9号",
        west_region,
        west_proc,
        west_manager,
        world.outsider_prosecutor,
        date(2026, 8, 10),
    )
    people |= east_later_people | west_people | west_later_people
    west_side = {
        "prosecutor": world.outsider_prosecutor,
        "supervisor": west_supervisor,
        "judge": world.outsider_judge,
        "clerk": west_clerk,
    }
    side = {
        "east": replace(world, case=east),
        "east_later": replace(world, case=east_later),
        "west": replace(world, case=west, **west_side),
        "west_later": replace(world, case=west_later, **west_side),
    }

    def as_(name):
        """The world as the helpers of the plea tests read it, for this person."""
        people[name].refresh_from_db()
        return replace(side[PEOPLE[name][0]], defendant=people[name])

    def stage(name, to, on, reason):
        """A stage change by the procuratorate before trial, by the court after (the judgment taking effect)."""
        w = as_(name)
        by = w.judge if to == Stage.FINAL else w.prosecutor
        cases.do_change_stage(w.defendant, to=to, as_of=on, reason=reason, acting_user=by)

    # The duty lawyers' rotas for July and August: the east centre's workstation at the east procuratorate, and a
    # west centre's at the west procuratorate, both sending `world.lawyer`.
    west_centre = Organisation.objects.create(
        name="西区法律援助中心", kind=Organisation.Kind.LEGAL_AID_CENTRE, region=west_region
    )
    west_aid = user("wanda", role=Role.LEGAL_AID_OFFICER, organisation=west_centre)
    stations = {
        "east": world.station,
        "west": do_create_station(host=west_proc, centre=west_centre, acting_user=west_aid),
    }
    stations |= {"east_later": stations["east"], "west_later": stations["west"]}
    for station, officer in ((stations["east"], world.aid_officer), (stations["west"], west_aid)):
        period = do_create_rota_period(
            station,
            starts_on=date(2026, 7, 1),
            ends_on=date(2026, 8, 31),
            lawyers=[world.lawyer],
            acting_user=officer,
        )
        do_publish_rota(period, acting_user=officer, as_of=aware(date(2026, 6, 20)))

    # Review for prosecution: the lawyers (through the rota), their meetings, the recommendations and the
    # 具结书 of those who plead.
    for name, (_w, _s, signed, _a, _d, assigned, met, rec, _c, _wd) in PEOPLE.items():
        w = as_(name)
        if assigned:
            # 值班律师 (CPL art. 36): the prosecutor's request goes to the rota of the district's workstation.
            request = do_request_counsel(
                w.defendant,
                source=CounselRequest.Source.PROCURATORATE,
                acting_user=w.prosecutor,
                station=stations[_w],
                as_of=aware(assigned),
            )
            a = request.allocations.get().assignment
            if met:
                do_log_participation(
                    a,
                    service=Service.MEETING,
                    occurred_at=aware(assigned, 14),
                    minutes=40,
                    acting_user=world.lawyer,
                    as_of=aware(assigned, 15),
                )
        if rec:
            r = recs.do_create_draft(w.defendant, acting_user=w.prosecutor)
            term = {"principal_penalty": "fixed_term", "kind": rec, "probation": True, "probation_months": 24}
            term |= {"months": 12} if rec == "fixed" else {"low_months": 10, "high_months": 14}
            r = recs.do_update_draft(
                r,
                acting_user=w.prosecutor,
                version=r.version,
                values=term,
                deviation_reason="被告人退赔全部损失",
            )
            r = recs.do_submit(r, acting_user=w.prosecutor)
            recs.do_review(r, acting_user=w.supervisor, decision="approve", comments="同意")
            r.refresh_from_db()
            recs.do_give_opinion(r, acting_user=world.lawyer, position="agree")
            recs.do_finalise(r, acting_user=w.prosecutor)
        if signed:
            notice(w)
            sign_all(w, agreement(w))

    # East: 东四 not prosecuted, 东五 back to the police, 东六's case withdrawn; 东一 waits in 退回补充侦查 while
    # 东二 and 东三 are prosecuted, judged and their judgment takes effect.
    do_decide_non_prosecution(
        people["东四"],
        kind="discretionary",
        reasons="犯罪情节轻微，认罪认罚，退赔全部损失",
        decided_on=date(2026, 7, 25),
        acting_user=world.prosecutor,
    )
    stage("东五", Stage.INVESTIGATION, date(2026, 7, 20), "退回补充侦查")
    stage("东六", Stage.CASE_WITHDRAWN, date(2026, 7, 20), "撤案")
    stage("东一", Stage.INVESTIGATION, date(2026, 7, 20), "退回补充侦查")
    cases.do_prosecute(east, court=world.court, as_of=date(2026, 8, 1), acting_user=world.prosecutor)
    cases.do_file_case(east, judge=world.judge, filed_on=date(2026, 8, 3), acting_user=world.clerk)
    do_record_review(as_("东二").defendant, acting_user=world.judge, answers=all_yes())
    recs.do_court_decision(
        recs.final_recommendation(people["东二"]),
        acting_user=world.judge,
        decision=CourtDecision.Decision.DECIDE_OTHERWISE,
        grounds=[CourtDecision.Ground.CHARGE_DIFFERS],
        reasons="审理认定的犯罪数额与起诉指控不一致",
    )
    judgments.do_record_judgment(
        east,
        sentences={people["东二"].pk: SENTENCE, people["东三"].pk: SENTENCE},
        judged_on=date(2026, 8, 20),
        acting_user=world.judge,
    )
    do_record_withdrawal(
        as_("东二").defendant,
        acting_user=world.prosecutor,
        initiated_by="defendant",
        reasons=["def_lighter_sentence"],
        occurred_at=aware(date(2026, 8, 25)),
    )
    for name in ("东二", "东三"):
        stage(name, Stage.FINAL, date(2026, 9, 1), "判决生效")
    # 东一: back for prosecution after 东二 and 东三 were judged, so prosecuted in his own case (art. 423) to the
    # same court; the decision adopts, he is judged, appeals, and the intermediate court upholds the judgment.
    stage("东一", Stage.PROSECUTION_REVIEW, date(2026, 8, 5), "补充侦查完毕移送")
    cases.do_prosecute(east_later, court=world.court, as_of=date(2026, 9, 2), acting_user=world.prosecutor)
    cases.do_file_case(east_later, judge=world.judge, filed_on=date(2026, 9, 3), acting_user=world.clerk)
    do_record_review(as_("东一").defendant, acting_user=world.judge, answers=all_yes())
    recs.do_court_decision(
        recs.final_recommendation(people["东一"]),
        acting_user=world.judge,
        decision=CourtDecision.Decision.ADOPT,
        # reasons: where a trained model is on disk, 12 months may lie outside its 80% interval (court.py)
        reasons="被告人到案后如实供述盗窃两部手机的经过，案发后退赔被害人全部损失并取得谅解，检察机关建议的十二个月有期徒刑与其罪责相当，本院予以采纳",
    )
    judgments.do_record_judgment(
        east_later,
        sentences={people["东一"].pk: SENTENCE},
        judged_on=date(2026, 9, 10),
        acting_user=world.judge,
    )
    cases.do_appeal(east_later, kind="appeal", lodged_on=date(2026, 9, 15), acting_user=world.clerk)
    east_later.refresh_from_db()
    cases.do_file_case(
        east_later,
        judge=upper_judges[0],
        members=upper_judges[1:],
        filed_on=date(2026, 9, 16),
        acting_user=upper_clerk,
    )
    east_later.refresh_from_db()
    judgments.do_decide_second_instance(
        east_later, decision="uphold", decided_on=date(2026, 9, 30), acting_user=upper_judges[0]
    )

    # West: 西二 is prosecuted and judged; in the other case 西一 and 西三 go back for supplementary investigation,
    # then 西一 is prosecuted alone, judged and appeals; 西三, back from it later, is still under review.
    stage("西一", Stage.INVESTIGATION, date(2026, 8, 12), "退回补充侦查")
    stage("西三", Stage.INVESTIGATION, date(2026, 8, 12), "退回补充侦查")
    cases.do_prosecute(west, court=west_court, as_of=date(2026, 8, 14), acting_user=world.outsider_prosecutor)
    cases.do_file_case(west, judge=world.outsider_judge, filed_on=date(2026, 8, 17), acting_user=west_clerk)
    judgments.do_record_judgment(
        west,
        sentences={people["西二"].pk: SENTENCE},
        judged_on=date(2026, 8, 28),
        acting_user=world.outsider_judge,
    )
    stage("西二", Stage.FINAL, date(2026, 9, 9), "判决生效")
    stage("西一", Stage.PROSECUTION_REVIEW, date(2026, 8, 20), "补充侦查完毕移送")
    stage("西三", Stage.PROSECUTION_REVIEW, date(2026, 9, 1), "补充侦查完毕移送")
    # 西一 alone: 西三's review goes on.
    cases.do_prosecute(
        west_later,
        court=west_court,
        defendants=[people["西一"]],
        as_of=date(2026, 9, 2),
        acting_user=world.outsider_prosecutor,
    )
    cases.do_file_case(
        west_later, judge=world.outsider_judge, filed_on=date(2026, 9, 3), acting_user=west_clerk
    )
    judgments.do_record_judgment(
        west_later,
        sentences={people["西一"].pk: SENTENCE},
        judged_on=date(2026, 9, 10),
        acting_user=world.outsider_judge,
    )
    cases.do_appeal(west_later, kind="appeal", lodged_on=date(2026, 9, 15), acting_user=west_clerk)

    for d in people.values():
        d.refresh_from_db()
        assert d.stage == PEOPLE[d.name][1], d.name
    return people
