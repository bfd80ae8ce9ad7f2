"""The demo generator: idempotent, deterministic, complete personas, realistic and internally consistent."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.contrib.auth import authenticate

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.audit.models import AuditEvent
from leniency.audit.trail import verify_chain
from leniency.cases.identity import validate_id_number
from leniency.cases.models import Case, Defendant, DefendantCharge
from leniency.cases.stages import CLOSED_STAGES, TRANSITIONS, TRIAL_STAGES, Stage
from leniency.counsel.models import CounselAssignment
from leniency.demo.generator import build_demo
from leniency.demo.geography import PROVINCE_CODE
from leniency.demo.names import id_check_digit, id_number_problem, make_id_number
from leniency.demo.personas import DEMO_PASSWORD, PERSONA_USERNAMES
from leniency.testing.shared_db import kept_for_the_module

TODAY = date(2026, 6, 30)
SMALL = 150

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The decisions this module's demo gives its decided appeals, in turn: a demo this small has two, which the shares
# (timeline.AppealDecisions) would both uphold; so each kind a remand and a change is replayed and checked here.
DECISIONS = ("remand", "amend", "uphold")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One build for the module's tests, which only read it (leniency/testing/shared_db.py)."""
    from leniency.demo.timeline import AppealDecisions

    def in_turn(self):
        self.count += 1
        return DECISIONS[(self.count - 1) % len(DECISIONS)]

    with kept_for_the_module(django_db_blocker), pytest.MonkeyPatch.context() as patch:
        patch.setattr(AppealDecisions, "next", in_turn)
        yield build_demo(seed=7, defendants=SMALL, today=TODAY)


def _row_counts() -> dict[str, int]:
    models = (Region, Organisation, User, Case, Defendant, DefendantCharge, CounselAssignment, AuditEvent)
    return {m.__name__: m.objects.count() for m in models}


def _moves(defendant_id: int) -> list[dict]:
    return [
        e.data
        for e in AuditEvent.objects.filter(
            action="defendant.stage.changed", object_id=str(defendant_id)
        ).order_by("seq")
    ]


def test_builds_the_requested_number_of_defendants(demo):
    assert demo.created
    assert Defendant.objects.count() == SMALL == demo.defendants
    sizes = Counter(
        Case.objects.filter(region__parent__parent__code=PROVINCE_CODE).values_list(
            "defendants__case_id", flat=True
        )
    )
    assert set(sizes.values()) <= {1, 2, 3}
    assert sum(1 for n in sizes.values() if n == 1) > len(sizes) * 0.6


def test_second_run_changes_nothing(demo):
    before = _row_counts()
    again = build_demo(seed=99, defendants=500, today=TODAY)
    assert not again.created
    assert _row_counts() == before
    assert [row[0] for row in again.logins] == list(PERSONA_USERNAMES)


def test_every_role_has_a_persona_who_can_log_in(demo):
    personas = User.objects.filter(username__in=PERSONA_USERNAMES)
    assert {u.role for u in personas} == set(Role.values)
    for user in personas:
        assert authenticate(username=user.username, password=DEMO_PASSWORD) == user
        assert user.display_name and not user.display_name.isascii()
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser and admin.role == Role.ADMINISTRATOR


def test_second_district_personas_work_elsewhere(demo):
    home = User.objects.get(username="prosecutor").organisation.region
    assert home.zone == Region.Zone.EASTERN
    assert User.objects.get(username="judge").organisation.region == home
    for username in ("prosecutor2", "judge2"):
        assert User.objects.get(username=username).organisation.region not in (home, None)
    zones = set(
        Region.objects.filter(level=Region.Level.DISTRICT, parent__parent__code=PROVINCE_CODE).values_list(
            "zone", flat=True
        )
    )
    assert zones == {Region.Zone.EASTERN, Region.Zone.CENTRAL, Region.Zone.WESTERN}


def test_every_district_has_its_organisations(demo):
    kinds = {
        Organisation.Kind.POLICE,
        Organisation.Kind.PROCURATORATE,
        Organisation.Kind.COURT,
        Organisation.Kind.LEGAL_AID_CENTRE,
        Organisation.Kind.DETENTION_CENTRE,
    }
    for district in Region.objects.filter(level=Region.Level.DISTRICT, parent__parent__code=PROVINCE_CODE):
        assert set(district.organisations.values_list("kind", flat=True)) == kinds
    province = Region.objects.get(code=PROVINCE_CODE)
    assert {
        Organisation.Kind.LAWYERS_ASSOCIATION,
        Organisation.Kind.REVIEW_COMMITTEE,
        Organisation.Kind.LAW_FIRM,
    } <= set(province.organisations.values_list("kind", flat=True))


