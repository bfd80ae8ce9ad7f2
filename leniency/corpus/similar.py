"""Similar-case retrieval (类案检索) over the judgment database.

Uses the prebuilt index (`leniency corpus index`, under settings.CORPUS_INDEX_DIR, default var/corpus-index)
when there is one; otherwise builds the charge's index from the database on the fly (cached per
process until the table changes), so that a fresh install still answers. An index whose rows do not hold the
amount and term of the judgments the database now has under those ids (built from an earlier database) is
set aside on the first such hit and the search runs again on the database's own judgments (`_describes`).

What counts as similar, and which pool may give statistics, is in `leniency.corpus.similarity` and
`leniency.corpus.search`: statistics and the band that deviation warnings use come only from judgments
that matched on the charge set and the deciding facts; looser pools are shown as context.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from pathlib import Path

import numpy as np
from django.conf import settings

from leniency.corpus.factors import (
    CIRCUMSTANCE_ZH,
    INJURY_ORDER,
    INJURY_ZH,
    KEY_CIRCUMSTANCES,
    Factors,
    flag_names,
)
from leniency.corpus.index import (
    ChargeIndex,
    IdfTable,
    Row,
    avg_len,
    idf_from_file,
    injury_rank,
    read_manifest,
    shard_files,
)
from leniency.corpus.results import SimilarCase, SimilarCases, SimilarStats
from leniency.corpus.search import LEVELS, Hit, Query, search
from leniency.corpus.similarity import (
    MEASURE_MISSING_ZH,
    MEASURES,
    MIN_STATS,
    CountedTerms,
    Reason,
    amount_reason,
    bac_reason,
    charge_measure,
    charge_set_key,
    drug_reason,
    injury_reason,
)
from leniency.sentencing.facts import CaseFacts

FALLBACK_LIMIT = 50_000  # the most recent judgments of a charge used when there is no prebuilt index
EXCERPT_CHARS = 160
_lock = threading.Lock()
_cache: dict = {}
log = logging.getLogger(__name__)


def index_dir() -> Path:
    return Path(getattr(settings, "CORPUS_INDEX_DIR", Path(settings.VAR_DIR) / "corpus-index"))


def serving_index_dir() -> Path:
    """The index this server answers from: the current published version (leniency/corpus/artefacts.py), or the
    local build directory where none was published."""
    from leniency.corpus.artefacts import serving_directory
    from leniency.corpus.models import Artefact

    return serving_directory(Artefact.Kind.CORPUS_INDEX, index_dir())


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _prebuilt(charge: str) -> tuple[ChargeIndex, np.ndarray] | None:
    directory = serving_index_dir()
    manifest = read_manifest(directory)
    if manifest is None:
        return None
    key = ("prebuilt", str(directory), manifest.get("built_at"))
    with _lock:
        if _cache.get("prebuilt_stale") == key:
            return None  # it described another database (see `_describes`): rebuilt from the database instead
        if _cache.get("prebuilt_key") != key:
            _cache.clear()
            _cache["prebuilt_key"] = key
            _cache["idf"] = idf_from_file(directory)
        idf = _cache["idf"]
        entry = _cache.get(("charge", charge))
        if entry is None:  # the charge's shards, joined (an index of version 3: its one file)
            entry = ChargeIndex.join([ChargeIndex.load(directory / f) for f in shard_files(manifest, charge)])
            _cache[("charge", charge)] = entry
    return entry, idf


def _from_database(charge: str) -> tuple[ChargeIndex, np.ndarray]:
    from django.db.models import Count, Max

    from leniency.corpus.index_build import FIELDS, row_of
    from leniency.corpus.models import Judgment

    state = Judgment.objects.filter(main_charge=charge).aggregate(n=Count("id"), top=Max("id"))
    key = ("db", charge, state["n"], state["top"])
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    values = Judgment.objects.filter(main_charge=charge).order_by("-id").values_list(*FIELDS)[:FALLBACK_LIMIT]
    rows: list[Row] = [row_of(v)[1] for v in reversed(values)]  # id order, like the prebuilt index
    table = IdfTable.fit(r.fact for r in rows)
    built = (ChargeIndex.build(rows, table.idf, avg_len(r.fact for r in rows)), table.idf)
    with _lock:
        _cache[key] = built
    return built


def charge_index(charge: str) -> tuple[ChargeIndex, np.ndarray]:
    return _prebuilt(charge) or _from_database(charge)


def _describes(index: ChargeIndex, row: int, judgment) -> bool:
    """Whether the index row holds this judgment's own amount and term (what the search matched on and the
    page shows beside the judgment's text). A prebuilt index built from an earlier database, whose ids a
    regenerated database gave to other judgments, does not."""
    amount = _value(index.amount[row])
    if amount != (float(judgment.amount_yuan) if judgment.amount_yuan is not None else None):
        return False
    months = int(index.months[row])
    return months < 0 or judgment.term_months is None or months == judgment.term_months


def _forget_index(charges: list[str]) -> None:
    """Stop using the prebuilt index and these charges' cached database indexes: they described other rows."""
    directory = serving_index_dir()
    manifest = read_manifest(directory)
    with _lock:
        if manifest is not None:
            _cache["prebuilt_stale"] = ("prebuilt", str(directory), manifest.get("built_at"))
        for key in [k for k in _cache if isinstance(k, tuple) and k[:1] == ("db",) and k[1] in charges]:
            del _cache[key]


