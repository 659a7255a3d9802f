"""Ruled tables of a PDF → grids of the library's document form.

pdfplumber finds a table's cells from its ruling lines.  Each cell's box is
placed on the table's column and row boundaries, which gives its row and
column span; :func:`govinfo_report.grid.expand` (the library's one
merged-cell routine) then lays the cells out on a grid.

A table that runs over a page break arrives as two tables.  The part at the
top of a page is joined to the part ending the page before when its column
boundaries are among the earlier part's (the continuation of table 2 keeps
fewer columns, that of table 3 the same ones).  An empty cell at the top of
the continuation, under a merged cell that reaches the bottom of the earlier
part, continues that merged cell (the 三、本年度办理结果 column of table 3).

A "table" of one column is a box drawn around prose, not a table; it is
left to the text.

Text inside a table that falls in no cell is a cell whose borders the
table finder could not close: a label cell whose top border is drawn at two
heights, because the merged cells above it end at different rows (四、结转下年度
继续办理 under 三、本年度办理结果 and （六）其他处理).  :func:`orphan_cells`
gives it the box of the gap between the row's cells that holds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from attrs import evolve, frozen

from govinfo_report.document import Grid, Location
from govinfo_report.grid import SpanCell, expand

from .text import join_text

__all__ = ["TOLERANCE", "Box", "RawTable", "merge_page_breaks", "orphan_cells", "to_grid"]

#: Boundaries closer than this (PDF points) are the same ruling line.
TOLERANCE = 4.0


@frozen
class Box:
    """One cell of a table as drawn: its box on the page and its text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    #: The 0-based index of the page the box is drawn on (``None``: not known).
    page: int | None = None


@frozen
class RawTable:
    """A table found on one page (or joined over pages), before it becomes a grid.

    ``top`` and ``bottom`` are on the table's first and last page; vertical
    positions of cells on later pages are offset by the pages above.
    """

    page: int
    last_page: int
    top: float
    bottom: float
    cells: tuple[Box, ...]
    #: Whether only a page number or nothing follows the table on its last page.
    ends_page: bool = False
    #: Whether nothing but a running header precedes the table on its first page.
    starts_page: bool = False

    @property
    def columns(self) -> list[float]:
        return _cluster([c.x0 for c in self.cells] + [c.x1 for c in self.cells])

    @property
    def rows(self) -> list[float]:
        return _cluster([c.top for c in self.cells] + [c.bottom for c in self.cells])


def _cluster(values: Sequence[float]) -> list[float]:
    """Distinct boundaries: values within :data:`TOLERANCE` of each other are one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOLERANCE:
            out.append(v)
    return out


def _index(boundaries: Sequence[float], value: float) -> int:
    """The index of the boundary nearest *value*."""
    return min(range(len(boundaries)), key=lambda i: abs(boundaries[i] - value))


def cell_text(text: str | None) -> str:
    """A cell's text with its line breaks joined as the reader would read them."""
    return join_text((text or "").splitlines())


def orphan_cells(cells: Sequence[Box], lines: Sequence[Box]) -> list[Box]:
    """Cells for the text *lines* of a table that lie in none of its *cells*.

    Each line is placed in the row band (between two of the table's row
    boundaries) holding its middle, and spans the gap between the cells of
    that band to its left and right (the table's edge where there is none).
    Lines that land in the same gap are one cell, their text joined.
    """
    if not cells:
        return []
    ys = _cluster([c.top for c in cells] + [c.bottom for c in cells])
    left, right = min(c.x0 for c in cells), max(c.x1 for c in cells)
    found: dict[tuple[float, float, float, float], list[str]] = {}
    for line in sorted(lines, key=lambda b: (b.top, b.x0)):
        middle = (line.top + line.bottom) / 2
        band = next(((a, b) for a, b in pairwise(ys) if a <= middle <= b), None)
        if band is None:
            continue
        top, bottom = band
        beside = [c for c in cells if c.top < bottom - TOLERANCE and c.bottom > top + TOLERANCE]
        x0 = max((c.x1 for c in beside if c.x1 <= line.x0 + TOLERANCE), default=left)
        x1 = min((c.x0 for c in beside if c.x0 >= line.x1 - TOLERANCE), default=right)
        if x1 - x0 > TOLERANCE:
            found.setdefault((x0, top, x1, bottom), []).append(line.text)
    page = cells[0].page
    return [Box(x0, top, x1, bottom, join_text(texts), page) for (x0, top, x1, bottom), texts in found.items()]