def test_prosecutor_persona_owns_a_share_of_home_cases(demo):
    prosecutor = User.objects.get(username="prosecutor")
    home_cases = Case.objects.filter(procuratorate=prosecutor.organisation)
    owned = home_cases.filter(prosecutor=prosecutor).count()
    assert 0 < owned < home_cases.count()


def test_stages_are_consistent_with_dates_and_history(demo):
    cutoff = TODAY - timedelta(days=1)
    for d in Defendant.objects.select_related("case"):
        assert d.case.received_on <= d.stage_since <= cutoff
        moves = _moves(d.pk)
        stage, since = Stage.INVESTIGATION, d.case.received_on
        for move in moves:
            remanded = (move["from"], move["to"], move["reason"]) == (
                Stage.APPEAL,
                Stage.FIRST_INSTANCE,
                "发回重审",
            )
            assert move["from"] == stage and (move["to"] in TRANSITIONS[stage] or remanded)
            assert date.fromisoformat(move["as_of"]) >= since
            stage, since = move["to"], date.fromisoformat(move["as_of"])
        assert (stage, since) == (d.stage, d.stage_since)
        reached_trial = any(m["to"] == Stage.FIRST_INSTANCE for m in moves)
        assert bool(d.procedure) == reached_trial
        if d.stage in TRIAL_STAGES:
            assert d.case.court is not None
        _check_detention(d, cutoff)


def _check_detention(d: Defendant, cutoff: date) -> None:
    D = Defendant.Detention
    if d.detained_on:
        assert d.case.received_on <= d.detained_on <= cutoff
    if d.released_on:
        assert d.detained_on and d.detained_on <= d.released_on <= cutoff
    if d.detention in (D.CRIMINAL_DETENTION, D.ARRESTED):
        assert d.detained_on and not d.released_on
    if d.detention == D.CRIMINAL_DETENTION:
        assert d.stage == Stage.INVESTIGATION and (cutoff - d.detained_on).days <= 37
    if d.stage in (Stage.NON_PROSECUTION, Stage.CASE_WITHDRAWN):
        assert d.detention == D.NOT_DETAINED
    if d.stage in CLOSED_STAGES:
        assert d.detention in (D.NOT_DETAINED, D.ARRESTED)


def test_id_numbers_are_valid_unique_and_match_the_person(demo):
    numbers = []
    for d in Defendant.objects.all():
        assert id_number_problem(d.id_number, birth=d.birth_date, gender=d.gender) is None, d.id_number
        validate_id_number(d.id_number, birth_date=d.birth_date)  # intake's check: GB/T 2260 region code too
        numbers.append(d.id_number)
    assert len(set(numbers)) == len(numbers)


def test_id_check_digit_matches_the_standard_example():
    assert id_check_digit("11010519491231002") == "X"  # the example in GB 11643-1999
    assert make_id_number("110105", date(1949, 12, 31), 2, "F") == "11010519491231002X"
    assert id_number_problem("110105194912310021") == "wrong check digit"


def test_fact_texts_name_every_defendant(demo):
    for case in Case.objects.prefetch_related("defendants"):
        for d in case.defendants.all():
            assert d.name in case.facts
        if "危险驾驶" in case.title:
            assert "mg/100ml" in case.facts


def test_audit_trail_verifies_and_tells_each_story(demo):
    checked, problem = verify_chain()
    assert problem is None and checked == AuditEvent.objects.count() == demo.events
    actions = Counter(AuditEvent.objects.values_list("action", flat=True))
    assert actions["case.opened"] == Case.objects.count()
    assert actions["defendant.added"] == Defendant.objects.count()
    assert actions["counsel.assigned"] == CounselAssignment.objects.count()
    assert actions["defendant.procedure.set"] == Defendant.objects.exclude(procedure="").count()
    # One run in time order: every case's steps as the services recorded them, each replayed on its day; nothing
    # happens on or after the demo's today.
    times = list(AuditEvent.objects.order_by("seq").values_list("occurred_at", flat=True))
    descents = [i for i in range(1, len(times)) if times[i] < times[i - 1]]
    assert not descents, descents
    assert max(times).date() < TODAY


