"""The first-instance judgment with each defendant's sentence, the second-instance decision (维持 / 改判 /
发回重审, CPL arts. 236–239) and retrial of a final judgment (再审, arts. 252–258): one atomic, audited function
each, each checking its permission in `access.py`."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.accounts.capabilities import has_capability
from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access
from .case_page import grouped_query
from .models import Case, Defendant, PanelMember, PenaltyKind, Retrial, SecondInstanceDecision, Sentence
from .services import _enter_stage
from .stages import Stage

Decision = SecondInstanceDecision.Decision
Ground = SecondInstanceDecision.Ground

# Statutory ranges of the principal penalties, in months (Criminal Law arts. 38, 42, 45).
TERM_RANGES = {
    PenaltyKind.SURVEILLANCE: (3, 24, "刑法第38条"),
    PenaltyKind.CRIMINAL_DETENTION: (1, 6, "刑法第42条"),
    PenaltyKind.FIXED_TERM: (6, 180, "刑法第45条"),
}
# Probation (缓刑, arts. 72–73): for 拘役 or up to three years' imprisonment; its test period, in months.
PROBATION_RANGES = {
    PenaltyKind.CRIMINAL_DETENTION: (2, 12),
    PenaltyKind.FIXED_TERM: (12, 60),
}
PROBATION_MAX_TERM = 36
# From lightest to heaviest, to compare sentences (上诉不加刑, CPL art. 237).
SEVERITY = [
    PenaltyKind.EXEMPT,
    PenaltyKind.FINE_ONLY,
    PenaltyKind.SURVEILLANCE,
    PenaltyKind.CRIMINAL_DETENTION,
    PenaltyKind.FIXED_TERM,
    PenaltyKind.LIFE,
    PenaltyKind.DEATH,
]


@dataclass(frozen=True)
class SentenceIn:
    penalty: str
    months: int | None = None
    probation_months: int | None = None
    fine_yuan: Decimal | None = None
    confiscation: bool = False  # 并处没收财产 (刑法第59条)


def check_sentence(s: SentenceIn, *, field_prefix: str = "") -> None:
    """A sentence the Criminal Law allows: the term within its penalty's range, probation only where art. 72
    allows it and its test period within art. 73's."""
    if s.penalty not in PenaltyKind.values:
        raise DomainError(_("未知的主刑：%(value)s") % {"value": s.penalty}, field=f"{field_prefix}penalty")
    if s.penalty in TERM_RANGES:
        low, high, article = TERM_RANGES[s.penalty]
        if s.months is None or not low <= s.months <= high:
            raise DomainError(
                _("%(penalty)s的期限为%(low)s至%(high)s个月（%(article)s）")
                % {"penalty": PenaltyKind(s.penalty).label, "low": low, "high": high, "article": article},
                field=f"{field_prefix}months",
            )
    elif s.months is not None:
        raise DomainError(
            _("%(penalty)s没有刑期") % {"penalty": PenaltyKind(s.penalty).label},
            field=f"{field_prefix}months",
        )
    if s.probation_months is not None:
        if s.penalty not in PROBATION_RANGES or (
            s.penalty == PenaltyKind.FIXED_TERM and s.months > PROBATION_MAX_TERM
        ):
            raise DomainError(
                _("缓刑只适用于被判处拘役、三年以下有期徒刑的犯罪分子（刑法第72条）"),
                field=f"{field_prefix}probation_months",
            )
        low, high = PROBATION_RANGES[s.penalty]
        if not (max(low, s.months) <= s.probation_months <= high):
            raise DomainError(
                _(
                    "缓刑考验期不能少于原判刑期，拘役为二个月以上一年以下，有期徒刑为一年以上五年以下（刑法第73条）"
                ),
                field=f"{field_prefix}probation_months",
            )
    if s.fine_yuan is not None and s.fine_yuan <= 0:
        raise DomainError(_("罚金数额应当大于零（刑法第52条）"), field=f"{field_prefix}fine_yuan")
    if s.confiscation and s.penalty == PenaltyKind.EXEMPT:
        raise DomainError(
            _("免予刑事处罚的，不判处刑罚，不能并处没收财产（刑法第37条）"),
            field=f"{field_prefix}confiscation",
        )
    if s.confiscation and s.penalty == PenaltyKind.FINE_ONLY:
        raise DomainError(
            _("单处罚金的，不能同时判处没收财产（刑法第34条、第59条）"), field=f"{field_prefix}confiscation"
        )


