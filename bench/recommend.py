"""Benchmark: recommend() with similar-case retrieval over the corpus that bench/corpus_import.py imported.

    .venv/bin/python bench/recommend.py [--workdir /tmp/leniency-bench] [--database-url URL] [--queries 300]

Queries are fresh synthetic fact texts (another seed, so not in the corpus), with their charge. Prints
the median and 95th percentile of (a) the whole recommend() — extraction excluded, calculation, model,
retrieval and statistics included — and (b) retrieval alone, after one warm-up query per charge (the
first query of a charge loads its index file from disk; that load is timed separately).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.corpus_import import setup_django  # noqa: E402


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workdir", default="/tmp/leniency-bench")
    parser.add_argument("--database-url")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=987)
    parser.add_argument(
        "--tile",
        type=int,
        default=1,
        help="repeat each charge's index this many times in memory (same judgments) to time retrieval "
        "at N × tile rows without importing that many",
    )
    args = parser.parse_args(argv)
    setup_django(Path(args.workdir), args.database_url)
    from leniency.corpus.models import Judgment
    from leniency.corpus.recommend import recommend
    from leniency.corpus.similar import charge_index, find_similar
    from leniency.demo.corpus_synth import generate
    from leniency.sentencing.extract import extract

    n = Judgment.objects.count()
    cases = [json.loads(line) for line in generate(args.queries, args.seed)]
    facts = [extract(c["fact"], c["meta"]["accusation"]) for c in cases]
    load_times = {}
    for f in facts:
        charge = f.charges[0]
        if charge not in load_times:
            start = time.perf_counter()
            index, _ = charge_index(charge)
            load_times[charge] = time.perf_counter() - start
            if args.tile > 1:
                from leniency.corpus import similar

                similar._cache[("charge", charge)] = index.tiled(args.tile)
    recommend(facts[0])  # loads the model
    whole, retrieval = [], []
    for f in facts:
        start = time.perf_counter()
        find_similar(f)
        retrieval.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        rec = recommend(f, proposed_months=12)
        whole.append(1000 * (time.perf_counter() - start))
    print(
        f"corpus: {n} judgments{f' (index tiled ×{args.tile} = {n * args.tile} rows)' if args.tile > 1 else ''}; "
        f"{len(facts)} queries; model: {rec.model_version or 'none'}"
    )
    print(
        f"index load per charge (first query only): median {1000 * statistics.median(load_times.values()):.0f} ms, "
        f"max {1000 * max(load_times.values()):.0f} ms over {len(load_times)} charges"
    )
    print(
        f"retrieval: p50 {pct(retrieval, 0.5):.1f} ms, p95 {pct(retrieval, 0.95):.1f} ms, max {max(retrieval):.1f} ms"
    )
    print(
        f"recommend(): p50 {pct(whole, 0.5):.1f} ms, p95 {pct(whole, 0.95):.1f} ms, max {max(whole):.1f} ms "
        f"(targets p50 ≤ 50 ms, p95 ≤ 200 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
