"""Charges inferred from the facts alone, for every crime of the catalogue (issue 16, failure class 8).

CAIL masks charge names as ××, so a fact text rarely names its charge. Each charge gets a profile of
weighted character n-grams (2 and 3 characters, TF-IDF):

- from the statute: the charge's name and the words of its brackets (罪状, `statutory_brackets.yaml`),
  for every charge of the catalogue, with the words in which the judicial interpretations and judgments
  tell the conduct where the article only names it (开设赌场; `charge_elements.yaml` `conduct`);
- from decided cases, where there are some: the mean profile of the facts of that charge less the
  mean of all cases (Rocchio), so that what every judgment says does not outweigh the conduct, its
  length growing with the cases it rests on (`PRIOR_CASES`)
  (`standards/charge_profiles.json`, built by `python -m leniency.sentencing.extraction.charge_inference
  --build` from the development data; 120 n-grams a charge).

A fact's score for a charge is its cosine similarity with the case profile times the profile's length
plus half its similarity with the statute profile. The candidates come back best first with their
article and the n-grams of the fact that matched most (the evidence a prosecutor confirms). Several
charges are returned when the runner-up scores at least `SECOND_SHARE` of the best; a candidate whose statute names an object or a conduct the
fact never mentions (脱逃 without anyone held in custody, 单位行贿 without a unit that gives) is passed over
(`standards/charge_elements.yaml` `requires`). The fact is read without what is not the defendant's conduct in this
case: an earlier conviction (曾因犯盗窃罪被判处…) and the act of someone tried apart (`defendants_conduct`).
Where no candidate passes MIN_SCORE and MIN_MATCHED (a one- or two-sentence text shares too few n-grams with any
profile), the conduct word of an article's 罪状 the fact states names the charge (`conduct_words`: 偷拿 for 盗窃).
Deterministic: no randomness, sorted ties.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from leniency.sentencing.catalogue import all_charges, current_name, find_charge
from leniency.sentencing.extraction.charge_elements import charge_elements
from leniency.sentencing.extraction.conduct_words import (
    JOINT_OR_DEFENDANT,
    TRIED_APART_MARK,
    cued_charges,
    own_act,
)
from leniency.sentencing.extraction.earlier_convictions import without_earlier_convictions
from leniency.sentencing.extraction.numbers import NUMBER, parse_number
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS

PROFILES_FILE = Path(__file__).resolve().parents[1] / "standards" / "charge_profiles.json"
STATUTES_FILE = Path(__file__).resolve().parents[1] / "standards" / "charge_statutes.json"
KEEP = 120  # n-grams kept per charge profile
STATUTE_WEIGHT = 0.5
# A case profile learned on n cases has the length n / (n + PRIOR_CASES), as if PRIOR_CASES cases that differ from
# the average judgment in nothing were among them. A profile of one to three cases holds their places, names and
# objects (开设赌场's 万家, 县万, 二楼设 from one casino; 手机一部 as forgery of financial instruments) as much as the
# conduct, and ranked them above the conduct a statute names (扒窃, art. 264): until a profile rests on more cases than
# PRIOR_CASES it weighs no more than the statute (STATUTE_WEIGHT); one learned on many keeps nearly all its weight
PRIOR_CASES = 3
SECOND_SHARE = 0.85  # a further charge is returned when it scores this share of the best
MAX_CHARGES = 3
MIN_SCORE = 0.05  # below it a text shares too little with any charge to name one
MIN_MATCHED = 3  # one shared two-character word (聊天, 邻居) is not evidence of a charge
# how far down the candidates a charge may rise when those above lack what their statute needs
REQUIRED_POOL = 10
EVIDENCE = 6
NON_WORD = re.compile(r"[^\u4e00-\u9fff]+")
MASKED = re.compile(r"某|×")
# the title of a law (《中华人民共和国刑法》) and the state's name say nothing of the conduct: a fact that
# cites a law or a 中华人民共和国居民身份证 must not read as 背叛国家 ("危害中华人民共和国的主权"); nor does 被告人,
# which in a fact names the defendant of every case and in a statute the one held or questioned (脱逃 art. 316:
# "罪犯、被告人、犯罪嫌疑人脱逃的"; 刑讯逼供 art. 247), so that every fact had read a little as an escape; nor do a
# prosecutor's words for him (犯罪嫌疑人, 嫌疑人: parties.py), which had read every 起诉意见书 as 私放在押人员 or 刑讯逼供
# Nor do the court's sentencing formulas (E53; E51's examiner: 应当从轻或者减轻处罚 had read a minor's theft as 绑架,
# whose statute's brackets say 或者 and 处罚 too): what a circumstance does to the punishment (刑法第17条第3款, 第23条
# 第2款, 第27条第2款, 第67条, 第68条: 可以从轻或者减轻处罚, 应当从轻、减轻处罚或者免除处罚), the statute's 对于自首的
# 犯罪分子, the defendant's age when he acted (刑法第17条: a circumstance; a victim's age is conduct, 拐骗儿童, and stays)
# and a minor's guardian in the proceedings (法定代理人, 刑事诉讼法第281条), who had read as art. 306's 诉讼代理人
SENTENCING_WORDS = (
    r"(?:依法|应当|应|可以|可|予以|酌情|酌定|均|对其)*(?:比照既遂犯)?"
    r"(?:(?:从轻|减轻|从重|免除)(?:(?:处罚|刑罚)?(?:、|，|或者|或|和)+(?:从轻|减轻|免除))*(?:处罚|刑罚)|从轻|减轻|从重)"
    r"|对于[^，。；]{0,6}犯罪分子"
    r"|(?:犯罪|作案|行为)时(?:已满|年满|未满|不满|系)?[^，。；]{0,16}周岁"
    r"|" + DEFENDANT_WORDS + r"[\u4e00-\u9fff\d]{1,4}[（(](?:时年|作案时|犯罪时)[^）)]{0,10}[）)]"
    r"|法定代理人"
)
NOT_CONDUCT = re.compile(r"《[^》]{0,40}》|中华人民共和国|" + SENTENCING_WORDS + "|" + DEFENDANT_WORDS)
# a masked name (张某, 王1某, 李某某甲, 王X): the surname would make "告人张" a feature of one case
MASKED_NAME = re.compile(r"[\u4e00-\u9fff][\d０-９]*(?:某+|[X×Ｘ]+)[甲乙丙丁戊\d]*")
# An earlier conviction is a circumstance of this case (刑法第65条, 累犯; a prior record), not its conduct: 曾因犯盗窃罪被判处…
# had made an injury case a theft. What tells one, and how far, is earlier_convictions' (one reading for every extractor)
SENTENCE_END = re.compile(r"[。；;]")
# Nor is what someone tried apart (另案处理) does alone the defendant's conduct: the receiver's purchase told beside a
# theft (同案人乙（另案处理）明知是盗窃所得仍予以收购) had made the thief a receiver. A sentence whose subject is such a
# person (conduct_words.TRIED_APART_MARK: 另案处理, 已判 …; one already tried is no defendant here either) and that names
# neither the defendant nor a joint act (伙同, 共同 …) is left out
OTHER_CASE_SUBJECT = re.compile(
    r"(?:^|[，,：:])\s*(?:同案人|同伙|其同伙|犯罪嫌疑人|案外人)?"
    # a name, not a clause about one (在明知黄某（已判刑）系未成年人… is the defendant's act)
    r"(?![\u4e00-\u9fff\d]{0,4}(?:明知|在|将|对|向|与|把|让|被|由|从|给|和|及))[\u4e00-\u9fff\d]{1,5}"
    + TRIED_APART_MARK
)


@dataclass(frozen=True)
class Candidate:
    charge: str
    article: int
    score: float
    evidence: tuple[str, ...]  # the fact's n-grams that weigh most in the match
    matched: int = 0  # how many of the fact's n-grams the match rests on


def ngrams(text: str) -> Counter:
    """Character 2- and 3-grams of the Chinese runs of `text`, masked names (张某, ××) left out."""
    counts: Counter = Counter()
    for run in NON_WORD.split(MASKED_NAME.sub(" ", NOT_CONDUCT.sub(" ", text))):
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if not MASKED.search(gram):
                    counts[gram] += 1
    return counts


def defendants_conduct(text: str) -> str:
    """The text less what is not the defendant's conduct in this case: earlier convictions and the acts of persons
    tried apart (OTHER_CASE_SUBJECT), blanked out so that positions stay."""
    out = list(without_prior_convictions(text))
    at = 0
    for sentence in SENTENCE_END.split(text):
        if OTHER_CASE_SUBJECT.search(sentence) and not JOINT_OR_DEFENDANT.search(sentence):
            out[at : at + len(sentence)] = " " * len(sentence)
        at += len(sentence) + 1
    return "".join(out)


def without_prior_convictions(text: str) -> str:
    """The text with what it tells of earlier convictions blanked out (earlier_convictions); same length."""
    return without_earlier_convictions(text)


def _weights(counts: Counter, idf: dict[str, float], default_idf: float) -> dict[str, float]:
    vector = {g: (1 + math.log(c)) * idf.get(g, default_idf) for g, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {g: v / norm for g, v in vector.items()}


def _top(vector: dict[str, float], keep: int, length: float = 1.0) -> dict[str, float]:
    """The `keep` largest entries, scaled to the given length."""
    best = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {g: round(length * v / norm, 5) for g, v in best}


def shrunk(cases: int) -> float:
    """The length of a case profile learned on `cases` cases (PRIOR_CASES)."""
    return cases / (cases + PRIOR_CASES)


def statute_text(name: str) -> str:
    """The charge's name, its brackets' conditions and its article's description of the conduct (罪状,
    `standards/charge_statutes.json`, built from the statute by build_statute_text.py)."""
    info = find_charge(name)
    conditions = " ".join(b.condition for b in info.brackets) if info else ""
    return f"{name} {conditions} {statute_conduct().get(info.name if info else name, '')}"


def conduct_text(name: str) -> str:
    """The statute's words with the conduct as interpretations and judgments tell it (charge_elements.yaml `conduct`:
    art. 303 para. 2 only names 开设赌场; 公通字〔2010〕40号 says what running one online is). Read by the charge
    profiles only: act_charge asks statute_text whether the statute itself speaks of violence."""
    words = charge_elements().get("conduct", {}).get(name, {}).get("words", "")
    return f"{statute_text(name)} {words}"


@cache
def statute_conduct() -> dict[str, str]:
    """Charge -> its article's words without the penalty clauses ({} without the built file)."""
    return json.loads(STATUTES_FILE.read_text(encoding="utf-8")) if STATUTES_FILE.exists() else {}