def _continues(earlier: RawTable, later: RawTable) -> bool:
    if not (earlier.ends_page and later.starts_page and later.page == earlier.last_page + 1):
        return False
    mine, theirs = earlier.columns, later.columns
    small, big = (theirs, mine) if len(theirs) <= len(mine) else (mine, theirs)
    return len(small) >= 2 and all(min(abs(x - y) for y in big) <= TOLERANCE for x in small)


def _join(earlier: RawTable, later: RawTable, page_gap: float) -> RawTable:
    """*later* appended below *earlier*, shifted down by *page_gap*."""
    shift = earlier.bottom - later.top + page_gap
    moved = [evolve(c, top=c.top + shift, bottom=c.bottom + shift) for c in later.cells]
    cells = list(earlier.cells)
    # Empty cells at the top of the continuation, under a merged cell ending the earlier part.
    first_row = min(c.top for c in moved) if moved else 0.0
    rows = earlier.rows
    for cell in list(moved):
        if cell.text or abs(cell.top - first_row) > TOLERANCE:
            continue
        for i, above in enumerate(cells):
            covers = above.x0 - TOLERANCE <= cell.x0 and cell.x1 <= above.x1 + TOLERANCE
            merged = any(above.top + TOLERANCE < y < above.bottom - TOLERANCE for y in rows)
            if covers and merged and abs(above.bottom - earlier.bottom) <= TOLERANCE:
                cells[i] = evolve(above, bottom=cell.bottom)
                moved.remove(cell)
                break
    return RawTable(
        earlier.page,
        later.last_page,
        earlier.top,
        earlier.bottom + page_gap + (later.bottom - later.top),
        tuple(cells + moved),
        ends_page=later.ends_page,
        starts_page=earlier.starts_page,
    )


def merge_page_breaks(tables: Sequence[RawTable], page_gap: float = 1.0) -> list[RawTable]:
    """*tables* in reading order, with each table split by a page break joined into one."""
    out: list[RawTable] = []
    for table in tables:
        if out and _continues(out[-1], table):
            out[-1] = _join(out[-1], table, page_gap)
        else:
            out.append(table)
    return out


def to_grid(table: RawTable, index: int, source: str | None) -> Grid:
    """The grid of *table*, the *index*-th table of the document (0-based)."""
    xs, ys = table.columns, table.rows
    starts: dict[int, list[tuple[int, Box, int, int]]] = {}
    for box in table.cells:
        r0, r1 = _index(ys, box.top), _index(ys, box.bottom)
        c0, c1 = _index(xs, box.x0), _index(xs, box.x1)
        if r1 <= r0 or c1 <= c0:  # a sliver thinner than the tolerance
            continue
        starts.setdefault(r0, []).append((c0, box, r1 - r0, c1 - c0))
    rows: list[list[SpanCell]] = []
    for r in range(len(ys) - 1):
        line: list[SpanCell] = []
        pointer = 0
        for c0, box, rowspan, colspan in sorted(starts.get(r, []), key=lambda s: s[0]):
            page = None if box.page is None else box.page + 1
            where = Location(source, table=index, row=r, column=c0, page=page)
            line.append(SpanCell(box.text, rowspan, colspan, where, skip_before=max(0, c0 - pointer)))
            pointer = c0 + colspan
        rows.append(line)
    return expand(rows, Location(source, table=index, page=table.page + 1))
