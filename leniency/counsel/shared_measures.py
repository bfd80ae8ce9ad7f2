"""Figures the counsel dashboard shares with the study and the portal, defined once in the measure registry
(`leniency.study.measures`).

The registry sits in the study, a layer above counsel (pyproject's import layers), because it computes itself from
the study's person rows, which read counsel's, plea's and recommendations' records. So counsel does not import it:
the study hands each shared measure down here when Django starts (`StudyConfig.ready`), as apps register their
panels on the case page, and the dashboard asks for it by key. The measure's own predicates classify the persons,
so the dashboard's rate is the study's and the portal's for the same persons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SharedMeasure:
    key: str
    name: object  # lazy text, as in the registry
    definition: object
    numerator: object
    denominator: object
    exclusions: object
    # defendant ids -> whether each one in the measure's population counts (those outside it are left out)
    classify: Callable[[Iterable[int]], dict[int, bool]]


_SHARED: dict[str, SharedMeasure] = {}


def register_shared_measure(measure: SharedMeasure) -> None:
    _SHARED[measure.key] = measure


def shared_measure(key: str) -> SharedMeasure:
    """The measure the registry handed down under `key`; a KeyError names it if the study never did."""
    return _SHARED[key]