def build_profiles(cases: Iterable[tuple[str, Sequence[str]]]) -> dict:
    """Case profiles and IDF from (fact, charges) pairs: the content of charge_profiles.json."""
    cases = list(cases)
    documents = [ngrams(fact) for fact, _ in cases]
    frequency: Counter = Counter()
    for counts in documents:
        frequency.update(counts.keys())
    n = len(documents)
    idf = {g: math.log((1 + n) / (1 + df)) + 1 for g, df in frequency.items() if df >= 2}
    default_idf = math.log(1 + n) + 1
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    overall: dict[str, float] = defaultdict(float)
    sizes: Counter = Counter()
    for counts, (_, charges) in zip(documents, cases, strict=True):
        # an n-gram of one case only (a place, a name) says nothing about its charge
        vector = _weights(Counter({g: c for g, c in counts.items() if g in idf}), idf, default_idf)
        for g, v in vector.items():
            overall[g] += v / n
        # a case labelled with a charge's old name is a case of that charge today (罪名补充规定), and one labelled
        # with a name the catalogue reads as a charge (CAIL's merged labels) a case of that charge
        for charge in sorted({profile_name(c) for c in charges}):
            sizes[charge] += 1
            for g, v in vector.items():
                sums[charge][g] += v
    # Rocchio: a charge's mean less the mean of all cases, so that what every judgment says (被害人, 价值)
    # does not outweigh the conduct that sets a charge apart (抢劫, 禁渔)
    profiles = {
        c: _top(
            {g: v / sizes[c] - overall[g] for g, v in s.items() if v / sizes[c] > overall[g]},
            KEEP,
            shrunk(sizes[c]),
        )
        for c, s in sorted(sums.items())
    }
    vocabulary = {g for p in profiles.values() for g in p}
    return {
        "n_cases": n,
        "cases_per_charge": dict(sorted(sizes.items())),
        "default_idf": round(default_idf, 5),
        "idf": {g: round(idf[g], 5) for g in sorted(vocabulary) if g in idf},
        "profiles": profiles,
    }


