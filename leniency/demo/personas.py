"""The people of the demo: one log-in persona per role, and synthetic staff who carry the case load.

Personas share one password (DEMO_PASSWORD) and work in the home (eastern) district unless their role
is province-wide. Synthetic staff have no usable password: they exist so that cases have owners, judges
and lawyers who are not the personas.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.urls import reverse

from leniency.accounts.models import Organisation, Role, User

from .geography import HOME_DISTRICT, SECOND_DISTRICT, Geography, province_org
from .names import person_name

DEMO_PASSWORD = "leniency-demo"


@dataclass(frozen=True)
class PersonaSpec:
    username: str
    role: str
    display_name: str
    where: str  # "home", "second", "province", a law firm index "firm:N", or "" for no organisation
    kind: str = ""  # organisation kind for district personas
    staff: bool = False
    note: str = ""
    start: str = "home"  # the URL name of the page this role starts from (`make run` prints it)


PERSONAS = (
    PersonaSpec(
        "prosecutor",
        Role.PROSECUTOR,
        "李明哲",
        "home",
        Organisation.Kind.PROCURATORATE,
        note="承办本区部分案件",
    ),
    PersonaSpec(
        "supervisor",
        Role.SUPERVISING_PROSECUTOR,
        "陈静宜",
        "home",
        Organisation.Kind.PROCURATORATE,
        note="审核量刑建议",
        start="recommendations:queue",
    ),
    PersonaSpec(
        "case_manager",
        Role.CASE_MANAGER,
        "高文娟",
        "home",
        Organisation.Kind.PROCURATORATE,
        note="受理公安机关移送的案件，分配承办检察官",
        start="case_intake",
    ),
    PersonaSpec("judge", Role.JUDGE, "王立群", "home", Organisation.Kind.COURT, note="审理本区部分案件"),
    PersonaSpec(
        "court_clerk",
        Role.COURT_CLERK,
        "马春燕",
        "home",
        Organisation.Kind.COURT,
        note="公诉案件立案，确定承办法官",
        start="court_incoming",
    ),
    PersonaSpec(
        "duty_lawyer", Role.DUTY_LAWYER, "周敏", "firm:0", note="派驻本区法律援助工作站", start="counsel:home"
    ),
    PersonaSpec(
        "defence_lawyer",
        Role.DEFENCE_LAWYER,
        "赵思远",
        "firm:1",
        note="受委托或受指派辩护",
        start="counsel:home",
    ),
    PersonaSpec(
        "other_lawyer", Role.DEFENCE_LAWYER, "孙浩然", "firm:2", note="未被指派任何案件", start="counsel:home"
    ),
    PersonaSpec(
        "legal_aid",
        Role.LEGAL_AID_OFFICER,
        "刘晓燕",
        "home",
        Organisation.Kind.LEGAL_AID_CENTRE,
        note="安排值班律师与法律援助",
        start="counsel:dashboard",
    ),
    PersonaSpec(
        "committee",
        Role.COMMITTEE_MEMBER,
        "郑国华",
        "province",
        Organisation.Kind.REVIEW_COMMITTEE,
        note="全省监督评议",
        start="oversight_petition_queue",
    ),
    PersonaSpec(
        "auditor",
        Role.AUDITOR,
        "何雅琴",
        "province",
        Organisation.Kind.PROCURATORATE,
        note="查阅审计日志",
        start="personal_data_reads",
    ),
    PersonaSpec("admin", Role.ADMINISTRATOR, "吴天宇", "", staff=True, note="后台管理", start="admin:index"),
    PersonaSpec(
        "prosecutor2",
        Role.PROSECUTOR,
        "杨建军",
        "second",
        Organisation.Kind.PROCURATORATE,
        note="外区检察官，用于演示跨区拒绝",
    ),
    PersonaSpec("judge2", Role.JUDGE, "黄丽娟", "second", Organisation.Kind.COURT, note="外区法官"),
)
PERSONA_USERNAMES = tuple(p.username for p in PERSONAS)

# Synthetic staff per district, and lawyers for the whole province.
PROSECUTORS_PER_DISTRICT = 4
JUDGES_PER_DISTRICT = 3
DUTY_LAWYERS_PER_DISTRICT = 5
DEFENCE_LAWYERS = 12


@dataclass
class DistrictStaff:
    prosecutors: list[User] = field(default_factory=list)  # the persona (if any) first
    judges: list[User] = field(default_factory=list)
    legal_aid_officer: User | None = None
    duty_lawyers: list[User] = field(default_factory=list)
    case_manager: User | None = None  # registers the transfers (受理) and assigns the prosecutor
    court_clerk: User | None = None  # files the prosecutions (立案) and assigns the judge


@dataclass
class AppealCourtStaff:
    """An intermediate court's filing officer and judges: they file and decide the appeals (CPL arts. 231, 236)."""

    court_clerk: User
    judges: list[User]


@dataclass
class People:
    personas: dict[str, User]
    staff: dict[str, DistrictStaff]  # by district key
    defence_lawyers: list[User]  # synthetic; the persona is separate
    appeal_courts: dict[str, AppealCourtStaff] = field(default_factory=dict)  # by city code


