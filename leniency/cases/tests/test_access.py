from leniency.cases.access import can_change_stage, visible_cases, visible_defendants


def test_prosecutor_sees_the_cases_of_their_procuratorate(world):
    assert list(visible_cases(world.prosecutor)) == [world.case]
    assert set(visible_defendants(world.prosecutor)) == {world.defendant, world.co_defendant}


def test_judge_sees_the_cases_of_their_court(world):
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
