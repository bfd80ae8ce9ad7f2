"""Oversight personas on top of the `world` fixture: a review committee for the test province and its members.

- `cora` and `carl`: committee members without conflicts;
- `connie`: a committee member who declared a conflict with the case's procuratorate (she worked there);
- `sam` (world.supervisor): the supervising prosecutor of the case's procuratorate, who answers reports on it.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import timezone

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.testing.personas import PASSWORD, World


@dataclass
class Committee:
    world: World
    org: Organisation
    cora: User
    carl: User
    connie: User  # conflicted with the case's procuratorate

    def members(self):
        return [self.cora, self.carl, self.connie]


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    """Attachments under a temporary MEDIA_ROOT; rate-limit counters cleared."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield
    cache.clear()


def build_committee(world: World) -> Committee:
    from leniency.oversight.committee import do_declare_conflict

    province = Region.objects.get(code="990000")
    org = Organisation.objects.create(
        name="测试省监督评议委员会", kind=Organisation.Kind.REVIEW_COMMITTEE, region=province
    )

    def member(username, name):
        return User.objects.create_user(
            username, password=PASSWORD, role=Role.COMMITTEE_MEMBER, organisation=org, display_name=name
        )

    cora, carl, connie = member("cora", "柯委员"), member("carl", "卡委员"), member("connie", "康委员")
    do_declare_conflict(
        connie,
        organisation=world.procuratorate,
        reason="曾任东区人民检察院检察官",
        acting_user=connie,
        now=timezone.now(),
    )
    return Committee(world, org, cora, carl, connie)


@pytest.fixture
def committee(world) -> Committee:
    return build_committee(world)
