from datetime import date

import pytest
from django.utils import translation

from leniency.accounts.models import Organisation, Role, User
from leniency.audit.models import AuditEvent
from leniency.cases import services
from leniency.cases.stages import TRANSITIONS, Stage
from leniency.errors import DomainError, Forbidden


def test_every_stage_has_a_transition_entry_and_closed_stages_are_terminal():
    assert set(TRANSITIONS) == set(Stage.values)
    for closed in (Stage.FINAL, Stage.NON_PROSECUTION, Stage.CASE_WITHDRAWN):
        assert TRANSITIONS[closed] == set()


def test_stage_change_is_saved_and_audited_in_one_event(world):
    before = AuditEvent.objects.count()
    services.do_change_stage(
        world.defendant,
        to=Stage.FIRST_INSTANCE,
        as_of=date(2026, 10, 1),
        acting_user=world.prosecutor,
        reason="提起公诉",
    )
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.FIRST_INSTANCE and world.defendant.stage_since == date(2026, 10, 1)
    event = AuditEvent.objects.order_by("-seq").first()
    assert AuditEvent.objects.count() == before + 1
    assert event.action == "defendant.stage.changed" and event.case_id == world.case.pk
    assert event.data["from"] == "prosecution_review" and event.data["to"] == "first_instance"
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
            world.defendant, to=Stage.FIRST_INSTANCE, as_of=date(2026, 1, 1), acting_user=world.prosecutor
        )
    assert error.value.field == "as_of"


def test_defendant_walks_the_whole_path_to_final(world):
    # The procuratorate prosecutes (to first instance); the court moves the defendant from then on.
    services.do_change_stage(
        world.defendant, to=Stage.FIRST_INSTANCE, as_of=date(2026, 11, 1), acting_user=world.prosecutor
    )
    services.do_change_stage(
        world.defendant, to=Stage.JUDGMENT, as_of=date(2026, 11, 1), acting_user=world.judge
    )
    # The appeal goes to the court above, through its own filing and judge (not the stage form).
    with pytest.raises(DomainError, match="上一级人民法院"):
        services.do_change_stage(world.defendant, to=Stage.APPEAL, acting_user=world.judge)
    intermediate = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    appellate_judge = User.objects.create_user("ivy", role=Role.JUDGE, organisation=intermediate)
    appellate_clerk = User.objects.create_user("ian", role=Role.COURT_CLERK, organisation=intermediate)
    services.do_appeal(world.case, kind="appeal", lodged_on=date(2026, 11, 5), acting_user=world.clerk)
    members = [
        User.objects.create_user(n, role=Role.JUDGE, organisation=intermediate) for n in ("ike", "iris")
    ]
    services.do_file_case(
        world.case,
        judge=appellate_judge,
        members=members,
        filed_on=date(2026, 11, 6),
        acting_user=appellate_clerk,
    )
    world.defendant.refresh_from_db()
    services.do_change_stage(
        world.defendant, to=Stage.FINAL, as_of=date(2026, 12, 1), acting_user=appellate_judge
    )
    world.defendant.refresh_from_db()
    assert world.defendant.stage == Stage.FINAL
    # A final judgment is no stage of the court's any more: nobody moves the defendant (the page offers nothing).
    with pytest.raises(Forbidden, match="变更诉讼阶段"):
        services.do_change_stage(world.defendant, to=Stage.APPEAL, acting_user=appellate_judge)


def test_procedure_is_only_set_from_trial_on(world):
    with pytest.raises(DomainError, match="审理程序在提起公诉后才能确定"):
        services.do_set_procedure(world.defendant, procedure="expedited", acting_user=world.judge)
    services.do_change_stage(
        world.defendant, to=Stage.FIRST_INSTANCE, as_of=date(2026, 10, 1), acting_user=world.prosecutor
    )
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
    services.do_change_stage(world.defendant, to=Stage.FIRST_INSTANCE, acting_user=world.prosecutor)
    with pytest.raises(Forbidden, match="审理程序由审判本案的法院决定"):
        services.do_set_procedure(world.defendant, procedure="expedited", acting_user=world.prosecutor)
    with pytest.raises(Forbidden, match="只有本案检察院可以登记犯罪嫌疑人"):
        services.do_add_defendant(world.case, name="王某", charges=[world.theft], acting_user=world.judge)