def test_other_lawyer_is_assigned_to_nobody(demo):
    assert not CounselAssignment.objects.filter(lawyer__username="other_lawyer").exists()


def test_lawyer_personas_serve_home_district_defendants(demo):
    home = User.objects.get(username="prosecutor").organisation.region
    for username in ("duty_lawyer", "defence_lawyer"):
        assigned = CounselAssignment.objects.filter(lawyer__username=username)
        assert assigned.exists()
        assert not assigned.exclude(defendant__case__region=home).exists()
    assert CounselAssignment.objects.exclude(lawyer__username__in=PERSONA_USERNAMES).exists()


def test_every_case_came_in_through_intake_prosecution_and_filing(demo):
    """Every case, open or closed, was registered by case management, assigned, prosecuted to the court the law
    names and filed by that court's clerk, each step audited by its service and its role."""
    from leniency.cases.jurisdiction import basic_court

    cases = list(Case.objects.prefetch_related("defendants").select_related("judge", "court"))
    assert {d.stage for c in cases for d in c.defendants.all()} >= {
        Stage.FINAL,
        Stage.NON_PROSECUTION,
        Stage.FIRST_INSTANCE,
    }
    for case in cases:
        events = {e.action: e for e in AuditEvent.objects.filter(case_id=case.pk).select_related("actor")}
        assert events["case.opened"].actor.role == Role.CASE_MANAGER
        assert events["case.prosecutor.assigned"].data["to"] == case.prosecutor_id
        tried = any(d.stage in TRIAL_STAGES for d in case.defendants.all())
        assert ("case.prosecuted" in events) == tried
        if not tried:
            assert case.court is None
            continue
        assert case.prosecuted_on is not None
        filed = events["case.court.filed"]  # the latest filing: the court above's after an appeal
        assert filed.actor.role == Role.COURT_CLERK and filed.actor.organisation_id == case.court_id
        if case.appealed_on is None:
            assert case.court == basic_court(case)
            assert case.court_filed_on >= case.prosecuted_on and case.judge.organisation_id == case.court_id
        else:
            assert case.court.region_id == case.region.parent_id and case.first_instance_court == basic_court(
                case
            )


def test_judgments_non_prosecutions_and_appeals_are_on_record(demo):
    """A judged defendant has the first-instance sentence the judgment recorded, a defendant not prosecuted the
    procuratorate's decision, an appeal the court above's filing and, once decided, its decision; a judgment took
    effect only after the ten days for an appeal (CPL art. 230)."""
    from leniency.cases.models import NonProsecution, Sentence
    from leniency.demo.timeline import appeal_period_end

    judged = Defendant.objects.filter(stage__in=(Stage.JUDGMENT, Stage.APPEAL, Stage.FINAL))
    assert judged.exists()
    first = Sentence.objects.filter(instance=Sentence.Instance.FIRST)
    remanded = Defendant.objects.filter(case__second_instance_decisions__decision="remand")
    assert set(first.values_list("defendant_id", flat=True)) == set(
        judged.values_list("pk", flat=True)
    ) | set(remanded.values_list("pk", flat=True))
    for sentence in first.select_related("defendant__case"):
        assert sentence.court_id in (
            sentence.defendant.case.court_id,
            sentence.defendant.case.first_instance_court_id,
        )
    not_prosecuted = Defendant.objects.filter(stage=Stage.NON_PROSECUTION)
    assert set(NonProsecution.objects.values_list("defendant_id", flat=True)) == set(
        not_prosecuted.values_list("pk", flat=True)
    )
    for d in Defendant.objects.filter(stage=Stage.FINAL, case__appealed_on__isnull=True):
        judged_on = (
            first.filter(defendant=d).latest("judged_on").judged_on
        )  # after a remand: the new judgment
        assert d.stage_since > appeal_period_end(judged_on)
    for case in Case.objects.filter(appealed_on__isnull=False):
        assert case.court_filed_on >= case.appealed_on
        assert set(case.defendants.values_list("stage", flat=True)) <= {Stage.APPEAL, Stage.FINAL}