def _heavier(new: SentenceIn, old: Sentence) -> bool:
    """Whether `new` is heavier than `old`: a heavier penalty, a longer term, probation taken away, confiscation
    added (an additional penalty the judgment did not impose), a larger fine."""
    a, b = SEVERITY.index(new.penalty), SEVERITY.index(old.penalty)
    if a != b:
        return a > b
    if (new.months or 0) != (old.months or 0):
        return (new.months or 0) > (old.months or 0)
    if old.probation_months is not None and new.probation_months is None:
        return True
    if new.confiscation and not old.confiscation:
        return True
    return (new.fine_yuan or 0) > (old.fine_yuan or 0)


def current_sentence(defendant: Defendant) -> Sentence | None:
    """The sentence in force (or last given): the defendant's latest."""
    return defendant.sentences.order_by("-judged_on", "-id").first()


def _sentences_for(defendants, sentences: dict) -> dict[int, SentenceIn]:
    """One valid sentence for each defendant, keyed by pk; a missing one is refused on its defendant."""
    out = {}
    for defendant in defendants:
        given = sentences.get(defendant.pk)
        if given is None:
            raise DomainError(
                _("判决应当对每一被告人作出（缺少%(name)s的刑罚）") % {"name": defendant.name},
                field=f"d{defendant.pk}-penalty",
            )
        s = given if isinstance(given, SentenceIn) else SentenceIn(**given)
        check_sentence(s, field_prefix=f"d{defendant.pk}-")
        out[defendant.pk] = s
    return out


def _create_sentence(defendant, s: SentenceIn, *, instance, court, judge, judged_on) -> Sentence:
    return Sentence.objects.create(
        defendant=defendant,
        instance=instance,
        court=court,
        judge=judge,
        judged_on=judged_on,
        penalty=s.penalty,
        months=s.months,
        probation_months=s.probation_months,
        fine_yuan=s.fine_yuan,
        confiscation=s.confiscation,
    )


def _sentence_data(s: SentenceIn) -> dict:
    return {
        "penalty": s.penalty,
        "months": s.months,
        "probation_months": s.probation_months,
        "fine_yuan": str(s.fine_yuan) if s.fine_yuan is not None else None,
        "confiscation": s.confiscation,
    }


def do_record_judgment(case: Case, *, sentences: dict, acting_user, judged_on: date | None = None) -> Case:
    """The first-instance judgment (宣判): each defendant at first instance gets a sentence and moves to 一审判决,
    from which the ten days for 上诉 / 抗诉 run (CPL art. 230)."""
    access.check_record_judgment(acting_user, case)
    judged_on = judged_on or clock.today()
    with transaction.atomic():
        defendants = list(
            Defendant.objects.select_for_update().filter(case=case, stage=Stage.FIRST_INSTANCE).order_by("pk")
        )
        if not defendants:
            raise DomainError(_("没有处于一审阶段的被告人，不能宣判"), field="judged_on")
        if case.court_filed_on and judged_on < case.court_filed_on:
            raise DomainError(_("判决日期不能早于立案日期"), field="judged_on")
        late = [d for d in defendants if judged_on < d.stage_since]  # prosecuted later (追加起诉)
        if late:
            raise DomainError(
                _("判决日期不能早于 %(name)s 被提起公诉的日期 %(date)s")
                % {"name": late[0].name, "date": late[0].stage_since},
                field="judged_on",
            )
        given = _sentences_for(defendants, sentences)
        for defendant in defendants:
            _create_sentence(
                defendant,
                given[defendant.pk],
                instance=Sentence.Instance.FIRST,
                court=case.court,
                judge=acting_user,
                judged_on=judged_on,
            )
        record(
            "case.judgment.recorded",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={
                "court": case.court.name,
                "judged_on": judged_on,
                "sentences": {str(pk): _sentence_data(s) for pk, s in given.items()},
            },
        )
        for defendant in defendants:
            _enter_stage(
                defendant, Stage.JUDGMENT, as_of=judged_on, reason="一审判决", acting_user=acting_user
            )
    return case


