"""One input line -> one judgment row (no Django): parse, validate, extract, calculate.

Runs in the importer's worker processes, so everything here is a plain function of plain data.
"""

from __future__ import annotations

import json
import re

from leniency.corpus.factors import Factors, facts_json
from leniency.corpus.reader import content_hash
from leniency.sentencing.calculator import calculate
from leniency.sentencing.corpus import CorpusError, parse_judgment
from leniency.sentencing.extract import extract
from leniency.sentencing.model.features import record_of

YEAR = re.compile(r"((?:19[89]|20[0-3])\d)年")


def process_line(number: int, text: str) -> dict:
    """{"row": {...}} for a judgment, or {"error": reason}. Never raises."""
    try:
        return {"row": _row(number, text)}
    except CorpusError as exc:
        return {"error": exc.reason}
    except Exception as exc:  # noqa: BLE001 - one bad line must not stop an import
        return {"error": f"无法处理：{type(exc).__name__}: {exc}"}


def warm_engine() -> None:
    """Load the standards and the charge catalogue once, before worker processes are forked (they inherit them)."""
    process_line(
        0,
        json.dumps(
            {
                "fact": "被告人张某盗窃他人手机一部，价值人民币3000元。",
                "meta": {
                    "accusation": ["盗窃"],
                    "relevant_articles": [264],
                    "term_of_imprisonment": {
                        "imprisonment": 6,
                        "death_penalty": False,
                        "life_imprisonment": False,
                    },
                },
            },
            ensure_ascii=False,
        ),
    )


def process_batch(batch: list[tuple[int, str]]) -> list[tuple[int, dict]]:
    return [(number, process_line(number, text)) for number, text in batch]


def _row(number: int, text: str) -> dict:
    judgment = parse_judgment(text, number, require_term=True)
    if not judgment.fact.strip():
        raise CorpusError(number, "fact 为空")
    if not judgment.accusation:
        raise CorpusError(number, "meta.accusation 为空：没有罪名")
    meta = json.loads(text).get("meta") or {}

    facts = extract(judgment.fact, judgment.accusation, judgment.relevant_articles)
    try:
        calc = calculate(facts)
    except Exception:  # noqa: BLE001 - store the judgment without a calculation
        calc = None
    record = record_of(facts, calc)
    factors = Factors.of(facts, record.calc_months)
    term = judgment.term
    stored = facts_json(facts)
    stored["_model"] = record.to_dict()
    year = meta.get("year")
    if not isinstance(year, int):
        match = YEAR.search(judgment.fact)
        year = int(match.group(1)) if match else None
    fine = judgment.punish_of_money
    return {
        "content_hash": content_hash(judgment.fact, meta),
        "fact": judgment.fact,
        "charges": judgment.accusation,
        "articles": judgment.relevant_articles,
        "main_charge": factors.main_charge,
        "term_months": term.months if term.fixed else None,
        "death_penalty": term.death_penalty,
        "life_imprisonment": term.life_imprisonment and not term.death_penalty,
        "probation": bool(meta.get("probation", False)),
        "fine_yuan": int(fine) if fine is not None else None,
        "criminals": judgment.criminals,
        "region_code": str(meta.get("region") or "")[:12],
        "court": str(meta.get("court") or "")[:100],
        "year": year,
        "synthetic": bool(meta.get("synthetic", False)),
        "facts": stored,
        "amount_yuan": factors.amount_yuan
        if factors.amount_yuan is None or factors.amount_yuan < 2**62
        else None,
        "injury": factors.injury,
        "drug_grams": factors.drug_grams,
        "circumstances": factors.circumstances,
        "calc_months": factors.calc_months,
    }