def _inferred_measure(index: ChargeIndex) -> str | None:
    """For a charge the standard does not cover: the quantity most of its judgments state, if any."""
    if len(index) == 0:
        return None
    shares = {
        "amount": float(np.mean(index.amount > 0)),
        "drug": float(np.mean(index.drug > 0)),
        "injury": float(np.mean(index.injury >= 0)),
    }
    measure, share = max(shares.items(), key=lambda kv: kv[1])
    return measure if share >= 0.5 else None


def deciding_facts(
    charges: list[str], indexes: list[ChargeIndex], factors: Factors, bac: float | None = None
) -> tuple[list[str], list[str]]:
    """(the deciding facts to match on, what is said about those the case lacks)."""
    measures: list[str] = []
    for charge, index in zip(charges, indexes, strict=True):
        measure = charge_measure(charge)
        if measure is None:
            measure = _inferred_measure(index)
        if measure in MEASURES and measure not in measures:
            measures.append(measure)
    if factors.injury and "injury" not in measures:
        measures.append("injury")  # a stated injury grade is matched whatever the charge
    known = {
        "amount": factors.amount_yuan,
        "drug": factors.drug_grams,
        "injury": factors.injury or None,
        "bac": bac,
    }
    return measures, [MEASURE_MISSING_ZH[m] for m in measures if not known[m]]


def _charge_reason(query_charges: list[str], case_charges: list[str], same_set: bool) -> Reason:
    names = "、".join(case_charges)
    if same_set:
        if len(query_charges) == 1:
            return Reason("charges", True, f"同罪名：{names}")
        return Reason("charges", True, f"罪名相同：{names}（数罪并罚）")
    return Reason(
        "charges",
        False,
        f"罪名组合不同：该案 {names}，本案 {'、'.join(query_charges)}（数罪并罚与否不同，刑期不可直接比较）",
    )


def _circumstance_reasons(case_flags: int, query_flags: int) -> list[Reason]:
    reasons = []
    shared = [
        c
        for c in flag_names(case_flags & query_flags)
        if c in KEY_CIRCUMSTANCES or c in ("plea", "compensation", "confession")
    ]
    if shared:
        reasons.append(
            Reason("circumstances", True, "均有" + "、".join(CIRCUMSTANCE_ZH.get(c, c) for c in shared))
        )
    only_case = [c for c in flag_names(case_flags & ~query_flags) if c in KEY_CIRCUMSTANCES]
    only_query = [c for c in flag_names(query_flags & ~case_flags) if c in KEY_CIRCUMSTANCES]
    if only_case or only_query:
        parts = []
        if only_case:
            parts.append("该案有" + "、".join(CIRCUMSTANCE_ZH.get(c, c) for c in only_case))
        if only_query:
            parts.append("本案有" + "、".join(CIRCUMSTANCE_ZH.get(c, c) for c in only_query))
        reasons.append(Reason("circumstances", False, "情节不同：" + "；".join(parts)))
    return reasons


