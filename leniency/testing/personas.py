"""The people of a case, for tests (STYLE.md: personas in every test).

`build_world()` creates two districts and walks the first steps of a real case in the first, through the same
services as the pages: the case management's `case_manager` registers the transferred case (受理, two suspects
under review for prosecution, `do_register_transfer`) and gives it to `prosecutor` (`do_assign_prosecutor`);
the prosecutor asks for a duty lawyer for the first suspect, and the rota of the procuratorate's legal-aid
workstation (run by `aid_officer` of `centre`) sends `lawyer`, who gives his client legal advice (法律咨询) within
the response time; no meeting (会见) is logged yet. The case has no court yet: `World.to_trial()` takes it there — 提起公诉 by the prosecutor, then 立案 by the
court's `clerk` for `judge` — and every test of the court's part calls it first. `outsider_prosecutor` and
`outsider_judge` belong to the second district, `unassigned_lawyer` to nobody; `public` is anonymous.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.cases import services as case_services
from leniency.cases.models import Case, Charge, Defendant
from leniency.counsel.models import CounselRequest, Service, Station
from leniency.counsel.participation import do_log_participation
from leniency.counsel.registry import do_register_lawyer
from leniency.counsel.rota import (
    do_create_rota_period,
    do_create_station,
    do_publish_rota,
    do_request_counsel,
)

PASSWORD = "persona-pass-2026"
# The lawyer's request and allocation: the day after the case was received, not "now". A test world that moved
# with the calendar put this assignment inside the counsel tests' 30-day workload window (AS_OF 2027-01-04)
# from 2026-12-05 on.
ASSIGNED_AT = datetime(2026, 9, 2, 10, 0)


@dataclass
class World:
    region: Region
    procuratorate: Organisation
    court: Organisation
    centre: Organisation  # the district's legal-aid centre
    prosecutor: User
    supervisor: User
    case_manager: User
    judge: User
    clerk: User
    aid_officer: User
    lawyer: User
    unassigned_lawyer: User
    outsider_prosecutor: User
    outsider_judge: User
    auditor: User
    admin: User
    station: Station  # the centre's workstation at the procuratorate, whose rota sent `lawyer`
    case: Case
    defendant: Defendant  # the lawyer's client
    co_defendant: Defendant  # not the lawyer's client
    counsel_request: CounselRequest  # the prosecutor's request that brought the lawyer
    theft: Charge
    public: AnonymousUser

    def insiders(self) -> list[User]:
        """Those who see the case before prosecution (the judge sees it once `to_trial()` filed it)."""
        return [self.prosecutor, self.supervisor, self.auditor, self.admin]

    def outsiders(self) -> list[User]:
        return [self.outsider_prosecutor, self.outsider_judge, self.unassigned_lawyer]

    def to_trial(self) -> Defendant:
        """The hand-off every test of the court's part takes, never a raw stage update: 提起公诉 by the case's
        prosecutor to the world's court (both defendants move to first instance), then the court's filing (立案)
        by its clerk, who assigns `judge`. Returns the lawyer's client, reloaded."""
        case_services.do_prosecute(self.case, court=self.court, acting_user=self.prosecutor)
        case_services.do_file_case(self.case, judge=self.judge, acting_user=self.clerk)
        self.case.refresh_from_db()
        self.defendant.refresh_from_db()
        self.co_defendant.refresh_from_db()
        return self.defendant


def _user(username, role, org, **extra) -> User:
    user = User.objects.create_user(
        username,
        password=PASSWORD,
        role=role,
        organisation=org,
        display_name=extra.pop("display_name", username),
        **extra,
    )
    return user