def _appeal_kind(case: Case) -> str | None:
    """上诉 or 抗诉, as the audit trail recorded the case's latest appeal."""
    from leniency.audit.models import AuditEvent

    event = AuditEvent.objects.filter(case_id=case.pk, action="case.appealed").order_by("-pk").first()
    return (event.data or {}).get("kind") if event is not None else None


def do_decide_second_instance(
    case: Case,
    *,
    decision: str,
    acting_user,
    decided_on: date | None = None,
    ground: str = "",
    reasons: str = "",
    sentences: dict | None = None,
) -> SecondInstanceDecision:
    """The court above's decision (CPL art. 236). 维持原判 and 改判 are final (art. 244) and close the defendants;
    改判 on the defendant's appeal alone may not be heavier (art. 237); 发回重审 returns the case to the
    first-instance court, which files it again and tries it with another panel (art. 239); a remand for unclear
    facts is allowed once (art. 236 ¶2)."""
    access.check_decide_second_instance(acting_user, case)
    if decision not in Decision.values:
        raise DomainError(_("未知的二审结果：%(value)s") % {"value": decision}, field="decision")
    decided_on = decided_on or clock.today()
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        defendants = list(
            Defendant.objects.select_for_update().filter(case=case, stage=Stage.APPEAL).order_by("pk")
        )
        if not defendants:
            raise DomainError(_("没有处于二审阶段的被告人"), field="decision")
        if current.court_filed_on and decided_on < current.court_filed_on:
            raise DomainError(_("宣判日期不能早于二审立案日期"), field="decided_on")
        given = {}
        if decision == Decision.AMEND:
            given = _sentences_for(defendants, sentences or {})
            if _appeal_kind(case) == "appeal":
                for defendant in defendants:
                    before = current_sentence(defendant)
                    if before is not None and _heavier(given[defendant.pk], before):
                        raise DomainError(
                            _(
                                "第二审人民法院审判被告人一方上诉的案件，不得加重被告人的刑罚（刑事诉讼法第237条）"
                            ),
                            field=f"d{defendant.pk}-penalty",
                        )
        if decision == Decision.REMAND:
            if ground not in Ground.values:
                raise DomainError(
                    _(
                        "发回重审须写明理由：事实不清、证据不足（刑事诉讼法第236条）或违反法定诉讼程序（第238条）"
                    ),
                    field="ground",
                )
            if (
                ground == Ground.FACTS
                and SecondInstanceDecision.objects.filter(
                    case=case, decision=Decision.REMAND, ground=Ground.FACTS
                ).exists()
            ):
                raise DomainError(
                    _(
                        "因事实不清、证据不足发回重审的案件，第二审人民法院不得再发回重审（刑事诉讼法第236条第2款）"
                    ),
                    field="ground",
                )
        else:
            ground = ""
        first_judge = (
            Sentence.objects.filter(defendant__in=defendants, instance=Sentence.Instance.FIRST)
            .order_by("-judged_on", "-id")
            .values_list("judge", flat=True)
            .first()
        )
        decided = SecondInstanceDecision.objects.create(
            case=case,
            court=current.court,
            judge=acting_user,
            decision=decision,
            ground=ground,
            reasons=reasons,
            decided_on=decided_on,
            remanded_to=current.first_instance_court if decision == Decision.REMAND else None,
            previous_judge_id=first_judge if decision == Decision.REMAND else None,
        )
        for defendant in defendants:
            if decision == Decision.AMEND:
                _create_sentence(
                    defendant,
                    given[defendant.pk],
                    instance=Sentence.Instance.SECOND,
                    court=current.court,
                    judge=acting_user,
                    judged_on=decided_on,
                )
        record(
            "case.second_instance.decided",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={
                "decision": decision,
                "ground": ground,
                "court": current.court.name,
                "decided_on": decided_on,
                "sentences": {str(pk): _sentence_data(s) for pk, s in given.items()},
            },
        )
        if decision == Decision.REMAND:
            case.court = current.first_instance_court
            case.judge, case.court_filed_on, case.appealed_on = None, None, None
            case.save(update_fields=["court", "judge", "court_filed_on", "appealed_on"])
            to, reason = Stage.FIRST_INSTANCE, "发回重审"
        else:
            to, reason = Stage.FINAL, "二审" + Decision(decision).label
        for defendant in defendants:
            _enter_stage(defendant, to, as_of=decided_on, reason=reason, acting_user=acting_user)
    return decided


