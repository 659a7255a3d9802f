"""Helpers for the text layouts' tests."""

from __future__ import annotations

from govinfo_report.document import Document, Grid, Paragraph


def rows(grid: Grid) -> list[list[str]]:
    """The texts of *grid*'s cells, row by row."""
    return [[c.text for c in row] for row in grid.rows]


def grid_between_paragraphs(doc: Document) -> Grid:
    """*doc*'s one grid, which must stand between two paragraphs (a heading and the prose after it)."""
    before, grid, after = doc.blocks
    assert isinstance(before, Paragraph) and isinstance(after, Paragraph)
    assert isinstance(grid, Grid)
    return grid
