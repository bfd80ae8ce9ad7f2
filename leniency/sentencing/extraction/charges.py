"""The charges a fact text names or describes, for when the user gives none (a prosecutor pasting facts).

First the charges the text charges by name ("已构成盗窃罪", "以诈骗罪追究"), matched against the whole
catalogue and the names officially replaced since (read as the charge's name today), longest name first, leaving out a charge denied (不构成…罪) or of an earlier conviction
(曾因盗窃罪被判处…), and the charges its count headings name (一、盗窃犯罪事实 … 二、…). Failing that — CAIL masks
charge names as ×× — the charges inferred from the conduct the facts tell, for every crime of the catalogue
(`charge_inference.py`), as many as the text's charging frame or headings state (构成××、××; 一、… 二、××) beside
those it names. The result is a guess and is
reported as one: extraction notes that it was inferred, and `charge_candidates` gives the runners-up
with their evidence for a person to confirm.
"""

from __future__ import annotations

import re
from functools import cache

from leniency.sentencing.catalogue import all_charges, current_name, find_charge, renames
from leniency.sentencing.extraction.charge_inference import (
    MAX_CHARGES,
    REQUIRED_POOL,
    Candidate,
    ChargeModel,
    default_model,
    defendants_conduct,
    states_requirements,
    with_whole_facts_elements,
)
from leniency.sentencing.extraction.charge_rules import absorbed
from leniency.sentencing.extraction.conduct_actor import defendant_names
from leniency.sentencing.extraction.conduct_words import count_cues, cued_charges
from leniency.sentencing.extraction.document import HEADING, Count, Document, acts, parse
from leniency.sentencing.extraction.earlier_convictions import conviction_at, without_earlier_convictions
from leniency.sentencing.extraction.numbers import span
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, DEFENDANT_WORDS
from leniency.sentencing.facts import Span

CHARGING_BEFORE = re.compile(r"(?:构成|以|犯有?|涉嫌)$")
# a charge denied; a charge named inside an earlier conviction (曾因犯盗窃罪被判处…, 因犯盗窃罪，于…被判处…) is not this
# case's either: earlier_convictions tells where one is (因犯盗窃罪被公安机关刑事拘留 is this case's arrest)
DENIED = re.compile(r"不构成|否认|辩称")
# (E91) the crime of the person the defendant knew he was helping (明知陈某犯抢劫罪仍为其提供住处): what the one hidden
# did is his (窝藏、包庇 is art. 310's crime of "明知是犯罪的人而为其提供隐藏处所"), no charge of the defendant's
KNOWN_OF_ANOTHER = re.compile(r"明知")
CONTEXT = 16
# the prosecutor's or the court's opinion on the facts told before it (公诉机关认为，被告人…其行为已构成××)
OPINION = re.compile(r"(?:公诉机关|检察院|公诉人|本院)认为")
# A charging frame that lists several charges, masked (××) or named: 构成××、××; 以××和非法采伐…罪; 构成诈骗罪、××
_ITEM = r"(?:××罪?|[\u4e00-\u9fff、（）]{2,40}?罪)"
LISTED = re.compile(r"(?:构成|犯有?|以|涉嫌)(" + _ITEM + r"(?:(?:、|和|及|与|以及)" + _ITEM + r")+)")
LIST_SEPARATOR = re.compile(r"、(?=××|[^、]*?罪)|以及|和|及|与")
# 两罪并罚 / 数罪并罚 / 又构成: several crimes of this case (刑法第69条) — unless the sentence combines a new crime
# with an earlier sentence (arts. 70-71: 前罪, 余刑, 漏罪, a probation or parole revoked), which is one new charge
SEVERAL = re.compile(r"[两二三四五六数]罪并罚|又构成|另构成")
SEVERAL_NUMBER = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
WITH_EARLIER_SENTENCE = re.compile(r"前罪|余刑|尚未执行|没有执行|未执行|漏罪|判决宣告以前|考验期|撤销|原判")
# A count's heading that names its charge (一、盗窃犯罪事实; （二）被告人甲寻衅滋事的事实; （1）职务侵占 2012年…) or
# masks it (二、×× 2014年…): the judgment's own list of its charges, a section each
_MARK = r"(?:[一二三四五六七八九十]+、|[（(](?:[一二三四五六七八九十]+|\d+)[）)])"
_NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)}


