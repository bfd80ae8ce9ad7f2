"""Fixtures of the judgment, second-instance and retrial tests: a case filed at the basic court, and the same case
appealed to the intermediate court and filed there, each step through the services."""

from datetime import date
from decimal import Decimal

import pytest

from leniency.accounts.models import Organisation, Role, User
from leniency.cases import judgments, services

from .test_intake import _transfer

TWO_YEARS = {"penalty": "fixed_term", "months": 24, "fine_yuan": Decimal("5000")}


@pytest.fixture
def upper(world):
    court = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    clerk = User.objects.create_user("ian", role=Role.COURT_CLERK, organisation=court)
    judge = User.objects.create_user("ivy", role=Role.JUDGE, organisation=court)
    members = [User.objects.create_user(n, role=Role.JUDGE, organisation=court) for n in ("ike", "iris")]
    return court, clerk, judge, *members


@pytest.fixture
def filed(world):
    case = _transfer(world)
    services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.case_manager)
    services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    services.do_file_case(case, judge=world.judge, filed_on=date(2026, 11, 3), acting_user=world.clerk)
    case.refresh_from_db()
    return case


def _judge(world, case, sentence=TWO_YEARS, on=date(2026, 12, 1)):
    d = case.defendants.get()
    judgments.do_record_judgment(case, sentences={d.pk: sentence}, judged_on=on, acting_user=world.judge)
    return d


@pytest.fixture
def appealed(world, upper, filed):
    court, clerk, judge, *members = upper
    _judge(world, filed)
    services.do_appeal(filed, kind="appeal", lodged_on=date(2026, 12, 8), acting_user=world.clerk)
    filed.refresh_from_db()
    services.do_file_case(filed, judge=judge, members=members, filed_on=date(2026, 12, 9), acting_user=clerk)
    filed.refresh_from_db()
    return filed