def test_the_court_above_upholds_changes_or_sends_back_and_the_first_court_tries_again(demo):
    """Each kind of second-instance decision is replayed through the services with its consequences: 维持原判 and
    改判 end the case (CPL art. 244), 改判 on the defendant's appeal with a sentence no heavier (art. 237) and
    lighter for someone; 发回重审 returns the case to the first court, whose clerk files it again with a judge who
    did not sit (art. 239) and who judges it again."""
    from leniency.cases.jurisdiction import basic_court
    from leniency.cases.models import SecondInstanceDecision, Sentence

    Decision = SecondInstanceDecision.Decision
    decisions = list(SecondInstanceDecision.objects.select_related("case__court").order_by("decided_on"))
    assert {d.decision for d in decisions} >= {Decision.REMAND, Decision.AMEND}
    for decision in decisions:
        case, defendants = decision.case, list(decision.case.defendants.exclude(stage=Stage.NON_PROSECUTION))
        if decision.decision != Decision.REMAND:
            assert {d.stage for d in defendants} == {Stage.FINAL}
            assert all(d.stage_since == decision.decided_on for d in defendants)
        if decision.decision == Decision.AMEND:
            assert decision.reasons
            pairs = [
                (
                    d.sentences.get(instance=Sentence.Instance.FIRST),
                    d.sentences.get(instance=Sentence.Instance.SECOND),
                )
                for d in defendants
            ]
            assert all(
                two.judged_on == decision.decided_on and two.court_id == decision.court_id for _, two in pairs
            )
            assert all(
                two.penalty == one.penalty and (two.months or 0) <= (one.months or 0) for one, two in pairs
            )
            assert any((two.months or 0) < (one.months or 0) for one, two in pairs)
        if decision.decision == Decision.REMAND:
            assert decision.ground == SecondInstanceDecision.Ground.FACTS and decision.reasons
            assert case.court == decision.remanded_to == basic_court(case) and case.appealed_on is None
            assert case.court_filed_on >= decision.decided_on
            assert case.judge_id not in (None, decision.previous_judge_id)
            filed = AuditEvent.objects.filter(case_id=case.pk, action="case.court.filed").latest("seq")
            assert filed.actor.organisation_id == case.court_id and filed.actor.role == Role.COURT_CLERK
            assert {d.procedure for d in defendants} == {"ordinary"}
            again = Sentence.objects.filter(defendant__in=defendants, judged_on__gt=decision.decided_on)
            assert {s.judge_id for s in again} <= {case.judge_id}
            assert {d.stage for d in defendants} <= {Stage.FIRST_INSTANCE, Stage.JUDGMENT, Stage.FINAL}


def _stage_rows(case_id: int) -> list[tuple]:
    """The events the plea builder places its court steps by (demo/builders/plea.py), oldest first."""
    return list(
        AuditEvent.objects.filter(
            action__in=["defendant.stage.changed", "defendant.procedure.set"], case_id=case_id
        )
        .order_by("seq")
        .values_list("action", "actor_id", "data", "occurred_at")
    )


def test_the_plea_builder_dates_and_credits_a_remanded_cases_review_to_its_first_trial(demo):
    """The voluntariness review (and the court's rights notice) the plea builder records is dated to the first
    trial and credited to the judge who held it, not to the judge who tries the case again after 发回重审: on this
    build's remanded case, whatever order the database returns its events in."""
    import random

    from leniency.cases.models import SecondInstanceDecision
    from leniency.demo.builders import plea as plea_demo

    (decision,) = SecondInstanceDecision.objects.filter(decision=SecondInstanceDecision.Decision.REMAND)
    assert decision.case.judge_id != decision.previous_judge_id  # the case is being tried again by another
    defendants = list(decision.case.defendants.exclude(stage=Stage.NON_PROSECUTION).select_related("case"))
    rows = _stage_rows(decision.case_id)
    plan = plea_demo._Plan(defendants, random.Random(0), TODAY)  # reads the history only; writes nothing
    for d in defendants:
        prosecuted = min(
            date.fromisoformat(m["as_of"]) for m in _moves(d.pk) if m["to"] == Stage.FIRST_INSTANCE
        )
        assert prosecuted < decision.decided_on
        assert plan.reached[d.pk][Stage.FIRST_INSTANCE] == prosecuted
        assert plan.judges[d.pk].pk == decision.previous_judge_id
        for ordered in (rows, rows[::-1]):
            reached, judges = plea_demo.first_trial_history(ordered)
            assert (reached[d.pk][Stage.FIRST_INSTANCE], judges[d.pk]) == (
                prosecuted,
                decision.previous_judge_id,
            )


