"""The court adopts the procuratorate's recommendation in a plea case (刑事诉讼法第201条): the prediction follows it.

CPL art. 201 ¶1: in a plea case (认罪认罚) the court, judging by law, 一般应当采纳 the charge and the sentencing
recommendation the procuratorate made, save the listed exceptions (no crime, a plea against the defendant's
will, a denial of the facts, another charge, an unfair trial); ¶2: a recommendation clearly improper is
adjusted or decided by the court. The calculator's own computation stays the law's computation (it is what a
prosecutor uses to *make* a recommendation); what changes is the *prediction* for a judgment text: the term
the court is expected to pronounce. It follows the quoted recommendation when

- the text quotes one with a term (fixed, a range, a ceiling only or a floor only: `QuotedRecommendation`),
- the text shows a plea (认罪认罚, `Circumstance.PLEA`),
- the case has one charge, or the text quotes a recommendation for several charges as a whole (below),
- the recommended term lies within the statutory range of the charges: the kind's own bounds (拘役 1 to 6
  months, art. 42; 有期徒刑 at least 6 months, art. 45), 拘役 only where a bracket of a charge lists it, and
  no more than the charges' highest fixed-term ceiling (several charges: their sum, at most 25 years, art. 69;
  拘役 at most 1 year). A term outside the law is clearly improper (¶2) and binds nothing; so does a
  recommendation for a charge the catalogue does not know (its range cannot be checked).

The predicted term is then the prediction's own term held inside the recommended range (a fixed term: that
term; a ceiling: no more than it); its interval is widened to hold it, never narrowed (courts do not always
adopt, and the interval is calibrated on what they did). A recommendation of 管制 is the calculator's
outcome step already (`calculator_outcome.recommended_surveillance`), and is left to it here.

Several charges (以A罪判处…，以B罪判处…，决定执行…): art. 201 applies to the recommendation as a whole, and the
term to serve is the combined one (刑法第69条). It binds when the case has several charges, every quoted term of
a charge has both ends and lies within the statutory range of one of the case's charges, and the 决定执行 term
lies within art. 69's limits: not below the longest single term, not above their total, nor above 1 year of
拘役, 20 years of 有期徒刑 under a total of 35 years and 25 from 35 (never below the longest term). 有期徒刑
with 拘役: the 有期徒刑 alone is executed (¶2), so the 拘役 terms drop out and the combined term is 有期徒刑. A
combination with 管制, or with a masked kind beside a known 有期徒刑 and 拘役, binds nothing. A quoted single
term of a several-charge recommendation without a 决定执行 term binds nothing (the combination is the court's).

Outside a plea case (task E41) art. 201 does not apply, but the procuratorate may still recommend a sentence,
and the court reviews it in court and states why it adopts it or not (《关于规范量刑程序若干问题的意见（试行）》,
法发〔2010〕35号, and its 2020 successor; recalled, unconfirmed). Judgments from before the 2018 plea law show
the class: in the 15 dev texts quoting a recommendation, none with a plea, the court's term lay within the
recommended range or under its ceiling in all 15. The same recommendation, by the same lawfulness tests, then
bounds the prediction with its own line (`NON_PLEA`, lower confidence: the court is not bound to adopt it), never
the calculation.

A recommendation of a fine alone (单处罚金, 刑法第52条) or of no punishment (免予刑事处罚, 刑法第37条) predicts no
term (0 months) on the same terms: one charge, known to the catalogue; a fine alone only where a bracket of the
charge lists it (并处或者单处罚金, 单处罚金).
"""

from __future__ import annotations

import dataclasses

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.facts import CaseFacts, Circumstance, QuotedRecommendation, QuotedTerm
from leniency.sentencing.prediction import Prediction

