"""Every state change of cases and defendants: one atomic, audited function each."""

from datetime import date

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from leniency import clock
from leniency.accounts.capabilities import has_capability
from leniency.audit.trail import record
from leniency.errors import DomainError
from leniency.sentencing.catalogue import all_charges
from leniency.sentencing.standards import load_standard

from . import access, court_panels
from .deadlines import deadline_for
from .identity import validate_id_number
from .jurisdiction import (
    APPEAL_KINDS,
    check_court_choice,
    court_above,
    intermediate_court,
    receiving_court,
)
from .models import Case, CaseCounter, Charge, Defendant, DefendantCharge, PanelChange, Sentence
from .stages import TRANSITIONS, TRIAL_STAGES, Procedure, Stage
from .victims import do_add_victim


def next_case_number(procuratorate, received_on: date) -> tuple[int, int, str]:
    """The procuratorate's next serial of the receiving year, from its counter row, locked until the caller's
    transaction ends: a case registered at the same moment waits and takes the serial after."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_case_number must run inside the transaction that saves the case")
    year = received_on.year
    counter, _created = CaseCounter.objects.select_for_update().get_or_create(
        organisation=procuratorate,
        year=year,
        defaults={
            "last": lambda: (
                Case.objects.filter(procuratorate=procuratorate, serial_year=year).aggregate(
                    top=Max("serial")
                )["top"]
                or 0
            )
        },
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    short = procuratorate.name.removesuffix("人民检察院")
    return year, counter.last, f"{short}检刑受〔{year}〕{counter.last}号"


def do_open_case(
    *,
    title,
    region,
    procuratorate,
    received_on,
    acting_user,
    number=None,
    court=None,
    prosecutor=None,
    facts="",
    transferring_agency="",
    transfer_document_number="",
) -> Case:
    """Register a case the police transferred (受理, CPL art. 169). Without `number` the procuratorate's next
    serial of the year is given; `court` is for worlds built before prosecution had a page (tests)."""
    access.check_open_case(acting_user, procuratorate)
    if number is not None and Case.objects.filter(number=number).exists():
        raise DomainError(_("案号 %(number)s 已存在") % {"number": number}, field="number")
    if prosecutor is not None:
        _check_prosecutor(prosecutor, procuratorate)
    with transaction.atomic():
        year = serial = None
        if number is None:
            year, serial, number = next_case_number(procuratorate, received_on)
        case = Case.objects.create(
            number=number,
            serial_year=year,
            serial=serial,
            title=title,
            region=region,
            procuratorate=procuratorate,
            court=court,
            prosecutor=prosecutor,
            facts=facts,
            received_on=received_on,
            transferring_agency=transferring_agency,
            transfer_document_number=transfer_document_number,
        )
        record(
            "case.opened",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={
                "number": number,
                "title": title,
                "procuratorate": procuratorate.name,
                "transferring_agency": transferring_agency,
                "transfer_document_number": transfer_document_number,
            },
        )
    return case


def do_register_transfer(
    *, defendants: list[dict], acting_user, victims: list[dict] = (), **case_fields
) -> Case:
    """Intake in one step: the case (`do_open_case`), each person it names (`do_add_defendant`, under
    review for prosecution from the receiving date) and each victim (`victims.do_add_victim`; its
    `defendants` are positions in `defendants`, every defendant when absent); a refused person leaves nothing
    behind."""
    access.check_open_case(acting_user, case_fields.get("procuratorate"))
    with transaction.atomic():
        case = do_open_case(acting_user=acting_user, **case_fields)
        added = [
            do_add_defendant(
                case,
                acting_user=acting_user,
                stage=Stage.PROSECUTION_REVIEW,
                stage_since=case.received_on,
                **person,
            )
            for person in defendants
        ]
        for victim in victims:
            victim = dict(victim)
            positions = victim.pop("defendants", None)
            harmed = added if positions is None else [added[i] for i in positions if 0 <= i < len(added)]
            do_add_victim(case, defendants=harmed, acting_user=acting_user, **victim)
    return case


def _check_prosecutor(prosecutor, procuratorate) -> None:
    if not (has_capability(prosecutor, "prosecute") and prosecutor.organisation_id == procuratorate.pk):
        raise DomainError(
            _("%(name)s 不是%(org)s的检察官") % {"name": prosecutor, "org": procuratorate.name},
            field="prosecutor",
        )


def do_assign_prosecutor(case: Case, *, prosecutor, acting_user) -> Case:
    """Give the case to the prosecutor who handles it (承办检察官); reassigning records both."""
    access.check_assign_prosecutor(acting_user, case)
    _check_prosecutor(prosecutor, case.procuratorate)
    with transaction.atomic():
        current = Case.objects.select_for_update().only("prosecutor").get(pk=case.pk)
        if current.prosecutor_id == prosecutor.pk:
            raise DomainError(_("本案已由 %(name)s 承办") % {"name": prosecutor}, field="prosecutor")
        previous = current.prosecutor_id
        case.prosecutor = prosecutor
        case.save(update_fields=["prosecutor"])
        record(
            "case.prosecutor.assigned",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={"from": previous, "to": prosecutor.pk, "name": str(prosecutor)},
        )
    return case


def do_prosecute(
    case: Case,
    *,
    acting_user,
    grave: bool = False,
    court=None,
    as_of: date | None = None,
    defendants: list[Defendant] | None = None,
) -> Case:
    """提起公诉 (CPL art. 176): name the receiving court (art. 20 basic, art. 21 intermediate) and move the
    defendants under review for prosecution to first instance: `defendants` where the review of the others goes
    on, every one under review when absent.

    On a case already prosecuted, the defendants under review since (a co-defendant whose review ended later, or
    who was caught later) are prosecuted to the court that already has the case, to be tried with it: 追加起诉
    (SPP Rules 2019 art. 423; SPC Interpretation 2021 art. 297). No court is chosen then: another court, or a
    possible life or death sentence at a basic court (art. 21), is refused, and so is a case the appeal moved to
    the court above or one whose judgment the court has pronounced (art. 423: only "宣告判决前"; the suspect is
    then prosecuted in a new case, 另行起诉). It is audited as `case.prosecution.added`; the defendants join the
    case as the court filed it (its panel stays) and their first instance starts on `as_of`."""
    access.check_prosecute(acting_user, case)
    as_of = as_of or clock.today()
    with transaction.atomic():
        # of=self: the court is on the nullable side of the join, which PostgreSQL will not lock.
        current = Case.objects.select_for_update(of=("self",)).select_related("court").get(pk=case.pk)
        added = current.prosecuted_on is not None
        if added:
            court = _added_prosecution_court(case, current, court, grave=grave)
            _check_not_yet_judged(case)
        else:
            court = court or receiving_court(case, grave=grave)
            check_court_choice(case, court, grave=grave)
        under_review = Defendant.objects.select_for_update().filter(case=case, stage=Stage.PROSECUTION_REVIEW)
        if defendants is not None:
            chosen = {d.pk for d in defendants}
            under_review = under_review.filter(pk__in=chosen)
            if not chosen or len(under_review) != len(chosen):
                raise DomainError(
                    _("只能对本案处于审查起诉阶段的犯罪嫌疑人提起公诉（刑事诉讼法第176条）"),
                    field="defendants",
                )
        defendants = list(under_review)
        if not defendants and added:
            raise DomainError(
                _("本案已于 %(date)s 提起公诉，没有处于审查起诉阶段的犯罪嫌疑人可以追加起诉")
                % {"date": current.prosecuted_on},
                field="court",
            )
        if not defendants:
            raise DomainError(
                _("没有处于审查起诉阶段的犯罪嫌疑人，不能提起公诉（刑事诉讼法第176条）"), field="court"
            )
        if added and as_of < current.prosecuted_on:
            raise DomainError(
                _("追加起诉日期不能早于本案提起公诉的日期 %(date)s") % {"date": current.prosecuted_on},
                field="as_of",
            )
        if any(as_of < d.stage_since for d in defendants):
            raise DomainError(_("提起公诉日期不能早于审查起诉开始的日期"), field="as_of")
        data = {"court": court.name, "grave": grave, "as_of": as_of, "defendants": [d.pk for d in defendants]}
        if added:
            record(
                "case.prosecution.added",
                actor=acting_user,
                obj=case,
                case_id=case.pk,
                data={**data, "prosecuted_on": current.prosecuted_on},
            )
        else:
            case.court, case.prosecuted_on = court, as_of
            case.save(update_fields=["court", "prosecuted_on"])
            record("case.prosecuted", actor=acting_user, obj=case, case_id=case.pk, data=data)
        reason = "追加起诉" if added else "提起公诉"
        for defendant in defendants:
            _enter_stage(defendant, Stage.FIRST_INSTANCE, as_of=as_of, reason=reason, acting_user=acting_user)
    return case


# Judged at first instance: the judgment pronounced and standing (a remand, 发回重审, set it aside: its defendants
# are back at first instance and may be tried with a co-defendant added then).
JUDGED_STAGES = (Stage.JUDGMENT, Stage.APPEAL, Stage.FINAL)


def _check_not_yet_judged(case: Case) -> None:
    """追加起诉 only "人民法院宣告判决前" (SPP Rules 2019 art. 423): once the court pronounced its judgment on any
    defendant of the case, a suspect left out is prosecuted in a new case (另行起诉), not added to this one."""
    judged = list(
        Defendant.objects.filter(case=case, stage__in=JUDGED_STAGES)
        .annotate(
            judged_on=Max("sentences__judged_on", filter=Q(sentences__instance=Sentence.Instance.FIRST))
        )
        .order_by("pk")
        .values_list("name", "judged_on")
    )
    if judged:
        name, judged_on = judged[0]
        raise DomainError(
            _(
                "本案已于 %(date)s 对%(name)s宣告第一审判决：追加起诉须在人民法院宣告判决前提出"
                "（《人民检察院刑事诉讼规则》第四百二十三条），请对审查起诉中的犯罪嫌疑人另行起诉"
            )
            % {"date": judged_on or "—", "name": name},
            field="defendants",
        )


def _added_prosecution_court(case: Case, current: Case, court, *, grave: bool):
    """The court an added prosecution (追加起诉) goes to: the one that has the case at first instance."""
    if current.appealed_on is not None:
        raise DomainError(
            _(
                "本案已因上诉或抗诉由%(court)s第二审，第二审审查的是第一审判决（刑事诉讼法第233条）："
                "追加起诉须向第一审人民法院在宣告判决前提出（《人民检察院刑事诉讼规则》第四百二十三条）"
            )
            % {"court": current.court.name},
            field="court",
        )
    if court is not None and court.pk != current.court_id:
        raise DomainError(
            _(
                "追加起诉向已受理本案的%(court)s提出，与已起诉的同案被告人一并审理"
                "（《人民检察院刑事诉讼规则》第四百二十三条）"
            )
            % {"court": current.court.name},
            field="court",
        )
    if grave and current.court_id != getattr(intermediate_court(case), "pk", None):
        raise DomainError(
            _(
                "可能判处无期徒刑、死刑的案件由中级人民法院管辖（刑事诉讼法第21条）："
                "本案由%(court)s审理，不能向其追加起诉"
            )
            % {"court": current.court.name},
            field="grave",
        )
    return current.court


def do_file_case(case: Case, *, judge, acting_user, filed_on: date | None = None, members=()) -> Case:
    """The court's filing (立案) of a prosecution it received, and the panel it forms (CPL art. 183): `judge`
    presides (or sits alone), `members` join; from then on only that panel acts on the case for the court."""
    access.check_file_case(acting_user, case)
    filed_on = filed_on or clock.today()
    if not (has_capability(judge, "adjudicate") and judge.organisation_id == case.court_id):
        raise DomainError(_("%(name)s 不是本院法官") % {"name": judge}, field="judge")
    judges = court_panels.check_panel(case, judge, members)
    with transaction.atomic():
        current = (
            Case.objects.select_for_update()
            .only("court_filed_on", "prosecuted_on", "appealed_on")
            .get(pk=case.pk)
        )
        if current.court_filed_on is not None:
            raise DomainError(_("本案已于 %(date)s 立案") % {"date": current.court_filed_on}, field="judge")
        if current.prosecuted_on and filed_on < current.prosecuted_on:
            raise DomainError(_("立案日期不能早于提起公诉日期"), field="filed_on")
        if current.appealed_on and filed_on < current.appealed_on:
            raise DomainError(_("立案日期不能早于上诉或抗诉日期"), field="filed_on")
        case.court_filed_on, case.judge = filed_on, judge
        case.save(update_fields=["court_filed_on", "judge"])
        court_panels.form_panel(case, judges, on=filed_on)
        record(
            "case.court.filed",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={
                "court": case.court.name,
                "judge": judge.pk,
                "name": str(judge),
                "members": [j.pk for j in judges[1:]],
                "filed_on": filed_on,
            },
        )
    return case


def do_reform_panel(
    case: Case, *, presiding, members=(), reason: str, acting_user, changed_on: date | None = None
) -> Case:
    """Re-form the panel the filing formed (a judge recused, moved or fell ill): the old seats end, `presiding`
    and `members` sit from `changed_on`, under the same rules as at filing (CPL art. 183, art. 239 after a
    remand). Audited with the judges before and after and the reason; from then on only the new panel acts."""
    access.check_reform_panel(acting_user, case)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请写明变更合议庭的理由（如回避，刑事诉讼法第29条至第31条）"), field="reason")
    changed_on = changed_on or clock.today()
    if not (has_capability(presiding, "adjudicate") and presiding.organisation_id == case.court_id):
        raise DomainError(_("%(name)s 不是本院法官") % {"name": presiding}, field="presiding")
    judges = court_panels.check_panel(case, presiding, members)
    with transaction.atomic():
        current = Case.objects.select_for_update().only("court_id", "court_filed_on").get(pk=case.pk)
        if current.court_id != case.court_id or current.court_filed_on is None:
            raise DomainError(_("本案尚未在本院立案：合议庭在立案时组成"), field="presiding")
        if changed_on < current.court_filed_on:
            raise DomainError(_("变更日期不能早于立案日期"), field="changed_on")
        if not Defendant.objects.filter(case=case, stage__in=(Stage.FIRST_INSTANCE, Stage.APPEAL)).exists():
            raise DomainError(_("本院对本案的审理已经结束，合议庭不再变更"), field="presiding")
        before = court_panels.current_panel(case)
        seated = ({m.judge_id for m in before if m.presiding}, {m.judge_id for m in before})
        if seated == ({presiding.pk}, {j.pk for j in judges}):
            raise DomainError(_("合议庭没有变化"), field="members")
        court_panels.form_panel(case, judges, on=changed_on)
        case.judge = presiding
        case.save(update_fields=["judge"])
        PanelChange.objects.create(
            case=case, court_id=case.court_id, changed_on=changed_on, reason=reason, changed_by=acting_user
        )
        record(
            "case.panel.reformed",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={
                "court": case.court.name,
                "before": [m.judge_id for m in before],
                "after": [j.pk for j in judges],
                "presiding": presiding.pk,
                "name": str(presiding),
                "changed_on": changed_on,
                "reason": reason,
            },
        )
    return case


APPEAL_DAYS = 10  # against a judgment (CPL art. 230)


def do_appeal(case: Case, *, kind: str, acting_user, lodged_on: date | None = None) -> Case:
    """上诉 (the defendant's appeal, CPL art. 227, lodged through the first-instance court, art. 231) or 抗诉
    (the procuratorate's protest, art. 228) against the first-instance judgment: the case moves to the court
    above (art. 233 ff.), which files it and assigns its own judge; the first-instance judge no longer acts."""
    access.check_appeal(acting_user, case, kind=kind)
    if kind not in APPEAL_KINDS:
        raise DomainError(_("未知的类型：%(value)s") % {"value": kind}, field="kind")
    lodged_on = lodged_on or clock.today()
    above = court_above(case.court)
    with transaction.atomic():
        current = Case.objects.select_for_update().only("appealed_on").get(pk=case.pk)
        if current.appealed_on is not None:
            raise DomainError(_("本案已于 %(date)s 上诉或抗诉") % {"date": current.appealed_on}, field="kind")
        defendants = list(Defendant.objects.select_for_update().filter(case=case, stage=Stage.JUDGMENT))
        if not defendants:
            raise DomainError(_("一审判决后才能上诉或抗诉（刑事诉讼法第227条、第228条）"), field="kind")
        for defendant in defendants:
            if lodged_on < defendant.stage_since:
                raise DomainError(_("上诉或抗诉日期不能早于判决日期"), field="lodged_on")
            if (lodged_on - defendant.stage_since).days > APPEAL_DAYS:
                raise DomainError(
                    _("不服判决的上诉和抗诉期限为十日，自接到判决书的第二日起算（刑事诉讼法第230条）"),
                    field="lodged_on",
                )
        first = case.court
        case.first_instance_court, case.court = first, above
        case.judge, case.court_filed_on, case.appealed_on = None, None, lodged_on
        case.save(update_fields=["first_instance_court", "court", "judge", "court_filed_on", "appealed_on"])
        record(
            "case.appealed",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={"kind": kind, "from": first.name, "to": above.name, "lodged_on": lodged_on},
        )
        reason = {"appeal": "上诉", "protest": "抗诉"}[kind]
        for defendant in defendants:
            _enter_stage(defendant, Stage.APPEAL, as_of=lodged_on, reason=reason, acting_user=acting_user)
    return case


def do_add_defendant(
    case: Case,
    *,
    charges: list[Charge],
    acting_user,
    stage=Stage.INVESTIGATION,
    stage_since: date | None = None,
    **person,
) -> Defendant:
    access.check_add_defendant(acting_user, case)
    if not charges:
        raise DomainError(_("至少需要一个罪名"), field="charges")
    if person.get("id_number"):
        person["id_number"] = validate_id_number(person["id_number"], birth_date=person.get("birth_date"))
    with transaction.atomic():
        defendant = Defendant.objects.create(
            case=case, stage=stage, stage_since=stage_since or clock.today(), **person
        )
        DefendantCharge.objects.bulk_create(
            DefendantCharge(defendant=defendant, charge=charge, principal=(i == 0))
            for i, charge in enumerate(charges)
        )
        # The audit trail names the defendant by id only: personal data stays in the case record.
        record(
            "defendant.added",
            actor=acting_user,
            obj=defendant,
            case_id=case.pk,
            data={"defendant": defendant.pk, "charges": [c.name for c in charges], "stage": stage},
        )
    return defendant


def do_change_stage(
    defendant: Defendant, *, to: str, acting_user, as_of: date | None = None, reason: str = ""
) -> Defendant:
    """Move a defendant to the next stage; an unlawful move raises DomainError naming both stages."""
    access.check_change_stage(acting_user, defendant)
    as_of = as_of or clock.today()
    with transaction.atomic():
        # Re-read under a row lock so two users cannot both move the same defendant.
        current = Defendant.objects.select_for_update().only("stage", "stage_since").get(pk=defendant.pk)
        defendant.stage, defendant.stage_since = current.stage, current.stage_since
        if to not in TRANSITIONS[defendant.stage]:
            raise DomainError(
                _("不能从“%(from)s”转入“%(to)s”")
                % {"from": Stage(defendant.stage).label, "to": _stage_label(to)},
                field="stage",
            )
        if to == Stage.APPEAL:
            raise DomainError(
                _("上诉或抗诉由上一级人民法院审理（刑事诉讼法第227条、第228条）：请使用“上诉/抗诉”"),
                field="stage",
            )
        _check_decision_on_record(defendant, to)
        if as_of < defendant.stage_since:
            raise DomainError(
                _("日期不能早于进入当前阶段的日期 %(date)s") % {"date": defendant.stage_since}, field="as_of"
            )
        if defendant.stage == Stage.JUDGMENT and to == Stage.FINAL:
            _check_appeal_period_over(defendant, as_of)
        _enter_stage(defendant, to, as_of=as_of, reason=reason, acting_user=acting_user)
    return defendant


def _check_decision_on_record(defendant: Defendant, to: str) -> None:
    """A decision that closes or judges a defendant is reached only through the service that records it (its kind,
    reasons or sentence), never through the bare stage form. Trial starts with the prosecution that names the
    court, the first or an added one (追加起诉), each recorded as such."""
    if to == Stage.FIRST_INSTANCE:
        raise DomainError(
            _(
                "提起公诉须作出起诉决定、指明受理法院（刑事诉讼法第176条），已起诉案件的同案犯罪嫌疑人"
                "追加起诉（《人民检察院刑事诉讼规则》第四百二十三条）：请使用“提起公诉”"
            ),
            field="stage",
        )
    if to == Stage.NON_PROSECUTION:
        raise DomainError(
            _("不起诉须作出不起诉决定，写明种类和理由（刑事诉讼法第177条）：请使用“作出不起诉决定”"),
            field="stage",
        )
    if to == Stage.JUDGMENT:
        raise DomainError(
            _("一审判决须对每一被告人作出判决、记录其刑罚（刑事诉讼法第200条、第201条）：请使用“一审宣判”"),
            field="stage",
        )
    if to == Stage.FINAL and defendant.stage == Stage.APPEAL:
        raise DomainError(
            _("第二审的判决、裁定是终审的判决、裁定（刑事诉讼法第244条）：请使用“二审裁判”"), field="stage"
        )


def _check_appeal_period_over(defendant: Defendant, as_of: date) -> None:
    """A first-instance judgment takes effect once the appeal period has passed with no appeal or protest (CPL
    art. 259 ¶2(1)): ten days from the day after the judgment (art. 230), shifted past holidays (art. 105)."""
    window = deadline_for(defendant)
    if window is not None and as_of <= window.due:
        raise DomainError(
            _(
                "上诉、抗诉期限至 %(date)s 届满；已过法定期限没有上诉、抗诉的判决才发生法律效力"
                "（刑事诉讼法第230条、第259条）"
            )
            % {"date": window.due},
            field="as_of",
        )


def do_set_procedure(defendant: Defendant, *, procedure: str, acting_user) -> Defendant:
    access.check_set_procedure(acting_user, defendant)
    if procedure not in Procedure.values:
        raise DomainError(_("未知的审理程序：%(value)s") % {"value": procedure}, field="procedure")
    if defendant.stage not in TRIAL_STAGES:
        raise DomainError(_("审理程序在提起公诉后才能确定"), field="procedure")
    with transaction.atomic():
        previous = defendant.procedure
        defendant.procedure = procedure
        defendant.save(update_fields=["procedure"])
        record(
            "defendant.procedure.set",
            actor=acting_user,
            obj=defendant,
            case_id=defendant.case_id,
            data={"defendant": defendant.pk, "from": previous, "to": procedure},
        )
    return defendant


def _stage_label(value: str) -> str:
    return Stage(value).label if value in Stage.values else value


def sync_charge_catalogue() -> int:
    """Load the engine's charge catalogue (every charge in the Criminal Law) into the Charge table."""
    with_guideline = {name for name, crime in load_standard().crimes.items() if crime.from_guideline}
    existing = {c.name: c for c in Charge.objects.all()}
    created = 0
    for info in all_charges():
        values = {
            "article": info.article,
            "article_label": info.article_label,
            "has_guideline": info.name in with_guideline,
        }
        charge = existing.get(info.name)
        if charge is None:
            Charge.objects.create(name=info.name, **values)
            created += 1
        elif any(getattr(charge, k) != v for k, v in values.items()):
            Charge.objects.filter(pk=charge.pk).update(**values)
    return created


def _enter_stage(defendant: Defendant, to: str, *, as_of, reason: str, acting_user) -> None:
    """Move a defendant whose guards have passed into stage `to` and record it (inside the caller's atomic
    block). `reason` is stored as written: the record's language, not the reader's."""
    previous = defendant.stage
    defendant.stage, defendant.stage_since = to, as_of
    defendant.save(update_fields=["stage", "stage_since"])
    record(
        "defendant.stage.changed",
        actor=acting_user,
        obj=defendant,
        case_id=defendant.case_id,
        data={"defendant": defendant.pk, "from": previous, "to": to, "as_of": as_of, "reason": reason},
    )
