from leniency.cases.access import can_change_stage, visible_cases, visible_defendants


def test_prosecutor_sees_the_cases_of_their_procuratorate(world):
    assert list(visible_cases(world.prosecutor)) == [world.case]
    assert set(visible_defendants(world.prosecutor)) == {world.defendant, world.co_defendant}


def test_judge_sees_the_cases_of_their_court_once_filed_for_them(world):
    assert not visible_cases(world.judge).exists()  # under review for prosecution: no court's yet
    world.to_trial()
    assert list(visible_cases(world.judge)) == [world.case]


def test_lawyer_sees_only_their_own_client_not_the_co_defendant(world):
    assert list(visible_cases(world.lawyer)) == [world.case]
    assert list(visible_defendants(world.lawyer)) == [world.defendant]


def test_outsiders_and_the_public_see_nothing(world):
    for user in [*world.outsiders(), world.public]:
        assert not visible_cases(user).exists(), user
        assert not visible_defendants(user).exists(), user


def test_ended_assignment_removes_access(world):
    from django.utils import timezone

    world.lawyer.counsel_assignments.update(ended_at=timezone.now())
    assert not visible_defendants(world.lawyer).exists()


def test_only_the_owning_procuratorate_moves_a_defendant_before_trial(world):
    assert can_change_stage(world.prosecutor, world.defendant)
    for user in (world.judge, world.lawyer, world.outsider_prosecutor, world.auditor, world.public):
        assert not can_change_stage(user, world.defendant), user


def test_the_judge_and_the_clerk_reach_the_case_only_once_it_is_prosecuted_to_their_court(client, world):
    """Before 提起公诉 the case belongs to no court: its pages and API answer the judge and the clerk of the court
    it will go to as if it did not exist; after the prosecution and the clerk's filing, the judge reads it."""
    from django.urls import reverse

    page = reverse("case_detail", args=[world.case.pk])
    for user in (world.judge, world.clerk):
        client.force_login(user)
        assert client.get(page).status_code == 404, user
        assert client.get(f"/api/cases/{world.case.pk}").status_code == 404, user
    world.to_trial()
    client.force_login(world.judge)
    assert client.get(page).status_code == 200
    assert client.get(f"/api/cases/{world.case.pk}").status_code == 200