@cache
def _named_pattern() -> re.Pattern:
    # a judgment given before a rename charges by the old name (罪名补充规定): read it as the charge today
    names = sorted({c.name for c in all_charges()} | {r.old for r in renames()}, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(n) for n in names) + ")罪")


@cache
def _heading_pattern() -> re.Pattern:
    names = (
        {c.name for c in all_charges()}
        | {a for c in all_charges() for a in c.aliases}
        | {r.old for r in renames()}
    )
    name = "(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + "|××)"
    return re.compile(
        r"(?:^|(?<=[\s。：:；，,]))("
        + _MARK
        + r")\s*(?:"
        + DEFENDANT_WORDS
        + r"[^，。；\s]{0,6})?"
        + name
        + r"罪?(?:犯罪)?的?(?:事实|部分|(?=\s+(?:\d|[（(]?[一二三四五六七八九十\d]+[、）)]))|(?<=××)(?=[。：:]))"
    )


# (E99) a masked heading with no number, on a line of its own ("××：2016年5月…", "××。被告人…"): each such line opens a
# count of the judgment's list of its charges, numbered in reading order
UNNUMBERED_MASKED = re.compile(r"(?:^|(?<=[\n：:]))[ \t\u3000]*(××)[：:。](?=\S)")


def _headings(text: str) -> list[tuple[int, str, Span]]:
    """(section number, the charge its heading names or "××", where) for each count heading naming a charge."""
    found = []
    for match in _heading_pattern().finditer(text):
        digits = re.sub(r"[（()）、]", "", match.group(1))
        number = int(digits) if digits.isdigit() else _NUMERALS.get(digits, 10)
        label = match.group(2)
        charge = "××" if label == "××" else _catalogue_name(label)
        found.append((number, charge, span(text, match.start(2), match.end(2))))
    if not found:
        for number, match in enumerate(UNNUMBERED_MASKED.finditer(text), start=1):
            found.append((number, "××", span(text, match.start(1), match.end(1))))
    return found


def _catalogue_name(name: str) -> str:
    """The charge the catalogue reads `name` as (贩卖毒品: 走私、贩卖、运输、制造毒品), by its name today."""
    known = find_charge(name)
    return current_name(known.name if known else name)


def infer_charges(text: str) -> list[str]:
    """Charge names (catalogue spelling, without 罪) the text names or describes; [] when none."""
    return charges_with(text, default_model())


def charge_evidence(text: str) -> list[tuple[str, Span | None]]:
    """Each inferred charge with the words it was read from (the "…罪" naming it, or its best n-gram)."""
    named = _named_or_headed(text)
    model = default_model()
    result: list[tuple[str, Span | None]] = list(named.items())
    inferred = inferred_beside(text, list(named), model)
    # a charge set by its statute's element (charge_elements.yaml) may rank below the first three
    ranked: dict[str, Candidate] = {}
    for candidate in model.candidates(text, limit=10) if inferred else ():
        ranked.setdefault(candidate.charge, candidate)
    for charge in inferred:
        candidate = ranked.get(charge)
        result.append((charge, _locate(text, candidate) if candidate else None))
    return result


def charges_with(text: str, model: ChargeModel) -> list[str]:
    """The charges `model` reads from the text: those it names, and as many inferred as its charging frame
    leaves masked (the same reading as infer_charges, with a model given, e.g. one of a cross-validation fold)."""
    named = list(_named_or_headed(text))
    return named + inferred_beside(text, named, model)


