"""What extraction read from one fact text, as one JSON-ready dict (`leniency sentencing extract`).

Every item names the count it was read in (the count's path, "一、/2、", or null outside the numbered
counts) and the words it came from, so that extraction can be measured on its own, count by count.
Charges are inferred from the text alone (the charges a file gives are not passed in), with the words
that named or described them, and the five best candidates with their article and evidence.
"""

from __future__ import annotations

from decimal import Decimal

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.amounts import Mention, total_amount
from leniency.sentencing.extraction.charges import charge_candidates, charge_evidence
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.document import Document, acts, parse
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.numbers import span
from leniency.sentencing.extraction.quantities import find_counts
from leniency.sentencing.extraction.undiscovered import undiscovered_conviction
from leniency.sentencing.extraction.victims import find_victims, victim_names
from leniency.sentencing.facts import Span


def read_case(text: str) -> dict:
    facts = extract(text)
    document = parse(text) if text.strip() else Document(text=text, sentences=[])

    def where(item_span: Span | None) -> dict:
        if item_span is None:
            return {"count": None, "quote": None, "start": None}
        count = document.count_at(item_span.start)
        return {
            "count": count.path if count else None,
            "quote": item_span.quote,
            "start": item_span.start,
        }

    stated, stated_finding = find_counts(text)
    victims, victims_finding = find_victims(text)
    numbered = acts(document)
    return {
        "charges": [
            {"charge": name, "article": _article(name), **where(s)} for name, s in charge_evidence(text)
        ],
        "charge_candidates": [
            {"charge": c.charge, "article": c.article, "score": c.score, "evidence": list(c.evidence)}
            for c in (charge_candidates(text) if text.strip() else [])
        ],
        "counts": {
            "acts": facts.counts,
            "acts_by_charge": facts.counts_by_charge,
            "stated": stated,
            "stated_quote": stated_finding.span.quote if stated_finding and stated_finding.span else None,
            "numbered": [
                {
                    "count": c.path,
                    "start": c.start,
                    "end": c.end,
                    "act": c in numbered,
                    "evidence": c.evidence,
                }
                for c in document.counts
            ],
        },
        "amount_yuan": _money(facts.amount_yuan),
        "attempted_yuan": _money(facts.attempted_yuan),  # sought in vain beside the money obtained
        "amounts": [_mention(m, where(m.span)) for m in document.money],
        "amounts_per_count": [
            {"count": c.path, "amount_yuan": _money(_count_total(document, c.start, c.end))} for c in numbered
        ],
        "drugs": [
            {
                "kind": d.kind,
                "named": d.named,
                "grams": _money(d.grams),
                "heroin_grams": _money(d.heroin_grams),
                "quantity_class": d.quantity_class,
                **where(d.span),
            }
            for d in (*facts.drugs, *facts.unknown_drugs)
        ],
        "injuries": [{"grade": str(f.value), **where(f.span)} for f in facts.injuries],
        "victims": {
            "number": victims,
            "names": sorted(victim_names(text)),
            **where(victims_finding.span if victims_finding else None),
        },
        "circumstances": [
            {"code": str(f.code), "value": _plain(f.value), **where(f.span)} for f in facts.circumstances
        ],
        "procedure": _procedure(facts),
        "earlier_convictions": _earlier_convictions(text, where),
        "age": facts.age,
        "blood_alcohol": _money(facts.blood_alcohol),
        "notes": list(facts.notes),
    }


def _count_total(document: Document, start: int, end: int) -> Decimal | None:
    mentions = [m for m in document.money if start <= m.span.start < end]
    return total_amount(mentions, document.text) if mentions else None


def _mention(mention: Mention, place: dict) -> dict:
    return {
        "yuan": _money(mention.value),
        **place,
        "excluded": mention.excluded,
        "total": mention.total,
        "repeated": mention.repeated,
    }


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _plain(value: object) -> object:
    return value if value is None or isinstance(value, (bool, int, float, str)) else str(value)


def _procedure(facts) -> dict | None:
    procedure = facts.procedure
    if procedure is None:
        return None

    def sentence(mention) -> dict | None:
        if mention is None:
            return None
        return {
            "penalty": mention.penalty,
            "months": mention.months,
            "masked": mention.masked,
            "source": mention.span.quote if mention.span else None,
        }

    return {
        "stage": procedure.stage,
        "stage_quote": procedure.stage_span.quote if procedure.stage_span else None,
        "same_facts_as_below": procedure.same_facts_as_below,
        "original": sentence(procedure.original),
        "prior_unserved": sentence(procedure.prior_unserved),
        "probation_revoked": procedure.probation_revoked,
        "parole_revoked": procedure.parole_revoked,
        "combined": procedure.combined,
        "undiscovered": _undiscovered(procedure.undiscovered, sentence),
    }


def _undiscovered(earlier, sentence) -> dict | None:
    """漏罪 (art. 70): the earlier judgment's sentence, the part served, and why the text was read so."""
    if earlier is None:
        return None
    return {
        "earlier": sentence(earlier.sentence),
        "served": sentence(earlier.served),
        "basis": earlier.basis,
        "basis_quote": earlier.basis_span.quote if earlier.basis_span else None,
    }


def _earlier_convictions(text: str, where) -> list[dict]:
    """The earlier convictions the text tells (earlier_convictions), each with what it tells and how it is weighed: a
    prior record (前科, 2021量刑指导意见 三(16)), or the judgment a 漏罪 is combined with (刑法第70条), or neither (an
    administrative punishment, another person's conviction)."""
    records = prior_records(text)
    missed = undiscovered_conviction(text)
    return [
        {
            **where(span(text, c.start, c.end)),
            "criminal": c.criminal,
            "others": c.others,
            "penalty": c.sentence.penalty if c.sentence else None,
            "months": c.sentence.months if c.sentence else None,
            "pronounced": c.pronounced.isoformat() if c.pronounced else None,
            "served": c.served,
            "released": c.released.isoformat() if c.released else None,
            "weighed_as": "prior_record" if c in records else "undiscovered" if c == missed else None,
        }
        for c in earlier_convictions(text)
    ]


def _article(name: str) -> int | None:
    info = find_charge(name)
    return info.article if info else None
