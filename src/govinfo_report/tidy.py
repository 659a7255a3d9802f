"""The tidy form of a report: one record per cell (``table,row,column,value``)."""

from __future__ import annotations

from collections.abc import Iterator

from .model import AnnualReport
from .values import format_value

__all__ = ["TIDY_COLUMNS", "tidy_rows"]

TIDY_COLUMNS: tuple[str, ...] = ("table", "row", "column", "value")


def tidy_rows(report: AnnualReport) -> Iterator[tuple[str, str, str, str]]:
    """Every cell of every present table; a missing cell has an empty value."""
    for ref, cell in report.cells():
        yield ref.table, ref.row, ref.column, format_value(cell.value)