def _persona_org(spec: PersonaSpec, geo: Geography) -> Organisation | None:
    if spec.where == "home":
        return geo.district(HOME_DISTRICT.key).orgs[spec.kind]
    if spec.where == "second":
        return geo.district(SECOND_DISTRICT.key).orgs[spec.kind]
    if spec.where == "province":
        return province_org(geo, spec.kind)
    if spec.where.startswith("firm:"):
        return geo.law_firms[int(spec.where.split(":")[1])]
    return None


def build_people(geo: Geography, rng: random.Random) -> People:
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    rows: list[User] = []
    for spec in PERSONAS:
        rows.append(
            User(
                username=spec.username,
                role=spec.role,
                display_name=spec.display_name,
                organisation=_persona_org(spec, geo),
                password=password,
                is_staff=spec.staff,
                is_superuser=spec.staff,
            )
        )
    taken = {p.display_name for p in PERSONAS}

    def synthetic(username: str, role: str, org: Organisation, draw: random.Random = rng) -> User:
        gender = "M" if draw.random() < 0.55 else "F"
        name = person_name(draw, gender)
        while name in taken:
            name = person_name(draw, gender)
        taken.add(name)
        user = User(username=username, role=role, display_name=name, organisation=org)
        user.set_unusable_password()
        rows.append(user)
        return user

    staff: dict[str, DistrictStaff] = {}
    for district in geo.districts:
        key = district.spec.key
        team = DistrictStaff()
        for n in range(1, PROSECUTORS_PER_DISTRICT + 1):
            team.prosecutors.append(
                synthetic(
                    f"{key}_prosecutor_{n}", Role.PROSECUTOR, district.orgs[Organisation.Kind.PROCURATORATE]
                )
            )
        for n in range(1, JUDGES_PER_DISTRICT + 1):
            team.judges.append(
                synthetic(f"{key}_judge_{n}", Role.JUDGE, district.orgs[Organisation.Kind.COURT])
            )
        if key != HOME_DISTRICT.key:
            team.legal_aid_officer = synthetic(
                f"{key}_legal_aid", Role.LEGAL_AID_OFFICER, district.orgs[Organisation.Kind.LEGAL_AID_CENTRE]
            )
        for n in range(1, DUTY_LAWYERS_PER_DISTRICT + 1):
            firm = geo.law_firms[(n + len(staff)) % len(geo.law_firms)]
            team.duty_lawyers.append(synthetic(f"{key}_duty_lawyer_{n}", Role.DUTY_LAWYER, firm))
        staff[key] = team
    defence = [
        synthetic(f"lawyer_{n}", Role.DEFENCE_LAWYER, geo.law_firms[n % len(geo.law_firms)])
        for n in range(1, DEFENCE_LAWYERS + 1)
    ]
    # Intake and filing staff draw their names apart, so that the demo's other draws stay as they were.
    apart = random.Random(len(rows))
    for district in geo.districts:
        if district.spec.key != HOME_DISTRICT.key:
            team, key = staff[district.spec.key], district.spec.key
            orgs = district.orgs
            team.case_manager = synthetic(
                f"{key}_case_manager", Role.CASE_MANAGER, orgs[Organisation.Kind.PROCURATORATE], apart
            )
            team.court_clerk = synthetic(
                f"{key}_court_clerk", Role.COURT_CLERK, orgs[Organisation.Kind.COURT], apart
            )

    appeal_courts = {
        code: AppealCourtStaff(
            synthetic(f"city{code}_court_clerk", Role.COURT_CLERK, court, apart),
            [synthetic(f"city{code}_judge_{n}", Role.JUDGE, court, apart) for n in (1, 2, 3)],
        )
        for code, court in geo.city_courts.items()
    }

    User.objects.bulk_create(rows)
    personas = {u.username: u for u in rows if u.username in PERSONA_USERNAMES}
    home, second = staff[HOME_DISTRICT.key], staff[SECOND_DISTRICT.key]
    home.prosecutors.insert(0, personas["prosecutor"])
    home.judges.insert(0, personas["judge"])
    home.legal_aid_officer = personas["legal_aid"]
    home.case_manager, home.court_clerk = personas["case_manager"], personas["court_clerk"]
    home.duty_lawyers.insert(0, personas["duty_lawyer"])
    second.prosecutors.insert(0, personas["prosecutor2"])
    second.judges.insert(0, personas["judge2"])
    return People(personas, staff, defence, appeal_courts)


def login_rows() -> list[tuple[str, str, str, str, str]]:
    """(username, role label, organisation, note, start page's path) for every persona that exists, in persona
    order."""
    users = {
        u.username: u
        for u in User.objects.filter(username__in=PERSONA_USERNAMES).select_related("organisation")
    }
    rows = []
    for spec in PERSONAS:
        user = users.get(spec.username)
        if user is None:
            continue
        label = str(Role(user.role).label) if user.role else ""
        rows.append(
            (
                user.username,
                f"{label}（{user.display_name}）",
                str(user.organisation or "—"),
                spec.note,
                reverse(spec.start),
            )
        )
    return rows
