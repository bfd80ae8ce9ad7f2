from datetime import date

import pytest
from django.utils import translation

from leniency.audit.models import AuditEvent
from leniency.cases import judgments, nonprosecution, services
from leniency.cases.stages import TRANSITIONS, Stage
from leniency.errors import DomainError, Forbidden

from .conftest import TWO_YEARS, _judge


def test_every_stage_has_a_transition_entry_and_closed_stages_are_terminal():
    assert set(TRANSITIONS) == set(Stage.values)
    for closed in (Stage.FINAL, Stage.NON_PROSECUTION, Stage.CASE_WITHDRAWN):
        assert TRANSITIONS[closed] == set()


def test_stage_change_is_saved_and_audited_in_one_event(world):
    """The stage form's own move before trial: 退回补充侦查 (CPL art. 175), back to investigation."""
    before = AuditEvent.objects.count()
    services.do_change_stage(
        world.defendant,
        to=Stage.INVESTIGATION,
        as_of=date(2026, 10, 1),
        acting_user=world.prosecutor,
        reason="退回补充侦查",
    )
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.INVESTIGATION and world.defendant.stage_since == date(2026, 10, 1)
    event = AuditEvent.objects.order_by("-seq").first()
    assert AuditEvent.objects.count() == before + 1
    assert event.action == "defendant.stage.changed" and event.case_id == world.case.pk
    assert event.data["from"] == "prosecution_review" and event.data["to"] == "investigation"
    assert event.actor == world.prosecutor


def test_illegal_transition_raises_a_clear_error_and_writes_nothing(world):
    before = AuditEvent.objects.count()
    with translation.override("zh-hans"), pytest.raises(DomainError) as error:
        services.do_change_stage(world.defendant, to=Stage.APPEAL, acting_user=world.prosecutor)
    assert "审查起诉" in str(error.value.message) and "二审" in str(error.value.message)
    assert error.value.field == "stage"
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.PROSECUTION_REVIEW and AuditEvent.objects.count() == before


def test_stage_date_cannot_precede_the_current_stage(world):
    with pytest.raises(DomainError) as error:
        services.do_change_stage(
            world.defendant, to=Stage.INVESTIGATION, as_of=date(2026, 1, 1), acting_user=world.prosecutor
        )
    assert error.value.field == "as_of"