def profile_name(label: str) -> str:
    """The catalogue charge a case's label teaches: its name today (罪名补充规定), else the charge the catalogue reads
    the label as (CAIL's merged labels: 组织、强迫、引诱、容留、介绍卖淫 is art. 359's 引诱、容留、介绍卖淫 in
    charge_names.txt), else the label itself. A profile under a name that is no charge of the catalogue is never
    scored (ChargeModel scores the catalogue's charges), so its cases would teach nothing."""
    today = current_name(label)
    known = find_charge(today)
    return known.name if known else today


class ChargeModel:
    """Scores every charge of the catalogue for a fact text."""

    def __init__(self, data: dict | None):
        data = data or {"n_cases": 0, "default_idf": 1.0, "idf": {}, "profiles": {}}
        self.idf: dict[str, float] = data["idf"]
        self.default_idf: float = data["default_idf"]
        self.profiles: dict[str, dict[str, float]] = data["profiles"]
        self.statutes = {
            c.name: _weights(ngrams(conduct_text(c.name)), self.idf, self.default_idf) for c in all_charges()
        }
        self.articles = {c.name: c.article for c in all_charges()}
        # what the model can read: n-grams of the cases' vocabulary or of a statute. The fact is
        # weighed on these alone, so that text about nothing it knows does not dilute the rest.
        self.vocabulary = set(self.idf).union(*(ngrams(conduct_text(c.name)) for c in all_charges()))
        # n-gram -> [(charge, weight)]: a fact is scored through its own n-grams, not every profile
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for charge, statute in self.statutes.items():
            profile = self.profiles.get(charge, {})
            for gram in set(profile) | set(statute):
                weight = profile.get(gram, 0.0) + STATUTE_WEIGHT * statute.get(gram, 0.0)
                self.postings[gram].append((charge, weight))

    def best_of(self, text: str, charges: Sequence[str]) -> str | None:
        """Which of `charges` the text tells of (a count of a case of several charges), or None."""
        text = defendants_conduct(text)
        scored = self._scored(text, [c for c in charges if c in self.statutes])
        return scored[0][1] if scored else None

    def candidates(self, text: str, limit: int = 10) -> list[Candidate]:
        text = defendants_conduct(text)
        readable = Counter({g: c for g, c in ngrams(text).items() if g in self.vocabulary})
        fact = _weights(readable, self.idf, self.default_idf)
        scored = self._scored(text, list(self.statutes), fact)
        result = []
        for score, charge, profile, statute in scored[:limit]:
            weight = {g: fact[g] * (profile.get(g, 0.0) + STATUTE_WEIGHT * statute.get(g, 0.0)) for g in fact}
            evidence = tuple(g for g, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])) if v > 0)
            result.append(
                Candidate(charge, self.articles[charge], round(score, 4), evidence[:EVIDENCE], len(evidence))
            )
        return result

    def _scored(self, text: str, charges: Sequence[str], fact: dict[str, float] | None = None) -> list[tuple]:
        """(score, charge, case profile, statute profile), best first, for those of `charges` that score."""
        if fact is None:
            readable = Counter({g: c for g, c in ngrams(text).items() if g in self.vocabulary})
            fact = _weights(readable, self.idf, self.default_idf)
        wanted = set(charges)
        totals: dict[str, float] = defaultdict(float)
        for gram, value in fact.items():
            for charge, weight in self.postings.get(gram, ()):
                if charge in wanted:
                    totals[charge] += value * weight
        scored = [
            (score, charge, self.profiles.get(charge, {}), self.statutes[charge])
            for charge, score in totals.items()
            if score > 0
        ]
        scored.sort(key=lambda row: (-row[0], row[1]))
        return scored

    def charges(self, text: str, at_least: int = 1, exclude: Sequence[str] = ()) -> list[str]:
        """The inferred charges: the best, and any other within SECOND_SHARE of it, or the `at_least` best where the
        text states how many charges there are (at most MAX_CHARGES); none of `exclude` (charges the text names)."""
        text = defendants_conduct(text)
        # a charge whose statute's object or conduct the fact never names is no candidate (`requires`), unless a
        # distinction reads it as the neighbour whose element the fact does state (强奸 without force: 猥亵儿童)
        # and whose own requirement the fact states too (挪用公款 read as 挪用资金 still needs a 挪用)
        pool = [
            c
            for c in self.candidates(text, limit=REQUIRED_POOL)
            if c.charge not in exclude
            and (states_requirements(text, c.charge) or _read_as_neighbour(text, c.charge))
        ]
        # A fraud the fact does not tell of keeps its place among the best and its score as the bar, but is not
        # named (_by_elements would drop it only after it had been chosen, leaving a theft whose words a fraud's
        # profile shares with no charge); where such frauds took all those places, the best after them is the charge.
        told = [c for c in pool if _fraud_as_told(text, c.charge) is not None]
        found = [c for c in pool[:MAX_CHARGES] if c in told] or told[:1]
        if not found or found[0].score < MIN_SCORE or found[0].matched < MIN_MATCHED:
            return self._by_conduct_word(text, exclude)
        bar = SECOND_SHARE * pool[0].score
        chosen = [c.charge for rank, c in enumerate(found) if rank < at_least or c.score >= bar]
        return self._by_elements(text, chosen)

    def _by_conduct_word(self, text: str, exclude: Sequence[str]) -> list[str]:
        """Where the profiles name nothing, the first charge whose article's conduct word the fact states as the
        defendant's act (conduct_words; 偷拿 for 盗窃, art. 264), if it states what the statute needs (`requires`)."""
        for charge in cued_charges(text):
            if charge not in exclude and charge in self.statutes and states_requirements(text, charge):
                return self._by_elements(text, [charge])
        return []

    def _by_elements(self, text: str, chosen: list[str]) -> list[str]:
        """Related frauds told apart by the element their statute adds, then neighbouring charges by theirs
        (standards/charge_elements.yaml `special`, `distinctions`)."""
        rules = charge_elements()
        general, special = rules["general"], rules["special"]
        out: list[str] = []
        for charge in chosen:
            charge = _fraud_as_told(text, charge)
            if charge is None:
                continue  # no fraud told at all
            if charge == general:  # 本法另有规定的，依照规定
                ranked = [c.charge for c in self.candidates(text, limit=int(rules["candidates"]))]
                charge = next(
                    (
                        c
                        for c in ranked
                        if special.get(c, {}).get("prevails") and re.search(special[c]["element"], text)
                    ),
                    general,
                )
            if charge not in out:
                out.append(charge)
        return for_another(text, _by_distinctions(text, out))


