"""No harsher sentence on the defendant's own appeal (上诉不加刑): Criminal Procedure Law art. 237.

"第二审人民法院审判被告人或者他的法定代理人、辩护人、近亲属上诉的案件，不得加重被告人的刑罚……人民检察院提出抗诉或者
自诉人提出上诉的，不受前款规定的限制。" An appeal text (issue 16, class 7: "原判认定…", "事实与原判相同") that states
the sentence below (`Procedure.original`, read with its source sentence) bounds the sentence the engine
gives: no heavier kind of penalty (RANK: 刑法第33、34条 list the principal penalties from the lightest, 管制、拘役、
有期徒刑、无期徒刑、死刑; a fine alone, 刑法第52条, is lighter than any of them and an exemption, 第37条, lighter still), a
term no longer than the original's of the same kind, and no fine above the original's where the text states it
(罚金, 刑法第34条). Not where the text names a protest (抗诉) or a private prosecutor (自诉人), nor where
the original is masked (CAIL writes ××) or is itself life or death.

A retrial (再审, 审判监督程序) is bound the same way: "除人民检察院抗诉的以外，再审一般不得加重原审被告人的刑罚"
(最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释, 法释〔2021〕1号, 第469条; the number is the one the
brief gives, not confirmed from a source here, so the step cites the content and has low confidence: "一般").
Only a protest (抗诉) lifts it; there is no private prosecutor's appeal in a retrial.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from leniency.sentencing.calculation import Calculation, Penalty, StepKind
from leniency.sentencing.extraction.numbers import TERM
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import Standard
from leniency.sentencing.trace import Phrase, Trace

# what lifts the bound: a protest, a private prosecutor's appeal (第237条第2款), and, for a case sent back, the new facts
# the procuratorate added (第237条第1款: 除有新的犯罪事实，人民检察院补充起诉的以外)
NOT_BOUND = {"appeal": re.compile(r"抗诉|自诉人|补充起诉"), "retrial": re.compile(r"抗诉")}
# a protest the text says was not made (公诉机关未提出抗诉 / 在法定期限内没有上诉、抗诉 / 请求抗诉未果) lifts nothing
NO_PROTEST_RE = re.compile(r"(?:未|没有|均未|并未|无)(?:提出|提起)?(?:上诉[、和或]?)?抗诉|抗诉未果")
# 法释〔2021〕1号第401条 (recalled, unconfirmed here; its item on 缓刑): 原判对被告人宣告缓刑的，不得撤销缓刑或者延长缓刑考验期
# the suspension follows the term with a period of its own (…有期徒刑十个月，缓刑一年); 撤销缓刑 in its clause undoes one
SUSPENDED_BELOW_RE = re.compile(rf"缓刑\s*{TERM}")
# lightest first: an engine sentence of a later kind than the original's is heavier whatever its months
RANK = {
    Penalty.EXEMPT.value: 0,
    Penalty.FINE_ONLY.value: 1,
    Penalty.SURVEILLANCE.value: 2,
    Penalty.DETENTION.value: 3,
    Penalty.IMPRISONMENT.value: 4,
}


def no_harsher_on_appeal(
    calc: Calculation, facts: CaseFacts, standard: Standard, trace: Trace
) -> Calculation:
    """`calc` bounded by the original sentence of an appeal the defendant's side brought (see the module)."""
    procedure = facts.procedure
    stage = procedure.stage if procedure is not None else None
    if stage not in NOT_BOUND or _lifted(facts.text or "", NOT_BOUND[stage]):
        return calc
    cfg = standard.method[f"{stage}_no_harsher"]
    calc = _no_heavier_fine(calc, procedure.original_fine_yuan, cfg, trace, stage)
    original = procedure.original
    if original is None or original.months is None or original.penalty not in RANK:
        return calc
    calc = _suspension_kept(calc, original, trace)
    if calc.death_penalty or calc.life_imprisonment or calc.penalty not in RANK:
        heavier = True
    elif RANK[calc.penalty] != RANK[original.penalty]:
        heavier = RANK[calc.penalty] > RANK[original.penalty]
    else:
        heavier = (calc.months or 0) > original.months
    if not heavier:
        return calc
    worded = {"months": original.months} if RANK[original.penalty] >= RANK[Penalty.SURVEILLANCE] else {}
    trace.step(
        f"method.{stage}.no_harsher"
        if worded
        else f"method.{stage}.no_harsher_kind",  # a fine alone has no months
        kind=StepKind.CLAMP,
        before=calc.months,
        after=original.months,
        rule_id=cfg.get("rule_id", "method.appeal.no_harsher"),
        citation=cfg.get("citation", "刑事诉讼法第237条"),
        confidence=cfg.get("confidence", "medium"),
        quote=original.span.quote if original.span else "",
        penalty=Phrase(f"phrase.penalty.{original.penalty}"),
        **worded,
    )
    fine = calc.fine_yuan
    if original.penalty == Penalty.EXEMPT:  # 免予刑事处罚: no penalty at all, so no fine
        fine = None
    elif (
        original.penalty == Penalty.FINE_ONLY and fine is None
    ):  # the fine is the whole of the original sentence
        fine = procedure.original_fine_yuan
    custodial = original.penalty in (Penalty.IMPRISONMENT.value, Penalty.DETENTION.value)
    return dataclasses.replace(
        calc,
        months=original.months,
        low=min(calc.low, original.months)
        if RANK.get(calc.penalty) == RANK[original.penalty]
        else original.months,
        high=original.months,
        penalty=original.penalty,
        death_penalty=False,
        life_imprisonment=False,
        probation_lawful=calc.probation_lawful and custodial and original.months <= 36,
        probation_advised=calc.probation_advised and custodial,
        probation_months=calc.probation_months if custodial else None,
        fine_yuan=fine,
        steps=trace.steps,
        notes=trace.notes,
    )


