"""The people of a case, for tests (STYLE.md: personas in every test).

`build_world()` creates two districts; in the first, a case registered by `case_manager` with two defendants
owned by `prosecutor`, filed by the court's `clerk` (立案) for `judge`, with `lawyer` assigned to the first defendant only. `outsider_prosecutor` and
`outsider_judge` belong to the second district, `unassigned_lawyer` to nobody; `public` is anonymous.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from leniency.accounts.models import Organisation, Region, Role, User
from leniency.cases import services as case_services
from leniency.cases.models import Case, Charge, Defendant
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselAssignment
from leniency.counsel.services import do_assign_counsel

PASSWORD = "persona-pass-2026"


@dataclass
class World:
    region: Region
    procuratorate: Organisation
    court: Organisation
    prosecutor: User
    supervisor: User
    case_manager: User
    judge: User
    clerk: User
    lawyer: User
    unassigned_lawyer: User
    outsider_prosecutor: User
    outsider_judge: User
    auditor: User
    admin: User
    case: Case
    defendant: Defendant  # the lawyer's client
    co_defendant: Defendant  # not the lawyer's client
    theft: Charge
    public: AnonymousUser

    def insiders(self) -> list[User]:
        return [self.prosecutor, self.supervisor, self.judge, self.auditor, self.admin]

    def outsiders(self) -> list[User]:
        return [self.outsider_prosecutor, self.outsider_judge, self.unassigned_lawyer]

    def to_trial(self) -> Defendant:
        """提起公诉 by the case's prosecutor, to the world's court (the hand-off every test of the court's part
        takes, never a raw stage update): both defendants move to first instance. Returns the lawyer's client,
        reloaded."""
        case_services.do_prosecute(self.case, court=self.court, acting_user=self.prosecutor)
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

    prosecutor = _user("alice", Role.PROSECUTOR, procuratorate, display_name="艾检察官")
    supervisor = _user("sam", Role.SUPERVISING_PROSECUTOR, procuratorate)
    case_manager = _user("casey", Role.CASE_MANAGER, procuratorate, display_name="柯案管")
    judge = _user("judy", Role.JUDGE, court)
    clerk = _user("clara", Role.COURT_CLERK, court, display_name="柯立案")
    lawyer = _user("bob", Role.DUTY_LAWYER, firm, display_name="鲍律师")
    unassigned = _user("charlie", Role.DEFENCE_LAWYER, firm)
    outsider_prosecutor = _user("olga", Role.PROSECUTOR, other_proc)
    outsider_judge = _user("otto", Role.JUDGE, other_court)
    auditor = _user("audrey", Role.AUDITOR, None)
    admin = _user("root", Role.ADMINISTRATOR, None, is_staff=True, is_superuser=True)

    theft = Charge.objects.create(
        name="盗窃", article=264, article_label="第二百六十四条", has_guideline=True
    )
    case = case_services.do_open_case(
        number="东检刑诉〔2026〕1号",
        title="张某某、李某某盗窃案",
        region=east,
        procuratorate=procuratorate,
        court=court,
        prosecutor=prosecutor,
        received_on=date(2026, 9, 1),
        acting_user=case_manager,
        facts="2026年8月，被告人张某某伙同李某某在东区某商场窃取手机两部，价值人民币6000元。",
    )
    person = {"gender": "M", "birth_date": date(1990, 5, 1), "id_number": "110101199005010012"}
    defendant = case_services.do_add_defendant(
        case,
        name="张某某",
        charges=[theft],
        acting_user=case_manager,
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=date(2026, 9, 1),
        **person,
    )
    co_defendant = case_services.do_add_defendant(
        case,
        name="李某某",
        charges=[theft],
        acting_user=case_manager,
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=date(2026, 9, 1),
        **person,
    )
    # The world's case reaches its court before prosecution (`court=` above) so that its judge can be filed
    # for at once; `leniency/cases/tests/test_intake_journey.py` takes a case through 提起公诉 instead.
    case_services.do_file_case(case, judge=judge, filed_on=date(2026, 9, 2), acting_user=clerk)
    # Assigned on the day of filing, not "now": a test world that moves with the calendar put this assignment
    # inside the counsel tests' 30-day workload window (AS_OF 2027-01-04) from 2026-12-05 on.
    do_assign_counsel(
        defendant,
        lawyer=lawyer,
        kind=CounselAssignment.Kind.DUTY,
        acting_user=prosecutor,
        as_of=timezone.make_aware(datetime(2026, 9, 2, 10, 0)),
    )
    return World(
        region=east,
        procuratorate=procuratorate,
        court=court,
        prosecutor=prosecutor,
        supervisor=supervisor,
        case_manager=case_manager,
        judge=judge,
        clerk=clerk,
        lawyer=lawyer,
        unassigned_lawyer=unassigned,
        outsider_prosecutor=outsider_prosecutor,
        outsider_judge=outsider_judge,
        auditor=auditor,
        admin=admin,
        case=case,
        defendant=defendant,
        co_defendant=co_defendant,
        theft=theft,
        public=AnonymousUser(),
    )
