"""Drug substances: their names in judgments, their thresholds, and their heroin-equivalent weight.

Data: `standards/drug_substances.yaml` (刑法第347条, 第348条; 法释〔2016〕8号 arts. 1–2). A substance with no
figure there is *unknown*: it is read and reported, never converted as if it were methamphetamine
(issue 16, failure class 5: a poppy-shell case came out as a death sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parents[1] / "standards" / "drug_substances.yaml"
HEROIN_LARGE = Decimal(50)  # 刑法第347条第2款第1项: heroin 50 g is "数量大"


@dataclass(frozen=True)
class Substance:
    name: str
    large_g: Decimal | None  # 数量大 (None: unknown substance)
    relatively_large_g: Decimal | None  # 数量较大
    source: str = ""
    assumed: bool = False  # named without its form (大麻): read as the form given, with a note

    @property
    def known(self) -> bool:
        return self.large_g is not None

    def heroin_grams(self, grams: Decimal) -> Decimal | None:
        """Heroin-equivalent grams (grams × 50 / 数量大), None for an unknown substance."""
        if self.large_g is None:
            return None
        return grams * HEROIN_LARGE / self.large_g

    def quantity_class(self, grams: Decimal) -> str:
        """ "large" (数量大), "relatively_large" (数量较大), "small" or "unknown"."""
        if self.large_g is None or self.relatively_large_g is None:
            return "unknown"
        if grams >= self.large_g:
            return "large"
        if grams >= self.relatively_large_g:
            return "relatively_large"
        return "small"


@cache
def _data() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@cache
def substances() -> dict[str, Substance]:
    """Every name a judgment may use -> its substance (aliases and unknown names included)."""
    data = _data()
    citation = f"{data['document_number']}"
    table: dict[str, Substance] = {}
    for row in data["substances"]:
        base = dict(
            name=row["name"],
            large_g=Decimal(str(row["large_g"])),
            relatively_large_g=Decimal(str(row["relatively_large_g"])),
            source=row.get("source", citation),
        )
        for name in (row["name"], *row.get("aliases", ())):
            table[name] = Substance(**base)
        for name in row.get("assumed", ()):
            table[name] = Substance(**base, assumed=True)
    for name in data.get("unknown_names", ()):
        table.setdefault(name, Substance(name, None, None, "no figure in 刑法第347条 or 法释〔2016〕8号"))
    return table


@cache
def names_pattern() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, substances()), key=len, reverse=True)))


def substance(name: str) -> Substance:
    """The substance a name stands for; an unlisted name is an unknown substance."""
    return substances().get(name) or Substance(
        name, None, None, "no figure in 刑法第347条 or 法释〔2016〕8号"
    )


def most_harmful(names: list[str]) -> str:
    """Of several known substances named together, the one with the lowest 数量大 threshold: a mixture's or a report's
    several findings are its most harmful (法〔2008〕324号: 以其中毒性较大的毒品成分确定; recalled, unconfirmed)."""
    return min(names, key=lambda n: substance(n).large_g)


def equivalents_table() -> dict[str, float]:
    """Canonical name -> grams per heroin-equivalent gram (large_g / 50), longest name first.

    The shape of drug_trafficking.yaml's `drug_equivalents.grams_per_heroin_gram`, whose lookup takes
    the first key contained in the drug's name: longest first, so that 巴比妥 does not answer for 苯巴比妥.
    """
    rows = {s.name: float(s.large_g / HEROIN_LARGE) for s in substances().values() if s.known}
    return dict(sorted(rows.items(), key=lambda kv: -len(kv[0])))
