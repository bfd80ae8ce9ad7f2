"""Statutory wording in the fact text (情节严重, 数额巨大 …), the brackets or tiers it triggers, and which
sentences tell each charge's conduct.

A charge without a guideline takes the higher statutory bracket whose trigger words the facts quote
(`trigger_bracket`); a guideline crime's tier may name its own words (`text_says` in the crime file,
checked by `says`). A phrase preceded by a negation within a few characters, or denied further back in its
clause (不属于…), does not count. With several charges, wording and amounts count for a charge only where a
sentence tells its conduct (`conduct_words`).
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.calculator_scope import given_name, scoped
from leniency.sentencing.catalogue import ChargeInfo
from leniency.sentencing.extraction.charge_amounts import amounts_by_charge, measured_amount
from leniency.sentencing.extraction.numbers import bounds, clause_before
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard, Standard
from leniency.sentencing.trace import Phrase, Trace

# The statute's wording that triggers a higher bracket, longest first (特别严重情节 before 严重情节).
TRIGGER_PHRASES = (
    "数额特别巨大",
    "数量特别巨大",
    "情节特别严重",
    "特别严重情节",
    "特别恶劣情节",
    "情节特别恶劣",
    "特别严重后果",
    "特别重大损失",
    "数额巨大",
    "数量巨大",
    "重大损失",
    "情节严重",
    "严重情节",
    "情节恶劣",
    "恶劣情节",
    "造成严重后果",
    "后果特别严重",
    "后果严重",
)  # 致人重伤 / 致人死亡: left to the extracted injuries (the words also name charges, e.g. 过失致人死亡)
NEGATIONS = ("不", "未", "没有")
NEGATION_WINDOW = 4  # characters before the phrase searched for a negation
# A denial a little further back in the same clause: 不属于犯罪情节轻微, 不能认定为情节严重 (the 不 five or more
# characters before the phrase).
DENIED = re.compile(
    r"(?:不属于|不构成|不符合|不能认定为?|不应认定为?|不认定为?|并非|并不是)[^，,。；;：:]{0,8}$"
)


def _phrases(condition: str) -> list[str]:
    """Trigger phrases of one bracket's condition (a shorter phrase inside a longer one is not counted)."""
    found, rest = [], condition
    for phrase in TRIGGER_PHRASES:
        if phrase in rest:
            found.append(phrase)
            rest = rest.replace(phrase, "|")
    return found


def quote_phrase(text: str, phrase: str) -> str | None:
    """The first occurrence of `phrase` in `text` not preceded within a few characters by a negation."""
    return quote_in_sentence(text, phrase, None)


SEGMENT_BREAKS = "。；;\n"


def says(facts: CaseFacts, crime: CrimeStandard, phrase: str, standard: Standard) -> bool:
    """Whether the fact text uses `phrase` (not negated) of this crime.

    With several charges, the phrase counts for a crime only in a sentence that names its conduct
    (`conduct_words`): "多次盗窃他人财物，数额巨大；抢夺他人财物一次，数额较大" puts theft, not snatching,
    in the 数额巨大 tier.
    """
    several = len(set(facts.charges)) > 1
    words = conduct_words(crime.charge, standard) if several else None
    others = other_conduct_words(crime.charge, facts, standard) if several else ()
    return quote_in_sentence(facts.text or "", phrase, words, others) is not None


def describes(facts: CaseFacts, crime: CrimeStandard, pattern: str, standard: Standard) -> bool:
    """Whether the fact text describes, in conduct words, what a tier names in the law's (`text_describes` in the
    crime file: 刑法第263条's 入户 is "翻窗进入被害人家中…", rarely the word 入户抢劫 itself).

    A match preceded by a negation within a few characters does not count; with several charges it counts only
    in a sentence that names the crime's conduct, as with `says`.
    """
    text = facts.text or ""
    words = conduct_words(crime.charge, standard) if len(set(facts.charges)) > 1 else None
    return _unnegated(text, (m.span() for m in re.finditer(pattern, text)), words) is not None


# another act begun after a means is told ("持刀拦住周某…，后又在某小区…盗窃"): the means served the act before it
ANOTHER_ACT = re.compile(r"(?:后|随后|之后|然后|[，,])又|再次")


def describes_means(facts: CaseFacts, crime: CrimeStandard, pattern: str, standard: Standard) -> bool:
    """Whether the fact text tells a means this crime was committed by (`text_describes_means` in the crime file:
    携带凶器盗窃 is a weapon carried *to steal*, 法释〔2013〕8号第三条第三款). As `describes`; with several charges the
    means counts only where the conduct it leads to is this crime's: in its sentence, this crime's conduct told after
    it before another charge's conduct and before another act begins ("携带匕首拦住周某，…抢走现金500元，后又…盗窃电动车":
    the knife is the robbery's). Where no conduct follows it, the conduct told before it decides, as for wording
    ("盗窃电动车时随身携带管制刀具")."""
    if len(set(facts.charges)) < 2:
        return describes(facts, crime, pattern, standard)
    text = facts.text or ""
    words = conduct_words(crime.charge, standard)
    others = other_conduct_words(crime.charge, facts, standard)
    for match in re.finditer(pattern, text):
        if _unnegated(text, [match.span()], None) is None:
            continue
        leads = _leads_to(text, match.end(), words, others)
        if leads if leads is not None else _told_of(text, match.start(), words, others):
            return True
    return False