def _fraud_as_told(text: str, charge: str) -> str | None:
    """`charge` as the fact tells it (charge_elements.yaml): a special fraud whose element the fact does not state is
    the charge it falls back to (刑法第266条, else 诈骗), and a fraud is None where the fact tells of no fraud at all
    (no 骗, 虚构, 隐瞒真相, 谎称). Any other charge is itself."""
    rules = charge_elements()
    special = rules["special"]
    while charge in special and not re.search(special[charge]["element"], text):
        charge = special[charge].get("falls_back_to", rules["general"])
    if charge == rules["general"] and not re.search(rules["general_element"], text):
        return None
    return charge


@cache
def _requirements() -> dict[str, tuple[re.Pattern, ...]]:
    return {
        charge: tuple(re.compile(re.sub(r"\s+", "", p)) for p in rule["all"])
        for charge, rule in charge_elements().get("requires", {}).items()
    }


def states_requirements(text: str, charge: str) -> bool:
    """Whether the fact names everything the charge's statute cannot be without (charge_elements.yaml `requires`:
    脱逃 needs a person held in custody, 单位行贿 a unit that gives); true for a charge with no such rule."""
    return all(pattern.search(text) for pattern in _requirements().get(charge, ()))


def _read_as_neighbour(text: str, charge: str) -> bool:
    """Whether a distinction reads `charge` as a neighbour whose own requirement the fact states."""
    read = _by_distinctions(text, [charge])
    return read != [charge] and all(states_requirements(text, c) for c in read if c != charge)