def build_world() -> World:
    province = Region.objects.create(name="测试省", level=Region.Level.PROVINCE, code="990000")
    city = Region.objects.create(name="测试市", level=Region.Level.CITY, code="990100", parent=province)
    east = Region.objects.create(
        name="东区", level=Region.Level.DISTRICT, code="990101", parent=city, zone=Region.Zone.EASTERN
    )
    west = Region.objects.create(
        name="西区", level=Region.Level.DISTRICT, code="990102", parent=city, zone=Region.Zone.WESTERN
    )
    org = Organisation.objects.create
    procuratorate = org(name="东区人民检察院", kind=Organisation.Kind.PROCURATORATE, region=east)
    court = org(name="东区人民法院", kind=Organisation.Kind.COURT, region=east)
    other_proc = org(name="西区人民检察院", kind=Organisation.Kind.PROCURATORATE, region=west)
    other_court = org(name="西区人民法院", kind=Organisation.Kind.COURT, region=west)
    firm = org(name="测试律师事务所", kind=Organisation.Kind.LAW_FIRM, region=east)
    centre = org(name="东区法律援助中心", kind=Organisation.Kind.LEGAL_AID_CENTRE, region=east)

    prosecutor = _user("alice", Role.PROSECUTOR, procuratorate, display_name="艾检察官")
    supervisor = _user("sam", Role.SUPERVISING_PROSECUTOR, procuratorate)
    case_manager = _user("casey", Role.CASE_MANAGER, procuratorate, display_name="柯案管")
    judge = _user("judy", Role.JUDGE, court)
    clerk = _user("clara", Role.COURT_CLERK, court, display_name="柯立案")
    aid_officer = _user("lucy", Role.LEGAL_AID_OFFICER, centre, display_name="刘援助")
    lawyer = _user("bob", Role.DUTY_LAWYER, firm, display_name="鲍律师")
    unassigned = _user("charlie", Role.DEFENCE_LAWYER, firm)
    outsider_prosecutor = _user("olga", Role.PROSECUTOR, other_proc)
    outsider_judge = _user("otto", Role.JUDGE, other_court)
    auditor = _user("audrey", Role.AUDITOR, None)
    admin = _user("root", Role.ADMINISTRATOR, None, is_staff=True, is_superuser=True)

    theft = Charge.objects.create(
        name="盗窃", article=264, article_label="第二百六十四条", has_guideline=True
    )
    # 受理: the case management registers the police's transfer, both suspects under review for prosecution from
    # the receiving date, and gives the case to its prosecutor. No court: that comes with 提起公诉 (`to_trial`).
    person = {"gender": "M", "birth_date": date(1990, 5, 1), "id_number": "110101199005010012"}
    case = case_services.do_register_transfer(
        number="东检刑诉〔2026〕1号",
        title="张某某、李某某盗窃案",
        region=east,
        procuratorate=procuratorate,
        received_on=date(2026, 9, 1),
        acting_user=case_manager,
        facts="2026年8月，被告人张某某伙同李某某在东区某商场窃取手机两部，价值人民币6000元。",
        defendants=[
            {"name": "张某某", "charges": [theft], **person},
            {"name": "李某某", "charges": [theft], **person},
        ],
    )
    case_services.do_assign_prosecutor(case, prosecutor=prosecutor, acting_user=case_manager)
    defendant, co_defendant = case.defendants.order_by("pk")

    # The duty lawyer (CPL art. 36): the centre registers bob and puts him on its workstation's rota at the
    # procuratorate; the prosecutor's request goes to that rota, which sends bob; he advises his client that day (the
    # contact that answers the request in time, CPL art. 36; 会见 is left to the tests that need one).
    assigned_at = timezone.make_aware(ASSIGNED_AT)
    do_register_lawyer(
        lawyer,
        licence_no="11101200010000000",
        region=east,
        criminal_practice_since=date(2015, 3, 1),
        duty_accredited=True,
        accredited_on=date(2024, 1, 1),
        acting_user=aid_officer,
    )
    station = do_create_station(host=procuratorate, centre=centre, acting_user=aid_officer)
    period = do_create_rota_period(
        station,
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 9, 30),
        lawyers=[lawyer],
        acting_user=aid_officer,
    )
    do_publish_rota(period, acting_user=aid_officer, as_of=assigned_at - timedelta(days=8))
    counsel_request = do_request_counsel(
        defendant, source=CounselRequest.Source.PROCURATORATE, acting_user=prosecutor, as_of=assigned_at
    )
    allocation = counsel_request.allocations.get()
    do_log_participation(
        allocation.assignment,
        service=Service.CONSULTATION,
        occurred_at=assigned_at + timedelta(hours=4),
        minutes=30,
        acting_user=lawyer,
        as_of=assigned_at + timedelta(hours=5),
    )
    return World(
        region=east,
        procuratorate=procuratorate,
        court=court,
        centre=centre,
        prosecutor=prosecutor,
        supervisor=supervisor,
        case_manager=case_manager,
        judge=judge,
        clerk=clerk,
        aid_officer=aid_officer,
        lawyer=lawyer,
        unassigned_lawyer=unassigned,
        outsider_prosecutor=outsider_prosecutor,
        outsider_judge=outsider_judge,
        auditor=auditor,
        admin=admin,
        station=station,
        case=case,
        defendant=defendant,
        co_defendant=co_defendant,
        counsel_request=counsel_request,
        theft=theft,
        public=AnonymousUser(),
    )
