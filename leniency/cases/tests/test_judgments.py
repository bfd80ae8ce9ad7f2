"""Judgment, the second-instance decision (维持 / 改判 / 发回重审) and retrial: the services' guards."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from leniency.accounts.models import Organisation, Role, User
from leniency.audit.models import AuditEvent
from leniency.cases import judgments, services
from leniency.cases.judgments import SentenceIn
from leniency.cases.models import Retrial, SecondInstanceDecision, Sentence
from leniency.cases.stages import Stage
from leniency.errors import DomainError, Forbidden

from .conftest import TWO_YEARS, _judge
from .test_intake import _transfer


@pytest.mark.django_db
def test_the_judgment_records_each_sentence_and_opens_the_appeal(world, filed):
    d = _judge(world, filed, {"penalty": "fixed_term", "months": 24, "probation_months": 36})
    d.refresh_from_db()
    s = d.sentences.get()
    assert (s.instance, s.penalty, s.months, s.probation_months, s.court) == (
        "first",
        "fixed_term",
        24,
        36,
        world.court,
    )
    assert (d.stage, d.stage_since) == (Stage.JUDGMENT, date(2026, 12, 1))
    assert AuditEvent.objects.filter(action="case.judgment.recorded", case_id=filed.pk).exists()


@pytest.mark.django_db
def test_only_the_assigned_judge_records_the_judgment(world, filed):
    colleague = User.objects.create_user("jack", role=Role.JUDGE, organisation=world.court)
    d = filed.defendants.get()
    for user in (colleague, world.prosecutor, world.clerk, world.outsider_judge):
        with pytest.raises(Forbidden, match="刑事诉讼法第200条"):
            judgments.do_record_judgment(filed, sentences={d.pk: TWO_YEARS}, acting_user=user)


@pytest.mark.parametrize(
    "sentence, field, article",
    [
        ({"penalty": "fixed_term", "months": 3}, "months", "刑法第45条"),
        ({"penalty": "criminal_detention", "months": 7}, "months", "刑法第42条"),
        ({"penalty": "surveillance", "months": 25}, "months", "刑法第38条"),
        ({"penalty": "fixed_term", "months": 48, "probation_months": 60}, "probation_months", "刑法第72条"),
        ({"penalty": "fixed_term", "months": 24, "probation_months": 12}, "probation_months", "刑法第73条"),
        (
            {"penalty": "criminal_detention", "months": 4, "probation_months": 13},
            "probation_months",
            "刑法第73条",
        ),
        ({"penalty": "fixed_term", "months": 12, "fine_yuan": Decimal("0")}, "fine_yuan", "刑法第52条"),
    ],
)
def test_a_sentence_the_criminal_law_does_not_allow_is_refused_on_its_field(sentence, field, article):
    with pytest.raises(DomainError, match=article) as error:
        judgments.check_sentence(SentenceIn(**sentence), field_prefix="d1-")
    assert error.value.field == f"d1-{field}"


@pytest.mark.django_db
def test_a_judgment_must_sentence_every_defendant(world, filed):
    with pytest.raises(DomainError, match="判决应当对每一被告人作出"):
        judgments.do_record_judgment(filed, sentences={}, acting_user=world.judge)


@pytest.mark.django_db
def test_upholding_makes_the_judgment_final(world, upper, appealed):
    _court, _clerk, judge, *_members = upper
    with pytest.raises(Forbidden, match="刑事诉讼法第236条"):
        judgments.do_decide_second_instance(
            appealed, decision="uphold", decided_on=date(2027, 1, 5), acting_user=world.judge
        )
    judgments.do_decide_second_instance(
        appealed, decision="uphold", decided_on=date(2027, 1, 5), acting_user=judge
    )
    d = appealed.defendants.get()
    assert (d.stage, d.stage_since) == (Stage.FINAL, date(2027, 1, 5))
    assert SecondInstanceDecision.objects.get(case=appealed).decision == "uphold"


@pytest.mark.django_db
def test_on_the_defendants_appeal_alone_the_sentence_may_not_be_heavier(world, upper, appealed):
    _court, _clerk, judge, *_members = upper
    d = appealed.defendants.get()
    with pytest.raises(DomainError, match="刑事诉讼法第237条") as error:
        judgments.do_decide_second_instance(
            appealed,
            decision="amend",
            sentences={d.pk: {"penalty": "fixed_term", "months": 30}},
            decided_on=date(2027, 1, 5),
            acting_user=judge,
        )
    assert error.value.field == f"d{d.pk}-penalty"
    judgments.do_decide_second_instance(
        appealed,
        decision="amend",
        sentences={d.pk: {"penalty": "fixed_term", "months": 18, "probation_months": 24}},
        decided_on=date(2027, 1, 5),
        acting_user=judge,
    )
    d.refresh_from_db()
    assert d.stage == Stage.FINAL
    assert judgments.current_sentence(d).instance == Sentence.Instance.SECOND
    assert judgments.current_sentence(d).months == 18


@pytest.mark.django_db
def test_a_protest_may_bring_a_heavier_sentence(world, upper, filed):
    court, clerk, judge, *members = upper
    d = _judge(world, filed)
    services.do_appeal(filed, kind="protest", lodged_on=date(2026, 12, 8), acting_user=world.prosecutor)
    filed.refresh_from_db()
    services.do_file_case(filed, judge=judge, members=members, filed_on=date(2026, 12, 9), acting_user=clerk)
    filed.refresh_from_db()
    judgments.do_decide_second_instance(
        filed,
        decision="amend",
        sentences={d.pk: {"penalty": "fixed_term", "months": 36}},
        decided_on=date(2027, 1, 5),
        acting_user=judge,
    )
    assert judgments.current_sentence(d).months == 36


@pytest.mark.django_db
def test_a_remand_returns_the_case_to_the_first_court_which_files_it_with_another_judge(
    client, world, upper, appealed
):
    _court, _clerk, judge, *_members = upper
    with pytest.raises(DomainError, match="第238条") as error:
        judgments.do_decide_second_instance(
            appealed, decision="remand", decided_on=date(2027, 1, 5), acting_user=judge
        )
    assert error.value.field == "ground"
    judgments.do_decide_second_instance(
        appealed, decision="remand", ground="procedure", decided_on=date(2027, 1, 5), acting_user=judge
    )
    appealed.refresh_from_db()
    assert (appealed.court, appealed.judge, appealed.court_filed_on, appealed.appealed_on) == (
        world.court,
        None,
        None,
        None,
    )
    d = appealed.defendants.get()
    assert (d.stage, d.stage_since) == (Stage.FIRST_INSTANCE, date(2027, 1, 5))
    client.force_login(judge)
    assert client.get(f"/cases/{appealed.pk}/").status_code == 404
    client.force_login(world.clerk)
    assert [r["number"] for r in client.get("/api/court/incoming").json()] == [appealed.number]
    with pytest.raises(DomainError, match="刑事诉讼法第239条") as error:
        services.do_file_case(appealed, judge=world.judge, acting_user=world.clerk)
    assert error.value.field == "judge"
    other = User.objects.create_user("jack", role=Role.JUDGE, organisation=world.court)
    services.do_file_case(appealed, judge=other, filed_on=date(2027, 1, 6), acting_user=world.clerk)


@pytest.mark.django_db
def test_after_a_remand_no_member_of_the_first_panel_sits_again(world, upper, filed):
    court, clerk, judge, *members = upper
    jack, jill, joe, kim = (
        User.objects.create_user(n, role=Role.JUDGE, organisation=world.court)
        for n in ("jack", "jill", "joe", "kim")
    )
    case = _transfer(world, name="张某", id_number="")
    services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    services.do_file_case(
        case, judge=jack, members=[jill, joe], filed_on=date(2026, 11, 3), acting_user=world.clerk
    )
    case.refresh_from_db()
    d = case.defendants.get()
    judgments.do_record_judgment(
        case, sentences={d.pk: TWO_YEARS}, judged_on=date(2026, 12, 1), acting_user=jack
    )
    services.do_appeal(case, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    case.refresh_from_db()
    services.do_file_case(case, judge=judge, members=members, filed_on=date(2026, 12, 9), acting_user=clerk)
    case.refresh_from_db()
    judgments.do_decide_second_instance(
        case, decision="remand", ground="procedure", decided_on=date(2027, 1, 5), acting_user=members[0]
    )
    case.refresh_from_db()
    with pytest.raises(DomainError, match="刑事诉讼法第239条"):
        services.do_file_case(case, judge=kim, members=[jill, world.judge], acting_user=world.clerk)
    services.do_file_case(case, judge=kim, filed_on=date(2027, 1, 6), acting_user=world.clerk)


@pytest.mark.django_db
def test_a_remand_for_unclear_facts_happens_once(world, upper, appealed):
    court, clerk, judge, *members = upper
    judgments.do_decide_second_instance(
        appealed, decision="remand", ground="facts", decided_on=date(2027, 1, 5), acting_user=judge
    )
    appealed.refresh_from_db()
    other = User.objects.create_user("jack", role=Role.JUDGE, organisation=world.court)
    services.do_file_case(appealed, judge=other, filed_on=date(2027, 1, 6), acting_user=world.clerk)
    appealed.refresh_from_db()
    d = appealed.defendants.get()
    judgments.do_record_judgment(
        appealed, sentences={d.pk: TWO_YEARS}, judged_on=date(2027, 2, 1), acting_user=other
    )
    services.do_appeal(appealed, kind="appeal", lodged_on=date(2027, 2, 5), acting_user=world.clerk)
    appealed.refresh_from_db()
    services.do_file_case(
        appealed, judge=judge, members=members, filed_on=date(2027, 2, 6), acting_user=clerk
    )
    appealed.refresh_from_db()
    with pytest.raises(DomainError, match="第236条第2款"):
        judgments.do_decide_second_instance(
            appealed, decision="remand", ground="facts", decided_on=date(2027, 3, 1), acting_user=judge
        )


# --- retrial ---------------------------------------------------------------------------------------------------


@pytest.fixture
def final(world, upper, appealed):
    judgments.do_decide_second_instance(
        appealed, decision="uphold", decided_on=date(2027, 1, 5), acting_user=upper[2]
    )
    appealed.refresh_from_db()
    return appealed


@pytest.mark.django_db
def test_who_may_start_a_retrial(world, upper, final):
    court, clerk, judge, *members = upper
    # The case's own (district) procuratorate is not above the intermediate court that gave the final judgment.
    with pytest.raises(Forbidden, match="刑事诉讼法第254条第3款"):
        judgments.do_start_retrial(
            final, initiator="protest", reasons="量刑错误", acting_user=world.prosecutor
        )
    with pytest.raises(Forbidden, match="刑事诉讼法第254条第1款"):
        judgments.do_start_retrial(final, initiator="court", reasons="量刑错误", acting_user=world.clerk)
    province = final.region.parent.parent
    assert province is not None
    upper_procuratorate = Organisation.objects.create(
        name="测试省人民检察院", kind=Organisation.Kind.PROCURATORATE, region=province
    )
    protester = User.objects.create_user("pat", role=Role.PROSECUTOR, organisation=upper_procuratorate)
    retrial = judgments.do_start_retrial(
        final, initiator="protest", reasons="适用法律错误", started_on=date(2027, 3, 1), acting_user=protester
    )
    assert retrial.court == court
    with pytest.raises(DomainError, match="已在再审中"):
        judgments.do_start_retrial(final, initiator="court", reasons="再议", acting_user=clerk)


@pytest.mark.django_db
def test_no_retrial_before_the_judgment_takes_effect(world, upper, appealed):
    _court, clerk, *_judges = upper
    with pytest.raises(DomainError, match="刑事诉讼法第252条、第254条"):
        judgments.do_start_retrial(appealed, initiator="petition", reasons="申诉", acting_user=clerk)


@pytest.mark.django_db
def test_a_retrial_is_tried_by_another_judge_and_may_amend(world, upper, final):
    court, clerk, judge, *members = upper
    retrial = judgments.do_start_retrial(
        final,
        initiator="petition",
        reasons="新证据证明原判量刑错误",
        started_on=date(2027, 3, 1),
        acting_user=clerk,
    )
    for sat in (judge, members[0]):  # the presiding judge and a member of the second-instance panel
        with pytest.raises(DomainError, match="刑事诉讼法第256条"):
            judgments.do_assign_retrial_judge(retrial, judge=sat, acting_user=clerk)
    fresh = User.objects.create_user("rae", role=Role.JUDGE, organisation=court)
    with pytest.raises(Forbidden, match="刑事诉讼法第256条"):
        judgments.do_assign_retrial_judge(retrial, judge=fresh, acting_user=world.clerk)
    judgments.do_assign_retrial_judge(retrial, judge=fresh, acting_user=clerk)
    with pytest.raises(Forbidden, match="刑事诉讼法第256条"):
        judgments.do_decide_retrial(retrial, outcome="uphold", acting_user=judge)
    d = final.defendants.get()
    judgments.do_decide_retrial(
        retrial,
        outcome="amend",
        sentences={d.pk: {"penalty": "fixed_term", "months": 12}},
        decided_on=date(2027, 4, 1),
        acting_user=fresh,
    )
    retrial.refresh_from_db()
    assert (retrial.outcome, retrial.decided_on) == (Retrial.Outcome.AMEND, date(2027, 4, 1))
    assert judgments.current_sentence(d).instance == Sentence.Instance.RETRIAL
    assert AuditEvent.objects.filter(action="case.retrial.decided", case_id=final.pk).exists()


@pytest.mark.django_db
def test_the_case_page_names_the_open_retrial_and_no_decided_one(world, upper, final, client):
    """case_page_actions reads the case's open retrials and picks the first itself (issue 21: no ORDER BY ...
    LIMIT to compile): the page shows the open one, and none once it is decided."""
    _court, clerk, *_judges = upper
    defendants = list(final.defendants.all())
    assert judgments.case_page_actions(clerk, final, defendants)["open_retrial"] is None
    retrial = judgments.do_start_retrial(
        final, initiator="petition", reasons="申诉", started_on=date(2027, 3, 1), acting_user=clerk
    )
    actions = judgments.case_page_actions(clerk, final, defendants)
    assert actions["open_retrial"] == retrial
    assert actions["can_assign_retrial_judge"] and not actions["can_start_retrial"]
    client.force_login(clerk)
    assert "再审中" in client.get(reverse("case_detail", args=[final.pk])).content.decode()
    Retrial.objects.filter(pk=retrial.pk).update(outcome=Retrial.Outcome.UPHOLD, decided_on=date(2027, 4, 1))
    assert judgments.case_page_actions(clerk, final, defendants)["open_retrial"] is None
