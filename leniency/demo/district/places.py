"""L区's places and people: the district and its city, the procuratorate, the court and the court above, the
legal-aid centre, a law firm and the police, and the users who work there (demo password)."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import make_password

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.demo.personas import DEMO_PASSWORD
from leniency.study.risk import PROCURATORATE_NAME

if TYPE_CHECKING:
    from leniency.demo.district.state import District

DISTRICT_NAME = "L区"
DISTRICT_CODE = "990901"
CITY_NAME = "L市"
CITY_CODE = "990900"
COURT_NAME = "L区人民法院"
APPEAL_COURT_NAME = "L市中级人民法院"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌波辉鹏宇浩凯健俊帆帅旭宁"


def random_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def create_places(district: District) -> None:
    """The regions, organisations and users. Those the study has always had are named from the persons'
    generator (`district.rng`); those the services' steps added since, from the steps' own (`step_rng`)."""
    city = Region.objects.create(
        name=CITY_NAME, level=Region.Level.CITY, parent=district.province, code=CITY_CODE
    )
    district.region = Region.objects.create(
        name=DISTRICT_NAME,
        level=Region.Level.DISTRICT,
        parent=city,
        code=DISTRICT_CODE,
        zone=Region.Zone.EASTERN,
    )
    make = Organisation.objects.create
    K = Organisation.Kind
    district.procuratorate = make(name=PROCURATORATE_NAME, kind=K.PROCURATORATE, region=district.region)
    district.court = make(name=COURT_NAME, kind=K.COURT, region=district.region)
    district.legal_aid = make(name="L区法律援助中心", kind=K.LEGAL_AID_CENTRE, region=district.region)
    district.firm = make(name="L区正平律师事务所", kind=K.LAW_FIRM, region=district.region)

    password = make_password(DEMO_PASSWORD)

    def users(prefix, role, org, count, rng=district.rng):
        rows = [
            User(
                username=f"{prefix}{i}" if count > 1 else prefix,
                role=role,
                organisation=org,
                display_name=random_name(rng),
                password=password,
            )
            for i in range(1, count + 1)
        ]
        return User.objects.bulk_create(rows)

    district.prosecutors = users("lqu_prosecutor", Role.PROSECUTOR, district.procuratorate, 4)
    district.supervisor = users("lqu_supervisor", Role.SUPERVISING_PROSECUTOR, district.procuratorate, 1)[0]
    district.judges = users("lqu_judge", Role.JUDGE, district.court, 3)
    district.duty_lawyers = users("lqu_duty", Role.DUTY_LAWYER, district.firm, 5)
    district.defence_lawyers = users("lqu_defence", Role.DEFENCE_LAWYER, district.firm, 4)
    district.officer = users("lqu_legal_aid", Role.LEGAL_AID_OFFICER, district.legal_aid, 1)[0]
    # Who registers the cases, files them at the court, and hears the appeals (the court above, CPL art. 227).
    steps = district.step_rng
    district.police = make(name="L市公安局L区分局", kind=K.POLICE, region=district.region)
    district.case_manager = users("lqu_case_manager", Role.CASE_MANAGER, district.procuratorate, 1, steps)[0]
    district.court_clerk = users("lqu_clerk", Role.COURT_CLERK, district.court, 1, steps)[0]
    appeal = make(name=APPEAL_COURT_NAME, kind=K.COURT, region=city)
    district.appeal_court = SimpleNamespace(
        judges=users("lqu_appeal_judge", Role.JUDGE, appeal, 3, steps),
        court_clerk=users("lqu_appeal_clerk", Role.COURT_CLERK, appeal, 1, steps)[0],
    )