def test_a_remanded_case_whose_new_judge_sets_its_procedure_again_keeps_its_first_trials_judge():
    """A first trial in 速裁 by judge 1; sent back, the case is retried by judge 2 in the ordinary procedure
    (CPL art. 239), who sets it again: the first trial is still dated and credited to judge 1."""
    from datetime import UTC, datetime

    from leniency.demo.builders.plea import first_trial_history

    def at(day):
        return datetime(2025, 3, day, 9, tzinfo=UTC)

    def move(day, frm, to):
        return ("defendant.stage.changed", 7, {"defendant": 1, "from": frm, "to": to}, at(day))

    rows = [
        move(1, "prosecution_review", "first_instance"),
        ("defendant.procedure.set", 1, {"defendant": 1, "from": "", "to": "expedited"}, at(2)),
        move(9, "first_instance", "judgment"),
        move(12, "judgment", "appeal"),
        move(20, "appeal", "first_instance"),
        ("defendant.procedure.set", 2, {"defendant": 1, "from": "expedited", "to": "ordinary"}, at(22)),
    ]
    for ordered in (rows, rows[::-1]):
        reached, judges = first_trial_history(ordered)
        assert (reached[1][Stage.FIRST_INSTANCE], judges[1]) == (date(2025, 3, 1), 1)


def test_a_final_judgment_is_retried_by_a_judge_of_its_court_who_did_not_sit(demo):
    """再审 on a petition the court accepted (CPL arts. 252-253): its clerk starts it after the judgment took effect
    and names a judge who did not sit (art. 256), who decides it; the defendants stay at 生效."""
    from leniency.cases.models import Retrial, Sentence

    (retrial,) = Retrial.objects.select_related("case", "started_by", "judge")
    case, defendants = retrial.case, list(retrial.case.defendants.all())
    assert retrial.initiator == Retrial.Initiator.PETITION and retrial.reasons
    assert retrial.started_by.role == Role.COURT_CLERK and retrial.court_id == case.court_id
    assert retrial.judge.organisation_id == case.court_id and case.judge_id == retrial.judge_id
    assert not Sentence.objects.filter(defendant__case=case, instance="first", judge=retrial.judge).exists()
    assert {d.stage for d in defendants} == {Stage.FINAL}
    assert max(d.stage_since for d in defendants) < retrial.started_on < retrial.decided_on < TODAY
    again = Sentence.objects.filter(defendant__case=case, instance=Sentence.Instance.RETRIAL)
    if retrial.outcome == Retrial.Outcome.AMEND:
        assert {s.defendant_id for s in again} == {d.pk for d in defendants}
        assert {(s.judged_on, s.judge_id) for s in again} == {(retrial.decided_on, retrial.judge_id)}
    else:
        assert retrial.outcome == Retrial.Outcome.UPHOLD and not again.exists()


def test_counsel_was_assigned_by_the_centre_or_for_retained_counsel_the_prosecutor(demo):
    events = AuditEvent.objects.filter(action="counsel.assigned").select_related("actor")
    assert events.count() == CounselAssignment.objects.count() > 0
    for event in events:
        expected = Role.PROSECUTOR if event.data["kind"] == "retained" else Role.LEGAL_AID_OFFICER
        assert event.actor.role == expected, event.data
    for a in CounselAssignment.objects.select_related("defendant__case"):
        assert a.defendant.case.received_on < clock_day(a.assigned_at) < TODAY


def clock_day(moment) -> date:
    from django.utils import timezone

    return timezone.localdate(moment)


def test_each_persona_starts_on_a_page_it_can_open(demo, client):
    """`make run` prints where each role starts: the account exists and its start page opens for it."""
    assert [row[0] for row in demo.logins] == list(PERSONA_USERNAMES)
    for username, *_rest, start in demo.logins:
        user = User.objects.get(username=username)
        client.force_login(user)
        response = client.get(start)
        assert response.status_code == 200, (username, start, response.status_code)
        client.logout()