def _reasons(
    query: Query, query_charges: list[str], index: ChargeIndex, hit: Hit, case_charges: list[str]
) -> list[Reason]:
    row = hit.row
    reasons = [_charge_reason(query_charges, case_charges, hit.level < 2)]
    if "amount" in query.measures:
        reasons.append(amount_reason(_value(index.amount[row]), query.amount))
    if "drug" in query.measures:
        reasons.append(drug_reason(_value(index.drug[row]), query.drug_grams))
    if "bac" in query.measures:
        reasons.append(bac_reason(_value(index.bac[row]), query.bac))
    if "injury" in query.measures:
        reasons.append(injury_reason(int(index.injury[row]), query.injury_rank, INJURY_ORDER, INJURY_ZH))
    victims = int(index.victims[row])
    if query.victims is not None and victims >= 0:
        if victims == query.victims:
            reasons.append(
                Reason("victims", True, f"被害人人数相同：{victims} 人", victims, query.victims, 0)
            )
        else:
            text = f"被害人人数不同：该案 {victims} 人（本案 {query.victims} 人）"
            reasons.append(
                Reason("victims", False, text, victims, query.victims, abs(victims - query.victims))
            )
    reasons.extend(_circumstance_reasons(int(index.flags[row]), query.flags))
    reasons.append(Reason("text", False, f"文字相似度 {hit.text:.2f}（仅在事实距离相同时用于排序）"))
    return reasons


def _value(x) -> float | None:
    x = float(x)
    return None if np.isnan(x) else x


def _stats(indexes: list[ChargeIndex], matched: list[np.ndarray]) -> SimilarStats | None:
    """The factor-matched pool's outcomes. The terms are whole months, so they are counted per month
    (`CountedTerms`) rather than sorted: the same figures, in time linear in the pool with a small constant."""
    months = np.concatenate([index.months[rows] for index, rows in zip(indexes, matched, strict=True)])
    probation = np.concatenate([index.probation[rows] for index, rows in zip(indexes, matched, strict=True)])
    fixed = months[months >= 0]
    if fixed.size < MIN_STATS:
        return None
    counted = CountedTerms(fixed)  # ChargeIndex.months is int16
    # Tenths of a month: interpolated percentiles of whole months otherwise print as 2.9000000000000004.
    p10, q1, median, q3, p90 = (round(float(x), 1) for x in counted.percentiles([10, 25, 50, 75, 90]))
    band = counted.band()
    return SimilarStats(
        n=int(fixed.size),
        median=median,
        q1=q1,
        q3=q3,
        p10=p10,
        p90=p90,
        probation_share=round(float(probation.mean()), 4),
        exempt_share=round(float((months == 0).mean()), 4),
        band_low=band[0] if band else None,
        band_high=band[1] if band else None,
        band_coverage=round(band[2], 4) if band else None,
    )


def _note(stats: SimilarStats | None, counts: tuple[int, int, int], level: int, missing: list[str]) -> str:
    said = "；".join(missing)
    prefix = f"{said}。" if said else ""
    if stats is not None:
        band = (
            f"，类案区间 {stats.band_low:g}–{stats.band_high:g} 个月（次序统计量，名义覆盖率 {stats.band_coverage:.0%}）"
            if stats.band_low is not None
            else "，不足 9 件，不给出区间"
        )
        return f"{prefix}{stats.n} 件因素匹配的类案（罪名组合、决定刑期的事实和关键情节均在容差内）{band}"
    if counts[0]:
        head = f"因素匹配的类案仅 {counts[0]} 件，不足 {MIN_STATS} 件，不显示统计"
    else:
        head = f"没有因素匹配的类案（不足 {MIN_STATS} 件），不显示统计"
    if level >= 1:
        head += "；另列同罪名案件，仅供参考，不作为量刑标准，不据以预警"
    return prefix + head


