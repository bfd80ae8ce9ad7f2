"""Roles map to capabilities in one table; templates ask `user|can:"…"`, never compare role strings."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse

from leniency.accounts.capabilities import (
    CAPABILITIES,
    ROLE_CAPABILITIES,
    Role,
    capabilities_of,
    has_capability,
    roles_with,
)
from leniency.accounts.models import User
from leniency.testing.personas import PASSWORD

CALCULATOR_LINK = "量刑计算"


def test_every_role_has_an_entry_and_every_capability_is_declared():
    assert set(ROLE_CAPABILITIES) == set(Role)
    used = set().union(*ROLE_CAPABILITIES.values())
    assert used <= set(CAPABILITIES), used - set(CAPABILITIES)
    assert set(CAPABILITIES) <= used, f"declared but given to no role: {set(CAPABILITIES) - used}"


def test_an_empty_or_unknown_role_has_no_capability():
    assert capabilities_of("") == frozenset()
    assert capabilities_of("prosecutor supervising_prosecutor") == frozenset()


def test_an_unknown_capability_is_an_error_not_a_no():
    with pytest.raises(ValueError, match="unknown capability 'reveiw'"):
        has_capability(User(role=Role.SUPERVISING_PROSECUTOR), "reveiw")


def test_anonymous_has_no_capability():
    assert not has_capability(AnonymousUser(), "calculate")


def test_roles_with_reads_the_table():
    assert roles_with("defend") == {Role.DUTY_LAWYER, Role.DEFENCE_LAWYER}
    assert roles_with("supervise") == {Role.SUPERVISING_PROSECUTOR}


def test_is_prosecution_and_is_lawyer_come_from_capabilities():
    assert User(role=Role.SUPERVISING_PROSECUTOR).is_prosecution
    assert not User(role=Role.JUDGE).is_prosecution
    assert User(role=Role.DUTY_LAWYER).is_lawyer
    assert not User(role="").is_lawyer


def test_can_filter_is_a_builtin():
    template = Template('{% if user|can:"calculate" %}yes{% else %}no{% endif %}')
    assert template.render(Context({"user": User(role=Role.JUDGE)})) == "yes"
    assert template.render(Context({"user": User(role=Role.LEGAL_AID_OFFICER)})) == "no"
    assert template.render(Context({"user": AnonymousUser()})) == "no"


def test_can_filter_refuses_an_unknown_capability():
    with pytest.raises(ValueError, match="unknown capability"):
        Template('{% if user|can:"calculater" %}x{% endif %}').render(Context({"user": User(role="judge")}))
    with pytest.raises(TemplateSyntaxError):
        Template("{% if user|can %}x{% endif %}")


def _home_nav(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_user_with_an_empty_role_does_not_see_the_calculator(client, world):
    """The old nav tested `r in "prosecutor … defence_lawyer"`, a substring test that "" passes."""
    nobody = User.objects.create_user("nobody", password=PASSWORD, role="", organisation=world.procuratorate)
    page = _home_nav(client, nobody)
    assert CALCULATOR_LINK not in page
    assert reverse("corpus_recommend") not in page


@pytest.mark.django_db
def test_a_judge_sees_the_calculator_and_not_the_review_queue(client, world):
    page = _home_nav(client, world.judge)
    assert reverse("corpus_recommend") in page
    assert reverse("recommendations:queue") not in page


@pytest.mark.django_db
def test_a_supervisor_sees_the_review_queue_and_the_study(client, world):
    page = _home_nav(client, world.supervisor)
    assert reverse("recommendations:queue") in page
    assert reverse("study_withdrawals") in page
    assert reverse("personal_data_reads") not in page


@pytest.mark.django_db
def test_an_auditor_sees_the_reads_log_and_not_the_calculator(client, world):
    page = _home_nav(client, world.auditor)
    assert reverse("personal_data_reads") in page
    assert reverse("corpus_recommend") not in page
