"""The similar-case index (类案检索索引): per-charge arrays of structured factors and a sparse BM25 matrix.

No Django here. `ChargeIndexBuilder` takes judgments as plain rows; `leniency.corpus.index_build` writes, per
main charge, one `.npz` file for every `SHARD_SIZE` judgments (its shards, in id order, listed in the
manifest), and `ChargeIndex.join` puts a charge's shards back together when it is loaded. The index filters on
the structured factors and ranks by BM25 over hashed character bigrams. Each document keeps only its
`TERMS_PER_DOC` heaviest terms, so a million judgments fit in a few hundred MB, and each shard's matrix is
stored by term (only the terms that occur), so that a query touches only the postings of its own `QUERY_TERMS`
rarest terms. Matching and ranking are in `leniency.corpus.search`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from array import array
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
# 2: the charge set and the number of victims of each judgment; 3: blood alcohol; 4: a charge in shards of at
# most SHARD_SIZE judgments, listed in the manifest (by_charge[charge]["shards"]). A version 3 index still
# loads: each of its charges is one shard (by_charge[charge]["file"]).
INDEX_VERSION = 4
READABLE_VERSIONS = (3, 4)
SHARD_SIZE = 50_000


_GRAM_CACHE: dict[str, int] = {}
_warned: set[tuple[str, object]] = set()  # (directory, version) of unreadable indexes already logged
log = logging.getLogger(__name__)


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


class Postings:
    """One shard's BM25 matrix, stored by term: the postings of rows `start` to `start + n` of its
    `ChargeIndex`, numbered from 0 within the shard."""

    __slots__ = ("start", "n", "terms", "ptr", "doc", "w")

    def __init__(self, start: int, n: int, terms, ptr, doc, w):
        self.start, self.n, self.terms, self.ptr, self.doc, self.w = start, n, terms, ptr, doc, w

    def score_into(self, terms: np.ndarray, weights: np.ndarray, out: np.ndarray) -> None:
        """Write into `out` (this shard's rows) each row's BM25 score for the query terms: one bincount over
        the terms' concatenated postings.

        The postings are copied once, straight into the types bincount works in (row numbers as intp; each
        weight multiplied by the query term's in float32, then widened to float64), instead of concatenated
        and converted again inside bincount: the same sums in the same order, a fifth less time on a query
        touching a million postings (issue 21 item 5).
        """
        if self.terms.size == 0:
            return
        pos = np.minimum(np.searchsorted(self.terms, terms), self.terms.size - 1)
        found = self.terms[pos] == terms
        starts, ends = self.ptr[pos[found]], self.ptr[pos[found] + 1]
        if not starts.size:
            return
        total = int((ends - starts).sum())
        product = np.result_type(self.w.dtype, weights.dtype)  # float32 for query_terms' weights
        docs = np.empty(total, dtype=np.intp)
        values = np.empty(total, dtype=np.float64)
        at = 0
        for a, b, qw in zip(starts.tolist(), ends.tolist(), weights[found], strict=True):
            docs[at : at + b - a] = self.doc[a:b]
            np.multiply(self.w[a:b], qw, out=values[at : at + b - a], dtype=product, casting="same_kind")
            at += b - a
        out[:] = np.bincount(docs, weights=values, minlength=self.n)  # float64 sums, stored as float32


class ChargeIndex:
    """Everything about one charge's judgments, as numpy arrays: one value a row for each of ROWS, and the
    postings of one shard or, joined from several (`join`), of each shard apart (`shards`)."""

    ROWS = (
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
    )
    POSTINGS = ("terms", "postings_ptr", "postings_doc", "postings_w")
    FIELDS = ROWS + POSTINGS  # what one shard's file holds

    def __init__(self, shards: list[Postings] | None = None, **arrays):
        for name in self.ROWS:
            setattr(self, name, arrays[name])
        if shards is None:
            shards = [Postings(0, int(arrays["ids"].size), *(arrays[name] for name in self.POSTINGS))]
        self.shards = shards

    def __len__(self) -> int:
        return int(self.ids.size)

    def _single(self) -> Postings:
        if len(self.shards) != 1:
            raise ValueError(f"an index joined from {len(self.shards)} shards has no single postings matrix")
        return self.shards[0]

    terms = property(lambda self: self._single().terms)
    postings_ptr = property(lambda self: self._single().ptr)
    postings_doc = property(lambda self: self._single().doc)
    postings_w = property(lambda self: self._single().w)

    @classmethod
    def join(cls, parts: list[ChargeIndex]) -> ChargeIndex:
        """One charge's shards, in the order they were built (id order), as one index: the rows' values
        concatenated, each shard's postings kept apart with the number of its first row.

        A search over it gives exactly what it gives over one index of all the rows (`ChargeIndexBuilder` fed
        the same rows): every value a row has is the same, and so is each row's text score, since a row's
        postings all lie in its own shard and `text_scores` adds them in the same order, query term by query
        term (leniency/corpus/tests/test_index_shards.py)."""
        if not parts:
            return cls.empty()
        if len(parts) == 1:
            return parts[0]
        shards, start = [], 0
        for part in parts:
            shards.extend(Postings(start + s.start, s.n, s.terms, s.ptr, s.doc, s.w) for s in part.shards)
            start += len(part)
        rows = {name: np.concatenate([getattr(part, name) for part in parts]) for name in cls.ROWS}
        return cls(shards=shards, **rows)

    @classmethod
    def build(cls, rows: Iterable[Row], idf: np.ndarray, avgdl: float) -> ChargeIndex:
        builder = ChargeIndexBuilder(idf, avgdl)
        for row in rows:
            builder.add(row)
        return builder.finish()

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
        """BM25 score of every row for the query terms (float32), shard by shard (`Postings.score_into`)."""
        scores = np.zeros(len(self), dtype=np.float32)
        if terms.size:
            for shard in self.shards:
                shard.score_into(terms, weights, scores[shard.start : shard.start + shard.n])
        return scores

    def tiled(self, times: int) -> ChargeIndex:
        """This index repeated `times` times (same ids): for measuring retrieval at a larger scale. One
        shard's copies share one postings matrix; an index in shards is repeated shard by shard."""
        if len(self.shards) > 1:
            return ChargeIndex.join([self] * times)
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


class ChargeIndexBuilder:
    """One charge's index built a row at a time, keeping of each row only what the index stores: its factors
    and its `TERMS_PER_DOC` heaviest terms in compact typed arrays (about 0.8 KB a judgment), never its text,
    so `corpus index` can stream the judgments instead of holding a charge's rows (issue 21 item 5)."""

    def __init__(self, idf: np.ndarray, avgdl: float):
        self.idf, self.avgdl = idf, avgdl
        # typecodes of the ChargeIndex dtypes: q int64, h int16, b int8, i int32, d float64, f float32
        self.columns = {
            "ids": array("q"),
            "months": array("h"),
            "probation": array("b"),
            "amount": array("d"),
            "injury": array("b"),
            "drug": array("f"),
            "flags": array("q"),
            "region": array("i"),
            "year": array("h"),
            "charge_set": array("q"),
            "victims": array("h"),
            "bac": array("f"),
        }
        self.docs, self.terms, self.weights = array("i"), array("i"), array("f")

    def __len__(self) -> int:
        return len(self.columns["ids"])

    def add(self, row: Row) -> None:
        nan = float("nan")
        i = len(self)
        c = self.columns
        c["ids"].append(row.id)
        c["months"].append(row.months)
        c["probation"].append(bool(row.probation))
        c["amount"].append(nan if row.amount is None else row.amount)
        c["injury"].append(injury_rank(row.injury))
        c["drug"].append(nan if row.drug_grams is None else row.drug_grams)
        c["flags"].append(row.flags)
        c["region"].append(region_int(row.region))
        c["year"].append(row.year or 0)
        c["charge_set"].append(charge_set_key(row.charges))
        c["victims"].append(-1 if row.victims is None else row.victims)
        c["bac"].append(nan if row.bac is None else row.bac)
        terms, weights = doc_terms(row.fact, self.idf, self.avgdl)
        self.docs.extend([i] * terms.size)
        self.terms.frombytes(terms.astype(np.int32).tobytes())  # N_FEATURES < 2**31
        self.weights.frombytes(weights.astype(np.float32).tobytes())

    def finish(self) -> ChargeIndex:
        """The index of the rows added. Postings are ordered by term, then row (rows were added in order and a
        row's terms are distinct, so a stable sort by term is enough)."""
        if not len(self):
            return ChargeIndex.empty()
        dtypes = {"probation": bool}
        arrays = {
            name: np.frombuffer(column, dtype=np.dtype(column.typecode)).astype(
                dtypes.get(name, column.typecode)
            )
            for name, column in self.columns.items()
        }
        self.columns = {}
        terms = np.frombuffer(self.terms, dtype=np.int32)
        order = np.argsort(terms, kind="stable")
        docs = np.frombuffer(self.docs, dtype=np.int32)[order]
        self.docs = None
        weights = np.frombuffer(self.weights, dtype=np.float32)[order]
        self.weights = None
        terms = terms[order]
        self.terms = None
        del order
        starts = (
            np.concatenate([[0], np.flatnonzero(np.diff(terms)) + 1]) if terms.size else np.zeros(0, np.int64)
        )
        return ChargeIndex(
            **arrays,
            terms=terms[starts].astype(np.int64),
            postings_ptr=np.append(starts, terms.size).astype(np.int64),
            postings_doc=docs,
            postings_w=weights,
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
    version = manifest.get("version")
    if version in READABLE_VERSIONS:
        return manifest
    if (str(directory), version) not in _warned:
        _warned.add((str(directory), version))
        log.warning(
            "the similar-case index in %s is version %s; this code reads versions %s: rebuild it with "
            "`leniency corpus index` (until then similar cases are searched in the database, one charge's "
            "latest judgments at a time)",
            directory,
            version,
            ", ".join(map(str, READABLE_VERSIONS)),
        )
    return None


def shard_files(manifest: dict, charge: str) -> list[str]:
    """The files of a charge's shards, in the order built (version 4), or its one file (version 3); none when
    the index holds no judgment of the charge."""
    entry = manifest.get("by_charge", {}).get(charge)
    if entry is None:
        return []
    if "shards" in entry:
        return [shard["file"] for shard in entry["shards"]]
    return [entry["file"]]


def avg_len(texts: Iterable[str]) -> float:
    lengths = [len(t) for t in texts]
    return max(sum(lengths) / len(lengths), 1.0) if lengths else 600.0


def idf_from_file(directory: Path) -> np.ndarray:
    with np.load(directory / "idf.npz") as data:
        return IdfTable(data["df"], int(data["n_docs"])).idf


def percentile(values: np.ndarray, q: float) -> float:
    return float(np.percentile(values, q)) if values.size else math.nan