CITATION = "刑事诉讼法第201条"
NON_PLEA = "量刑建议（非认罪认罚案件，法院参考）"
NON_PLEA_CITATION = "《关于规范量刑程序若干问题的意见》"
NO_TERM = ("fine_only", "exempt")  # outcomes without a principal penalty: no term to serve
FINE_ALONE = ("with_or_only", "only")  # a bracket's fine that may stand alone
DETENTION = (1, 6)  # 拘役, art. 42
DETENTION_COMBINED = 12  # art. 69: several terms of 拘役, at most 1 year
IMPRISONMENT_FLOOR = 6  # 有期徒刑, art. 45
COMBINED_CEILING = 300  # art. 69: several fixed terms, at most 25 years
COMBINED_CEILING_UNDER_35Y = 240  # art. 69: at most 20 years where the total is under 35 years
TOTAL_35_YEARS = 420
ART69 = "刑法第69条"


def statutory_bounds(charges: list[str], penalty: str | None) -> tuple[int, int] | None:
    """(floor, ceiling) in months the law allows a term of `penalty` (None: masked) for these charges, or None
    when no such term is lawful or a charge is unknown."""
    infos = [find_charge(c) for c in charges]
    if not infos or any(info is None or not info.brackets for info in infos):
        return None
    detention = any(b.detention for info in infos for b in info.brackets)
    several = len(infos) > 1
    if penalty == "detention":
        return (DETENTION[0], DETENTION_COMBINED if several else DETENTION[1]) if detention else None
    ceilings = [info.max_months for info in infos]  # 180 where life or death tops the fixed terms
    ceiling = min(sum(ceilings), COMBINED_CEILING) if several else ceilings[0]
    if penalty == "imprisonment":
        if not any(b.imprisonment or b.life or b.death for info in infos for b in info.brackets):
            return None
        return IMPRISONMENT_FLOOR, ceiling
    return (DETENTION[0] if detention else IMPRISONMENT_FLOOR), ceiling


def binding_recommendation(facts: CaseFacts | None) -> QuotedRecommendation | None:
    """The quoted recommendation that bounds the prediction: adopted in a plea case (art. 201), reviewed and
    generally followed outside one (the 2010 sentencing-procedure opinion); None when it is unlawful here."""
    rec = facts.recommendation if facts is not None else None
    if rec is None or rec.penalty == "surveillance":
        return None
    if rec.penalty in NO_TERM:
        return rec if _no_term_lawful(rec, list(facts.charges)) else None
    told = [m for m in (rec.low_months, rec.high_months) if m is not None]
    if not told or (len(told) == 2 and told[0] > told[1]):
        return None
    if rec.per_charge:
        return rec if _combined_lawful(rec, list(facts.charges)) else None
    if len(set(facts.charges)) != 1:
        return None
    bounds = statutory_bounds(list(facts.charges), rec.penalty)
    if bounds is None or not all(bounds[0] <= m <= bounds[1] for m in told):
        return None
    return rec


def _no_term_lawful(rec: QuotedRecommendation, charges: list[str]) -> bool:
    """A fine alone or no punishment for one known charge; a fine alone only where a bracket lists it."""
    info = find_charge(charges[0]) if len(set(charges)) == 1 else None
    if info is None or not info.brackets:
        return False
    return rec.penalty == "exempt" or any(b.fine in FINE_ALONE for b in info.brackets)


def art69_limits(terms: list[QuotedTerm], combined: str | None) -> tuple[int, int] | None:
    """(lowest, highest) combined term in months art. 69 allows for these quoted terms of several charges, the
    combination being of kind `combined` (None: masked); None when the law gives no such combination here."""
    kinds = {t.penalty for t in terms} | {combined}
    if "surveillance" in kinds or any(t.low_months is None or t.high_months is None for t in terms):
        return None
    if {"imprisonment", "detention"} <= kinds:  # 有期徒刑和拘役的，执行有期徒刑 (¶2)
        if None in kinds or combined != "imprisonment":
            return None
        terms = [t for t in terms if t.penalty == "imprisonment"]
        if not terms:
            return None  # 拘役 alone combines into 拘役, never into 有期徒刑
    elif combined is not None and any(t.penalty not in (None, combined) for t in terms):
        return None  # 拘役 alone combines into 拘役, 有期徒刑 into 有期徒刑
    top, total = max(t.high_months for t in terms), sum(t.high_months for t in terms)
    if "detention" in kinds and "imprisonment" not in kinds:
        cap = DETENTION_COMBINED
    else:
        cap = COMBINED_CEILING_UNDER_35Y if total < TOTAL_35_YEARS else COMBINED_CEILING
    return max(t.low_months for t in terms), max(top, min(cap, total))


