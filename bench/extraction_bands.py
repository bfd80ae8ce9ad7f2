"""Extraction measured by term band and count structure, each figure with a bootstrap 95% interval.

    .venv/bin/python bench/extraction_bands.py

- Charges inferred from the facts alone (no charge given) against `meta.accusation`: micro-F1 on
  cail-term-dev by term band (≤6, 7–36, 37–120, >120 months; life and death in >120) and for cases
  with several counts (two or more charges, or two or more acts read), and on cail-charges-dev.
- The total amount within 1% of the court's figure on amounts-dev, for cases with one act and with
  several (amounts-dev has no term, so it has no band).
- The kind of amount (entities-dev): in each theft sentence, a figure marked as money stolen (被盗货币)
  or the value of goods (物品价值) should be counted as the crime amount and one marked as resale
  proceeds (盗窃获利) should not.
- Whose (entities-dev): the names read as victims against those marked 受害人, and how many of them
  are marked as the defendant.
- With the engine's predictions given (bench/sentencing.py), the mean log distance per band.

The interval is the percentile bootstrap over cases (2,000 resamples, fixed seed): a difference
smaller than it is noise.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from leniency.sentencing.catalogue import current_name  # noqa: E402
from leniency.sentencing.corpus import Term, read_judgments  # noqa: E402
from leniency.sentencing.devdata import shared_data_dir  # noqa: E402
from leniency.sentencing.extract import extract  # noqa: E402
from leniency.sentencing.extraction.amounts import find_money  # noqa: E402
from leniency.sentencing.extraction.charge_inference import ChargeModel, build_profiles  # noqa: E402
from leniency.sentencing.extraction.charges import charges_with  # noqa: E402
from leniency.sentencing.extraction.document import acts, parse  # noqa: E402
from leniency.sentencing.extraction.victims import victim_names  # noqa: E402
from leniency.sentencing.metrics import charge_micro_f1  # noqa: E402

BANDS = (("≤6", 0, 6), ("7–36", 7, 36), ("37–120", 37, 120), (">120", 121, 10**6))
RESAMPLES = 2000
TOLERANCE = Decimal("0.01")
CRIME_KINDS = ("被盗货币", "物品价值")
NOT_CRIME_KINDS = ("盗窃获利",)


def band(term: Term) -> str:
    if not term.fixed:
        return ">120"
    return next(name for name, low, high in BANDS if low <= term.months <= high)


def bootstrap(items: Sequence, statistic: Callable[[Sequence], float | None], seed: int = 0) -> tuple:
    """(statistic, low, high): the percentile 95% interval over `RESAMPLES` resamples of `items`."""
    value = statistic(items)
    if not items or value is None:
        return value, None, None
    rng = random.Random(seed)
    draws = sorted(
        v
        for v in (statistic([items[rng.randrange(len(items))] for _ in items]) for _ in range(RESAMPLES))
        if v is not None
    )
    return value, draws[int(0.025 * len(draws))], draws[int(0.975 * len(draws)) - 1]


def micro_f1(pairs: Sequence[tuple[set, set]]) -> float | None:
    """Charge micro-F1 with old and new names of a renamed charge as one (metrics.charge_micro_f1)."""
    return charge_micro_f1(pairs)


def share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def fmt(result: tuple, n: int, percent: bool = True) -> str:
    value, low, high = result
    if value is None:
        return f"—  (N={n})"
    if percent:
        return f"{value:6.1%}  [{low:.1%}, {high:.1%}]  (N={n})"
    return f"{value:6.3f}  [{low:.3f}, {high:.3f}]  (N={n})"


def several_counts(text: str, charges: Sequence[str]) -> bool:
    return len(charges) >= 2 or len(acts(parse(text))) >= 2 or (extract(text).counts or 0) >= 2


def cross_validated_charges(
    facts: Sequence[str], golds: Sequence[Sequence[str]], folds: int = 5, seed: int = 0
):
    """Charges inferred for each fact by the rule and a model built without that fact's fold.

    The shipped charge_profiles.json is built from these very cases, so scoring it on them would
    measure memory: each fold is scored by profiles built from the other folds only.
    """
    order = list(range(len(facts)))
    random.Random(seed).shuffle(order)
    fold = {i: k % folds for k, i in enumerate(order)}
    predicted: list[list[str]] = [[] for _ in facts]
    for k in range(folds):
        model = ChargeModel(build_profiles([(facts[i], golds[i]) for i in order if fold[i] != k]))
        for i in order:
            if fold[i] == k:
                predicted[i] = charges_with(facts[i], model)
    return predicted


def charge_rows(data_dir: Path) -> dict[str, list[tuple[str, set, set, Term | None]]]:
    """Per dev file: (fact, gold charges, charges inferred by 5-fold cross-validation over both files, term)."""
    files = ("cail-term-dev.jsonl", "cail-charges-dev.jsonl")
    judgments = {name: read_judgments(data_dir / name)[0] for name in files}
    every = [j for name in files for j in judgments[name]]
    predicted = iter(cross_validated_charges([j.fact for j in every], [j.accusation for j in every]))
    return {
        name: [(j.fact, set(j.accusation), set(next(predicted)), j.term) for j in judgments[name]]
        for name in files
    }


def report_charges(data_dir: Path, out=sys.stdout) -> None:
    print(
        "Charges inferred from the facts alone (5-fold cross-validation over both dev files), "
        "micro-F1 [bootstrap 95%]:",
        file=out,
    )
    by_file = charge_rows(data_dir)
    rows = by_file["cail-term-dev.jsonl"]
    groups = {"all": rows}
    for name, _, _ in BANDS:
        groups[f"term {name}"] = [r for r in rows if r[3] is not None and band(r[3]) == name]
    groups["several counts"] = [r for r in rows if several_counts(r[0], sorted(r[1]))]
    groups["one count"] = [r for r in rows if not several_counts(r[0], sorted(r[1]))]
    for name, group in groups.items():
        pairs = [(gold, pred) for _, gold, pred, _ in group]
        print(f"  cail-term-dev {name:16} {fmt(bootstrap(pairs, micro_f1), len(pairs))}", file=out)
    pairs = [(gold, pred) for _, gold, pred, _ in by_file["cail-charges-dev.jsonl"]]
    print(f"  cail-charges-dev {'all':13} {fmt(bootstrap(pairs, micro_f1), len(pairs))}", file=out)
    candidates = top_five_rows(by_file)
    print(
        f"  gold charge among the top 5 candidates {fmt(bootstrap(candidates, share), len(candidates))}",
        file=out,
    )


def top_five_rows(by_file: dict) -> list[bool]:
    """Whether a gold charge is among a fold model's five best candidates (what a person is shown)."""
    every = [(fact, gold) for rows in by_file.values() for fact, gold, _, _ in rows]
    order = list(range(len(every)))
    random.Random(0).shuffle(order)
    fold = {i: k % 5 for k, i in enumerate(order)}
    hits = [False] * len(every)
    for k in range(5):
        model = ChargeModel(
            build_profiles([(every[i][0], sorted(every[i][1])) for i in order if fold[i] != k])
        )
        for i in order:
            if fold[i] == k:
                gold = {current_name(c) for c in every[i][1]}
                hits[i] = bool(
                    gold & {current_name(c.charge) for c in model.candidates(every[i][0], limit=5)}
                )
    return hits


