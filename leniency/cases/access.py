"""Who may see and change what. Object-level: every query for cases or defendants goes through here."""

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.accounts.models import Region
from leniency.errors import Forbidden

from .court_panels import sits_on_panel
from .models import Case, Defendant, PanelMember
from .panels import PAGE_ASSIGNMENTS
from .stages import COURT_STAGES, PROSECUTION_STAGES, Stage


def _every_case() -> Q:
    return Q()


def _procuratorate_cases(procuratorate: int) -> Q:
    return Q(procuratorate=procuratorate)


def _panel_cases(court: int, judge: int) -> Q:
    """Only the panel the court's filing (立案) formed sees the case, not every judge of the court."""
    seats = PanelMember.objects.filter(judge=judge, court=court, ended_on__isnull=True).values("case_id")
    return Q(court=court) & (Q(judge=judge) | Q(pk__in=seats, court_filed_on__isnull=False))


def _court_cases(court: int) -> Q:
    return Q(court=court)


def _region_cases(region: int) -> Q:
    return Region(pk=region).subtree_q()


def _client_cases(lawyer: int) -> Q:
    """A lawyer is scoped per defendant: the cases of their clients."""
    return Q(pk__in=_lawyer_defendants(lawyer).values("case_id"))


# Each rule is a function of pks only, so that a page can compile its query once per rule (views._PAGE_CASE).
CASE_RULES = (_every_case, _procuratorate_cases, _panel_cases, _court_cases, _region_cases, _client_cases)


def case_rule(user) -> tuple[Callable[..., Q], tuple[int, ...]] | None:
    """The rule of `CASE_RULES` that decides which cases `user` sees, with its arguments; None: no case."""
    if not user.is_authenticated:
        return None
    if user.is_lawyer and not user.is_superuser:
        return _client_cases, (user.pk,)
    if user.is_superuser or has_capability(user, "read_all"):
        return _every_case, ()
    org = user.organisation
    if org is None:
        return None
    if user.is_prosecution or has_capability(user, "register_cases"):
        return _procuratorate_cases, (org.pk,)
    if has_capability(user, "adjudicate"):
        return _panel_cases, (org.pk, user.pk)
    if has_capability(user, "file_court_cases"):
        return _court_cases, (org.pk,)
    if has_capability(user, "see_region"):
        return _region_cases, (org.region_id,)
    return None


def _lawyer_defendants(lawyer) -> QuerySet[Defendant]:
    return Defendant.objects.filter(
        counsel_assignments__lawyer=lawyer, counsel_assignments__ended_at__isnull=True
    ).distinct()


def is_assigned_lawyer(user, defendant) -> bool:
    """A running assignment of this lawyer to the defendant: read from the assignments the case page loaded for
    all its defendants (`PAGE_ASSIGNMENTS`) where it did, else one query."""
    if not (user.is_authenticated and user.is_lawyer):
        return False
    loaded = getattr(defendant, PAGE_ASSIGNMENTS, None)
    if loaded is not None:
        return any(a.lawyer_id == user.pk and a.ended_at is None for a in loaded)
    return defendant.counsel_assignments.filter(lawyer=user, ended_at__isnull=True).exists()


def visible_cases(user) -> QuerySet[Case]:
    found = case_rule(user)
    if found is None:
        return Case.objects.none()
    rule, args = found
    return Case.objects.filter(rule(*args))


def visible_defendants(user) -> QuerySet[Defendant]:
    """A lawyer sees only the defendants assigned to them, never their co-defendants."""
    if not user.is_authenticated:
        return Defendant.objects.none()
    if user.is_lawyer and not user.is_superuser:
        return _lawyer_defendants(user)
    return Defendant.objects.filter(case__in=visible_cases(user))


def visible_defendants_of(user, case: Case) -> QuerySet[Defendant]:
    """`visible_defendants(user)` in `case`, a case the caller loaded through `visible_cases(user)`: everyone but a
    lawyer sees all its defendants, so the case page does not ask again which cases the user sees (a subquery its
    compiling and the database pay for; the judge's holds another, the panels the judge sits on)."""
    if not user.is_authenticated:
        return Defendant.objects.none()
    if not sees_every_defendant(user):
        return _lawyer_defendants(user).filter(case=case)
    return Defendant.objects.filter(case=case)


def sees_every_defendant(user) -> bool:
    """Whether `user` sees every defendant of each case they see (all but a lawyer, who sees their own clients)."""
    return user.is_authenticated and not (user.is_lawyer and not user.is_superuser)


def can_see_identity(user) -> bool:
    """The full ID and phone numbers, among those who see the defendant: the procuratorate, the court and the
    defendant's own lawyers. The centre, the committee, auditors and administrators work without them."""
    return user.is_authenticated and (
        user.is_prosecution or has_capability(user, "adjudicate") or user.is_lawyer
    )