def _leads_to(text: str, at: int, words, others) -> bool | None:
    """Whether the conduct `words` name is the first told after `at` in its sentence, before another charge's conduct
    (`others`) and before another act begins (ANOTHER_ACT); None where no conduct is told after it."""
    _, end = bounds(text, at, at, SEGMENT_BREAKS)
    rest = text[at:end]
    own, other = _first_of(rest, words), _first_of(rest, others)
    if own is None:
        return None if other is None else False
    again = ANOTHER_ACT.search(rest)
    return (other is None or own < other) and (again is None or own < again.start())


def _first_of(stretch: str, words) -> int | None:
    found = [i for i in (stretch.find(w) for w in words) if i >= 0]
    return min(found, default=None)


def conduct_words(name: str, standard: Standard) -> list[str]:
    """Words naming a charge's conduct: `conduct_words` of its crime file or of its amount_brackets.yaml entry,
    else the pieces of its name (`conduct_bigrams`)."""
    crime = standard.crime(name)
    listed = crime.extra.get("conduct_words") if crime else None
    listed = listed or (standard.amount_brackets.get("charges", {}).get(name) or {}).get("conduct_words")
    return list(listed or conduct_bigrams(name) or [name])


def other_conduct_words(name: str, facts: CaseFacts, standard: Standard) -> list[str]:
    """The conduct words of the case's other charges (`name` as the catalogue or `facts.charges` calls it)."""
    own = given_name(name, facts)
    return [w for c in facts.charges if c != own for w in conduct_words(c, standard)]


def measured_by_amount(name: str, standard: Standard) -> bool:
    """Whether the amount involved places the charge: a guideline crime measured by amount, or an
    amount_brackets.yaml charge."""
    crime = standard.crime(name)
    if crime is not None:
        return crime.measure == "amount"
    return name in standard.amount_brackets.get("charges", {})


def facts_of_each_charge(
    infos: list[ChargeInfo], facts: CaseFacts, standard: Standard, trace: Trace
) -> list[CaseFacts]:
    """The facts each charge is calculated on: with several charges, each takes the amount told of its own
    conduct (extraction/charge_amounts.py) instead of the case's total, and the injuries, circumstances
    and counts of its own acts (calculator_scope.py); recorded as steps."""
    names = [info.name for info in infos]
    measures = {
        n: m
        for n in names
        if (m := (standard.amount_brackets.get("charges", {}).get(n) or {}).get("measure"))
    }
    if len(names) == 1 and names[0] in measures and facts.text:
        return [_measured(names[0], measures[names[0]], facts, standard, trace)]
    if len(names) < 2 or not facts.text:
        return [facts] * len(names)
    conduct = {name: conduct_words(name, standard) for name in names}
    own = amounts_by_charge(
        facts.text, conduct, [n for n in names if measured_by_amount(n, standard)], measures
    )
    out = []
    for name in names:
        if name not in own and name in measures and _unit(name, standard) != "yuan":
            # a quantity in another unit (a timber volume) never takes the case's sum of yuan: read from the whole text
            out.append(
                scoped(name, _measured(name, measures[name], facts, standard, trace), facts, trace, standard)
            )
            continue
        if name not in own or own[name] == facts.amount_yuan:
            out.append(scoped(name, facts, facts, trace, standard))
            continue
        amount = own[name]
        told = _told(amount, name, standard)
        trace.step(
            "method.several_charges.own_amount",
            kind=StepKind.NOTE,
            citation="刑法第69条（数罪分别定罪量刑）",
            charge=name,
            confidence="medium",
            told=told,
            total=_yuan(facts.amount_yuan),
        )
        # the charge's own amount: the case's sum attempted (crime_stage_facts.stage_amounts) is not told of it apart
        own_facts = dataclasses.replace(facts, amount_yuan=amount, attempted_yuan=None)
        out.append(scoped(name, own_facts, facts, trace, standard))
    return out


def _measured(name: str, measure: str, facts: CaseFacts, standard: Standard, trace: Trace) -> CaseFacts:
    """The facts of a charge measured by another sum than the money named first (amount_brackets.yaml `measure`:
    虚开增值税专用发票 by the tax on the invoices), with that sum as its amount (None where the text names none)."""
    amount = measured_amount(facts.text, measure)
    if amount != facts.amount_yuan:
        trace.step(
            "method.measured_amount",
            kind=StepKind.NOTE,
            citation=standard.amount_brackets["charges"][name]["source"],  # the interpretation naming it
            charge=name,
            confidence="medium",
            measure=Phrase(f"phrase.measure.{measure}"),
            told=_told(amount, name, standard),
            total=_yuan(facts.amount_yuan),
        )
    return dataclasses.replace(facts, amount_yuan=amount)


