"""Benchmark: the learned model — accuracy on the real development cases, training time at scale.

    .venv/bin/python bench/model.py [--folds 5] [--skip-dev] [--workdir /tmp/leniency-bench] [--database-url URL]

1. k-fold cross-validation on ../shared/data/cail-term-dev.jsonl (real cases): the learned model beside the
   engine, the calibrated engine and the two baselines (targets: mean log distance ≤ 0.55, 80% interval
   coverage 75–85%);
2. training on the synthetic judgments that bench/corpus_import.py imported into the workdir's database
   (speed only: synthetic data is never evidence of accuracy), with peak memory.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def dev_set(folds: int, seed: int) -> None:
    from leniency.sentencing.cli import main as cli
    from leniency.sentencing.devdata import shared_data_dir

    data = shared_data_dir()
    if data is None:
        print("no development data (../shared/data): dev-set accuracy not measured")
        return
    path = str(data / "cail-term-dev.jsonl")
    out = io.StringIO()
    start = time.perf_counter()
    cli(
        ["evaluate", "--input", path, "--train", path, "--folds", str(folds), "--seed", str(seed)],
        out=out,
        err=io.StringIO(),
    )
    print(out.getvalue().rstrip())
    print(f"(k-fold evaluation took {time.perf_counter() - start:.0f} s)")


def training(workdir: Path, database_url: str | None, limit: int | None, tile: int = 1) -> None:
    from bench.corpus_import import setup_django

    setup_django(workdir, database_url)
    from leniency.corpus.models import Judgment
    from leniency.corpus.training import load_records
    from leniency.sentencing.model import train

    n = Judgment.objects.count()
    if n == 0:
        print(f"no judgments in {workdir}: run bench/corpus_import.py first")
        return
    start = time.perf_counter()
    records, months = load_records(limit)
    loaded = time.perf_counter() - start
    if tile > 1:  # the same judgments repeated: times the fit at N × tile without importing that many
        records, months = records * tile, months * tile
        loaded *= tile
        print(f"records tiled ×{tile}: {len(records)} (load time scaled ×{tile}: {loaded:.1f} s)")
    start = time.perf_counter()
    model = train(records, months, seed=0)
    fitted = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = loaded + fitted
    print(
        f"training on {len(records)} synthetic judgments: load {loaded:.1f} s + fit {fitted:.1f} s = {total:.1f} s; "
        f"peak RSS {peak:.0f} MB; held-out: {model.cv_metrics}"
    )
    print(
        f"  extrapolated to 1,000,000 (linear): {total * 1_000_000 / len(records) / 60:.1f} min (target ≤ 20 min)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-dev", action="store_true")
    parser.add_argument("--skip-training", action="store_true")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--tile", type=int, default=1, help="repeat the loaded judgments this many times")
    parser.add_argument("--workdir", default="/tmp/leniency-bench")
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    if not args.skip_dev:
        dev_set(args.folds, args.seed)
    if not args.skip_training:
        training(Path(args.workdir), args.database_url, args.limit, args.tile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
