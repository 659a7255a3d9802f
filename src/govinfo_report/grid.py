"""Merged cells → rectangular grid.  Shared by every reader of tabular markup.

HTML (``rowspan``/``colspan``) and docx (``w:gridSpan``/``w:vMerge``,
``w:gridBefore``/``w:gridAfter``) both describe a table as rows of cells that
may span several grid positions.  :func:`expand` lays such rows out on a
grid, repeating a merged cell's text in every position it covers (marked
``spanned`` after the first) so the interpreter sees one cell per position.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .document import NOWHERE, Grid, GridCell, Location

__all__ = ["MAX_GRID_CELLS", "MAX_SPAN", "SpanCell", "expand"]

#: Spans larger than this are clamped: real report tables are small, and a
#: hostile ``colspan="1000000"`` must not allocate a huge grid.
MAX_SPAN = 64
#: A grid with more positions than this is cut (rows past it dropped).
MAX_GRID_CELLS = 20000


class SpanCell(NamedTuple):
    """A source cell before expansion.

    ``rowspan=0`` (docx ``vMerge`` continuation) means "continue the merged
    cell above in this column": the reader may pass explicit spans or mark
    continuations and let :func:`expand` extend the cell above.  (A named
    tuple, not an attrs class: readers make one per cell, and a tuple is
    made several times faster.)  Readers on a hot path make them with
    ``tuple.__new__(SpanCell, (text, rowspan, colspan, location, skip_before))``,
    skipping the generated ``__new__``: the field order is part of the
    contract (``tests/test_grid.py`` holds it).
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    location: Location = NOWHERE
    #: Grid columns to skip before this cell (docx ``w:gridBefore``).
    skip_before: int = 0


def _clamp(n: int) -> int:
    return n if 1 <= n <= MAX_SPAN else max(1, min(n, MAX_SPAN))


def expand(rows: Iterable[Sequence[SpanCell]], location: Location = NOWHERE, *, locate: bool = False) -> Grid:
    """Lay out *rows* of possibly merged cells on a grid.

    Positions covered by a cell from an earlier row (``rowspan``) are
    skipped when placing a row's cells.  A cell with ``rowspan=0`` extends
    the merged cell directly above it instead of starting a new one.

    With *locate*, each cell's location is its grid position: *location*
    (the table's) with the ``row`` and ``column`` where the cell starts, and
    every position a merged cell covers carries its origin's location.  The
    cells' own ``location`` is then ignored, so a reader need not make one.
    """
    grid: list[list[GridCell | None]] = []
    source, table, page = location.source, location.table, location.page
    # Named tuples made with tuple.__new__ directly: their generated __new__ is a Python frame, and
    # this runs once per grid position of every table read.
    new = tuple.__new__
    # For each column, the cell that a vertical merge there continues.
    above: dict[int, GridCell] = {}
    total = 0
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        line = grid[r]
        c = 0
        for text, rowspan, colspan, own_location, skip_before in row:
            if skip_before:
                c += max(0, min(skip_before, MAX_SPAN))
            while c < len(line) and line[c] is not None:
                c += 1
            if colspan != 1:
                colspan = _clamp(colspan)
            if rowspan == 0:
                # Continuation of a vertical merge: repeat the cell above.
                for k in range(colspan):
                    src = above.get(c + k)
                    if src is not None:
                        _put(line, c + k, GridCell(src.text, src.location, spanned=True))
                    else:  # a continuation with nothing above: treat as an empty cell
                        here = Location(source, None, table, r, c + k, None, page) if locate else own_location
                        _put(line, c + k, GridCell(text, here))
                c += colspan
                continue
            if rowspan != 1:
                rowspan = _clamp(rowspan)
            here = new(Location, (source, None, table, r, c, None, page)) if locate else own_location
            first: GridCell = new(GridCell, (text, here, False, False))
            if rowspan == 1 and colspan == 1:  # the common case, without the spanned copy
                if c == len(line):
                    line.append(first)
                else:
                    _put(line, c, first)
                above[c] = first
                c += 1
                continue
            copy = GridCell(text, here, spanned=True)
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                for k in range(colspan):
                    _put(grid[r + dr], c + k, first if (dr == 0 and k == 0) else copy)
            for k in range(colspan):
                above[c + k] = first
            c += colspan
        total += len(line)
        if total > MAX_GRID_CELLS:
            grid = grid[: r + 1]
            break
    hole = GridCell("", location, spanned=True)  # a position no cell covers (a short row)
    out = tuple(tuple([hole if cell is None else cell for cell in line]) for line in grid)
    return Grid(out, location)


def _put(line: list[GridCell | None], index: int, cell: GridCell) -> None:
    while len(line) <= index:
        line.append(None)
    if line[index] is None:
        line[index] = cell
