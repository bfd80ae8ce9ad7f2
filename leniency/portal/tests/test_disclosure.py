"""Disclosure control: no withheld count can be recovered from what the same table publishes."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leniency.portal.disclosure import PRIMARY, SECONDARY, exposed, interval, protect, table_positions

counts = st.integers(min_value=0, max_value=40)


def grids(max_rows=5, max_cols=5):
    return st.integers(1, max_rows).flatmap(
        lambda r: st.integers(1, max_cols).flatmap(
            lambda c: st.lists(st.lists(counts, min_size=c, max_size=c), min_size=r, max_size=r)
        )
    )


def lines(table):
    """Each row and column of the published table with its total, as lists of cells."""
    out = [row + [total] for row, total in zip(table.cells, table.row_totals, strict=True)]
    if table.one_way:
        out.append([table.row_totals[0], table.total])
    else:
        out += [[row[j] for row in table.cells] + [table.col_totals[j]] for j in range(len(table.cols))]
        out.append(table.row_totals + [table.total])
        out.append(table.col_totals + [table.total])
    return out


def test_small_cells_are_withheld_and_their_rows_get_a_complement():
    table = protect([[5, 30, 12], [20, 25, 40]], threshold=10)
    assert table.cells[0][0].status == PRIMARY
    assert table.cells[0][0].shown is None
    # the smallest cell in row 0 (12) and in column 0 (20) shield it; the rectangle closes at (1, 1)
    assert table.cells[0][2].status == SECONDARY or table.cells[1][0].status == SECONDARY
    assert exposed(table) == []
    assert table.total.shown == 132


def test_a_small_total_is_withheld_too():
    table = protect([[3, 4], [20, 30]], threshold=10)
    assert table.row_totals[0].status == PRIMARY  # 7 persons
    assert exposed(table) == []


def test_zeros_are_published():
    table = protect([[0, 30], [20, 25]], threshold=10)
    assert table.count() == 0
    assert table.cells[0][0].shown == 0


def test_one_way_table():
    table = protect([[4, 30, 50]], threshold=10, one_way=True)
    assert table.cells[0][0].suppressed and table.cells[0][1].status == SECONDARY
    assert not table.cells[0][2].suppressed and table.total.shown == 84
    assert exposed(table) == []


def test_bridge_between_two_protected_blocks_is_closed():
    # each line has two withheld cells yet a cell can be exposed when the pattern has a bridge;
    # protect() must not stop at "two per line"
    table = protect([[1, 1, 50, 50], [1, 1, 50, 50], [50, 50, 1, 1], [50, 50, 1, 1]], threshold=10)
    assert exposed(table) == []


@settings(max_examples=150, deadline=None)
@given(grids())
def test_no_line_has_exactly_one_withheld_cell(grid):
    table = protect(grid, threshold=10)
    for line in lines(table):
        assert sum(c.suppressed for c in line) != 1


@settings(max_examples=150, deadline=None)
@given(grids())
def test_every_cell_below_threshold_is_withheld(grid):
    table = protect(grid, threshold=10)
    for cell in table.all_cells():
        if 0 < cell.value < 10:
            assert cell.status == PRIMARY


@settings(max_examples=150, deadline=None)
@given(grids())
def test_no_withheld_cell_is_determined_by_the_published_ones(grid):
    """Linear check: each withheld cell's unit vector is outside the row space of the constraints."""
    table = protect(grid, threshold=10)
    cells, matrix = table_positions(table)
    withheld = [p for p, c in enumerate(cells) if c.suppressed]
    sub = matrix[:, withheld]
    rank = np.linalg.matrix_rank(sub) if withheld else 0
    for k in range(len(withheld)):
        unit = np.zeros(len(withheld))
        unit[k] = 1
        assert np.linalg.matrix_rank(np.vstack([sub, unit])) > rank, "a withheld cell is recoverable"


@settings(max_examples=60, deadline=None)
@given(grids(max_rows=3, max_cols=3).filter(lambda g: any(0 < v < 10 for r in g for v in r)))
def test_withheld_cells_are_not_pinned_even_with_non_negativity(grid):
    """LP check on small tables: counts are >= 0, and still every withheld cell has a range of values."""
    table = protect(grid, threshold=10)
    for cell in table.all_cells():
        if cell.suppressed:
            low, high = interval(table, cell)
            assert high - low >= 1 - 1e-6, (grid, cell, low, high)


def brute_force_solutions(table, limit):
    """Every non-negative integer filling of the withheld cells (each <= limit) that matches the totals."""
    cells, matrix = table_positions(table)
    withheld = [p for p, c in enumerate(cells) if c.suppressed]
    known = [p for p, c in enumerate(cells) if not c.suppressed]
    rhs = [round(x) for x in -matrix[:, known] @ np.array([cells[p].value for p in known], dtype=float)]
    rows = [
        [(k, int(matrix[r, p])) for k, p in enumerate(withheld) if matrix[r, p]] for r in range(len(matrix))
    ]
    for values in itertools.product(range(limit + 1), repeat=len(withheld)):
        if all(sum(values[k] * coef for k, coef in terms) == rhs[r] for r, terms in enumerate(rows)):
            yield dict(zip(withheld, values, strict=True))


@pytest.mark.parametrize("grid", [[[3, 12], [11, 14]], [[2, 0, 15], [12, 11, 0]], [[4, 13, 10]]])
def test_brute_force_small_tables(grid):
    table = protect(grid, threshold=10, one_way=len(grid) == 1)
    cells, _ = table_positions(table)
    solutions = list(brute_force_solutions(table, limit=30))
    assert solutions, "the true values are a solution"
    for p, cell in enumerate(cells):
        if cell.suppressed:
            assert len({s[p] for s in solutions}) > 1, f"cell {p} ({cell.value}) is pinned"
