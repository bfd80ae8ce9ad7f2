"""Figures recomputed by hand from the rows of a small world (see conftest.PEOPLE)."""

from leniency.portal.disclosure import PRIMARY, exposed
from leniency.portal.figures import compute
from leniency.portal.periods import parse_period

Q3 = parse_period("2026-Q3")


def by_key(figures):
    return {f.key: f for f in figures}


def values(fig):
    """{row label: [cells..., total]} of the published table."""
    return {
        row: [c.shown for c in cells] + [total.shown]
        for row, cells, total in zip(fig.table.rows, fig.table.cells, fig.table.row_totals, strict=True)
    }


def test_process_figures_by_region_match_a_hand_count(small_world):
    figs = by_key(compute(Q3, "region", threshold=1))  # threshold 1: nothing withheld, so every count shows
    # plea: review concluded — east 东一 东二 东三 东四 (东五 investigating, 东六 withdrawn), west 西一 西二
    assert values(figs["plea_rate"]) == {"东区": [3, 1, 4], "西区": [1, 1, 2]}
    assert figs["plea_rate"].rates() == [0.75, 0.5]
    assert figs["plea_rate"].total_rate() == 4 / 6
    # appeal: stage appeal or final — east 东一 (appealed) 东二 东三; west 西一 (appeal) 西二
    assert values(figs["appeal_rate"]) == {"东区": [1, 2, 3], "西区": [1, 1, 2]}
    # lawyer: met / assigned only / none among the review-concluded
    assert values(figs["lawyer_participation"]) == {"东区": [2, 1, 1, 4], "西区": [1, 0, 1, 2]}
    # early intervention: detained and assigned — 1 day, 10 days, 5 days
    assert values(figs["early_intervention"]) == {"东区": [1, 1, 1, 3]}
    # recommendation kind: every 具结书 rests on a final recommendation — east 东一 东四 fixed, 东二 range; west 西一
    assert values(figs["recommendation_kind"]) == {"东区": [2, 1, 3], "西区": [0, 1, 1]}
    assert values(figs["adoption_rate"]) == {"东区": [1, 0, 1, 2]}
    # withdrawal: signed east 东一 东二 东四, west 西一; 东二 withdrew after judgment
    assert values(figs["withdrawal_stage"]) == {"东区": [2, 0, 0, 0, 1, 3], "西区": [1, 0, 0, 0, 0, 1]}
    assert values(figs["withdrawal_reason"]) == {"东区": [0, 1, 0, 0, 1]}


def test_other_dimensions_and_periods(small_world):
    by_zone = by_key(compute(Q3, "zone", threshold=1))
    assert values(by_zone["plea_rate"]) == {"东部": [3, 1, 4], "西部": [1, 1, 2]}
    by_crime = by_key(compute(Q3, "crime", threshold=1))
    assert values(by_crime["plea_rate"]) == {"盗窃罪": [4, 2, 6]}
    by_quarter = by_key(compute(parse_period("all"), "quarter", threshold=1))
    assert values(by_quarter["plea_rate"]) == {"2026-Q3": [4, 2, 6]}
    assert compute(parse_period("2026-Q2"), "region", threshold=1)[0].table is None


def test_figures_carry_definition_exclusions_and_n(small_world):
    for fig in compute(Q3, "region", threshold=1):
        assert fig.definition and fig.exclusions and fig.source
        assert fig.n is not None and fig.n > 0


def test_small_cells_are_suppressed_with_the_real_threshold(small_world):
    figs = by_key(compute(Q3, "region"))
    plea = figs["plea_rate"]
    assert plea.table.count(PRIMARY) > 0
    assert all(c.suppressed for row in plea.table.cells for c in row)  # every count here is below 10
    assert exposed(plea.table) == []
    assert plea.rates() == [None, None]
    for fig in figs.values():
        if fig.table:
            assert exposed(fig.table) == []


def test_figure_without_source_rows_is_not_published(world):
    figs = by_key(compute(Q3, "region"))
    assert not figs["plea_rate"].available and figs["plea_rate"].table is None
    assert not figs["adoption_rate"].available
