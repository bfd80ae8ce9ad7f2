"""Building the similar-case index from the database (`leniency corpus index`).

Streams the judgments ordered by main charge, builds one `ChargeIndex` per charge and writes it to a
fresh directory that replaces the old one only when complete, so a query never sees half an index.
Memory does not hold the judgments' texts: the IDF sample and the rows are read in chunks, and each row is
reduced to its factors and heaviest terms as it arrives (`ChargeIndexBuilder`), so the peak is the largest
charge's postings, about 0.8 KB a judgment, not its rows (issue 21 item 5).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from leniency.corpus.index import (
    INDEX_VERSION,
    ChargeIndexBuilder,
    IdfTable,
    Row,
    charge_key,
    write_manifest,
)
from leniency.corpus.models import Judgment

IDF_SAMPLE = 50_000
CHUNK = 2000
PROGRESS_EVERY = 1000
FIELDS = (
    "id",
    "main_charge",
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
    "charges",
    "facts__victims",
    "facts__blood_alcohol",
)


def row_of(values: tuple) -> tuple[str, Row]:
    """(main charge, index row) of one judgment's FIELDS."""
    (
        pk,
        charge,
        fact,
        months,
        death,
        life,
        probation,
        amount,
        injury,
        drug,
        flags,
        region,
        year,
        charges,
        victims,
        bac,
    ) = values
    return charge, Row(
        pk,
        fact,
        -1 if (death or life) else (months or 0),
        probation,
        amount,
        injury,
        drug,
        flags,
        region,
        year,
        tuple(charges or (charge,)),
        victims if isinstance(victims, int) and not isinstance(victims, bool) else None,
        float(bac) if isinstance(bac, (int, float)) and not isinstance(bac, bool) and bac > 0 else None,
    )


def build_index(
    directory: Path,
    *,
    progress: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    publish: bool = True,
) -> dict:
    """Build the index into `directory`; `on_progress(done, total)` hears how many judgments are indexed (every
    `PROGRESS_EVERY` and at the end: a background job's counter). Then publish it to the file storage as the
    current version every app server answers from (leniency/corpus/artefacts.py; its version in
    manifest["artefact"])."""
    start = time.perf_counter()
    directory = Path(directory)
    tmp = directory.with_name(directory.name + ".building")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    lengths: list[int] = []

    def sample():
        facts = Judgment.objects.order_by("id").values_list("fact", flat=True)[:IDF_SAMPLE]
        for fact in facts.iterator(chunk_size=CHUNK):
            lengths.append(len(fact))
            yield fact

    table = IdfTable.fit(sample())
    avgdl = float(np.mean(lengths)) if lengths else 600.0
    np.savez(tmp / "idf.npz", df=table.df, n_docs=np.array(table.n_docs))
    total = Judgment.objects.count()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="件", desc="index", mininterval=1.0)
    charges: dict[str, dict] = {}
    current: str | None = None
    builder = ChargeIndexBuilder(table.idf, avgdl)

    def flush():
        if current is None or not len(builder):
            return
        n = len(builder)
        name = charge_key(current)
        builder.finish().save(tmp / f"{name}.npz")
        charges[current] = {"file": f"{name}.npz", "n": n}

    queryset = Judgment.objects.order_by("main_charge", "id").values_list(*FIELDS)
    for done, values in enumerate(queryset.iterator(chunk_size=CHUNK)):
        if on_progress is not None and done % PROGRESS_EVERY == 0:
            on_progress(done, total)
        charge, row = row_of(values)
        if charge != current:
            flush()
            current, builder = charge, ChargeIndexBuilder(table.idf, avgdl)
        builder.add(row)
        if bar is not None:
            bar.update(1)
    flush()
    if bar is not None:
        bar.close()
    if on_progress is not None:
        on_progress(total, total)
    manifest = {
        "version": INDEX_VERSION,
        "built_at": datetime.now(UTC).isoformat(),
        "n": sum(c["n"] for c in charges.values()),
        "charges": len(charges),
        "by_charge": charges,
        "avgdl": avgdl,
        "seconds": round(time.perf_counter() - start, 1),
    }
    write_manifest(tmp, manifest)
    if directory.exists():
        old = directory.with_name(directory.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old)
    else:
        tmp.rename(directory)
    if publish:
        from leniency.corpus.artefacts import content_version
        from leniency.corpus.artefacts import publish as publish_artefact
        from leniency.corpus.models import Artefact

        stamp = datetime.fromisoformat(manifest["built_at"]).strftime("%Y%m%dT%H%M%S")
        version = content_version(directory, stamp)
        manifest["artefact"] = publish_artefact(Artefact.Kind.CORPUS_INDEX, version, directory).version
    return manifest
