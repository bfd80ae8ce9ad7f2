"""Statistical disclosure control for the public portal. Pure Python (numpy/scipy), no Django.

A published table is a grid of person counts with its row totals, column totals and grand total (a
one-way table has only its total). Two kinds of cell are withheld:

- *primary*: any published count with 0 < n < threshold persons (zeros reveal nobody and stay published);
- *secondary* (complementary): cells withheld so that no primary cell can be recovered from the published
  cells and totals of the same table.

"Recovered" is decided by linear algebra on the table's additive constraints (each row, each column sums
to its total): a withheld cell is exposed when every solution of the constraints, given the published
values, has the same value in that cell, i.e. when its unit vector lies in the row space of the
constraint matrix restricted to the withheld cells. We add complements, smallest positive count first,
until no withheld cell is exposed. `exposed()` is also the audit the tests run; `interval()` gives the
feasible range of a withheld cell with non-negativity (a linear program), a stronger check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.linalg import null_space

PRIMARY = "primary"
SECONDARY = "secondary"
TOL = 1e-9


@dataclass
class Cell:
    value: int
    status: str = ""  # "", PRIMARY or SECONDARY

    @property
    def suppressed(self) -> bool:
        return bool(self.status)

    @property
    def shown(self) -> int | None:
        """The published value, or None when withheld."""
        return None if self.status else self.value


@dataclass
class Table:
    """A protected table. `cells[i][j]`; `row_totals[i]`, `col_totals[j]` and `total` are Cells too.

    One-way tables (`one_way=True`) have a single row and publish only its total: `col_totals` is empty.
    """

    rows: list
    cols: list
    cells: list[list[Cell]]
    row_totals: list[Cell]
    col_totals: list[Cell]
    total: Cell
    threshold: int
    one_way: bool = False
    notes: list[str] = field(default_factory=list)

    def all_cells(self) -> list[Cell]:
        return [c for row in self.cells for c in row] + self.row_totals + self.col_totals + [self.total]

    def count(self, status: str | None = None) -> int:
        return sum(1 for c in self.all_cells() if (c.suppressed if status is None else c.status == status))

    def row(self, key) -> list[Cell]:
        return self.cells[self.rows.index(key)]


# ---- the constraint structure --------------------------------------------------------------------


def _layout(
    n_rows: int, n_cols: int, one_way: bool
) -> tuple[list[tuple[str, int, int]], list[list[tuple[int, int]]]]:
    """The cell positions (kind, i, j) and the constraints: lists of (position index, coefficient)."""
    positions: list[tuple[str, int, int]] = []
    index: dict[tuple[str, int, int], int] = {}

    def pos(kind, i, j):
        key = (kind, i, j)
        if key not in index:
            index[key] = len(positions)
            positions.append(key)
        return index[key]

    for i in range(n_rows):
        for j in range(n_cols):
            pos("cell", i, j)
    for i in range(n_rows):
        pos("row_total", i, -1)
    if not one_way:
        for j in range(n_cols):
            pos("col_total", -1, j)
    pos("total", -1, -1)

    constraints: list[list[tuple[int, int]]] = []
    for i in range(n_rows):  # row i: cells - row total = 0
        constraints.append(
            [(index["cell", i, j], 1) for j in range(n_cols)] + [(index["row_total", i, -1], -1)]
        )
    if one_way:
        constraints.append([(index["row_total", 0, -1], 1), (index["total", -1, -1], -1)])
    else:
        for j in range(n_cols):  # column j: cells - column total = 0
            constraints.append(
                [(index["cell", i, j], 1) for i in range(n_rows)] + [(index["col_total", -1, j], -1)]
            )
        constraints.append(
            [(index["row_total", i, -1], 1) for i in range(n_rows)] + [(index["total", -1, -1], -1)]
        )
        constraints.append(
            [(index["col_total", -1, j], 1) for j in range(n_cols)] + [(index["total", -1, -1], -1)]
        )
    return positions, constraints


def _matrix(n_positions: int, constraints) -> np.ndarray:
    m = np.zeros((len(constraints), n_positions))
    for r, terms in enumerate(constraints):
        for p, coef in terms:
            m[r, p] = coef
    return m


def exposed_positions(matrix: np.ndarray, withheld: list[int]) -> list[int]:
    """The withheld positions whose value every solution of the constraints shares (i.e. recoverable)."""
    if not withheld:
        return []
    sub = matrix[:, withheld]
    kernel = null_space(sub)
    if kernel.size == 0:
        return list(withheld)
    return [p for k, p in enumerate(withheld) if np.max(np.abs(kernel[k])) < 1e-7]


# ---- protection --------------------------------------------------------------------------------


def _values(counts: list[list[int]], one_way: bool) -> list[int]:
    n_rows, n_cols = len(counts), len(counts[0]) if counts else 0
    values = [counts[i][j] for i in range(n_rows) for j in range(n_cols)]
    values += [sum(row) for row in counts]
    if not one_way:
        values += [sum(counts[i][j] for i in range(n_rows)) for j in range(n_cols)]
    values.append(sum(map(sum, counts)))
    return values


def protect(
    counts: list[list[int]], *, rows=None, cols=None, threshold: int = 10, one_way: bool = False
) -> Table:
    """Protect a table of non-negative person counts: primary, then secondary suppression to a fixed point."""
    if one_way and len(counts) != 1:
        raise ValueError("a one-way table has exactly one row")
    n_rows = len(counts)
    n_cols = len(counts[0]) if counts else 0
    if any(len(r) != n_cols for r in counts) or any(v < 0 for r in counts for v in r):
        raise ValueError("counts must be a rectangular grid of non-negative integers")
    rows = list(rows) if rows is not None else list(range(n_rows))
    cols = list(cols) if cols is not None else list(range(n_cols))
    positions, constraints = _layout(n_rows, n_cols, one_way)
    values = _values(counts, one_way)
    status = [PRIMARY if 0 < v < threshold else "" for v in values]
    if n_rows and n_cols:
        _secondary(positions, constraints, values, status)
    return _build(rows, cols, positions, values, status, threshold, one_way)


def _preference(p: int, positions, values) -> tuple:
    """Complements: interior cells before totals, positive counts before zeros, smaller before larger."""
    kind = positions[p][0]
    return (kind != "cell", values[p] == 0, values[p], p)


def _secondary(positions, constraints, values, status) -> None:
    matrix = _matrix(len(positions), constraints)
    lines_of: dict[int, list[int]] = {p: [] for p in range(len(positions))}
    for r, terms in enumerate(constraints):
        for p, _coef in terms:
            lines_of[p].append(r)
    while True:
        withheld = [p for p, s in enumerate(status) if s]
        exposed = exposed_positions(matrix, withheld)
        if not exposed:
            return
        target = exposed[0]
        near = sorted(
            {p for r in lines_of[target] for p, _ in constraints[r] if not status[p]},
            key=lambda p: _preference(p, positions, values),
        )
        anywhere = sorted(
            (p for p, s in enumerate(status) if not s and p not in near),
            key=lambda p: _preference(p, positions, values),
        )
        choice = None
        for p in near + anywhere:  # the first complement that shields the target on its own
            if target not in exposed_positions(matrix, [*withheld, p]):
                choice = p
                break
        if choice is None:  # none shields it alone: widen its lines first, then anywhere
            candidates = near or anywhere
            if not candidates:
                raise RuntimeError("table cannot be protected")  # unreachable: full suppression is safe
            choice = candidates[0]
        status[choice] = SECONDARY


def _build(rows, cols, positions, values, status, threshold, one_way) -> Table:
    n_rows, n_cols = len(rows), len(cols)
    by_pos = {key: Cell(values[p], status[p]) for p, key in enumerate(positions)}
    return Table(
        rows=rows,
        cols=cols,
        cells=[[by_pos["cell", i, j] for j in range(n_cols)] for i in range(n_rows)],
        row_totals=[by_pos["row_total", i, -1] for i in range(n_rows)],
        col_totals=[] if one_way else [by_pos["col_total", -1, j] for j in range(n_cols)],
        total=by_pos["total", -1, -1],
        threshold=threshold,
        one_way=one_way,
    )


# ---- audits (used by the tests, and cheap enough to run on every published table) ---------------------


def table_positions(table: Table) -> tuple[list[Cell], np.ndarray]:
    """The table's cells in constraint order, with its constraint matrix."""
    positions, constraints = _layout(len(table.rows), len(table.cols), table.one_way)
    lookup = {}
    for i, row in enumerate(table.cells):
        for j, cell in enumerate(row):
            lookup["cell", i, j] = cell
    for i, cell in enumerate(table.row_totals):
        lookup["row_total", i, -1] = cell
    for j, cell in enumerate(table.col_totals):
        lookup["col_total", -1, j] = cell
    lookup["total", -1, -1] = table.total
    return [lookup[key] for key in positions], _matrix(len(positions), constraints)


