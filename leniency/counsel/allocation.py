"""Choosing the next lawyer from a rota: a pure function, so that its fairness can be property-tested.

The rule (inputs → choice, no database, no clock):

1. drop the lawyers who are conflicted (the victim's lawyer, a co-defendant's lawyer where interests are
   opposed), already tried for this request, not eligible (accreditation, years of practice, a
   restriction) or unavailable on the day of `as_of`;
2. drop those whose workload has reached the cap;
3. of the rest, take the one whose last rota allocation is oldest (never allocated comes first) —
   round-robin — then the lighter workload, then the rota position, then the lawyer id.

The input order does not matter and nothing is random: the same candidates and `as_of` give the same
lawyer. When nobody is left the result says why, and the request waits for the centre.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

NOBODY_ON_ROTA = "nobody_on_rota"
ALL_CONFLICTED = "all_conflicted"
NONE_ELIGIBLE = "none_eligible"
ALL_AT_CAP = "all_at_cap"
CHOSEN = "chosen"


@dataclass(frozen=True)
class Candidate:
    lawyer_id: int
    position: int  # order on the published rota list
    load: int  # assignments counted against the cap at `as_of`
    last_allocated_at: datetime | None = None  # the last rota allocation before `as_of`
    eligible: bool = True  # accreditation, access criteria and no restriction in force
    available: bool = True  # the registry's general availability switch
    unavailable_until: date | None = None  # on leave up to and including this day


@dataclass(frozen=True)
class Choice:
    lawyer_id: int | None
    reason: str
    free: tuple[int, ...] = ()  # every lawyer who could have been chosen, best first


def is_free(candidate: Candidate, *, cap: int, as_of: datetime) -> bool:
    return candidate.load < cap


def can_serve(candidate: Candidate, *, as_of: datetime) -> bool:
    on_leave = candidate.unavailable_until is not None and candidate.unavailable_until >= as_of.date()
    return candidate.eligible and candidate.available and not on_leave


def _rank(candidate: Candidate) -> tuple:
    last = candidate.last_allocated_at
    return (
        last is not None,
        last.timestamp() if last else 0.0,
        candidate.load,
        candidate.position,
        candidate.lawyer_id,
    )


def choose_lawyer(
    candidates: Iterable[Candidate],
    *,
    cap: int,
    as_of: datetime,
    conflicted: Iterable[int] = (),
    excluded: Iterable[int] = (),
) -> Choice:
    pool = list(candidates)
    if not pool:
        return Choice(None, NOBODY_ON_ROTA)
    blocked = set(conflicted) | set(excluded)
    unconflicted = [c for c in pool if c.lawyer_id not in blocked]
    if not unconflicted:
        return Choice(None, ALL_CONFLICTED)
    serving = [c for c in unconflicted if can_serve(c, as_of=as_of)]
    if not serving:
        return Choice(None, NONE_ELIGIBLE)
    free = sorted((c for c in serving if is_free(c, cap=cap, as_of=as_of)), key=_rank)
    if not free:
        return Choice(None, ALL_AT_CAP)
    return Choice(free[0].lawyer_id, CHOSEN, tuple(c.lawyer_id for c in free))
