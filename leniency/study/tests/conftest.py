"""Fixtures of the study tests: the `world` personas plus the L区 district built on the same province."""

import pytest

from leniency.accounts.models import Organisation, Role, User
from leniency.testing.personas import PASSWORD


@pytest.fixture(autouse=True)
def _models_dir(settings, tmp_path):
    """The risk artifact goes to a temporary var/ in every test; Chinese is active (a page in English leaves
    English active in the thread)."""
    from django.utils import translation

    settings.VAR_DIR = tmp_path
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def district(world):
    from leniency.demo.district import PROCURATORATE_NAME, build_district

    counts = build_district(province=world.region.parent.parent)
    assert counts is not None
    return Organisation.objects.get(name=PROCURATORATE_NAME)


@pytest.fixture
def district_supervisor(district):
    return User.objects.create_user(
        "lq_sup_test", password=PASSWORD, role=Role.SUPERVISING_PROSECUTOR, organisation=district
    )
