"""The rota's choice, as a pure function: fair, capped, conflict-free and deterministic (Hypothesis)."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from leniency.counsel.allocation import (
    ALL_AT_CAP,
    ALL_CONFLICTED,
    CHOSEN,
    NOBODY_ON_ROTA,
    NONE_ELIGIBLE,
    Candidate,
    can_serve,
    choose_lawyer,
)

AS_OF = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)

candidate = st.builds(
    Candidate,
    lawyer_id=st.integers(1, 40),
    position=st.integers(1, 40),
    load=st.integers(0, 12),
    last_allocated_at=st.none() | st.integers(0, 60 * 24 * 40).map(lambda m: AS_OF - timedelta(minutes=m)),
    eligible=st.booleans(),
    available=st.booleans(),
    unavailable_until=st.none() | st.integers(-5, 5).map(lambda d: date(2027, 1, 4) + timedelta(days=d)),
)
rota = st.lists(candidate, max_size=15, unique_by=lambda c: c.lawyer_id)
ids = st.sets(st.integers(1, 40), max_size=8)
cap = st.integers(1, 10)


@settings(max_examples=300, deadline=None)
@given(rota, cap, ids, ids)
def test_never_above_the_cap_while_an_eligible_lawyer_is_free(candidates, cap, conflicted, excluded):
    choice = choose_lawyer(candidates, cap=cap, as_of=AS_OF, conflicted=conflicted, excluded=excluded)
    usable = [c for c in candidates if c.lawyer_id not in conflicted | excluded and can_serve(c, as_of=AS_OF)]
    free = [c for c in usable if c.load < cap]
    if free:
        chosen = next(c for c in candidates if c.lawyer_id == choice.lawyer_id)
        assert chosen.load < cap  # after this assignment the lawyer is at most at the cap
        assert choice.reason == CHOSEN
    else:
        assert choice.lawyer_id is None
        assert choice.reason in {ALL_AT_CAP, NONE_ELIGIBLE, ALL_CONFLICTED, NOBODY_ON_ROTA}


@settings(max_examples=300, deadline=None)
@given(rota, cap, ids, ids)
def test_never_a_conflicted_excluded_ineligible_or_absent_lawyer(candidates, cap, conflicted, excluded):
    choice = choose_lawyer(candidates, cap=cap, as_of=AS_OF, conflicted=conflicted, excluded=excluded)
    if choice.lawyer_id is not None:
        assert choice.lawyer_id not in conflicted and choice.lawyer_id not in excluded
        chosen = next(c for c in candidates if c.lawyer_id == choice.lawyer_id)
        assert chosen.eligible and chosen.available
        assert chosen.unavailable_until is None or chosen.unavailable_until < AS_OF.date()


@settings(max_examples=200, deadline=None)
@given(rota, cap, ids, st.randoms(use_true_random=False))
def test_same_inputs_and_as_of_give_the_same_lawyer_whatever_the_order(candidates, cap, conflicted, rnd):
    first = choose_lawyer(candidates, cap=cap, as_of=AS_OF, conflicted=conflicted)
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    again = choose_lawyer(shuffled, cap=cap, as_of=AS_OF, conflicted=set(conflicted))
    assert first == again


@settings(max_examples=200, deadline=None)
@given(rota, cap)
def test_the_least_recently_allocated_free_lawyer_goes_first(candidates, cap):
    choice = choose_lawyer(candidates, cap=cap, as_of=AS_OF)
    if choice.lawyer_id is None:
        return
    chosen = next(c for c in candidates if c.lawyer_id == choice.lawyer_id)
    for other in candidates:
        if other is chosen or not can_serve(other, as_of=AS_OF) or other.load >= cap:
            continue
        if chosen.last_allocated_at is not None:
            assert other.last_allocated_at is not None and other.last_allocated_at >= chosen.last_allocated_at


def test_round_robin_over_a_day_spreads_requests_evenly():
    """Feeding each choice back as the latest allocation gives everyone a turn before anyone gets a second."""
    candidates = {n: Candidate(lawyer_id=n, position=n, load=0) for n in (3, 1, 2, 4)}
    order = []
    for minute in range(8):
        as_of = AS_OF + timedelta(minutes=minute)
        choice = choose_lawyer(candidates.values(), cap=5, as_of=as_of)
        order.append(choice.lawyer_id)
        c = candidates[choice.lawyer_id]
        candidates[c.lawyer_id] = Candidate(c.lawyer_id, c.position, c.load + 1, as_of)
    assert order == [1, 2, 3, 4, 1, 2, 3, 4]


def test_reasons_when_nobody_can_be_chosen():
    assert choose_lawyer([], cap=3, as_of=AS_OF).reason == NOBODY_ON_ROTA
    one = [Candidate(lawyer_id=1, position=1, load=0)]
    assert choose_lawyer(one, cap=3, as_of=AS_OF, conflicted={1}).reason == ALL_CONFLICTED
    assert choose_lawyer([Candidate(1, 1, 0, eligible=False)], cap=3, as_of=AS_OF).reason == NONE_ELIGIBLE
    assert choose_lawyer([Candidate(1, 1, 3)], cap=3, as_of=AS_OF).reason == ALL_AT_CAP
    on_leave = Candidate(1, 1, 0, unavailable_until=AS_OF.date())
    assert choose_lawyer([on_leave], cap=3, as_of=AS_OF).reason == NONE_ELIGIBLE
