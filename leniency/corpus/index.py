"""The similar-case index (类案检索索引): per-charge arrays of structured factors and a sparse BM25 matrix.

No Django here. `IndexBuilder` takes judgments as plain rows and writes, per main charge, one `.npz`
file; `ChargeIndex.search` filters on the structured factors and ranks by BM25 over hashed character
bigrams. Each document keeps only its `TERMS_PER_DOC` heaviest terms, so a million judgments fit in a
few hundred MB, and the matrix is stored by term (only the terms that occur), so that a query touches
only the postings of its own `QUERY_TERMS` rarest terms. Matching and ranking are in `leniency.corpus.search`.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from leniency.corpus.factors import injury_rank
from leniency.corpus.similarity import charge_set_key

N_FEATURES = 1 << 20
TERMS_PER_DOC = 64
QUERY_TERMS = 40
K1, B = 1.2, 0.75
INDEX_VERSION = 3  # 2: the charge set and the number of victims of each judgment; 3: blood alcohol


_GRAM_CACHE: dict[str, int] = {}


def hash_bigrams(text: str) -> np.ndarray:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff" or c.isdigit()]
    out = np.empty(max(len(chars) - 1, 0), dtype=np.int64)
    cache = _GRAM_CACHE
    for i in range(len(chars) - 1):
        g = chars[i] + chars[i + 1]
        h = cache.get(g)
        if h is None:
            h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") % N_FEATURES
            if len(cache) < 2_000_000:
                cache[g] = h
        out[i] = h
    return out


def region_int(code: str | None) -> int:
    digits = "".join(c for c in (code or "") if c.isdigit())[:6]
    return int(digits.ljust(6, "0")) if digits else 0


def charge_key(charge: str) -> str:
    return hashlib.sha1(charge.encode()).hexdigest()[:16]


@dataclass
class Row:
    """One judgment as the index needs it."""

    id: int
    fact: str
    months: int  # -1 for death or life
    probation: bool
    amount: float | None
    injury: str
    drug_grams: float | None
    flags: int
    region: str
    year: int | None
    charges: tuple[str, ...] = ()  # every charge of the judgment (the index is by its main charge)
    victims: int | None = None
    bac: float | None = None  # blood alcohol, mg/100 ml


class IdfTable:
    """Inverse document frequencies of hashed bigrams, estimated on a sample of the corpus."""

    def __init__(self, df: np.ndarray, n_docs: int):
        self.df = df
        self.n_docs = max(n_docs, 1)
        self.idf = np.log(1 + (self.n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)

    @classmethod
    def fit(cls, texts: Iterable[str]) -> IdfTable:
        df = np.zeros(N_FEATURES, dtype=np.int32)
        n = 0
        for text in texts:
            grams = np.unique(hash_bigrams(text))
            df[grams] += 1
            n += 1
        return cls(df, n)


def doc_terms(text: str, idf: np.ndarray, avgdl: float) -> tuple[np.ndarray, np.ndarray]:
    """(terms, BM25 weights) of one document, its TERMS_PER_DOC heaviest terms."""
    grams = hash_bigrams(text)
    if grams.size == 0:
        return grams, np.zeros(0, dtype=np.float32)
    terms, tf = np.unique(grams, return_counts=True)
    dl = grams.size
    weights = idf[terms] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl))
    if terms.size > TERMS_PER_DOC:
        keep = np.argpartition(-weights, TERMS_PER_DOC)[:TERMS_PER_DOC]
        terms, weights = terms[keep], weights[keep]
    return terms, weights.astype(np.float32)


def query_terms(text: str, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    grams = hash_bigrams(text)
    if grams.size == 0:
        return grams, np.zeros(0, dtype=np.float32)
    terms = np.unique(grams)
    weights = idf[terms]
    if terms.size > QUERY_TERMS:
        keep = np.argpartition(-weights, QUERY_TERMS)[:QUERY_TERMS]
        terms, weights = terms[keep], weights[keep]
    return terms, weights.astype(np.float32)


class ChargeIndex:
    """Everything about one charge's judgments, as numpy arrays."""

    FIELDS = (
        "ids",
        "months",
        "probation",
        "amount",
        "injury",
        "drug",
        "flags",
        "region",
        "year",
        "charge_set",
        "victims",
        "bac",
        "terms",
        "postings_ptr",
        "postings_doc",
        "postings_w",
    )

    def __init__(self, **arrays):
        for name in self.FIELDS:
            setattr(self, name, arrays[name])

    def __len__(self) -> int:
        return int(self.ids.size)

    @classmethod
    def build(cls, rows: list[Row], idf: np.ndarray, avgdl: float) -> ChargeIndex:
        n = len(rows)
        doc_list, term_list, w_list = [], [], []
        for i, row in enumerate(rows):
            terms, weights = doc_terms(row.fact, idf, avgdl)
            doc_list.append(np.full(terms.size, i, dtype=np.int32))
            term_list.append(terms)
            w_list.append(weights)
        docs = np.concatenate(doc_list) if doc_list else np.zeros(0, np.int32)
        terms = np.concatenate(term_list) if term_list else np.zeros(0, np.int64)
        weights = np.concatenate(w_list) if w_list else np.zeros(0, np.float32)
        order = np.lexsort((docs, terms))
        docs, terms, weights = docs[order], terms[order], weights[order]
        unique_terms, starts = np.unique(terms, return_index=True)
        ptr = np.append(starts, terms.size).astype(np.int64)
        nan = float("nan")
        return (
            cls(
                ids=np.array([r.id for r in rows], dtype=np.int64),
                months=np.array([r.months for r in rows], dtype=np.int16),
                probation=np.array([r.probation for r in rows], dtype=bool),
                amount=np.array([nan if r.amount is None else r.amount for r in rows], dtype=np.float64),
                injury=np.array([injury_rank(r.injury) for r in rows], dtype=np.int8),
                drug=np.array(
                    [nan if r.drug_grams is None else r.drug_grams for r in rows], dtype=np.float32
                ),
                flags=np.array([r.flags for r in rows], dtype=np.int64),
                region=np.array([region_int(r.region) for r in rows], dtype=np.int32),
                year=np.array([r.year or 0 for r in rows], dtype=np.int16),
                charge_set=np.array([charge_set_key(r.charges) for r in rows], dtype=np.int64),
                victims=np.array([-1 if r.victims is None else r.victims for r in rows], dtype=np.int16),
                bac=np.array([nan if r.bac is None else r.bac for r in rows], dtype=np.float32),
                terms=unique_terms.astype(np.int64),
                postings_ptr=ptr,
                postings_doc=docs.astype(np.int32),
                postings_w=weights.astype(np.float32),
            )
            if n
            else cls.empty()
        )

    @classmethod
    def empty(cls) -> ChargeIndex:
        z = np.zeros(0)
        return cls(
            ids=z.astype(np.int64),
            months=z.astype(np.int16),
            probation=z.astype(bool),
            amount=z,
            injury=z.astype(np.int8),
            drug=z.astype(np.float32),
            flags=z.astype(np.int64),
            region=z.astype(np.int32),
            year=z.astype(np.int16),
            charge_set=z.astype(np.int64),
            victims=z.astype(np.int16),
            bac=z.astype(np.float32),
            terms=z.astype(np.int64),
            postings_ptr=np.zeros(1, np.int64),
            postings_doc=z.astype(np.int32),
            postings_w=z.astype(np.float32),
        )

    def save(self, path: Path) -> None:
        np.savez(path, **{name: getattr(self, name) for name in self.FIELDS})

    @classmethod
    def load(cls, path: Path) -> ChargeIndex:
        with np.load(path) as data:
            return cls(**{name: data[name] for name in cls.FIELDS})

    # -- querying -------------------------------------------------------------------------------

    def text_scores(self, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """BM25 score of every row for the query terms: one bincount over the terms' concatenated postings."""
        if terms.size == 0 or self.terms.size == 0:
            return np.zeros(len(self), dtype=np.float32)
        pos = np.minimum(np.searchsorted(self.terms, terms), self.terms.size - 1)
        found = self.terms[pos] == terms
        docs, values = [], []
        for p, qw in zip(pos[found], weights[found], strict=True):
            a, b = self.postings_ptr[p], self.postings_ptr[p + 1]
            docs.append(self.postings_doc[a:b])
            values.append(self.postings_w[a:b] * qw)
        if not docs:
            return np.zeros(len(self), dtype=np.float32)
        return np.bincount(np.concatenate(docs), weights=np.concatenate(values), minlength=len(self)).astype(
            np.float32
        )

    def tiled(self, times: int) -> ChargeIndex:
        """This index repeated `times` times (same ids): for measuring retrieval at a larger scale."""
        n = len(self)
        counts = np.diff(self.postings_ptr)
        offsets = np.repeat(np.arange(times) * n, 1)
        docs = [
            np.concatenate(
                [self.postings_doc[self.postings_ptr[i] : self.postings_ptr[i + 1]] + o for o in offsets]
            )
            for i in range(self.terms.size)
        ]
        return ChargeIndex(
            ids=np.tile(self.ids, times),
            months=np.tile(self.months, times),
            probation=np.tile(self.probation, times),
            amount=np.tile(self.amount, times),
            injury=np.tile(self.injury, times),
            drug=np.tile(self.drug, times),
            flags=np.tile(self.flags, times),
            region=np.tile(self.region, times),
            year=np.tile(self.year, times),
            charge_set=np.tile(self.charge_set, times),
            victims=np.tile(self.victims, times),
            bac=np.tile(self.bac, times),
            terms=self.terms,
            postings_ptr=np.concatenate([[0], np.cumsum(counts * times)]).astype(np.int64),
            postings_doc=np.concatenate(docs).astype(np.int32) if docs else self.postings_doc,
            postings_w=np.concatenate(
                [
                    np.tile(self.postings_w[self.postings_ptr[i] : self.postings_ptr[i + 1]], times)
                    for i in range(self.terms.size)
                ]
            ).astype(np.float32)
            if self.terms.size
            else self.postings_w,
        )


# -- writing and reading an index directory ----------------------------------------------------------


def write_manifest(directory: Path, manifest: dict) -> None:
    (directory / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def read_manifest(directory: Path) -> dict | None:
    path = directory / "manifest.json"
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if manifest.get("version") == INDEX_VERSION else None


def avg_len(texts: Iterable[str]) -> float:
    lengths = [len(t) for t in texts]
    return max(sum(lengths) / len(lengths), 1.0) if lengths else 600.0


def idf_from_file(directory: Path) -> np.ndarray:
    with np.load(directory / "idf.npz") as data:
        return IdfTable(data["df"], int(data["n_docs"])).idf


def percentile(values: np.ndarray, q: float) -> float:
    return float(np.percentile(values, q)) if values.size else math.nan
