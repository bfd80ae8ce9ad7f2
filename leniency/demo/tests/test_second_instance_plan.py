"""The demo's plan of second-instance decisions (timeline.AppealDecisions, decide_appeal): pure Python, no build."""

import random
from collections import Counter
from datetime import date

from leniency.cases.stages import Stage
from leniency.demo.timeline import (
    AMEND_SHARE,
    REMAND_SHARE,
    AppealDecisions,
    DefendantPath,
    Move,
    appeal_period_end,
    decide_appeal,
    plan_retrial,
)


def test_the_decisions_keep_their_shares_in_every_stretch_of_appeals():
    decisions = AppealDecisions(random.Random("7:second-instance"))
    made = [decisions.next() for _ in range(400)]
    counts = Counter(made)
    assert abs(counts["remand"] - 400 * REMAND_SHARE) <= 1
    assert (
        abs(counts["amend"] - 400 * (1 - REMAND_SHARE) * AMEND_SHARE) <= 3
    )  # a remand takes the slot it meets
    # Spread, not bunched: any 25 appeals in a row hold at most one remand and at most four changed sentences.
    for start in range(0, 375):
        stretch = Counter(made[start : start + 25])
        assert stretch["remand"] <= 1 and stretch["amend"] <= 4
    same = AppealDecisions(random.Random("7:second-instance"))
    assert [same.next() for _ in range(400)] == made  # deterministic for the seed


def _appealed(decided_on: date) -> DefendantPath:
    return DefendantPath(
        moves=[
            Move(Stage.PROSECUTION_REVIEW, date(2025, 1, 10)),
            Move(Stage.FIRST_INSTANCE, date(2025, 2, 10)),
            Move(Stage.JUDGMENT, date(2025, 3, 10)),
            Move(Stage.APPEAL, date(2025, 3, 15), "被告人提出上诉"),
            Move(Stage.FINAL, decided_on),
        ]
    )


class _Remand(AppealDecisions):
    def next(self):
        return "remand"


def test_a_remand_sends_every_appellant_back_to_be_filed_judged_and_final_again():
    paths = [_appealed(date(2025, 5, 1)), _appealed(date(2025, 5, 1))]
    outcome = decide_appeal(_Remand(random.Random(1)), paths, cutoff=date(2026, 6, 29))
    assert outcome.decision == "remand" and date(2025, 5, 4) <= outcome.refiled_on <= date(2025, 5, 11)
    back, judged, final = paths[0].moves[-3:]
    assert (back.to, back.on, back.reason) == (Stage.FIRST_INSTANCE, date(2025, 5, 1), "发回重审")
    assert judged.to == Stage.JUDGMENT and judged.on > outcome.refiled_on
    assert final.to == Stage.FINAL and final.on > appeal_period_end(judged.on)
    assert paths[1].moves == paths[0].moves  # the whole case goes back (CPL art. 233)


def test_a_remand_near_the_cutoff_leaves_the_case_at_first_instance_filed_by_the_cutoff():
    paths = [_appealed(date(2026, 6, 27))]
    outcome = decide_appeal(_Remand(random.Random(1)), paths, cutoff=date(2026, 6, 29))
    assert paths[0].stage == Stage.FIRST_INSTANCE and outcome.refiled_on <= date(2026, 6, 29)


def test_an_undecided_appeal_gets_no_decision():
    path = _appealed(date(2025, 5, 1))
    path.moves.pop()  # still before the court above at the cutoff
    assert decide_appeal(AppealDecisions(random.Random(1)), [path], cutoff=date(2025, 4, 30)) is None


def test_a_retrial_is_planned_only_on_a_judgment_final_without_appeal_and_within_the_cutoff():
    final = DefendantPath(
        moves=[Move(Stage.JUDGMENT, date(2025, 3, 10)), Move(Stage.FINAL, date(2025, 3, 25))]
    )
    retrial = plan_retrial(random.Random(1), [final], cutoff=date(2026, 6, 29))
    assert date(2025, 3, 25) < retrial.started_on < retrial.decided_on <= date(2026, 6, 29)
    assert plan_retrial(random.Random(1), [final], cutoff=date(2025, 5, 1)) is None  # not decided by then
    assert plan_retrial(random.Random(1), [_appealed(date(2025, 5, 1))], cutoff=date(2026, 6, 29)) is None
    open_one = DefendantPath(moves=[Move(Stage.JUDGMENT, date(2025, 3, 10))])
    assert plan_retrial(random.Random(1), [final, open_one], cutoff=date(2026, 6, 29)) is None
