"""Intake (受理), assignment, prosecution (提起公诉) and the court's filing (立案): the services' guards."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.audit.models import AuditEvent
from leniency.cases import judgments, services
from leniency.cases.forms import DefendantIntakeForm
from leniency.cases.identity import check_character, validate_id_number
from leniency.cases.jurisdiction import receiving_court
from leniency.cases.models import Case, CaseCounter
from leniency.cases.stages import Stage
from leniency.errors import DomainError, Forbidden
from leniency.recommendations.access import is_trial_judge
from leniency.testing.concurrency import at_once
from leniency.testing.personas import PASSWORD

VALID_ID = "110101199005010020"  # GB 11643 check character 0, born 1990-05-01


def _transfer(world, *, received_on=date(2026, 10, 8), acting_user=None, **person):
    person = {
        "name": "王某",
        "gender": "M",
        "id_number": VALID_ID,
        "birth_date": date(1990, 5, 1),
        "detention": "arrested",
        "charges": [world.theft],
        **person,
    }
    return services.do_register_transfer(
        title="王某盗窃案",
        region=world.region,
        procuratorate=world.procuratorate,
        received_on=received_on,
        transferring_agency="东区公安分局",
        transfer_document_number="东公刑诉字〔2026〕9号",
        facts="2026年9月，王某在东区某超市窃取商品。",
        defendants=[person],
        acting_user=acting_user or world.case_manager,
    )


# --- the identity number ---------------------------------------------------------------------------------------


def test_a_valid_identity_number_passes_and_an_x_check_character_is_upper_cased():
    assert validate_id_number(VALID_ID, birth_date=date(1990, 5, 1)) == VALID_ID
    first17 = "11010519491231002"
    assert check_character(first17) == "X"
    assert validate_id_number(first17 + "x") == first17 + "X"


def test_a_wrong_check_character_is_refused_on_the_id_number_field():
    with pytest.raises(DomainError, match="校验码错误") as error:
        validate_id_number("110101199005010021", birth_date=date(1990, 5, 1))
    assert error.value.field == "id_number"


def test_a_birth_date_that_disagrees_with_the_number_is_refused_on_the_birth_date_field():
    with pytest.raises(DomainError, match="1990-05-01") as error:
        validate_id_number(VALID_ID, birth_date=date(1990, 5, 2))
    assert error.value.field == "birth_date"


@pytest.mark.django_db
def test_the_intake_form_puts_each_identity_error_on_its_field(world):
    base = {"name": "王某", "gender": "M", "detention": "arrested", "charges": [world.theft.pk]}
    wrong_digit = DefendantIntakeForm({**base, "id_number": "110101199005010021", "birth_date": "1990-05-01"})
    assert not wrong_digit.is_valid()
    assert "校验码错误" in wrong_digit.errors["id_number"][0]
    wrong_date = DefendantIntakeForm({**base, "id_number": VALID_ID, "birth_date": "1991-05-01"})
    assert not wrong_date.is_valid()
    assert list(wrong_date.errors) == ["birth_date"]


@pytest.mark.django_db
def test_the_service_refuses_a_bad_identity_number_and_leaves_no_case(world):
    before = Case.objects.count()
    with pytest.raises(DomainError, match="校验码错误"):
        _transfer(world, id_number="110101199005010021")
    assert Case.objects.count() == before


# --- intake and numbering --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_intake_numbers_cases_per_procuratorate_and_year(world):
    first, second = _transfer(world), _transfer(world)
    next_year = _transfer(world, received_on=date(2027, 1, 4))
    assert (first.serial_year, first.serial, first.number) == (2026, 1, "东区检刑受〔2026〕1号")
    assert (second.serial, second.number) == (2, "东区检刑受〔2026〕2号")
    assert (next_year.serial_year, next_year.serial) == (2027, 1)
    assert CaseCounter.objects.get(organisation=world.procuratorate, year=2026).last == 2
    defendant = first.defendants.get()
    assert (defendant.stage, defendant.stage_since) == (Stage.PROSECUTION_REVIEW, date(2026, 10, 8))
    opened = AuditEvent.objects.get(action="case.opened", case_id=first.pk)
    assert opened.data["transfer_document_number"] == "东公刑诉字〔2026〕9号"


@pytest.mark.django_db
def test_the_database_refuses_a_second_case_with_the_same_serial(world):
    case = _transfer(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(
            number="另一个号",
            title="x",
            region=world.region,
            procuratorate=world.procuratorate,
            received_on=date(2026, 10, 9),
            serial_year=case.serial_year,
            serial=case.serial,
        )


@pytest.mark.django_db(transaction=True)
def test_two_registrations_at_once_get_two_serials(world):
    outcomes = at_once(lambda i: _transfer(world).serial, n=2)  # race on PostgreSQL, take turns on SQLite
    assert [o.error for o in outcomes] == [None, None]
    assert sorted(o.value for o in outcomes) == [1, 2]


@pytest.mark.django_db
def test_only_the_case_management_registers_a_case(world):
    with pytest.raises(Forbidden, match="刑事诉讼法第169条"):
        _transfer(world, acting_user=world.prosecutor)
    with pytest.raises(Forbidden, match="刑事诉讼法第169条"):
        _transfer(world, acting_user=world.clerk)


@pytest.mark.django_db
def test_assignment_goes_to_a_prosecutor_of_the_procuratorate_by_the_case_management(world):
    case = _transfer(world)
    with pytest.raises(Forbidden, match="案件管理部门分配"):
        services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.prosecutor)
    with pytest.raises(DomainError, match="不是东区人民检察院的检察官") as error:
        services.do_assign_prosecutor(
            case, prosecutor=world.outsider_prosecutor, acting_user=world.case_manager
        )
    assert error.value.field == "prosecutor"
    services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.case_manager)
    case.refresh_from_db()
    assert case.prosecutor == world.prosecutor
    assert AuditEvent.objects.filter(action="case.prosecutor.assigned", case_id=case.pk).count() == 1


# --- prosecution: which court ----------------------------------------------------------------------------------


@pytest.fixture
def intermediate(world):
    return Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )


@pytest.mark.django_db
def test_an_ordinary_case_goes_to_the_basic_court_and_a_grave_one_to_the_intermediate_court(
    world, intermediate
):
    case = _transfer(world)
    assert receiving_court(case, grave=False) == world.court
    assert receiving_court(case, grave=True) == intermediate
    with pytest.raises(DomainError, match="刑事诉讼法第21条") as error:
        services.do_prosecute(case, grave=True, court=world.court, acting_user=world.prosecutor)
    assert error.value.field == "court"
    with pytest.raises(DomainError, match="刑事诉讼法第20条"):
        services.do_prosecute(case, grave=False, court=intermediate, acting_user=world.prosecutor)


@pytest.mark.django_db
def test_prosecution_names_the_court_and_moves_the_defendants_to_first_instance(world, intermediate):
    case = _transfer(world)
    services.do_prosecute(case, grave=True, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    case.refresh_from_db()
    assert (case.court, case.prosecuted_on) == (intermediate, date(2026, 11, 2))
    assert case.defendants.get().stage == Stage.FIRST_INSTANCE
    with pytest.raises(DomainError, match="已于 2026-11-02 提起公诉"):
        services.do_prosecute(case, acting_user=world.prosecutor)


@pytest.mark.django_db
def test_only_the_procuratorate_prosecutes(world):
    case = _transfer(world)
    for user in (world.case_manager, world.outsider_prosecutor, world.judge):
        with pytest.raises(Forbidden, match="刑事诉讼法第176条"):
            services.do_prosecute(case, acting_user=user)


@pytest.mark.django_db
def test_the_stage_form_cannot_send_a_case_to_trial_without_a_court(world):
    case = _transfer(world)
    with pytest.raises(DomainError, match="提起公诉须作出起诉决定、指明受理法院") as error:
        services.do_change_stage(case.defendants.get(), to=Stage.FIRST_INSTANCE, acting_user=world.prosecutor)
    assert error.value.field == "stage"


# --- the court's filing and its judge --------------------------------------------------------------------------


@pytest.fixture
def prosecuted(world):
    case = _transfer(world)
    services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.case_manager)
    services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    return case


@pytest.mark.django_db
def test_only_the_receiving_courts_clerk_files_the_case(world, prosecuted):
    for user in (world.judge, world.prosecutor, world.outsider_judge):
        with pytest.raises(Forbidden, match="刑事诉讼法第186条"):
            services.do_file_case(prosecuted, judge=world.judge, acting_user=user)
    with pytest.raises(DomainError, match="不是本院法官") as error:
        services.do_file_case(prosecuted, judge=world.outsider_judge, acting_user=world.clerk)
    assert error.value.field == "judge"
    with pytest.raises(DomainError, match="不能早于提起公诉日期"):
        services.do_file_case(
            prosecuted, judge=world.judge, filed_on=date(2026, 11, 1), acting_user=world.clerk
        )
    services.do_file_case(prosecuted, judge=world.judge, filed_on=date(2026, 11, 3), acting_user=world.clerk)
    with pytest.raises(DomainError, match="已于 2026-11-03 立案"):
        services.do_file_case(prosecuted, judge=world.judge, acting_user=world.clerk)


@pytest.mark.django_db
def test_a_judge_of_the_same_court_who_is_not_assigned_reaches_nothing_of_the_case(client, world, prosecuted):
    colleague = User.objects.create_user(
        "jack", password=PASSWORD, role=Role.JUDGE, organisation=world.court, display_name="贾法官"
    )
    services.do_file_case(prosecuted, judge=world.judge, filed_on=date(2026, 11, 3), acting_user=world.clerk)
    prosecuted.refresh_from_db()
    defendant = prosecuted.defendants.get()
    assert is_trial_judge(world.judge, defendant)
    assert not is_trial_judge(colleague, defendant)
    with pytest.raises(Forbidden):
        services.do_set_procedure(defendant, procedure="expedited", acting_user=colleague)
    client.force_login(colleague)
    assert client.get(f"/cases/{prosecuted.pk}/").status_code == 404
    assert client.get(f"/api/cases/{prosecuted.pk}").status_code == 404
    client.force_login(world.judge)
    page = client.get(f"/cases/{prosecuted.pk}/")
    assert page.status_code == 200 and "东区人民法院" in page.content.decode()


@pytest.mark.django_db
def test_a_judge_sees_nothing_before_the_filing_and_the_clerk_has_it_in_the_queue(client, world, prosecuted):
    client.force_login(world.judge)
    assert client.get(f"/cases/{prosecuted.pk}/").status_code == 404
    client.force_login(world.clerk)
    queue = client.get("/api/court/incoming").json()
    assert [row["number"] for row in queue] == [prosecuted.number]
    assert Region.objects.filter(pk=world.region.pk).exists()


# --- appeal: the court above, its own filing and judge ---------------------------------------------------------


@pytest.fixture
def judged(world, intermediate, prosecuted):
    services.do_file_case(prosecuted, judge=world.judge, filed_on=date(2026, 11, 3), acting_user=world.clerk)
    prosecuted.refresh_from_db()
    d = prosecuted.defendants.get()
    judgments.do_record_judgment(
        prosecuted,
        sentences={d.pk: {"penalty": "fixed_term", "months": 12}},
        judged_on=date(2026, 12, 1),
        acting_user=world.judge,
    )
    return prosecuted


@pytest.mark.django_db
def test_an_appeal_goes_to_the_intermediate_court_and_the_first_instance_judge_reaches_nothing(
    client, world, intermediate, judged
):
    services.do_appeal(judged, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    judged.refresh_from_db()
    assert (judged.court, judged.first_instance_court, judged.judge) == (intermediate, world.court, None)
    defendant = judged.defendants.get()
    assert (defendant.stage, defendant.stage_since) == (Stage.APPEAL, date(2026, 12, 8))
    client.force_login(world.judge)
    assert client.get(f"/cases/{judged.pk}/").status_code == 404
    assert not is_trial_judge(world.judge, defendant)
    # The intermediate court's clerk has it in the queue, files it and assigns a judge of that court.
    clerk = User.objects.create_user("ian", role=Role.COURT_CLERK, organisation=intermediate)
    appellate = User.objects.create_user("ivy", password=PASSWORD, role=Role.JUDGE, organisation=intermediate)
    client.force_login(clerk)
    assert [row["number"] for row in client.get("/api/court/incoming").json()] == [judged.number]
    with pytest.raises(DomainError, match="不是本院法官"):
        services.do_file_case(judged, judge=world.judge, acting_user=clerk)
    members = [
        User.objects.create_user(n, role=Role.JUDGE, organisation=intermediate) for n in ("ike", "iris")
    ]
    services.do_file_case(
        judged, judge=appellate, members=members, filed_on=date(2026, 12, 9), acting_user=clerk
    )
    judged.refresh_from_db()
    assert is_trial_judge(appellate, defendant) and not is_trial_judge(world.judge, defendant)
    client.force_login(appellate)
    assert client.get(f"/cases/{judged.pk}/").status_code == 200


@pytest.mark.django_db
def test_an_appeal_after_ten_days_is_refused_naming_article_230(world, intermediate, judged):
    with pytest.raises(DomainError, match="刑事诉讼法第230条") as error:
        services.do_appeal(judged, kind="protest", lodged_on=date(2026, 12, 12), acting_user=world.prosecutor)
    assert error.value.field == "lodged_on"


@pytest.mark.django_db
def test_the_protest_is_the_procuratorates_and_the_appeal_is_lodged_through_the_court(
    world, intermediate, judged
):
    with pytest.raises(Forbidden, match="刑事诉讼法第228条"):
        services.do_appeal(judged, kind="protest", acting_user=world.clerk)
    with pytest.raises(Forbidden, match="刑事诉讼法第231条"):
        services.do_appeal(judged, kind="appeal", acting_user=world.prosecutor)
    with pytest.raises(Forbidden):
        services.do_appeal(judged, kind="appeal", acting_user=world.judge)


@pytest.mark.django_db
def test_no_appeal_before_judgment(world, intermediate, prosecuted):
    with pytest.raises(DomainError, match="一审判决后才能上诉或抗诉"):
        services.do_appeal(prosecuted, kind="protest", acting_user=world.prosecutor)