def report_amounts(data_dir: Path, out=sys.stdout) -> None:
    print("Total amount within 1% of the court's figure [bootstrap 95%] (amounts-dev):", file=out)
    rows = []
    with open(data_dir / "amounts-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                expected = Decimal(str(row["amount_yuan"]))
                got = extract(row["fact"]).amount_yuan
                hit = got is not None and abs(got - expected) <= abs(expected) * TOLERANCE
                rows.append((hit, several_counts(row["fact"], [])))
    for name, group in (
        ("all", rows),
        ("several counts", [r for r in rows if r[1]]),
        ("one count", [r for r in rows if not r[1]]),
    ):
        flags = [hit for hit, _ in group]
        print(f"  {name:16} {fmt(bootstrap(flags, share), len(flags))}", file=out)


def amount_kind_rows(path: Path) -> list[tuple[str, bool]]:
    """(kind, right) per marked amount the extractor found: crime amounts counted, proceeds left out."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            data = json.loads(line)
            sentence = data["sentence"]
            mentions = find_money(sentence)
            for kind in (*CRIME_KINDS, *NOT_CRIME_KINDS):
                for marked in data["entities"].get(kind, []):
                    at = sentence.find(marked)
                    found = [m for m in mentions if at <= m.span.start < at + len(marked)] if at >= 0 else []
                    if not found:
                        rows.append((kind, False))  # the extractor did not read the figure at all
                        continue
                    counted = not found[0].excluded
                    rows.append((kind, counted if kind in CRIME_KINDS else not counted))
    return rows


def report_amount_kinds(data_dir: Path, out=sys.stdout) -> None:
    print("Kind of amount in theft sentences [bootstrap 95%] (entities-dev):", file=out)
    rows = amount_kind_rows(data_dir / "entities-dev.jsonl")
    for name, kinds in (
        ("all marked amounts", (*CRIME_KINDS, *NOT_CRIME_KINDS)),
        ("被盗货币 counted", ("被盗货币",)),
        ("物品价值 counted", ("物品价值",)),
        ("盗窃获利 left out", ("盗窃获利",)),
    ):
        flags = [right for kind, right in rows if kind in kinds]
        print(f"  {name:20} {fmt(bootstrap(flags, share), len(flags))}", file=out)


def victim_rows(path: Path) -> list[tuple[int, int, int, int]]:
    """Per sentence: (names read as victims that are marked victims, read but not marked, marked but
    not read, read as victims but marked as defendants)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            data = json.loads(line)
            gold = set(data["entities"].get("受害人", []))
            defendants = set(data["entities"].get("犯罪嫌疑人", []))
            read = victim_names(data["sentence"])
            rows.append((len(read & gold), len(read - gold), len(gold - read), len(read & defendants)))
    return rows


def report_victims(data_dir: Path, out=sys.stdout) -> None:
    print("Whose: victims named in theft sentences [bootstrap 95%] (entities-dev):", file=out)
    rows = victim_rows(data_dir / "entities-dev.jsonl")

    def precision(rs):
        read = sum(r[0] + r[1] for r in rs)
        return sum(r[0] for r in rs) / read if read else None

    def recall(rs):
        marked = sum(r[0] + r[2] for r in rs)
        return sum(r[0] for r in rs) / marked if marked else None

    def defendants(rs):
        read = sum(r[0] + r[1] for r in rs)
        return sum(r[3] for r in rs) / read if read else None

    n = len(rows)
    print(f"  precision (read as victim, marked victim) {fmt(bootstrap(rows, precision), n)}", file=out)
    print(f"  recall (marked victim, read as victim)    {fmt(bootstrap(rows, recall), n)}", file=out)
    print(f"  read as victim but a defendant            {fmt(bootstrap(rows, defendants), n)}", file=out)


def report_term_bands(gold, predictions: dict, out=sys.stdout) -> None:
    """Mean log distance per band of the true term, for each predictor (fixed-term truths)."""
    from leniency.sentencing.metrics import log_distance

    print("Mean log distance by band of the true term [bootstrap 95%]:", file=out)
    for name, _, _ in BANDS:
        index = [i for i, j in enumerate(gold) if j.term.fixed and band(j.term) == name]
        for predictor, preds in predictions.items():
            distances = [log_distance(gold[i].term, preds[i].term) for i in index]
            result = bootstrap(distances, lambda d: sum(d) / len(d) if d else None)
            print(f"  {name:7} {predictor:20} {fmt(result, len(index), percent=False)}", file=out)


def main() -> int:
    data_dir = shared_data_dir()
    if data_dir is None:
        print("no shared data folder beside this checkout (set LENIENCY_SHARED_DATA)")
        return 1
    report_charges(data_dir)
    report_amounts(data_dir)
    report_amount_kinds(data_dir)
    report_victims(data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