def is_case_judge(user, case: Case) -> bool:
    """A judge of the panel the case's filing (立案) formed at its current court (presiding: the case's `judge`):
    the only judges who act on it."""
    if not (
        user.is_authenticated
        and has_capability(user, "adjudicate")
        and case.court_id is not None
        and case.court_id == user.organisation_id
    ):
        return False
    if case.judge_id == user.pk:
        return True
    return sits_on_panel(user, case)


def can_change_stage(user, defendant: Defendant) -> bool:
    """The procuratorate moves a defendant before trial; the court from trial on."""
    if not user.is_authenticated:
        return False
    if user.is_prosecution:
        return (
            defendant.stage in PROSECUTION_STAGES and defendant.case.procuratorate_id == user.organisation_id
        )
    if has_capability(user, "adjudicate"):
        return defendant.stage in COURT_STAGES and is_case_judge(user, defendant.case)
    return False


def _of_procuratorate(user, procuratorate_id) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or (user.is_prosecution and user.organisation_id == procuratorate_id))
    )


def _case_manager_of(user, procuratorate_id) -> bool:
    return bool(
        user.is_authenticated
        and (
            user.is_superuser
            or (has_capability(user, "register_cases") and user.organisation_id == procuratorate_id)
        )
    )


def _court_clerk_of(user, court_id) -> bool:
    return bool(
        user.is_authenticated
        and court_id is not None
        and (
            user.is_superuser
            or (has_capability(user, "file_court_cases") and user.organisation_id == court_id)
        )
    )


def can_register_cases(user) -> bool:
    return bool(user.is_authenticated and has_capability(user, "register_cases") and user.organisation_id)


def can_file_court_cases(user) -> bool:
    return bool(user.is_authenticated and has_capability(user, "file_court_cases") and user.organisation_id)


def can_prosecute(user, case: Case, defendants=None) -> bool:
    """Whether the case page offers 提起公诉, or 追加起诉 once the case went to court while a co-defendant is still
    under review for prosecution (`defendants`: the case's, when the caller holds them)."""
    if not _of_procuratorate(user, case.procuratorate_id):
        return False
    if case.prosecuted_on is None:
        return True
    if defendants is None:
        return case.defendants.filter(stage=Stage.PROSECUTION_REVIEW).exists()
    return any(d.stage == Stage.PROSECUTION_REVIEW for d in defendants)


def can_appeal(user, case: Case, defendants=None) -> bool:
    """Whether the case page offers 上诉/抗诉: a judgment of first instance and no appeal yet (`defendants`: the
    case's, when the caller holds them, as for `can_prosecute`)."""
    if not (
        case.appealed_on is None
        and case.court_id is not None
        and (_of_procuratorate(user, case.procuratorate_id) or _court_clerk_of(user, case.court_id))
    ):
        return False
    if defendants is None:
        return case.defendants.filter(stage=Stage.JUDGMENT).exists()
    return any(d.stage == Stage.JUDGMENT for d in defendants)


def can_file_case(user, case: Case) -> bool:
    return _court_clerk_of(user, case.court_id) and case.court_filed_on is None


def can_reform_panel(user, case: Case) -> bool:
    """Whether the case page offers 变更合议庭: the filing office of the court holding the filed case."""
    return _court_clerk_of(user, case.court_id) and case.court_filed_on is not None


# Permission to take each action, checked once inside its `do_*` service: failing one is a 403 (`Forbidden`).
def check_open_case(user, procuratorate) -> None:
    """A case is received (受理) by the case management (案件管理) of the procuratorate that reviews it."""
    if procuratorate is None or not _case_manager_of(user, procuratorate.pk):
        raise Forbidden(
            _("移送审查起诉的案件由人民检察院审查决定（刑事诉讼法第169条），由受理的检察院案件管理部门登记")
        )


def check_assign_prosecutor(user, case: Case) -> None:
    if not _case_manager_of(user, case.procuratorate_id):
        raise Forbidden(
            _("承办检察官由受理案件的检察院案件管理部门分配（刑事诉讼法第169条、《人民检察院刑事诉讼规则》）")
        )


def check_prosecute(user, case: Case) -> None:
    """提起公诉 is the procuratorate's decision on the case (CPL art. 176)."""
    if not _of_procuratorate(user, case.procuratorate_id):
        raise Forbidden(_("提起公诉由审查起诉的人民检察院决定（刑事诉讼法第176条）"))


def check_file_case(user, case: Case) -> None:
    """The court that received the prosecution files it (立案) and assigns its judge."""
    if not _court_clerk_of(user, case.court_id):
        raise Forbidden(_("公诉案件由受理的人民法院立案并确定承办法官（刑事诉讼法第186条）"))