def exposed(table: Table) -> list[Cell]:
    """Withheld cells that the published cells and totals determine exactly (must be empty)."""
    cells, matrix = table_positions(table)
    withheld = [p for p, c in enumerate(cells) if c.suppressed]
    return [cells[p] for p in exposed_positions(matrix, withheld)]


def interval(table: Table, cell: Cell) -> tuple[float, float]:
    """The smallest and largest value `cell` can take given what is published and counts >= 0 (an LP)."""
    # scipy.optimize takes most of a second to import; only this bound on a withheld cell needs it.
    from scipy.optimize import linprog

    cells, matrix = table_positions(table)
    withheld = [p for p, c in enumerate(cells) if c.suppressed]
    known = [p for p, c in enumerate(cells) if not c.suppressed]
    rhs = (
        -matrix[:, known] @ np.array([cells[p].value for p in known], dtype=float)
        if known
        else np.zeros(len(matrix))
    )
    a_eq = matrix[:, withheld]
    k = next(n for n, p in enumerate(withheld) if cells[p] is cell)
    bounds = [(0, None)] * len(withheld)
    objective = np.zeros(len(withheld))
    objective[k] = 1
    low = linprog(objective, A_eq=a_eq, b_eq=rhs, bounds=bounds, method="highs")
    high = linprog(-objective, A_eq=a_eq, b_eq=rhs, bounds=bounds, method="highs")
    if not low.success:
        raise ValueError("published table is inconsistent")
    if high.status == 3:  # unbounded: nothing published caps it
        return low.fun, float("inf")
    if not high.success:
        raise ValueError("published table is inconsistent")
    return low.fun, -high.fun