def _lifted(text: str, lifting: re.Pattern) -> bool:
    """Whether the text names what lifts the bound, not counting a protest it says was not made (NO_PROTEST_RE)."""
    negated = [m.span() for m in NO_PROTEST_RE.finditer(text)]
    return any(not any(lo <= m.start() < hi for lo, hi in negated) for m in lifting.finditer(text))


def _suspension_kept(calc: Calculation, original, trace: Trace) -> Calculation:
    """A sentence below that was suspended (原判…有期徒刑十个月，缓刑一年) stays suspended: an unsuspended term, however
    short, is heavier (SUSPENDED_BELOW_RE's rule). The sentence the original was read from says 缓刑 after its term."""
    quote = original.span.quote if original.span else ""
    if calc.probation_advised or original.penalty not in ("imprisonment", "detention"):
        return calc
    if not any("撤销" not in _clause(quote, m.start()) for m in SUSPENDED_BELOW_RE.finditer(quote)):
        return calc
    trace.note_text(
        f"原判宣告缓刑（“{quote}”），上诉不加刑，不得撤销缓刑（法释〔2021〕1号第401条） / "
        f"the sentence below was suspended: on the defendant's appeal the suspension stays (SPC interpretation art. 401)"
    )
    return dataclasses.replace(
        calc, probation_lawful=True, probation_advised=True, steps=trace.steps, notes=trace.notes
    )


def _clause(text: str, at: int) -> str:
    return text[max(text.rfind(c, 0, at) for c in "，,；;") + 1 : at]


def _no_heavier_fine(
    calc: Calculation, original: Decimal | None, cfg: dict, trace: Trace, stage: str
) -> Calculation:
    """A fine no heavier than the original's where the text states it in figures: 罚金 is a penalty (刑法第34条,
    附加刑), so a heavier one is the heavier penalty 刑事诉讼法第237条 forbids. Where the text states no original fine,
    nothing is assumed (the text may leave it out)."""
    if original is None or calc.fine_yuan is None or calc.fine_yuan <= original:
        return calc
    trace.step(
        f"method.{stage}.no_heavier_fine",
        kind=StepKind.CLAMP,
        before=calc.fine_yuan,
        after=original,
        rule_id=cfg.get("rule_id", "method.appeal.no_harsher"),
        citation=cfg.get("citation", "刑事诉讼法第237条"),
        confidence=cfg.get("confidence", "medium"),
        value=original,
    )
    return dataclasses.replace(calc, fine_yuan=original, steps=trace.steps, notes=trace.notes)