def inferred_beside(text: str, named: list[str], model: ChargeModel) -> list[str]:
    """Charges inferred from the conduct beside those the text names: all of them when it names none, and when it
    names some, as many more as its charging frame states (构成盗窃罪、×× — CAIL masks the other's name). Where the
    text states the number, neither more nor fewer are inferred."""
    stated = stated_count(text)
    if named and stated <= len(named):
        return []
    wanted = stated - len(named)
    inferred = model.charges(text, at_least=max(wanted, 1), exclude=named)
    inferred = [c for c in inferred if c not in named]
    if stated:
        if len(inferred) >= wanted:
            return inferred[:wanted]
        # (E82) where the whole text read as one gives fewer than the frame states (a distinction read over every count
        # made the first count's injury the second count's 寻衅滋事), the counts, each read on its own facts (刑法第69条),
        # give the rest, in the order the counts tell them
        by_count = _by_act(text, model, named)
        for charge in by_count:
            if charge not in inferred and len(inferred) < wanted:
                inferred.append(charge)
        # (E99) where the counts, each headed by its masked charge (××：… ××：…), are not told apart by their numbers and
        # the best two of the whole text are read as one charge, the next the text tells fills the headings' number
        if len(inferred) < wanted and headed_count(text) >= len(named) + wanted:
            filled = model.charges(text, at_least=wanted, exclude=named, fill=True)
            inferred += [c for c in filled if c not in inferred and c not in named][: wanted - len(inferred)]
        return [c for c in by_count if c in inferred] + [c for c in inferred if c not in by_count]
    for charge in _by_act(text, model, named):
        if absorbed(text, charge, named + inferred, across_counts=True):
            continue  # a count telling the sale of the thief's own loot (absorbs: across_counts)
        if charge not in inferred and len(named) + len(inferred) < MAX_CHARGES:
            inferred.append(charge)
    return inferred


def _by_act(text: str, model: ChargeModel, named: list[str]) -> list[str]:
    """The charge each numbered act tells of, in reading order (issue 16 classes 3 and 8): a case whose counts tell
    different conduct (一、…偷拿白酒… 二、…持酒瓶将王某打伤…) is a case of several charges (刑法第69条), which the
    whole text, read as one, gives only the best of. An act's charge is kept only where the whole text ranks it
    among its candidates too, so that a short act read alone does not bring in a charge the case does not support."""
    document = parse(text)
    numbered = told_counts(document)
    if len(numbered) < 2:
        return []
    supported = {c.charge for c in model.candidates(text, limit=REQUIRED_POOL)}
    timed = acts(document)
    found: list[str] = []
    for rank, act in enumerate(numbered):
        # a count with no time of its own goes on the episode of the count before it (its date: 袭警 since 2021-03-01)
        read_with = {act} if act in timed or rank == 0 else {act, numbered[rank - 1]}
        heading = text[act.section : min(act.section + HEADING, act.start)] if 0 <= act.section else ""
        told = heading + text[act.start : act.end]
        best = model.charges(told, exclude=named)[:1]
        # (E69) a count that states its article's own conduct word as the defendant's act (二、…将何某扣押在宾馆房间内:
        # 第238条) supports its charge by itself, however little of the whole text's words that charge shares
        cues = cued_charges(told)
        cued = set(cues)
        # the neighbour an act's charge is read as by the elements the whole fact states: the defendant's post, told once
        # before the counts (被告人系某区财政局会计。一、…侵吞…二、…借给…), makes each count's taking 贪污 and its loan 挪用公款
        # (E75) read with what is told outside every numbered count (his post, his profile), not with the other numbered
        # counts: each crime on its own facts (刑法第69条), so another count's 随意殴打 makes no 寻衅滋事 of this count's
        # injury. An act told without a number (sentence_acts.opens_apart) may go on the story before it (又雇请…解制成
        # 木板 of the tree felled before), so it is no bound: the judgment's own numbers are
        own_facts = _outside_other_counts(text, [c for c in numbered if not c.apart], read_with)
        best = [c for c in with_whole_facts_elements(own_facts, best) if c not in named]
        # (E91) a count whose words are an earlier count's crime, told as its purpose (二、为使滥伐林木一事不被追究，送给
        # 林业站站长现金3万元), whose own act is the conduct of a crime of another kind (`own_count` cues: 送给…站长…现金,
        # 行贿, 第389条), is that crime (刑法第69条), not the earlier count's again
        own_kind = [c for c in cues if c in count_cues() and c not in found and c not in named]
        if best and best[0] in found and own_kind:
            best = own_kind[:1]
        found.extend(c for c in best if (c in supported or c in cued) and c not in found)
    return found