def _pattern(rule: dict, key: str) -> re.Pattern | None:
    """The rule's pattern under `key`, or any of the patterns it lists; None without one."""
    value = rule.get(key)
    if not value:
        return None
    patterns = value if isinstance(value, list) else [value]
    return re.compile("|".join("(?:" + WHITESPACE.sub("", p) + ")" for p in patterns))


WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SumBounds:
    """The sums a distinction needs (charge_elements.yaml `sum_at_least`, `sum_below`), in yuan."""

    at_least: Decimal | None = None
    below: Decimal | None = None

    def hold(self, text: str) -> bool:
        largest = largest_sum(text)
        if self.at_least is not None and (largest is None or largest < self.at_least):
            return False
        return self.below is None or largest is None or largest < self.below


YUAN = re.compile(rf"({NUMBER})\s*(?:元|块)")


def largest_sum(text: str) -> Decimal | None:
    """The largest sum in yuan the text tells (2.4万元, 36万元, 2600元), or None."""
    sums = [value for match in YUAN.finditer(text) if (value := parse_number(match.group(1))) is not None]
    return max(sums, default=None)


@cache
def _distinctions() -> tuple[
    tuple[str, re.Pattern | None, re.Pattern, re.Pattern | None, str, bool, SumBounds], ...
]:
    """(charge, its own element, the other's element, what sends it back, the other charge, add, the sums it needs) per
    rule."""
    return tuple(
        (
            rule["charge"],
            _pattern(rule, "unless"),
            _pattern(rule, "when"),
            _pattern(rule, "not_when"),
            rule["to"],
            bool(rule.get("add")),
            SumBounds(_yuan(rule.get("sum_at_least")), _yuan(rule.get("sum_below"))),
        )
        for rule in charge_elements().get("distinctions", ())
    )