def test_defendant_walks_the_whole_path_to_final(world, upper, filed):
    """Each decision through the service that records it; the stage form refuses the shortcut on the way."""
    court, clerk, appellate_judge, *members = upper
    d = filed.defendants.get()
    judgments.do_record_judgment(
        filed, sentences={d.pk: TWO_YEARS}, judged_on=date(2026, 12, 1), acting_user=world.judge
    )
    d.refresh_from_db()
    # The appeal goes to the court above, through its own filing and judge (not the stage form).
    with pytest.raises(DomainError, match="上一级人民法院"):
        services.do_change_stage(d, to=Stage.APPEAL, acting_user=world.judge)
    services.do_appeal(filed, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    filed.refresh_from_db()
    services.do_file_case(
        filed, judge=appellate_judge, members=members, filed_on=date(2026, 12, 9), acting_user=clerk
    )
    d.refresh_from_db()
    with pytest.raises(DomainError, match="刑事诉讼法第244条") as error:
        services.do_change_stage(d, to=Stage.FINAL, as_of=date(2027, 1, 5), acting_user=appellate_judge)
    assert error.value.field == "stage" and "二审裁判" in str(error.value.message)
    judgments.do_decide_second_instance(
        filed, decision="uphold", decided_on=date(2027, 1, 5), acting_user=appellate_judge
    )
    d.refresh_from_db()
    assert (d.stage, d.stage_since) == (Stage.FINAL, date(2027, 1, 5))
    # A final judgment is no stage of the court's any more: nobody moves the defendant (the page offers nothing).
    with pytest.raises(Forbidden, match="变更诉讼阶段"):
        services.do_change_stage(d, to=Stage.APPEAL, acting_user=appellate_judge)


def test_non_prosecution_is_refused_on_the_stage_form_naming_the_decision_and_article_177(world):
    before = AuditEvent.objects.count()
    with pytest.raises(DomainError, match="刑事诉讼法第177条") as error:
        services.do_change_stage(world.defendant, to=Stage.NON_PROSECUTION, acting_user=world.prosecutor)
    assert error.value.field == "stage" and "作出不起诉决定" in str(error.value.message)
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.PROSECUTION_REVIEW and AuditEvent.objects.count() == before
    # The decision with its kind and reasons reaches the stage.
    nonprosecution.do_decide_non_prosecution(
        world.defendant, kind="discretionary", reasons="犯罪情节轻微。", acting_user=world.prosecutor
    )
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.NON_PROSECUTION


def test_the_judgment_is_refused_on_the_stage_form_naming_the_judgment_and_articles_200_201(world, filed):
    d = filed.defendants.get()
    with pytest.raises(DomainError, match="刑事诉讼法第200条、第201条") as error:
        services.do_change_stage(d, to=Stage.JUDGMENT, as_of=date(2026, 12, 1), acting_user=world.judge)
    assert error.value.field == "stage" and "一审宣判" in str(error.value.message)
    d.refresh_from_db()
    assert d.stage == Stage.FIRST_INSTANCE and not d.sentences.exists()


def test_a_judgment_takes_effect_only_after_the_appeal_period(world, filed):
    """Ten days from the day after the judgment (CPL 230); in force once they passed with no appeal (CPL 259)."""
    d = _judge(world, filed, on=date(2026, 12, 1))
    with pytest.raises(DomainError, match="2026-12-11") as error:
        services.do_change_stage(d, to=Stage.FINAL, as_of=date(2026, 12, 11), acting_user=world.judge)
    assert error.value.field == "as_of" and "第259条" in str(error.value.message)
    services.do_change_stage(d, to=Stage.FINAL, as_of=date(2026, 12, 12), acting_user=world.judge)
    d.refresh_from_db()
    assert (d.stage, d.stage_since) == (Stage.FINAL, date(2026, 12, 12))


def test_an_appeal_period_ending_on_a_holiday_runs_to_the_next_working_day(world, filed):
    """The tenth day after 2026-12-22 is New Year's Day 2027, a Friday: the period ends on Monday 4 January
    (CPL 105), and the judgment is not final on the Saturday."""
    d = _judge(world, filed, on=date(2026, 12, 22))
    with pytest.raises(DomainError, match="2027-01-04"):
        services.do_change_stage(d, to=Stage.FINAL, as_of=date(2027, 1, 2), acting_user=world.judge)
    services.do_change_stage(d, to=Stage.FINAL, as_of=date(2027, 1, 5), acting_user=world.judge)
    d.refresh_from_db()
    assert d.stage == Stage.FINAL


def test_procedure_is_only_set_from_trial_on(world):
    # Before 提起公诉 the case has no court, so no judge of its own.
    with pytest.raises(Forbidden, match="审理程序由审判本案的法院决定"):
        services.do_set_procedure(world.defendant, procedure="expedited", acting_user=world.judge)
    world.to_trial()
    # The case's judge, for a suspect added after the prosecution and still under review.
    late = services.do_add_defendant(
        world.case,
        name="王某",
        charges=[world.theft],
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=world.case.prosecuted_on,
        acting_user=world.prosecutor,
    )
    with pytest.raises(DomainError, match="审理程序在提起公诉后才能确定"):
        services.do_set_procedure(late, procedure="expedited", acting_user=world.judge)
    services.do_set_procedure(world.defendant, procedure="expedited", acting_user=world.judge)
    assert AuditEvent.objects.filter(action="defendant.procedure.set").count() == 1


def test_duplicate_case_number_is_refused_naming_the_field(world):
    with pytest.raises(DomainError) as error:
        services.do_open_case(
            number=world.case.number,
            title="x",
            region=world.region,
            procuratorate=world.procuratorate,
            received_on=date(2026, 1, 1),
            acting_user=world.case_manager,
        )
    assert error.value.field == "number"


def test_the_stage_and_procedure_are_changed_by_the_authority_of_the_moment(world):
    """Before trial the procuratorate, from trial on the court; the procedure is the court's (issue 18 check_*)."""
    with pytest.raises(Forbidden, match="审判前由本案检察院、审判中由本案法院变更诉讼阶段"):
        services.do_change_stage(world.defendant, to=Stage.FIRST_INSTANCE, acting_user=world.judge)
    with pytest.raises(Forbidden, match="审判前由本案检察院"):
        services.do_change_stage(
            world.defendant, to=Stage.FIRST_INSTANCE, acting_user=world.outsider_prosecutor
        )
    world.to_trial()
    with pytest.raises(Forbidden, match="审判前由本案检察院"):
        services.do_change_stage(world.defendant, to=Stage.CASE_WITHDRAWN, acting_user=world.prosecutor)
    with pytest.raises(Forbidden, match="审理程序由审判本案的法院决定"):
        services.do_set_procedure(world.defendant, procedure="expedited", acting_user=world.prosecutor)
    with pytest.raises(Forbidden, match="只有本案检察院可以登记犯罪嫌疑人"):
        services.do_add_defendant(world.case, name="王某", charges=[world.theft], acting_user=world.judge)
