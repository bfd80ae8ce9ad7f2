"""Charges inferred from the facts alone, for every crime of the catalogue (issue 16, failure class 8).

CAIL masks charge names as ××, so a fact text rarely names its charge. Each charge gets a profile of
weighted character n-grams (2 and 3 characters, TF-IDF):

- from the statute: the charge's name and the words of its brackets (罪状, `statutory_brackets.yaml`),
  for every charge of the catalogue, with the words in which the judicial interpretations and judgments
  tell the conduct where the article only names it (开设赌场; `charge_elements.yaml` `conduct`);
- from decided cases, where there are some: the mean profile of the facts of that charge less the
  mean of all cases (Rocchio), so that what every judgment says does not outweigh the conduct, its
  length growing with the cases it rests on (`charge_ngrams.PRIOR_CASES`)
  (`standards/charge_profiles.json`, built by `python -m leniency.sentencing.extraction.charge_inference
  --build` from the development data; 120 n-grams a charge).

A fact's score for a charge is its cosine similarity with the case profile times the profile's length
plus half its similarity with the statute profile. The candidates come back best first with their
article and the n-grams of the fact that matched most (the evidence a prosecutor confirms). Several
charges are returned when the runner-up scores at least `SECOND_SHARE` of the best; a candidate whose statute names an object or a conduct the
fact never mentions (脱逃 without anyone held in custody, 单位行贿 without a unit that gives) is passed over
(`standards/charge_elements.yaml` `requires`), and so is one whose act a charge ranked above it makes its own
(`absorbs`: the entry of 入户抢劫). The fact is read without what is not the defendant's conduct in this
case: an earlier conviction (曾因犯盗窃罪被判处…) and the act of someone tried apart (`defendants_conduct`).
Where no candidate passes MIN_SCORE and MIN_MATCHED (a one- or two-sentence text shares too few n-grams with any
profile), the conduct word of an article's 罪状 the fact states names the charge (`conduct_words`: 偷拿 for 盗窃).
Deterministic: no randomness, sorted ties.

What of a fact is read, and how the case profiles are learned, is charge_ngrams'; the legal rules applied to the
charges the model names (special frauds, requirements, distinctions, for_another, no_crime) are charge_rules'.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from leniency.sentencing.catalogue import all_charges, find_charge
from leniency.sentencing.extraction.charge_elements import charge_elements
from leniency.sentencing.extraction.charge_ngrams import build_profiles, defendants_conduct, ngrams, weights
from leniency.sentencing.extraction.charge_rules import (
    absorbed,
    by_distinctions,
    for_another,
    fraud_as_told,
    read_as_neighbour,
    states_requirements,
    without_absorbed,
)

# read from here by charges.py and the tests, as before the rules had a module of their own
from leniency.sentencing.extraction.charge_rules import tells_no_crime as tells_no_crime
from leniency.sentencing.extraction.charge_rules import with_whole_facts_elements as with_whole_facts_elements
from leniency.sentencing.extraction.conduct_words import cued_charges

PROFILES_FILE = Path(__file__).resolve().parents[1] / "standards" / "charge_profiles.json"
STATUTES_FILE = Path(__file__).resolve().parents[1] / "standards" / "charge_statutes.json"
STATUTE_WEIGHT = 0.5
SECOND_SHARE = 0.85  # a further charge is returned when it scores this share of the best
MAX_CHARGES = 3
MIN_SCORE = 0.05  # below it a text shares too little with any charge to name one
MIN_MATCHED = 3  # one shared two-character word (聊天, 邻居) is not evidence of a charge
# how far down the candidates a charge may rise when those above lack what their statute needs
REQUIRED_POOL = 10
EVIDENCE = 6


@dataclass(frozen=True)
class Candidate:
    charge: str
    article: int
    score: float
    evidence: tuple[str, ...]  # the fact's n-grams that weigh most in the match
    matched: int = 0  # how many of the fact's n-grams the match rests on


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


class ChargeModel:
    """Scores every charge of the catalogue for a fact text."""

    def __init__(self, data: dict | None):
        data = data or {"n_cases": 0, "default_idf": 1.0, "idf": {}, "profiles": {}}
        self.idf: dict[str, float] = data["idf"]
        self.default_idf: float = data["default_idf"]
        self.profiles: dict[str, dict[str, float]] = data["profiles"]
        self.statutes = {
            c.name: weights(ngrams(conduct_text(c.name)), self.idf, self.default_idf) for c in all_charges()
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
        fact = weights(readable, self.idf, self.default_idf)
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
            fact = weights(readable, self.idf, self.default_idf)
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

    def charges(
        self, text: str, at_least: int = 1, exclude: Sequence[str] = (), fill: bool = False
    ) -> list[str]:
        """The inferred charges: the best, and any other within SECOND_SHARE of it, or the `at_least` best where the
        text states how many charges there are (at most MAX_CHARGES); none of `exclude` (charges the text names).
        With `fill`, `at_least` even where two of the best are read as one charge (`_filled`)."""
        text = defendants_conduct(text)
        # a charge whose statute's object or conduct the fact never names is no candidate (`requires`), unless a
        # distinction reads it as the neighbour whose element the fact does state (强奸 without force: 猥亵儿童)
        # and whose own requirement the fact states too (挪用公款 read as 挪用资金 still needs a 挪用)
        pool = [
            c
            for c in self.candidates(text, limit=REQUIRED_POOL)
            if c.charge not in exclude
            and (states_requirements(text, c.charge) or read_as_neighbour(text, c.charge))
        ]
        # a candidate whose act one ranked above it makes its own (`absorbs`: 入户抢劫's entry) fills no place
        pool = [
            c for rank, c in enumerate(pool) if not absorbed(text, c.charge, [p.charge for p in pool[:rank]])
        ]
        # A fraud the fact does not tell of keeps its place among the best and its score as the bar, but is not
        # named (_by_elements would drop it only after it had been chosen, leaving a theft whose words a fraud's
        # profile shares with no charge); where such frauds took all those places, the best after them is the charge.
        told = [c for c in pool if fraud_as_told(text, c.charge) is not None]
        found = [c for c in pool[:MAX_CHARGES] if c in told] or told[:1]
        if not found or found[0].score < MIN_SCORE or found[0].matched < MIN_MATCHED:
            return self._by_conduct_word(text, exclude)
        bar = SECOND_SHARE * pool[0].score
        chosen = [c.charge for rank, c in enumerate(found) if rank < at_least or c.score >= bar]
        return self._filled(text, chosen, told, at_least) if fill else self._by_elements(text, chosen)

    def _filled(self, text: str, chosen: list[str], told: list[Candidate], at_least: int) -> list[str]:
        """The chosen read by their elements; where two of them are read as one charge (E99: a 盗窃 whose fact tells goods
        smashed is the 故意毁坏财物 ranked beside it), the next candidates the fact tells, until `at_least` are named."""
        read = self._by_elements(text, chosen)
        wanted = min(at_least, MAX_CHARGES)
        for candidate in told:
            if len(read) >= wanted:
                break
            if candidate.charge not in chosen:
                chosen = [*chosen, candidate.charge]
                read = self._by_elements(text, chosen)
        return read

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
            charge = fraud_as_told(text, charge)
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
        return without_absorbed(text, for_another(text, by_distinctions(text, out)))


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