def find_similar(
    facts: CaseFacts,
    *,
    region_code: str | None = None,
    years: tuple[int, int] | None = None,
    k: int = 10,
    exclude: Collection[int] = (),
) -> SimilarCases:
    """The k most similar decided cases and, from the factor-matched pool only, its outcome distribution.

    `exclude`: judgment ids to leave out (the benchmark's leave-one-out).
    """
    from leniency.corpus.models import Judgment

    factors = Factors.of(facts)
    charges = list(dict.fromkeys(c.strip() for c in facts.charges if c and c.strip()))
    if not charges:
        return SimilarCases([], None, "未识别罪名，无法检索类似案件", match_level="")
    keys = [c[:60] for c in charges]  # indexed by main_charge, 60 characters at most
    for attempt in range(2):
        loaded = [charge_index(c) for c in keys]
        indexes, idfs = [i for i, _ in loaded], [idf for _, idf in loaded]
        if all(len(i) == 0 for i in indexes):
            return SimilarCases(
                [], None, f"判决库中没有“{'、'.join(charges)}”的案件，无法检索类似案件", match_level=""
            )
        bac = float(facts.blood_alcohol) if facts.blood_alcohol else None
        measures, missing = deciding_facts(charges, indexes, factors, bac)
        query = Query(
            text=facts.text,
            charge_set=charge_set_key(charges),
            measures=tuple(measures),
            can_match=not missing,
            amount=float(factors.amount_yuan) if factors.amount_yuan else None,
            drug_grams=factors.drug_grams,
            bac=bac,
            injury_rank=injury_rank(factors.injury),
            victims=facts.victims,
            flags=factors.circumstances,
            region=region_code,
            years=years,
            exclude=frozenset(int(i) for i in exclude),
        )
        result = search(indexes, idfs, query, k)
        fetched = {
            j.pk: j
            for j in Judgment.objects.filter(pk__in=[h.id for h in result.hits]).only(
                "id", "fact", "main_charge", "charges", "amount_yuan", "term_months"
            )
        }
        stale = [
            h
            for h in result.hits
            if h.id in fetched and not _describes(indexes[h.source], h.row, fetched[h.id])
        ]
        if not stale or attempt:
            break
        log.warning(
            "the similar-case index does not describe the database (judgment %s): rebuilt from the database",
            stale[0].id,
        )
        _forget_index(keys)
    cases = []
    for hit in result.hits:
        j = fetched.get(hit.id)
        if j is None:  # deleted since the index was built
            continue
        index = indexes[hit.source]
        case_charges = list(j.charges or [j.main_charge])
        reasons = _reasons(query, charges, index, hit, case_charges)
        cases.append(
            SimilarCase(
                judgment_id=hit.id,
                charge=j.main_charge,
                months=int(index.months[hit.row]),
                probation=bool(index.probation[hit.row]),
                excerpt=j.fact[:EXCERPT_CHARS] + ("…" if len(j.fact) > EXCERPT_CHARS else ""),
                score=round(hit.text, 4),
                shared_factors=[r.text for r in reasons],
                match=LEVELS[hit.level],
                reasons=[r.to_dict() for r in reasons],
                charges=case_charges,
                distance=round(hit.distance, 4),
            )
        )
    stats = _stats(indexes, result.matched)
    level = max((LEVELS.index(c.match) for c in cases), default=0)
    return SimilarCases(
        cases,
        stats,
        _note(stats, result.counts, level, missing),
        n_filtered=result.n_matched,
        relaxed=level,
        match_level=LEVELS[level],
        pool_sizes=dict(zip(LEVELS, result.counts, strict=True)),
        missing=missing,
        measures=measures,
    )