def _told(amount: Decimal | None, name: str, standard: Standard) -> Phrase:
    """The figure a charge is calculated on, in its amount_brackets.yaml `unit` (yuan where none is named)."""
    if amount is None:
        return Phrase("phrase.own_amount.none")
    unit = _unit(name, standard)
    if unit == "yuan":
        return Phrase("phrase.own_amount.told", {"amount": _yuan(amount)})
    return Phrase(
        "phrase.own_amount.told_in", {"amount": f"{amount:g}", "unit": Phrase(f"phrase.unit.{unit}")}
    )


def _unit(name: str, standard: Standard) -> str:
    """The unit of an amount_brackets.yaml charge's figures (`unit`), yuan where none is named."""
    return (standard.amount_brackets.get("charges", {}).get(name) or {}).get("unit", "yuan")


def _yuan(amount: Decimal | None) -> str:
    return f"{amount:,.2f}".rstrip("0").rstrip(".") if amount is not None else "—"


def quote_in_sentence(text: str, phrase: str, words, others=()) -> str | None:
    """Like `quote_phrase`, but only where the phrase is told of the conduct `words` name (None: anywhere): in its
    sentence, and, where a clause before it tells another charge's conduct (`others`), told after this one's
    (`_told_of`)."""
    found = _unnegated(text, _occurrences(text, phrase), words, others)
    return text[max(0, found[0] - 12) : found[1]] if found else None


def _occurrences(text: str, phrase: str):
    """(start, end) of every occurrence of `phrase`, overlapping ones included."""
    start = text.find(phrase)
    while start >= 0:
        yield start, start + len(phrase)
        start = text.find(phrase, start + 1)


def _unnegated(text: str, spans, words, others=()) -> tuple[int, int] | None:
    """The first of `spans` not preceded within a few characters by a negation and, unless `words` is None, told of
    the conduct `words` name (`_told_of`)."""
    for start, end in spans:
        before = text[max(0, start - NEGATION_WINDOW) : start]
        if (
            not any(n in before for n in NEGATIONS)
            and not DENIED.search(text[max(0, start - 14) : start])
            and (words is None or _told_of(text, start, words, others))
        ):
            return start, end
    return None


def _told_of(text: str, at: int, words, others) -> bool:
    """Whether the wording at `at` qualifies the conduct `words` name. The statute's wording follows the conduct it
    qualifies (刑法第341条: 违反狩猎法规，在禁猎区、禁猎期或者使用禁用的工具、方法进行狩猎，…情节严重的), so the nearest
    clause before it in its sentence (its own clause included) that tells any charge's conduct decides: in
    "非法持有枪支；…进行狩猎，情节严重，应当以非法持有枪支罪、非法狩猎罪追究" the 情节严重 is the hunting's, though the
    sentence names the gun charge after it. With no conduct told before it, the sentence naming `words` decides."""
    left, _ = bounds(text, at, at, SEGMENT_BREAKS)
    while at > left:
        clause = clause_before(text, at, left)
        if _names_any(clause, words):
            return True
        if _names_any(clause, others):
            return False
        at -= len(clause) + 1
    return _names_any(_sentence(text, left), words)


def _names_any(sentence: str, words) -> bool:
    return any(w in sentence for w in words)


def _sentence(text: str, at: int) -> str:
    left, right = bounds(text, at, at, SEGMENT_BREAKS)
    return text[left:right]


GENERIC_BIGRAMS = {
    "非法",
    "国家",
    "工作",
    "人员",
    "物品",
    "公司",
    "企业",
    "单位",
    "他人",
    "犯罪",
    "管理",
    "秩序",
}


def conduct_bigrams(name: str) -> list[str]:
    """Two-character pieces of a charge name that name its conduct (受贿, 行贿, 挪用 …), generic ones left out."""
    pieces = [p for part in name.split("、") for p in (part[i : i + 2] for i in range(len(part) - 1))]
    return [p for p in dict.fromkeys(pieces) if p not in GENERIC_BIGRAMS]


def trigger_bracket(info: ChargeInfo, facts: CaseFacts, index: int, standard: Standard, trace: Trace) -> int:
    """A higher bracket whose statutory trigger wording the fact text quotes (e.g. the charge "…数额巨大…")."""
    text = facts.text or ""
    several = len(set(facts.charges)) > 1
    words = conduct_words(info.name, standard) if several else None
    others = other_conduct_words(info.name, facts, standard) if several else ()
    best: tuple[int, str, str] | None = None
    for i, bracket in enumerate(info.brackets):
        if i <= index or bracket.imprisonment is None or (best and i <= best[0]):
            continue
        for phrase in _phrases(bracket.condition):
            quote = quote_in_sentence(text, phrase, words, others)
            if quote:
                best = (i, phrase, quote)
                break
    if best is None:
        return index
    i, phrase, quote = best
    bracket = info.brackets[i]
    trace.step(
        "method.no_guideline.trigger_wording",
        kind=StepKind.NOTE,
        citation=f"刑法{bracket.source or info.article_label}（{bracket.condition[:30]}）",
        charge=info.name,
        confidence="low",
        phrase=phrase,
        quote=quote,
        source=bracket.source,
        bracket=bracket.describe_zh(),
    )
    return i