def check_reform_panel(user, case: Case) -> None:
    """The court holding the case re-forms its panel (a judge recused, CPL arts. 29–31, moved or fell ill), through
    its filing office, as it formed it at filing (art. 183). Once an appeal or protest moved the case to the court
    above (arts. 231, 232), the first court's office no longer does."""
    if _court_clerk_of(user, case.court_id):
        return
    if case.first_instance_court_id is not None and _court_clerk_of(user, case.first_instance_court_id):
        raise Forbidden(
            _(
                "本案已因上诉或抗诉移送上一级人民法院（刑事诉讼法第231条、第232条），"
                "合议庭由第二审人民法院组成（第183条第4款）"
            )
        )
    raise Forbidden(_("合议庭由审理本案的人民法院组成（刑事诉讼法第183条），由其立案部门变更"))


def check_add_defendant(user, case) -> None:
    """The case management registers the defendants at intake; the case's procuratorate may add one later."""
    if not (_of_procuratorate(user, case.procuratorate_id) or _case_manager_of(user, case.procuratorate_id)):
        raise Forbidden(_("只有本案检察院可以登记犯罪嫌疑人"))


def check_attach_document(user, case) -> None:
    """The documents transferred with the case (the 起诉意见书's scan) are filed by the procuratorate that received it."""
    if not (_of_procuratorate(user, case.procuratorate_id) or _case_manager_of(user, case.procuratorate_id)):
        raise Forbidden(_("随案移送的文书由受理案件的检察院登记（刑事诉讼法第169条）"))


def check_import_cases(user, procuratorate) -> None:
    """A bulk import is intake (受理) of many transfers: the receiving procuratorate's case management only."""
    check_open_case(user, procuratorate)


def check_change_stage(user, defendant: Defendant) -> None:
    if not can_change_stage(user, defendant):
        raise Forbidden(_("审判前由本案检察院、审判中由本案法院变更诉讼阶段"))


def check_set_procedure(user, defendant: Defendant) -> None:
    """The trial court decides the procedure (CPL arts. 214, 222)."""
    if not is_case_judge(user, defendant.case):
        raise Forbidden(_("审理程序由审判本案的法院决定（刑事诉讼法第214条、第222条）"))


def check_appeal(user, case: Case, *, kind: str | None = None) -> None:
    """抗诉 is the procuratorate's (CPL art. 228); 上诉 is lodged through the court of first instance (art. 231),
    whose filing office registers it. `kind=None`: either."""
    protest = _of_procuratorate(user, case.procuratorate_id)
    appeal = _court_clerk_of(user, case.court_id)
    if kind == "protest" and not protest:
        raise Forbidden(_("抗诉由本案检察院提出（刑事诉讼法第228条）"))
    if kind == "appeal" and not appeal:
        raise Forbidden(_("上诉通过一审人民法院提出，由其立案部门登记（刑事诉讼法第231条）"))
    if not (protest or appeal):
        raise Forbidden(
            _("抗诉由本案检察院提出（刑事诉讼法第228条），上诉通过一审人民法院提出（刑事诉讼法第231条）")
        )


# Victims (被害人): the procuratorate registers them and hears them (CPL art. 173); the court may record an
# agreement reached during trial. Their contact details reach only the case's procuratorate and its judge.
def can_record_victims(user, case: Case) -> bool:
    return _of_procuratorate(user, case.procuratorate_id)


def can_record_settlement(user, case: Case) -> bool:
    return _of_procuratorate(user, case.procuratorate_id) or is_case_judge(user, case)


def can_see_victim_contact(user, case: Case) -> bool:
    """Full ID, phone and address of a victim: the prosecutors of the case's procuratorate and its judge. Lawyers
    see them masked: the defence reaches a victim only with their consent and the authorities' leave (CPL art.
    43), so the platform does not hand out their address."""
    return bool(
        user.is_authenticated
        and (
            (user.is_prosecution and user.organisation_id == case.procuratorate_id)
            or is_case_judge(user, case)
        )
    )


def check_add_victim(user, case: Case) -> None:
    if not (_of_procuratorate(user, case.procuratorate_id) or _case_manager_of(user, case.procuratorate_id)):
        raise Forbidden(_("被害人由受理案件的检察院登记（刑事诉讼法第173条）"))


def check_record_victim_opinion(user, case: Case) -> None:
    if not can_record_victims(user, case):
        raise Forbidden(_("人民检察院审查案件，应当听取被害人及其诉讼代理人的意见（刑事诉讼法第173条）"))


def check_record_settlement(user, case: Case) -> None:
    if not can_record_settlement(user, case):
        raise Forbidden(
            _("赔偿、谅解或和解协议由本案检察院或审判本案的法官记录（刑事诉讼法第288条、第289条）")
        )


