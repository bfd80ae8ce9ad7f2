"""Every demo case comes in and moves on as real ones do: through the services, role by role, each step on its day.

A case is registered by its procuratorate's case management (`do_open_case`, `do_add_defendant`) and given to its
prosecutor (`do_assign_prosecutor`), who moves each defendant into review and back for supplementary
investigation or records the withdrawal of the case (撤案) (`do_change_stage`), decides not to prosecute
(`nonprosecution.do_decide_non_prosecution`) or prosecutes to the court the law names (`do_prosecute`,
cases/jurisdiction.py). That court's clerk files it with its judge (`do_file_case`), who gives the procedure
(`do_set_procedure`), records a withdrawal of the prosecution (撤回起诉, `do_change_stage`), the judgment with each
defendant's sentence (`judgments.do_record_judgment`, the sentence from sentences.py) and, once the ten days for
an appeal have passed, its taking effect (`do_change_stage`, CPL art. 230). An appeal is lodged through the
first-instance court's clerk (`do_appeal`), filed by the intermediate court's clerk with a panel of three
(`do_file_case`) and decided by it (`judgments.do_decide_second_instance`): upheld, changed to a lighter sentence
(改判) or sent back (发回重审, timeline.decide_appeal), in which case the first court's clerk files it again with a
judge who did not sit before (CPL art. 239), who sets the ordinary procedure, judges it again and lets that
judgment take effect. A final judgment may be retried (再审, on a petition the court accepted): its clerk starts the
retrial and names a judge who did not sit (`do_start_retrial`, `do_assign_retrial_judge`), who decides it
(`do_decide_retrial`). Lawyers are recorded by the legal-aid
centre, a retained one by the prosecutor (`counsel.services.do_assign_counsel`), not through the rota's request
and allocation (counsel/rota.py): the rota picks its own lawyer from the periods, stations and lawyer profiles that
the counsel builder (builders/counsel.py) adds afterwards, and the demo must say which lawyer serves whom (the
lawyer personas' share); that builder gives the duty lawyers' assignments their requests and allocations. Each
service checks its permission and guards and writes its own audit event; the steps of all cases are replayed in
time order, each at the moment it happened (`clock.running_at`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from leniency import clock
from leniency.cases.judgments import (
    TERM_RANGES,
    SentenceIn,
    current_sentence,
    do_assign_retrial_judge,
    do_decide_retrial,
    do_decide_second_instance,
    do_record_judgment,
    do_start_retrial,
)
from leniency.cases.models import Defendant, NonProsecution, SecondInstanceDecision
from leniency.cases.nonprosecution import do_decide_non_prosecution
from leniency.cases.services import (
    do_add_defendant,
    do_appeal,
    do_assign_prosecutor,
    do_change_stage,
    do_file_case,
    do_open_case,
    do_prosecute,
    do_set_procedure,
)
from leniency.cases.stages import Procedure, Stage
from leniency.counsel.services import do_assign_counsel

from .events import at
from .sentences import sentence_for

PERSON_FIELDS = (
    "name",
    "id_number",
    "phone",
    "birth_date",
    "gender",
    "ethnicity",
    "education",
    "occupation",
    "detention",
    "detained_on",
    "released_on",
)
# The order of a day's steps in one case: a defendant leaves before the others are prosecuted or judged.
(
    REGISTER,
    ASSIGN,
    MOVE,
    COUNSEL,
    NOT_PROSECUTED,
    PROSECUTE,
    FILE,
    WITHDRAWN_AT_TRIAL,
    JUDGE,
    APPEAL,
    APPEAL_FILE,
    FINAL,
    REFILE,
    RETRIAL,
) = range(14)
Decision = SecondInstanceDecision.Decision

Step = tuple[datetime, int, int, Callable[[], None]]


def transfer_number(case, police_short: str, serial: int) -> str:
    """The 起诉意见书's number, in the police's style: 海公（刑）诉字〔2026〕12号."""
    return f"{police_short}公（刑）诉字〔{case.row.received_on.year}〕{serial}号"


def replay(steps: list[Step]) -> None:
    """Run the steps of every case in time order (a case's own steps are in order by construction)."""
    for moment, _case, _step, run in sorted(steps, key=lambda s: s[:3]):
        with clock.running_at(moment):
            run()


AMEND_REASONS = "原判量刑偏重，依法改判"
REMAND_REASONS = "原判认定的部分犯罪事实不清、证据不足，发回原审人民法院重新审判"


def _judge_who_did_not_sit(team, judge):
    """A remanded case (CPL art. 239) and a retried one (art. 256) go to another panel: the first of the court's
    judges who did not sit."""
    return next(j for j in team.judges if j != judge)


def lighter(sentence) -> SentenceIn | None:
    """The sentence a 改判 on the defendant's appeal gives instead of `sentence`: its term a sixth shorter (at least
    a month, within the penalty's range), or None where the term cannot be shortened (CPL art. 237 allows no
    heavier one)."""
    if sentence.months is None or sentence.penalty not in TERM_RANGES:
        return None
    low = TERM_RANGES[sentence.penalty][0]
    months = max(low, sentence.months - max(1, sentence.months // 6))
    if months == sentence.months:
        return None
    probation = sentence.probation_months
    if probation is not None:
        probation = max(probation, months)
    return SentenceIn(
        sentence.penalty, months=months, probation_months=probation, fine_yuan=sentence.fine_yuan
    )


def _same(sentence) -> SentenceIn:
    return SentenceIn(
        sentence.penalty,
        months=sentence.months,
        probation_months=sentence.probation_months,
        fine_yuan=sentence.fine_yuan,
    )


def _lighter_sentences(defendants) -> dict[int, SentenceIn] | None:
    """The sentences a 改判 gives these defendants (each `lighter`, or the same where a term cannot be shortened),
    or None where no term can be shortened at all."""
    given = {d.pk: current_sentence(d) for d in defendants}
    changed = {pk: lighter(s) for pk, s in given.items()}
    if not any(changed.values()):
        return None
    return {pk: changed[pk] or _same(s) for pk, s in given.items()}


def _decide(case, outcome, presiding, decided_on) -> None:
    """The court above's decision as planned (timeline.decide_appeal); a 改判 where no term can be shortened is
    upheld instead."""
    decision = outcome.decision if outcome is not None else Decision.UPHOLD
    sentences, reasons, ground = None, "", ""
    if decision == Decision.AMEND:
        sentences = _lighter_sentences(case.defendants.filter(stage=Stage.APPEAL).order_by("pk"))
        if sentences:
            reasons = AMEND_REASONS
        else:
            decision = Decision.UPHOLD
    elif decision == Decision.REMAND:
        ground, reasons = SecondInstanceDecision.Ground.FACTS, REMAND_REASONS
    do_decide_second_instance(
        case,
        decision=decision,
        acting_user=presiding,
        decided_on=decided_on,
        ground=ground,
        reasons=reasons,
        sentences=sentences,
    )


RETRIAL_REASONS = "被告人申诉，本院审查认为原判量刑不当，决定再审（刑事诉讼法第252条、第253条）"


def _start_retrial(case, team, started_on) -> None:
    """The court whose judgment took effect accepts the petition and retries it with a judge who did not sit."""
    retrial = do_start_retrial(
        case,
        initiator="petition",
        reasons=RETRIAL_REASONS,
        acting_user=team.court_clerk,
        started_on=started_on,
    )
    do_assign_retrial_judge(
        retrial, judge=_judge_who_did_not_sit(team, case.judge), acting_user=team.court_clerk
    )


def _decide_retrial(case, decided_on) -> None:
    """改判 to the lighter sentences where a term can be shortened, else 维持原判."""
    retrial = case.retrials.get(decided_on__isnull=True)
    sentences = _lighter_sentences(case.defendants.order_by("pk"))
    do_decide_retrial(
        retrial,
        outcome="amend" if sentences else "uphold",
        sentences=sentences,
        acting_user=retrial.judge,
        decided_on=decided_on,
    )


def case_steps(
    index: int,
    case,
    team,
    police,
    *,
    appeal_court,
    officer,
    serial: int,
    rng: random.Random,
    cutoff: date,
    sentence: Callable[[Defendant], SentenceIn] = sentence_for,
) -> list[Step]:
    """The steps that register, assign, move, decide, prosecute, file, judge and close one planned case, each at
    its moment; once run, the case's rows are the services' rows. `sentence` gives each tried defendant's sentence
    at the judgment (the calculator by default; the study district L区 passes the term its recommendation asked
    for)."""
    row = case.row
    manager, prosecutor = team.case_manager, row.prosecutor
    transferred = any(d.path.reached(Stage.PROSECUTION_REVIEW) for d in case.defendants)
    planned: list[tuple[date, int, int, Callable[[], None]]] = []
    added: set[int] = set()  # the steps a remand or a retrial adds, timed with the case's own draws

    def plan(on: date, order: int, run: Callable[[], None], *, add: bool = False) -> None:
        if add:
            added.add(len(planned))
        planned.append((on, order, len(planned), run))

    def register():
        opened = do_open_case(
            title=row.title,
            region=row.region,
            procuratorate=row.procuratorate,
            received_on=row.received_on,
            acting_user=manager,
            number=row.number,
            facts=row.facts,
            transferring_agency=police.name,
            transfer_document_number=transfer_number(case, row.region.name[:1], serial)
            if transferred
            else "",
        )
        for d in case.defendants:
            person = {name: getattr(d.row, name) for name in PERSON_FIELDS}
            d.row = do_add_defendant(
                opened,
                charges=d.charges,
                acting_user=manager,
                stage=Stage.INVESTIGATION,
                stage_since=row.received_on,
                **person,
            )
        case.row = opened

    def fresh(d):
        d.row.refresh_from_db(fields=["stage", "stage_since"])  # a case-wide service may have moved it
        return d.row

    def move(d, m, actor):
        return lambda: do_change_stage(fresh(d), to=m.to, acting_user=actor(), as_of=m.on, reason=m.reason)

    def not_prosecuted(d, on):
        return lambda: do_decide_non_prosecution(
            fresh(d),
            kind=NonProsecution.Kind.DISCRETIONARY,
            reasons=d.path.moves[-1].reason,
            acting_user=prosecutor,
            decided_on=on,
        )

    def assign_counsel(d):
        actor = prosecutor if d.path.counsel_kind == "retained" else officer
        return lambda: do_assign_counsel(
            d.row, lawyer=d.lawyer, kind=d.path.counsel_kind, acting_user=actor, as_of=clock.now()
        )

    plan(row.received_on, REGISTER, register)
    plan(
        row.received_on,
        ASSIGN,
        lambda: do_assign_prosecutor(case.row, prosecutor=prosecutor, acting_user=manager),
    )
    # The case-wide steps, each once: prosecution, judgment, appeal, its decision and, after a remand, the new
    # judgment.
    moments: dict[str, date] = {}
    outcome = getattr(case, "appeal_outcome", None)
    judge_again = (
        _judge_who_did_not_sit(team, case.judge) if outcome and outcome.decision == Decision.REMAND else None
    )
    for d in case.defendants:
        if d.lawyer is not None:
            plan(d.path.counsel_on, COUNSEL, assign_counsel(d))
        previous, remanded = Stage.INVESTIGATION, False
        for m in d.path.moves:
            if m.to == Stage.NON_PROSECUTION:
                plan(m.on, NOT_PROSECUTED, not_prosecuted(d, m.on))
            elif m.to == Stage.FIRST_INSTANCE and previous == Stage.APPEAL:
                moments.setdefault("decided", m.on)  # 发回重审
                remanded = True
            elif m.to == Stage.FIRST_INSTANCE:
                moments.setdefault("prosecuted", m.on)
            elif m.to == Stage.JUDGMENT:
                moments.setdefault("judged_again" if remanded else "judged", m.on)
            elif m.to == Stage.APPEAL:
                moments.setdefault("appealed", m.on)
            elif m.to == Stage.FINAL and previous == Stage.APPEAL:
                moments.setdefault("decided", m.on)
            elif m.to == Stage.FINAL and remanded:
                plan(m.on, FINAL, move(d, m, lambda: judge_again), add=True)
            elif m.to == Stage.FINAL:
                plan(m.on, FINAL, move(d, m, lambda: case.judge))
            elif m.to == Stage.CASE_WITHDRAWN and previous == Stage.FIRST_INSTANCE:
                plan(m.on, WITHDRAWN_AT_TRIAL, move(d, m, lambda: case.judge))
            else:  # into review, back for supplementary investigation, 撤案: the procuratorate's moves
                plan(m.on, MOVE, move(d, m, lambda: prosecutor))
            previous = m.to

    if "prosecuted" in moments:
        trial_on = moments["prosecuted"]
        filed_on = min(trial_on + timedelta(days=rng.randint(0, 2)), cutoff)

        def file():
            do_file_case(case.row, judge=case.judge, acting_user=team.court_clerk, filed_on=filed_on)
            for d in case.defendants:
                if fresh(d).stage == Stage.FIRST_INSTANCE:
                    do_set_procedure(d.row, procedure=d.path.procedure, acting_user=case.judge)

        plan(trial_on, PROSECUTE, lambda: do_prosecute(case.row, acting_user=prosecutor, as_of=trial_on))
        plan(filed_on, FILE, file)

    def judge(judged_on, judge_user):
        def run():
            tried = (
                Defendant.objects.filter(case=case.row, stage=Stage.FIRST_INSTANCE)
                .select_related("case")
                .prefetch_related("case__defendants", "charge_links__charge")
                .order_by("pk")
            )
            sentences = {d.pk: sentence(d) for d in tried}
            do_record_judgment(case.row, sentences=sentences, acting_user=judge_user(), judged_on=judged_on)

        return run

    if "judged" in moments:
        plan(moments["judged"], JUDGE, judge(moments["judged"], lambda: case.judge))
    if "appealed" in moments:
        lodged_on = moments["appealed"]
        decided_on = moments.get("decided")
        appeal_filed_on = min(lodged_on + timedelta(days=rng.randint(1, 5)), decided_on or cutoff, cutoff)
        presiding, *members = appeal_court.judges

        def file_appeal():
            do_file_case(
                case.row,
                judge=presiding,
                members=members,
                acting_user=appeal_court.court_clerk,
                filed_on=appeal_filed_on,
            )

        plan(
            lodged_on,
            APPEAL,
            lambda: do_appeal(case.row, kind="appeal", acting_user=team.court_clerk, lodged_on=lodged_on),
        )
        plan(appeal_filed_on, APPEAL_FILE, file_appeal)
        if decided_on is not None:
            plan(decided_on, FINAL, lambda: _decide(case.row, outcome, presiding, decided_on))
        if outcome is not None and outcome.decision == Decision.REMAND:
            refiled_on = outcome.refiled_on

            def refile():
                do_file_case(case.row, judge=judge_again, acting_user=team.court_clerk, filed_on=refiled_on)
                for d in case.defendants:
                    if fresh(d).stage == Stage.FIRST_INSTANCE and d.row.procedure != Procedure.ORDINARY:
                        do_set_procedure(d.row, procedure=Procedure.ORDINARY, acting_user=judge_again)

            plan(refiled_on, REFILE, refile, add=True)
            if "judged_again" in moments:
                again = judge(moments["judged_again"], lambda: judge_again)
                plan(moments["judged_again"], JUDGE, again, add=True)

    retrial = getattr(case, "retrial", None)
    if retrial is not None:
        plan(
            retrial.started_on, RETRIAL, lambda: _start_retrial(case.row, team, retrial.started_on), add=True
        )
        plan(retrial.decided_on, RETRIAL, lambda: _decide_retrial(case.row, retrial.decided_on), add=True)

    steps: list[Step] = []
    # The steps a remand or a retrial adds come last in their case and draw their times from the case's own
    # generator, so that the other cases' times and filing dates stay those of the demo without them.
    own = random.Random(row.number) if added else rng
    for on, order, n, run in sorted(planned, key=lambda p: p[:3]):
        draw = own if n in added else rng
        hours = (9, 11) if order == REGISTER else (9, 17) if order == ASSIGN else (8, 18)
        moment = at(on, draw, start_hour=hours[0], end_hour=hours[1])
        if steps:
            moment = max(moment, steps[-1][0] + timedelta(minutes=draw.randint(1, 3)))
        steps.append((moment, index, len(steps), run))
    return steps
