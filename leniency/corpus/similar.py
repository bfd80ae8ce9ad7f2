"""Similar-case retrieval (类案检索) over the judgment database.

Uses the prebuilt index (`leniency corpus index`, under settings.CORPUS_INDEX_DIR, default var/corpus-index)
when there is one; otherwise builds the charge's index from the database on the fly (cached per
process until the table changes), so that a fresh install still answers.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
from django.conf import settings

from leniency.corpus.factors import (
    CIRCUMSTANCE_ZH,
    INJURY_ZH,
    KEY_CIRCUMSTANCES,
    Factors,
    flag_names,
)
from leniency.corpus.index import (
    MIN_SIMILAR,
    ChargeIndex,
    IdfTable,
    Query,
    Row,
    avg_len,
    charge_key,
    idf_from_file,
    injury_rank,
    read_manifest,
    search,
)
from leniency.corpus.results import SimilarCase, SimilarCases, SimilarStats
from leniency.sentencing.facts import CaseFacts

FALLBACK_LIMIT = 50_000  # the most recent judgments of a charge used when there is no prebuilt index
EXCERPT_CHARS = 160
_lock = threading.Lock()
_cache: dict = {}


def index_dir() -> Path:
    return Path(getattr(settings, "CORPUS_INDEX_DIR", Path(settings.VAR_DIR) / "corpus-index"))


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def judgment_row(j) -> Row:
    months = -1 if (j.death_penalty or j.life_imprisonment) else (j.term_months or 0)
    return Row(
        j.pk,
        j.fact,
        months,
        j.probation,
        j.amount_yuan,
        j.injury,
        j.drug_grams,
        j.circumstances,
        j.region_code,
        j.year,
    )


def _prebuilt(charge: str) -> tuple[ChargeIndex, np.ndarray] | None:
    directory = index_dir()
    manifest = read_manifest(directory)
    if manifest is None:
        return None
    key = ("prebuilt", str(directory), manifest.get("built_at"))
    with _lock:
        if _cache.get("prebuilt_key") != key:
            _cache.clear()
            _cache["prebuilt_key"] = key
            _cache["idf"] = idf_from_file(directory)
        idf = _cache["idf"]
        entry = _cache.get(("charge", charge))
        if entry is None:
            path = directory / f"{charge_key(charge)}.npz"
            entry = ChargeIndex.load(path) if path.exists() else ChargeIndex.empty()
            _cache[("charge", charge)] = entry
    return entry, idf


def _from_database(charge: str) -> tuple[ChargeIndex, np.ndarray]:
    from django.db.models import Count, Max

    from leniency.corpus.models import Judgment

    state = Judgment.objects.filter(main_charge=charge).aggregate(n=Count("id"), top=Max("id"))
    key = ("db", charge, state["n"], state["top"])
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    judgments = list(
        Judgment.objects.filter(main_charge=charge)
        .order_by("-id")[:FALLBACK_LIMIT]
        .only(
            "id",
            "fact",
            "term_months",
            "death_penalty",
            "life_imprisonment",
            "probation",
            "amount_yuan",
            "injury",
            "drug_grams",
            "circumstances",
            "region_code",
            "year",
        )
    )
    rows = [judgment_row(j) for j in reversed(judgments)]  # id order, like the prebuilt index
    table = IdfTable.fit(r.fact for r in rows)
    built = (ChargeIndex.build(rows, table.idf, avg_len(r.fact for r in rows)), table.idf)
    with _lock:
        _cache[key] = built
    return built


def charge_index(charge: str) -> tuple[ChargeIndex, np.ndarray]:
    return _prebuilt(charge) or _from_database(charge)


def _why(facts: Factors, index: ChargeIndex, row: int, text_score: float) -> list[str]:
    reasons = [f"同罪名：{facts.main_charge}"]
    amount = index.amount[row]
    if facts.amount_yuan and not np.isnan(amount):
        reasons.append(f"金额相近：{amount:,.0f} 元（本案 {facts.amount_yuan:,} 元）")
    if facts.injury and index.injury[row] == injury_rank(facts.injury):
        reasons.append(f"伤情相同：{INJURY_ZH.get(facts.injury, facts.injury)}")
    drug = index.drug[row]
    if facts.drug_grams and not np.isnan(drug):
        reasons.append(f"毒品数量相近：{drug:g} 克（本案 {facts.drug_grams:g} 克）")
    shared = [
        c
        for c in flag_names(int(index.flags[row]) & facts.circumstances)
        if c in KEY_CIRCUMSTANCES or c in ("plea", "compensation", "confession")
    ]
    if shared:
        reasons.append("均有" + "、".join(CIRCUMSTANCE_ZH.get(c, c) for c in shared))
    reasons.append(f"文字相似度 {text_score:.2f}")
    return reasons


def _stats(index: ChargeIndex, pool: np.ndarray) -> SimilarStats | None:
    months = index.months[pool]
    fixed = months[months >= 0].astype(float)
    if fixed.size < MIN_SIMILAR:
        return None
    q = np.percentile(fixed, [10, 25, 50, 75, 90])
    return SimilarStats(
        n=int(fixed.size),
        median=float(q[2]),
        q1=float(q[1]),
        q3=float(q[3]),
        p10=float(q[0]),
        p90=float(q[4]),
        probation_share=round(float(index.probation[pool].mean()), 4),
        exempt_share=round(float((months == 0).mean()), 4),
    )


def find_similar(
    facts: CaseFacts, *, region_code: str | None = None, years: tuple[int, int] | None = None, k: int = 10
) -> SimilarCases:
    """The k most similar decided cases and the outcome distribution of the similar pool."""
    from leniency.corpus.models import Judgment

    factors = Factors.of(facts)
    if not factors.main_charge:
        return SimilarCases([], None, "未识别罪名，无法检索类似案件")
    index, idf = charge_index(factors.main_charge)
    if len(index) == 0:
        return SimilarCases([], None, f"判决库中没有“{factors.main_charge}”的案件，无法检索类似案件")
    query = Query(
        text=facts.text,
        amount=float(factors.amount_yuan) if factors.amount_yuan else None,
        drug_grams=factors.drug_grams,
        injury_rank=injury_rank(factors.injury),
        flags=factors.circumstances,
        region=region_code,
        years=years,
    )
    result = search(index, query, idf, k)
    fetched = {
        j.pk: j
        for j in Judgment.objects.filter(pk__in=[h.id for h in result.hits]).only("id", "fact", "main_charge")
    }
    top_text = max((h.score for h in result.hits), default=1.0) or 1.0
    cases = []
    for hit in result.hits:
        j = fetched.get(hit.id)
        if j is None:  # deleted since the index was built
            continue
        cases.append(
            SimilarCase(
                judgment_id=hit.id,
                charge=j.main_charge,
                months=int(index.months[hit.row]),
                probation=bool(index.probation[hit.row]),
                excerpt=j.fact[:EXCERPT_CHARS] + ("…" if len(j.fact) > EXCERPT_CHARS else ""),
                score=round(hit.score, 4),
                shared_factors=_why(factors, index, hit.row, hit.score / top_text),
            )
        )
    stats = _stats(index, result.pool)
    relaxed = {0: "", 1: "（已放宽金额、数量和情节条件）", 2: "（仅按罪名、地区和期间筛选）"}[result.level]
    if stats is None:
        note = f"类似案件不足 {MIN_SIMILAR} 件，不显示统计{relaxed}"
    else:
        note = f"{stats.n} 件类似案件（共 {result.n_filtered} 件符合筛选条件）{relaxed}"
    return SimilarCases(cases, stats, note, n_filtered=result.n_filtered, relaxed=result.level)
