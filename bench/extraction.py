"""Benchmark of fact extraction on the development judgments.

    .venv/bin/python bench/extraction.py [--failures]

Prints the share of `amounts-dev.jsonl` cases whose extracted total amount is within 1% of the
court's figure (N and the failures with it), and `extract` throughput in cases per second on one
core over amounts-dev and cail-term-dev.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from leniency.sentencing.devdata import shared_data_dir  # noqa: E402
from leniency.sentencing.extract import extract  # noqa: E402

TOLERANCE = Decimal("0.01")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def within(extracted: Decimal | None, expected: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    if extracted is None:
        return False
    return abs(extracted - expected) <= abs(expected) * tolerance


def measure_amounts(path: Path | str | None = None) -> dict:
    """Share of cases whose total amount is within 1% of the court's figure.

    Returns {"within_1pct": share, "n": cases, "hits": count, "failures": [{"line", "expected",
    "extracted"}...]}. `path` defaults to amounts-dev.jsonl in the shared data folder.
    """
    if path is None:
        data_dir = shared_data_dir()
        if data_dir is None:
            raise FileNotFoundError("amounts-dev.jsonl: no shared data folder beside this checkout")
        path = data_dir / "amounts-dev.jsonl"
    rows = _read(Path(path))
    failures = []
    for line, row in enumerate(rows, start=1):
        expected = Decimal(str(row["amount_yuan"]))
        extracted = extract(row["fact"]).amount_yuan
        if not within(extracted, expected):
            failures.append({"line": line, "expected": expected, "extracted": extracted})
    hits = len(rows) - len(failures)
    return {
        "within_1pct": hits / len(rows) if rows else 0.0,
        "n": len(rows),
        "hits": hits,
        "failures": failures,
    }


def throughput(texts: list[str], repeats: int = 3) -> float:
    """Cases per second for `extract` in this one process (one core), after a warm-up pass."""
    for text in texts[:5]:
        extract(text)
    start = time.perf_counter()
    for _ in range(repeats):
        for text in texts:
            extract(text)
    return repeats * len(texts) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    args = parser.parse_args(argv)
    data_dir = shared_data_dir()
    if data_dir is None:
        print("no shared data folder beside this checkout (set LENIENCY_SHARED_DATA)")
        return 1
    result = measure_amounts(data_dir / "amounts-dev.jsonl")
    print(
        f"amount within 1% of the court's figure: {result['within_1pct']:.1%} "
        f"({result['hits']}/{result['n']}, amounts-dev.jsonl)"
    )
    if args.failures:
        for failure in result["failures"]:
            print(
                f"  line {failure['line']}: expected {failure['expected']}, extracted {failure['extracted']}"
            )
    for name in ("amounts-dev.jsonl", "cail-term-dev.jsonl"):
        texts = [row["fact"] for row in _read(data_dir / name)]
        print(f"extract throughput on {name}: {throughput(texts):.0f} cases/s (one core, N={len(texts)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
