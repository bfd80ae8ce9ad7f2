"""The charges a fact text names or describes, for when the user gives none (a prosecutor pasting facts).

First the charges the text charges by name ("已构成盗窃罪", "以诈骗罪追究"), matched against the whole
catalogue and the names officially replaced since (read as the charge's name today), longest name first, leaving out a charge denied (不构成…罪) or of an earlier conviction
(曾因盗窃罪被判处…). Failing that — CAIL masks charge names as ×× — the charges inferred from the conduct
the facts tell, for every crime of the catalogue (`charge_inference.py`). The result is a guess and is
reported as one: extraction notes that it was inferred, and `charge_candidates` gives the runners-up
with their evidence for a person to confirm.
"""

from __future__ import annotations

import re
from functools import cache

from leniency.sentencing.catalogue import all_charges, current_name, renames
from leniency.sentencing.extraction.charge_inference import Candidate, default_model
from leniency.sentencing.extraction.numbers import span
from leniency.sentencing.facts import Span

CHARGING_BEFORE = re.compile(r"(?:构成|以|犯有?|涉嫌)$")
DENIED_OR_PRIOR = re.compile(r"不构成|否认|辩称|曾因|曾犯|前科|刑满|被判处")
CONTEXT = 16


@cache
def _named_pattern() -> re.Pattern:
    # a judgment given before a rename charges by the old name (罪名补充规定): read it as the charge today
    names = sorted({c.name for c in all_charges()} | {r.old for r in renames()}, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(n) for n in names) + ")罪")


def infer_charges(text: str) -> list[str]:
    """Charge names (catalogue spelling, without 罪) the text names or describes; [] when none."""
    return [name for name, _ in charge_evidence(text)]


def charge_evidence(text: str) -> list[tuple[str, Span | None]]:
    """Each inferred charge with the words it was read from (the "…罪" naming it, or its best n-gram)."""
    named = _named(text)
    if named:
        return list(named.items())
    model = default_model()
    result = []
    for charge in model.charges(text):
        # a charge set by its statute's element (charge_elements.yaml) may rank below the first three
        candidate = next((c for c in model.candidates(text, limit=10) if c.charge == charge), None)
        result.append((charge, _locate(text, candidate) if candidate else None))
    return result


def charge_candidates(text: str, limit: int = 5) -> list[Candidate]:
    """The best-scoring charges with their article and evidence, for a person to confirm."""
    return default_model().candidates(text, limit=limit)


def _named(text: str) -> dict[str, Span]:
    named: dict[str, Span] = {}
    for match in _named_pattern().finditer(text):
        before = text[max(0, match.start() - CONTEXT) : match.start()]
        clause = re.split(r"[，,。；;]", before)[-1]
        if not CHARGING_BEFORE.search(before) or DENIED_OR_PRIOR.search(clause):
            continue
        named.setdefault(current_name(match.group(1)), span(text, match.start(), match.end()))
    return named


def _locate(text: str, candidate: Candidate) -> Span | None:
    for gram in candidate.evidence:
        at = text.find(gram)
        if at >= 0:
            return span(text, at, at + len(gram))
    return None
