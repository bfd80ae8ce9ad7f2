"""A synthetic judgment corpus in CAIL2018 format, for the demo and the scale benchmarks — never for accuracy.

Each judgment's fact text comes from the demo's generator (the phrasing of a judgment's 经审理查明
section: amounts, quantities, injury grades, circumstances), its charge from the demo's caseload mix.
Its sentence is what the calculator gives for those facts, moved by the region's habit (the same crime
is sentenced more heavily in some districts than others), by the judge's own habit and by case noise,
all in log space. Probation follows the calculator's advice with a regional propensity. Every line is
marked `meta.synthetic: true` and carries its region code, court and year.

Generation is deterministic for a seed: case i depends only on (seed, i), whatever the number of
worker processes.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tqdm import tqdm

from leniency.corpus.rows import warm_engine
from leniency.demo.charge_mix import PROFILES
from leniency.demo.facts_text import Actor, fact_text
from leniency.demo.names import masked_name
from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract


@dataclass(frozen=True)
class SynthRegion:
    code: str
    place: str  # as fact texts name it
    court: str
    effect: float  # log-space multiplier on terms (+0.2 ≈ 22% heavier)
    probation: float  # propensity to suspend an advised sentence


# Demo-province codes (99…, no real province uses them): the regional differences are invented.
REGIONS = (
    SynthRegion("990102", "滨海市海港区", "滨海市海港区人民法院", 0.00, 0.75),
    SynthRegion("990105", "滨海市新城区", "滨海市新城区人民法院", -0.08, 0.85),
    SynthRegion("990221", "中原市平川县", "中原市平川县人民法院", 0.12, 0.60),
    SynthRegion("990322", "西岭市高原县", "西岭市高原县人民法院", 0.22, 0.50),
    SynthRegion("990108", "滨海市江北区", "滨海市江北区人民法院", -0.04, 0.80),
    SynthRegion("990203", "中原市东城区", "中原市东城区人民法院", 0.06, 0.70),
    SynthRegion("990301", "西岭市市辖区", "西岭市中级人民法院", 0.15, 0.55),
    SynthRegion("990402", "南川市临江区", "南川市临江区人民法院", -0.12, 0.90),
)
REGION_WEIGHTS = (0.22, 0.12, 0.16, 0.10, 0.12, 0.12, 0.06, 0.10)
JUDGES_PER_REGION = 12
JUDGE_SD = 0.08
CASE_SD = 0.15
YEARS = (2016, 2025)


def _judge_effects(seed: int) -> dict[tuple[str, int], float]:
    rng = random.Random(f"judges-{seed}")
    return {(r.code, j): rng.gauss(0, JUDGE_SD) for r in REGIONS for j in range(JUDGES_PER_REGION)}


_WEIGHTS = [p.weight for p in PROFILES]


def _article(charge: str) -> int | None:
    info = find_charge(charge)
    return info.article if info is not None else None


def one_case(seed: int, i: int, judges: dict | None = None) -> dict:
    """The i-th synthetic judgment of the corpus with this seed, as a CAIL2018 object."""
    rng = random.Random(f"{seed}-{i}")
    judges = judges if judges is not None else _judge_effects(seed)
    profile = rng.choices(PROFILES, weights=_WEIGHTS)[0]
    region = rng.choices(REGIONS, weights=REGION_WEIGHTS)[0]
    judge = rng.randrange(JUDGES_PER_REGION)
    year = rng.randint(*YEARS)
    offence_on = date(year, 1, 1) + timedelta(days=rng.randint(0, 300))
    size = 1 if profile.max_defendants == 1 or rng.random() < 0.7 else rng.randint(2, profile.max_defendants)
    names = []
    while len(names) < size:
        name = masked_name(rng)
        if name not in names:
            names.append(name)
    age = rng.choices(
        (rng.randint(16, 17), rng.randint(18, 30), rng.randint(31, 55), rng.randint(56, 78)),
        weights=(0.03, 0.38, 0.5, 0.09),
    )[0]
    actors = [
        Actor(names[0], "男" if rng.random() > profile.female else "女", age, rng.random() < 0.85, "duty")
    ]
    actors += [Actor(n, "男", rng.randint(19, 50), rng.random() < 0.8, "duty") for n in names[1:]]
    text = fact_text(
        rng, profile.name, actors, offence_on=offence_on, place=region.place, tried=True, reviewed=True
    )
    text = text.replace("\n", "")
    article = _article(profile.name)
    facts = extract(text, [profile.name], [article] if article else None)
    calc = calculate(facts)
    death, life = bool(calc.death_penalty), bool(calc.life_imprisonment and not calc.death_penalty)
    months = 0
    probation = False
    if not (death or life):
        base = float(calc.months or 0)
        effect = region.effect + judges[(region.code, judge)] + rng.gauss(0, CASE_SD)
        months = int(round(math.expm1(math.log1p(base) * 1.0 + effect))) if base > 0 else 0
        months = max(months, 0) if str(calc.penalty) == "exempt" else max(months, 1)
        months = min(months, 300)
        probation = bool(calc.probation_advised) and months <= 36 and rng.random() < region.probation
    fine = None
    if calc.fine_yuan is not None:
        fine = int(round(float(calc.fine_yuan) * math.exp(rng.gauss(0, 0.2)) / 1000) * 1000) or 1000
    return {
        "fact": text,
        "meta": {
            "accusation": [profile.name],
            "relevant_articles": [article] if article else [],
            "term_of_imprisonment": {
                "imprisonment": months,
                "death_penalty": death,
                "life_imprisonment": life,
            },
            "punish_of_money": fine,
            "criminals": [names[0]],
            "synthetic": True,
            "region": region.code,
            "court": region.court,
            "year": year + rng.choice((0, 0, 1)),
            "judge": f"{region.code}-{judge:02d}",
            "probation": probation,
        },
    }


def _chunk(args: tuple[int, int, int]) -> list[str]:
    seed, start, stop = args
    judges = _judge_effects(seed)
    return [json.dumps(one_case(seed, i, judges), ensure_ascii=False) for i in range(start, stop)]


def generate(n: int, seed: int, *, workers: int = 1, chunk: int = 500) -> Iterator[str]:
    """The corpus's JSON lines in order (without newlines)."""
    tasks = [(seed, start, min(start + chunk, n)) for start in range(0, n, chunk)]
    if workers <= 1:
        for task in tasks:
            yield from _chunk(task)
        return

    warm_engine()
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers) as pool:
        for lines in pool.imap(_chunk, tasks, chunksize=1):
            yield from lines


def write(path: str | Path, n: int, seed: int, *, workers: int = 1, progress: bool = False) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    bar = None
    if progress:
        bar = tqdm(total=n, unit="件", desc="synth", mininterval=1.0)
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for line in generate(n, seed, workers=workers):
            handle.write(line + "\n")
            count += 1
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    return count


def main(argv: list[str] | None = None) -> int:
    """`leniency corpus synth --n 5000 --seed 1 --out var/synthetic.jsonl [--workers 1]`.

    The `leniency` command hands `corpus synth` to this function (leniency/cli.py): the generator is the
    demo's, above the corpus app whose `corpus` management command imports and indexes what it writes, and it
    needs no database."""
    parser = argparse.ArgumentParser(
        prog="leniency corpus synth",
        description="write a synthetic corpus (marked synthetic) in CAIL2018 format",
    )
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be positive")
    start = time.perf_counter()
    count = write(args.out, args.n, args.seed, workers=args.workers, progress=args.n >= 5000)
    print(
        f"{count} synthetic judgments written to {args.out} (seed {args.seed}, {time.perf_counter() - start:.1f} s)"
    )
    return 0