def _yuan(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _by_distinctions(text: str, chosen: list[str]) -> list[str]:
    """Neighbouring charges told apart by the element their statutes name (charge_elements.yaml `distinctions`):
    a charge whose own element the fact does not state, and whose neighbour's it does, is the neighbour. A charge whose
    fact tells no crime of it (`no_crime`: a light injury by the defendant's mishap, 刑法第15条第2款) is dropped."""
    out: list[str] = []
    for charge in chosen:
        if tells_no_crime(text, charge):
            continue
        result = [charge]
        for name, own, other, back, to, add, sums in _distinctions():
            if name != charge or (own is not None and own.search(text)) or not other.search(text):
                continue
            if (back is not None and back.search(text)) or not sums.hold(text):
                continue
            result = [charge, to] if add else [to]
            break
        out.extend(c for c in result if c not in out)
    return out


@cache
def _for_another_rules() -> tuple[tuple[str, re.Pattern, re.Pattern | None, re.Pattern | None], ...]:
    """(charge, its conduct, what sends it back, what tells it done in the defendant's own case) per
    charge_elements.yaml `for_another` rule."""
    return tuple(
        (rule["charge"], _pattern(rule, "when"), _pattern(rule, "not_when"), _pattern(rule, "own_case"))
        for rule in charge_elements().get("for_another", ())
    )


def _states_for_another(text: str, when: re.Pattern, back: re.Pattern | None) -> bool:
    if back is not None and back.search(text):
        return False
    return any(own_act(text, match.start()) for match in when.finditer(text))


@cache
def _justice_charges() -> frozenset[str]:
    """The crimes against justice of the `for_another` rules, not the ordinary crimes a statute converts one to
    (`conversion`: torture that kills is art. 232's)."""
    return frozenset(
        rule["charge"] for rule in charge_elements().get("for_another", ()) if not rule.get("conversion")
    )


def for_another(text: str, chosen: list[str]) -> list[str]:
    """A crime against justice done for another person (charge_elements.yaml `for_another`: hiding him, destroying his
    evidence, suborning a witness in his case) in place of the other person's crime the fact also tells of
    (刑法第305条, 第307条, 第310条): the first such charge whose conduct the fact states as the defendant's own act,
    with any other of them already chosen whose own conduct the fact states too (the witness's 伪证 is not the
    suborner's). Where the fact tells it done in his own case (`own_case`: 为逃避法律追究, art. 307 para. 1), the crimes
    chosen are his and stay beside it."""
    rules = _for_another_rules()
    for charge, when, back, own_case in rules:
        if not _states_for_another(text, when, back):
            continue
        stated = {
            name for name, conduct, other_back, _ in rules if _states_for_another(text, conduct, other_back)
        }
        if own_case is not None and own_case.search(text):
            kept = [c for c in chosen if c not in _justice_charges() or c in stated]
            return kept + [charge] if charge not in kept else kept
        return [charge] + [c for c in chosen if c in stated and c != charge]
    return chosen


def with_whole_facts_elements(text: str, charges: list[str]) -> list[str]:
    """`charges` (read from one count) as the neighbours the whole fact's elements make them (`distinctions`)."""
    return _by_distinctions(defendants_conduct(text), charges)


@cache
def _no_crime() -> tuple[tuple[str, re.Pattern, re.Pattern | None], ...]:
    """(charge, what tells no crime of it, what sends it back) per charge_elements.yaml `no_crime` rule."""
    return tuple(
        (rule["charge"], _pattern(rule, "when"), _pattern(rule, "not_when"))
        for rule in charge_elements().get("no_crime", ())
    )


def tells_no_crime(text: str, charge: str) -> bool:
    """Whether the fact tells what is no crime of `charge` (charge_elements.yaml `no_crime`): a light injury caused by
    the defendant's mishap is no 故意伤害 (刑法第15条第2款, 第235条)."""
    return any(
        name == charge and when.search(text) and not (back is not None and back.search(text))
        for name, when, back in _no_crime()
    )


@cache
def default_model() -> ChargeModel:
    data = json.loads(PROFILES_FILE.read_text(encoding="utf-8")) if PROFILES_FILE.exists() else None
    return ChargeModel(data)


def _dev_cases(data_dir: Path) -> list[tuple[str, list[str]]]:
    cases = []
    for name in ("cail-charges-dev.jsonl", "cail-term-dev.jsonl"):
        with open(data_dir / name, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    cases.append((row["fact"], [a.removesuffix("罪") for a in row["meta"]["accusation"]]))
    return cases


def main(argv: list[str] | None = None) -> int:
    from leniency.sentencing.devdata import shared_data_dir

    argv = sys.argv[1:] if argv is None else argv
    if argv != ["--build"]:
        print("usage: python -m leniency.sentencing.extraction.charge_inference --build")
        return 2
    data_dir = shared_data_dir()
    if data_dir is None:
        print("no development data beside this checkout (set LENIENCY_SHARED_DATA)")
        return 1
    data = build_profiles(_dev_cases(data_dir))
    PROFILES_FILE.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
    )
    print(f"{PROFILES_FILE}: {len(data['profiles'])} charges from {data['n_cases']} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