def told_counts(document: Document) -> list[Count]:
    """Each count that may tell an act of its own (E75): the numbered acts and those told without a number (`acts`), and
    a numbered count with no time of its own that goes on the story of the act before it and names the defendant (二、民警
    依法对甲某进行检查时，甲某…推搡民警), for a count whose conduct meets another charge's elements is a candidate for that
    charge; not an item of the evidence (nor a list of them that names no act before it, nor the defendant), nor a count
    that holds other counts (its items are read one by one)."""
    timed = acts(document)
    found = list(timed)
    names = defendant_names(document.text)
    for count in document.counts:
        inner = any(c is not count and count.start <= c.start and c.end <= count.end for c in document.counts)
        after_an_act = any(
            c.end <= count.start and c.number == count.number - 1 for c in timed if not c.apart
        )
        told = document.text[count.start : count.end]
        names_him = DEFENDANT_WORD_RE.search(told) or any(name in told for name in names)
        if not count.evidence and not inner and count not in found and after_an_act and names_him:
            found.append(count)
    return sorted(found, key=lambda c: c.start)


def _outside_other_counts(text: str, counts: list[Count], read_with: set[Count]) -> str:
    """The text less every count but those of `read_with` (the preamble, the summing-up and the act itself), and less
    the opinion after the counts (E82: 公诉机关认为，被告人…致一人轻伤；又多次随意殴打他人: each count's conduct restated
    is no fact of the others)."""
    kept = []
    at = 0
    for count in sorted(counts, key=lambda c: c.start):
        if count in read_with or count.start < at:
            continue
        kept.append(text[at : count.start])
        at = count.end
    opinion = OPINION.search(text, max((c.end for c in counts), default=0))
    kept.append(text[at : opinion.start() if opinion else len(text)])
    return "".join(kept)


def headed_count(text: str) -> int:
    """How many counts the text's headings number (一、盗窃事实 … 二、××: 2; ××：… ××：…: 2); 0 without headings."""
    numbers = [number for number, _, _ in _headings(text)]
    return max(len(set(numbers)), *numbers) if numbers else 0


def stated_count(text: str) -> int:
    """How many charges the text's charging frame lists (构成××、××: 2), its count headings name or mask (一、盗窃事实 …
    二、××: 2), or it says it combines (两罪并罚, 又构成, 数罪并罚 of this case's crimes: at least 2); 0 when it says
    nothing of the number."""
    count = headed_count(text)
    # an earlier conviction's charges and its 数罪并罚 (又因犯抢劫罪、敲诈勒索罪，…被本院数罪并罚…) are not this case's
    own = without_earlier_convictions(text)
    for match in LISTED.finditer(own):
        count = max(count, len(LIST_SEPARATOR.split(match.group(1))))
    for sentence in re.split(r"[。；;]", own):
        for match in SEVERAL.finditer(sentence):
            if not WITH_EARLIER_SENTENCE.search(sentence):
                count = max(count, SEVERAL_NUMBER.get(match.group(0)[0], 2))
    return count if count >= 2 else 0  # a lone heading (一、×× with no 二、) says nothing of the number


def charge_candidates(text: str, limit: int = 5) -> list[Candidate]:
    """The best-scoring charges with their article and evidence, for a person to confirm: first those whose statute's
    object and conduct the fact states, as the inference takes them (charge_elements.yaml `requires`: a robbery told
    with no taking by stealth is shown as a robbery before a theft whose words it shares)."""
    ranked = default_model().candidates(text, limit=REQUIRED_POOL)
    own = defendants_conduct(text)  # as the inference reads it: no earlier conviction meets a requirement
    return sorted(ranked, key=lambda c: not states_requirements(own, c.charge))[:limit]


def _named_or_headed(text: str) -> dict[str, Span]:
    """The charges the text charges by name, then those its count headings name."""
    named = _named(text)
    for _, charge, where in _headings(text):
        if charge != "××":
            named.setdefault(charge, where)
    return named


def _named(text: str) -> dict[str, Span]:
    named: dict[str, Span] = {}
    for match in _named_pattern().finditer(text):
        before = text[max(0, match.start() - CONTEXT) : match.start()]
        clause = re.split(r"[，,。；;]", before)[-1]
        if (
            not CHARGING_BEFORE.search(before)
            or DENIED.search(clause)
            or KNOWN_OF_ANOTHER.search(clause)
            or conviction_at(text, match.start())
        ):
            continue
        named.setdefault(current_name(match.group(1)), span(text, match.start(), match.end()))
    return named


def _locate(text: str, candidate: Candidate) -> Span | None:
    for gram in candidate.evidence:
        at = text.find(gram)
        if at >= 0:
            return span(text, at, at + len(gram))
    return None