def check_new_panel(case: Case, judge) -> None:
    """After a remand the first-instance court tries the case with another panel (CPL art. 239)."""
    remands = SecondInstanceDecision.objects.filter(
        case=case, decision=Decision.REMAND, remanded_to_id=case.court_id
    )
    if remands.filter(previous_judge=judge).exists() or (
        remands.exists()
        and PanelMember.objects.filter(case=case, court_id=case.court_id, judge=judge).exists()
    ):
        raise DomainError(
            _("发回重审的案件，原审人民法院应当另行组成合议庭（刑事诉讼法第239条）：%(name)s 参加过原审")
            % {"name": judge},
            field="judge",
        )


# --- retrial (再审) of a final judgment ----------------------------------------------------------------------------


def open_retrial(case: Case) -> Retrial | None:
    # The model's order within one case, without joining the case to order by it.
    return case.retrials.filter(decided_on__isnull=True).order_by("started_on", "id").first()


def do_start_retrial(
    case: Case, *, initiator: str, reasons: str, acting_user, started_on: date | None = None
) -> Retrial:
    """Reopen a final judgment (审判监督程序): the court that gave it retries it (CPL art. 256)."""
    if initiator not in Retrial.Initiator.values:
        raise DomainError(_("未知的再审启动方式：%(value)s") % {"value": initiator}, field="initiator")
    access.check_start_retrial(acting_user, case, initiator=initiator)
    started_on = started_on or clock.today()
    if not reasons.strip():
        raise DomainError(_("请写明再审理由（刑事诉讼法第253条）"), field="reasons")
    with transaction.atomic():
        Case.objects.select_for_update().only("pk").get(pk=case.pk)
        stages = set(case.defendants.values_list("stage", flat=True))
        if stages != {Stage.FINAL}:
            raise DomainError(
                _("审判监督程序只适用于已经发生法律效力的判决和裁定（刑事诉讼法第252条、第254条）"),
                field="initiator",
            )
        if open_retrial(case) is not None:
            raise DomainError(_("本案已在再审中"), field="initiator")
        retrial = Retrial.objects.create(
            case=case,
            initiator=initiator,
            court=case.court,
            started_by=acting_user,
            started_on=started_on,
            reasons=reasons,
        )
        record(
            "case.retrial.started",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={"initiator": initiator, "court": case.court.name, "started_on": started_on},
        )
    return retrial


def do_assign_retrial_judge(retrial: Retrial, *, judge, acting_user) -> Retrial:
    """The retrial court's filing office names the judge of the new panel (CPL art. 256): no one who judged the
    case before; from then on that judge is the case's."""
    access.check_assign_retrial_judge(acting_user, retrial)
    if not (has_capability(judge, "adjudicate") and judge.organisation_id == retrial.court_id):
        raise DomainError(_("%(name)s 不是本院法官") % {"name": judge}, field="judge")
    case = retrial.case
    sat_before = (
        case.judge_id == judge.pk
        or Sentence.objects.filter(defendant__case=case, judge=judge).exists()
        or PanelMember.objects.filter(case=case, judge=judge).exists()
    )
    if sat_before:
        raise DomainError(
            _("再审应当另行组成合议庭（刑事诉讼法第256条）：%(name)s 参加过原审") % {"name": judge},
            field="judge",
        )
    with transaction.atomic():
        retrial.judge = judge
        retrial.save(update_fields=["judge"])
        case.judge = judge
        case.save(update_fields=["judge"])
        record(
            "case.retrial.judge_assigned",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={"judge": judge.pk, "name": str(judge)},
        )
    return retrial


