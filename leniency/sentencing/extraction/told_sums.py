"""A quantity told in several figures, added once: the lots of a case are added, a total that restates lots told
before it (共计, 合计, 上述 …) replaces them instead of being added to them (timber_volume.py, face_value.py).
told_figures reads such figures: a number with its unit, in a sentence told for the first time, that its sentence
says is of the measure (farmland_area.py, hazardous_waste.py, precious_trees.py, timber_volume.py, young_trees.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.extraction.amounts import sentence_spans

TOTAL = re.compile(r"共计|合计|总计|累计|总共|一共|共(?!同)")
RESTATED = re.compile(r"上述|以上|综上|前述")
SLACK = Decimal("0.01")  # a restated total rounds its parts


@dataclass(frozen=True)
class Told:
    value: Decimal
    total: bool  # marked as a total or a restatement in its clause
    at: int
    restates: bool = False  # told again as what went before: 上述, 以上, 综上, 前述


# What a figure found in a sentence tells of the measure: (text, the figure's match, its sentence's start and end) ->
# the quantity in the measure's unit, or None where the sentence says the figure is not of the measure.
Measured = Callable[[str, re.Match, int, int], Decimal | None]


def told_figures(text: str, figure: re.Pattern, measured: Measured) -> list[Told]:
    """Each match of `figure` in a sentence not told before (amounts.sentence_spans) that `measured` values, in text
    order, marked by the words before it in its sentence."""
    told: list[Told] = []
    for start, end, repeated in sentence_spans(text):
        if repeated:
            continue
        for match in figure.finditer(text, start, end):
            value = measured(text, match, start, end)
            if value is not None:
                told.append(told_at(text, start, match.start(), value))
    return told


def told_at(text: str, sentence_start: int, at: int, value: Decimal) -> Told:
    """The figure `value` at `at`, marked by the words before it in its sentence (a 合计 heads the whole sentence it sums:
    "合计破坏林地20.7亩，破坏幼树93株，立木蓄积3.85立方米")."""
    return Told(
        value,
        bool(TOTAL.search(text, sentence_start, at)),
        at,
        bool(RESTATED.search(text, sentence_start, at)),
    )


def summed_once(items: list[Told]) -> Decimal | None:
    """The sum of the figures in text order, a marked total standing for the figures it restates; None for none.

    A marked total equal to the unmarked figures told since the last total replaces them; one equal to all figures kept
    so far (two or more, or one where the words say it is told again: 上述假币4000元) replaces them all. A marked figure equal to nothing before it is a lot of its own (共盗伐林木32
    立方米 … 共盗伐林木32立方米 told of two fellings are 64 cubic metres).
    """
    kept: list[Told] = []
    pending: list[Told] = []
    for item in sorted(items, key=lambda told: told.at):
        if item.total and pending and _equal(sum(t.value for t in pending), item.value):
            kept = [t for t in kept if t not in pending]
        elif (
            (item.restates or (item.total and len(kept) >= 2))
            and kept
            and _equal(sum(t.value for t in kept), item.value)
        ):
            kept = []
        kept.append(item)
        pending = [] if item.total else [*pending, item]
    return sum((t.value for t in kept), Decimal(0)) if kept else None


def _equal(parts: Decimal, total: Decimal) -> bool:
    return abs(parts - total) <= total * SLACK
