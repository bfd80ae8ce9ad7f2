"""The tests that read the study district L区 (736 persons) share one build of it.

Every L区 case goes through the services step by step (leniency/demo/district/cases.py), so a build costs about ten
times what the bulk-written district did (bench/study_district_build.py); one build for this package, rather
than one per test or per module, keeps the study tests cheaper in total than before. The state lives in one
transaction around the package (leniency/testing/shared_db.py); each test runs in its own savepoint, so what it
writes is undone after it. Its tests take the personas built with the district (`shared_world`), never `world`,
which would build them a second time.
"""

import pytest

from leniency.accounts.models import Organisation, Role, User
from leniency.testing.personas import PASSWORD
from leniency.testing.shared_db import kept_for_the_module


@pytest.fixture(scope="package")
def district_world(django_db_setup, django_db_blocker):
    from leniency.demo.district import PROCURATORATE_NAME, build_district
    from leniency.testing.personas import build_world

    with kept_for_the_module(django_db_blocker):
        world = build_world()
        assert build_district(province=world.region.parent.parent) is not None
        yield world, Organisation.objects.get(name=PROCURATORATE_NAME)


@pytest.fixture
def district(district_world, db):
    return district_world[1]


@pytest.fixture
def shared_world(district_world, db):
    return district_world[0]


@pytest.fixture
def district_supervisor(district):
    return User.objects.create_user(
        "lq_sup_test", password=PASSWORD, role=Role.SUPERVISING_PROSECUTOR, organisation=district
    )