def _combined_lawful(rec: QuotedRecommendation, charges: list[str]) -> bool:
    """A recommendation for several charges binds as a whole: each charge's term lawful for one of the case's
    charges, the 决定执行 term within art. 69's limits."""
    if len(set(charges)) < 2 or rec.low_months is None or rec.high_months is None:
        return False
    for term in rec.per_charge:
        told = [m for m in (term.low_months, term.high_months) if m is not None]
        ranges = [statutory_bounds([charge], term.penalty) for charge in set(charges)]
        if not any(b is not None and all(b[0] <= m <= b[1] for m in told) for b in ranges):
            return False
    limits = art69_limits(rec.per_charge, rec.penalty)
    return limits is not None and limits[0] <= rec.low_months <= rec.high_months <= limits[1]


def follow_recommendation(prediction: Prediction, facts: CaseFacts | None) -> Prediction:
    """`prediction` held inside the recommendation that binds it (`binding_recommendation`); unchanged when none
    does."""
    rec = binding_recommendation(facts)
    if rec is None:
        return prediction
    plea = facts.has(Circumstance.PLEA)
    beyond = prediction.death_penalty or prediction.life_imprisonment  # above every fixed term
    if rec.penalty in NO_TERM:
        months = 0
    else:
        if beyond and rec.high_months is None:
            return prediction  # a floor only (三年以上): life or death is not below it
        months = rec.high_months if beyond else prediction.months
        if rec.low_months is not None:
            months = max(months, rec.low_months)
        if rec.high_months is not None:
            months = min(months, rec.high_months)
    line = _explanation(rec, months, plea)
    return dataclasses.replace(
        prediction,
        months=months,
        low=min(prediction.low, months),
        high=max(prediction.high, months),
        death_penalty=False,
        life_imprisonment=False,
        raw_months=prediction.months
        if prediction.raw_months is None and not beyond
        else prediction.raw_months,
        explanation=[*prediction.explanation, line],
    )


def _explanation(rec: QuotedRecommendation, months: int, plea: bool) -> str:
    quote = rec.span.quote if rec.span is not None else ""
    if not plea:
        combined = f"、{ART69}（数罪并罚决定执行的刑期）" if rec.per_charge else ""
        return (
            f"{NON_PLEA}{NON_PLEA_CITATION}{combined}：「{quote}」→ {months} 个月，置信度较低 "
            f"(not a plea case, so not CPL art. 201: the court reviews the recommendation and need not adopt "
            f"it; judgments without a plea keep within it, so the prediction is held inside it, at lower "
            f"confidence)"
        )
    if rec.per_charge:
        low, high = art69_limits(rec.per_charge, rec.penalty)
        return (
            f"{CITATION}、{ART69}（认罪认罚案件一般应当采纳量刑建议；数罪并罚决定执行的刑期在数刑中最高刑期以上、"
            f"总和刑期以下，{low}–{high} 个月）：「{quote}」→ {months} 个月 (CPL art. 201 and Criminal Law "
            f"art. 69: a plea case; the court generally adopts the recommendation as a whole, whose combined "
            f"term lies within art. 69's limits)"
        )
    return (
        f"{CITATION}（认罪认罚案件一般应当采纳量刑建议）：「{quote}」→ {months} 个月 "
        f"(CPL art. 201: a plea case; the court generally adopts the quoted recommendation)"
    )
