"""The sentence an app above cases knows the court will impose, offered as the judgment page's first values; the
judge still records the judgment. The recommendations app offers the sentence of a recommendation the court
adopted (CPL art. 201) or the penalty it decided on otherwise, registered in its `AppConfig.ready()` as the case
page's panels are (`panels.py`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from .judgments import SentenceIn


@dataclass(frozen=True)
class Proposal:
    sentence: SentenceIn
    basis: str  # shown beside the defendant's sentence: where these values come from

    def initial(self) -> dict:
        return asdict(self.sentence)


Source = Callable[[list], dict[int, Proposal]]
_SOURCES: list[Source] = []


def register_sentence_proposals(source: Source) -> None:
    """`source(defendants)` returns a Proposal per defendant pk it knows of."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def proposals(defendants: Iterable) -> dict[int, Proposal]:
    """Each defendant's proposal, the first registered source's where several know one."""
    defendants = list(defendants)
    found: dict[int, Proposal] = {}
    for source in _SOURCES:
        for pk, proposal in source(defendants).items():
            found.setdefault(pk, proposal)
    return found