# Judgment, second instance and retrial (`judgments.py`).
def can_record_judgment(user, case: Case) -> bool:
    return is_case_judge(user, case) and case.appealed_on is None


def check_record_judgment(user, case: Case) -> None:
    """The first-instance judgment is given by the court that tries the case, through its assigned judges."""
    if not can_record_judgment(user, case):
        raise Forbidden(
            _("第一审判决由审判本案的人民法院作出（刑事诉讼法第200条），由立案确定的承办法官记录")
        )


def can_decide_second_instance(user, case: Case) -> bool:
    return is_case_judge(user, case) and case.appealed_on is not None and case.court_filed_on is not None


def check_decide_second_instance(user, case: Case) -> None:
    if not can_decide_second_instance(user, case):
        raise Forbidden(
            _("第二审人民法院对上诉、抗诉案件审理后作出裁判（刑事诉讼法第236条），由其立案确定的承办法官记录")
        )


def _is_above(region, below) -> bool:
    """Whether `region` is a strict ancestor of `below` in the region hierarchy."""
    node = below.parent if below is not None else None
    while node is not None:
        if node.pk == region.pk:
            return True
        node = node.parent
    return False


def check_start_retrial(user, case: Case, *, initiator: str) -> None:
    """再审 is started by the court whose judgment took effect (its president and adjudication committee, CPL art.
    254 ¶1, or on a party's petition it accepted, arts. 252–253), or by the protest of a procuratorate above that
    court (art. 254 ¶3)."""
    if initiator == "protest":
        org = user.organisation if user.is_authenticated else None
        if not (
            user.is_authenticated
            and user.is_prosecution
            and org is not None
            and case.court_id is not None
            and _is_above(org.region, case.court.region)
        ):
            raise Forbidden(
                _("按照审判监督程序提出抗诉的，是最高人民检察院或上级人民检察院（刑事诉讼法第254条第3款）")
            )
        return
    if not _court_clerk_of(user, case.court_id):
        raise Forbidden(
            _(
                "再审由作出生效判决的人民法院院长提交审判委员会决定（刑事诉讼法第254条第1款），"
                "或由该院对当事人的申诉决定（刑事诉讼法第252条、第253条），由其立案部门登记"
            )
        )


def check_assign_retrial_judge(user, retrial) -> None:
    if not _court_clerk_of(user, retrial.court_id):
        raise Forbidden(_("再审案件由再审法院另行组成合议庭（刑事诉讼法第256条），由其立案部门确定承办法官"))


def check_decide_retrial(user, retrial) -> None:
    if not (
        user.is_authenticated
        and has_capability(user, "adjudicate")
        and retrial.judge_id == user.pk
        and user.organisation_id == retrial.court_id
    ):
        raise Forbidden(_("再审判决由再审法院另行组成的合议庭作出（刑事诉讼法第256条）"))


# Extensions of a statutory time limit (`deadlines.py`).
COURT_EXTENSIONS = {"summary_long", "trial_third_month", "appeal_extension"}


def check_extend_deadline(user, defendant: Defendant, *, kind: str) -> None:
    """Before trial the procuratorate's chief approves (a supervising prosecutor records it, CPL art. 172); from
    trial on the court's president or the court above approves, and the court's case-filing and trial-management
    office (立案) records it (CPL arts. 208, 220, 225, 243)."""
    case = defendant.case
    if defendant.stage == Stage.PROSECUTION_REVIEW and kind not in COURT_EXTENSIONS:
        if not (
            user.is_authenticated
            and has_capability(user, "supervise")
            and user.organisation_id == case.procuratorate_id
        ):
            raise Forbidden(
                _("审查起诉期限的延长由检察长批准（刑事诉讼法第172条），由本案检察院的部门负责人登记")
            )
        return
    if not _court_clerk_of(user, case.court_id):
        raise Forbidden(
            _(
                "审理期限的延长由院长或上级人民法院批准（刑事诉讼法第208条、第220条、第243条），由本案法院立案部门登记"
            )
        )


def can_decide_non_prosecution(user, defendant: Defendant) -> bool:
    return _of_procuratorate(user, defendant.case.procuratorate_id)


def check_decide_non_prosecution(user, defendant: Defendant) -> None:
    """不起诉 is the procuratorate's decision on the case it reviews (CPL arts. 175, 177, 282)."""
    if not can_decide_non_prosecution(user, defendant):
        raise Forbidden(_("不起诉由审查起诉的人民检察院决定（刑事诉讼法第177条）"))


def can_prosecute_or_not(user, case: Case) -> bool:
    """Whether the case page offers the review's decisions (提起公诉 / 不起诉): the case's procuratorate."""
    return _of_procuratorate(user, case.procuratorate_id)
