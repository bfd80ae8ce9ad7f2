"""The counsel app's people on top of the shared `world` (whose centre, officer `lucy`, procuratorate workstation
and registered `bob` it reuses): the lawyers' association, a court workstation, three more registered duty
lawyers and a published rota."""

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from django.apps import apps as django_apps
from django.utils import timezone

from leniency.accounts.models import Organisation, Role, User
from leniency.counsel.defaults import install_defaults
from leniency.counsel.models import LawyerProfile, RotaPeriod, Station
from leniency.counsel.registry import do_register_lawyer
from leniency.counsel.rota import do_create_rota_period, do_create_station, do_publish_rota
from leniency.testing.personas import PASSWORD

AS_OF = timezone.make_aware(datetime(2027, 1, 4, 10, 0))


@dataclass
class CounselWorld:
    world: object
    centre: Organisation
    officer: User
    outsider_officer: User
    association: User
    station: Station
    court_station: Station
    lawyers: list  # registered duty lawyers on the procuratorate rota, bob first
    period: RotaPeriod

    def __getattr__(self, name):
        return getattr(self.world, name)


def _user(username, role, org, name):
    return User.objects.create_user(
        username, password=PASSWORD, role=role, organisation=org, display_name=name
    )


@pytest.fixture
def cw(world):
    # Browser tests run on a flushed database, which loses the rows migration 0003 installed.
    install_defaults(django_apps)
    east, west = world.region, world.outsider_prosecutor.organisation.region
    org = Organisation.objects.create
    centre, officer = world.centre, world.aid_officer
    west_centre = org(name="西区法律援助中心", kind=Organisation.Kind.LEGAL_AID_CENTRE, region=west)
    association = org(name="测试市律师协会", kind=Organisation.Kind.LAWYERS_ASSOCIATION, region=east.parent)
    outsider_officer = _user("walt", Role.LEGAL_AID_OFFICER, west_centre, "魏援助")
    association_user = _user("ada", Role.LEGAL_AID_OFFICER, association, "安协会")
    firm = world.lawyer.organisation
    lawyers = [world.lawyer] + [_user(f"duty{n}", Role.DUTY_LAWYER, firm, f"值班律师{n}") for n in (1, 2, 3)]
    for n, lawyer in enumerate(lawyers[1:], start=1):  # bob is on the registry already (the world's rota)
        do_register_lawyer(
            lawyer,
            licence_no=f"1110120{n:02d}10000{n:03d}",
            region=east,
            criminal_practice_since=date(2015 + n * 2, 3, 1),
            duty_accredited=True,
            accredited_on=date(2024, 1, 1),
            acting_user=officer,
        )
    do_register_lawyer(
        world.unassigned_lawyer,
        licence_no="11101209910000999",
        region=east,
        criminal_practice_since=date(2010, 1, 1),
        acting_user=officer,
        expert=True,
        expert_note="毒品犯罪死刑辩护",
    )
    station = world.station
    court_station = do_create_station(host=world.court, centre=centre, acting_user=officer)
    period = do_create_rota_period(
        station, starts_on=date(2026, 12, 1), ends_on=date(2027, 3, 31), lawyers=lawyers, acting_user=officer
    )
    do_publish_rota(period, acting_user=officer, as_of=timezone.make_aware(datetime(2026, 11, 25, 9)))
    assert LawyerProfile.objects.count() == 5
    return CounselWorld(
        world, centre, officer, outsider_officer, association_user, station, court_station, lawyers, period
    )