def do_decide_retrial(
    retrial: Retrial,
    *,
    outcome: str,
    acting_user,
    decided_on: date | None = None,
    sentences: dict | None = None,
) -> Retrial:
    """The retrial's judgment: 维持原判, or 改判 with each defendant's new sentence."""
    access.check_decide_retrial(acting_user, retrial)
    if outcome not in Retrial.Outcome.values:
        raise DomainError(_("未知的再审结果：%(value)s") % {"value": outcome}, field="outcome")
    decided_on = decided_on or clock.today()
    with transaction.atomic():
        current = Retrial.objects.select_for_update().get(pk=retrial.pk)
        if current.decided_on is not None:
            raise DomainError(_("再审已于 %(date)s 宣判") % {"date": current.decided_on}, field="outcome")
        if decided_on < current.started_on:
            raise DomainError(_("再审宣判日期不能早于决定再审的日期"), field="decided_on")
        defendants = list(retrial.case.defendants.order_by("pk"))
        given = _sentences_for(defendants, sentences or {}) if outcome == Retrial.Outcome.AMEND else {}
        for defendant in defendants:
            if outcome == Retrial.Outcome.AMEND:
                _create_sentence(
                    defendant,
                    given[defendant.pk],
                    instance=Sentence.Instance.RETRIAL,
                    court=retrial.court,
                    judge=acting_user,
                    judged_on=decided_on,
                )
        retrial.outcome, retrial.decided_on = outcome, decided_on
        retrial.save(update_fields=["outcome", "decided_on"])
        record(
            "case.retrial.decided",
            actor=acting_user,
            obj=retrial.case,
            case_id=retrial.case_id,
            data={
                "outcome": outcome,
                "decided_on": decided_on,
                "sentences": {str(pk): _sentence_data(s) for pk, s in given.items()},
            },
        )
    return retrial


_SENTENCES_OF_CASE = grouped_query(
    lambda pk: Sentence.objects.filter(defendant__case=pk).order_by("judged_on", "id")
)

# Compiled once (leniency/compiled_queries.py): built and compiled on each page it cost about 0.4 ms under load.
_OPEN_RETRIALS_OF_CASE = grouped_query(
    lambda pk: Retrial.objects.filter(case=pk, decided_on__isnull=True).order_by("started_on", "id")
)


def case_page_actions(user, case: Case, defendants) -> dict:
    """What the case page offers about judgments, from the defendants it already loaded: two queries at most
    (the sentences, the open retrial), none before the case reaches a court."""
    stages = {d.stage for d in defendants}
    latest = {}
    # Only a court gives a sentence (do_record_judgment and the later instances, on the case's court), and a case
    # keeps its court once it has one: a case no court holds has none to read.
    for s in _SENTENCES_OF_CASE(case.pk) if case.court_id is not None else ():
        latest[s.defendant_id] = s
    for d in defendants:
        d.sentence_in_force = latest.get(d.pk)
    retrial = None
    if stages == {Stage.FINAL}:
        # open_retrial's, the first open one by started_on and id, sorted here: no ORDER BY ... LIMIT to compile.
        open_ones = _OPEN_RETRIALS_OF_CASE(case.pk)
        retrial = open_ones[0] if open_ones else None
        if retrial is not None:
            retrial.case = case  # as case.retrials would give it: read with the case, not again
    can_start = False
    if stages == {Stage.FINAL} and retrial is None:
        for initiator in Retrial.Initiator.values:
            try:
                access.check_start_retrial(user, case, initiator=initiator)
            except Exception:  # Forbidden: this one is not the user's to start
                continue
            can_start = True
            break
    return {
        "can_record_judgment": Stage.FIRST_INSTANCE in stages and access.can_record_judgment(user, case),
        "can_decide_second_instance": Stage.APPEAL in stages
        and access.can_decide_second_instance(user, case),
        "can_start_retrial": can_start,
        "open_retrial": retrial,
        "can_assign_retrial_judge": retrial is not None
        and retrial.judge_id is None
        and access._court_clerk_of(user, retrial.court_id),
        "can_decide_retrial": retrial is not None and retrial.judge_id == user.pk,
    }
