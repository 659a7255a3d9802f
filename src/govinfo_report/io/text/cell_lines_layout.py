"""Layout 5: one table cell per line and nothing marking the rows.

What ``soffice --convert-to txt`` makes of a Word file::

    第二十条第（一）项
    信息内容
    本年新制作数量
    本年新公开数量
    对外公开总数量
    规章
    0
    0
    0
    规范性文件
    2
    ...

Every cell is a line of its own, unindented, rows follow each other with
nothing between them, and an empty cell is an empty line, as is the part of
a merged cell a row does not own.  A table is a run of cell-like lines
(short, no sentence, no section heading) where a number follows a number
at least :data:`MIN_VALUES` times; everything else is prose, one paragraph per
line.  In a table, each line of text begins a row and the numbers and empty
lines after it are that row's values; a run of text lines is a run of
label-only rows (column headings, group labels), as is a text line followed
by empty lines only (a heading over merged cells; a data row with every cell
blank is read as not printed).  The interpreter drops the empty cells beyond
a row's width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...document import Block, Document, Grid, GridCell, Location, Paragraph
from ...interpret.sections import match_heading
from ...layout import ValueKind
from ...model import Missing
from ...values import parse_cell

__all__ = ["MIN_VALUES", "detect", "parse"]

#: A table has at least this many lines that are values.
MIN_VALUES = 3
#: A line longer than this is prose, never a cell.
_MAX_CELL = 60
#: Sentence punctuation ends prose, not a label.
_SENTENCE = re.compile(r"[。；！？]")


def _is_value(text: str) -> bool:
    parsed = parse_cell(text, ValueKind.AMOUNT)
    return parsed.value is not None or parsed.missing is Missing.NOT_APPLICABLE


def _is_value_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and not line.startswith("\t") and _is_value(text)


def _is_cell_line(line: str) -> bool:
    """Whether *line* may be a table cell: empty, a value, or a short label."""
    text = line.strip()
    if not text or _is_value_line(line):
        return True
    return (
        not line.startswith("\t")
        and len(text) <= _MAX_CELL
        and not _SENTENCE.search(text)
        and match_heading(text) is None
    )


def detect(lines: Sequence[str]) -> int:
    """How many lines are a value alone (unindented), in runs of cell-like lines holding enough of them."""
    return sum(values for _start, _end, values in _tables(lines))


def _tables(lines: Sequence[str]) -> list[tuple[int, int, int]]:
    """``(start, end, values)``: the line range of each table and how many of its lines are values.

    A table runs from the first cell-like line after prose to its last value
    (and the empty lines after it): short lines after the last value are prose.
    """
    found: list[tuple[int, int, int]] = []
    i = 0
    while i < len(lines):
        if not _is_cell_line(lines[i]):
            i += 1
            continue
        start = end = i
        values = paired = 0
        while i < len(lines) and _is_cell_line(lines[i]):
            if _is_value_line(lines[i]):
                values += 1
                paired += i > start and _is_value_line(lines[i - 1])
                end = i + 1
            elif not lines[i].strip() and end == i:
                end = i + 1  # an empty cell after a value: still the row's
            i += 1
        # Values on lines of their own but never two in a row are text blocks with a blank line after each
        # (``pdftotext`` without ``-layout``), where an empty line is no cell: not this layout.
        if paired >= MIN_VALUES:
            found.append((start, end, values))
            i = end
    return found


def _grid(lines: Sequence[str], start: int, end: int, source: str | None, index: int) -> Grid:
    rows: list[list[GridCell]] = []
    for i in range(start, end):
        text = lines[i].strip()
        if text and not _is_value(text):
            rows.append([])
        elif not rows:
            continue  # values or empty lines before the first label belong to no row
        row = rows[-1]
        row.append(GridCell(text, Location(source, line=i + 1, table=index, row=len(rows) - 1, column=len(row))))
    # A label followed by empty lines only is a heading over merged cells (总计 above its column), not a row
    # of blank values: nothing here tells the two apart, and headings are far more common.
    out = tuple(tuple(row) if any(c.text for c in row[1:]) else tuple(row[:1]) for row in rows)
    return Grid(out, Location(source, line=start + 1, table=index))


def parse(lines: Sequence[str], source: str | None) -> Document:
    """The paragraphs and tables of one-cell-per-line text *lines*."""
    blocks: list[Block] = []
    i = 0
    for index, (start, end, _values) in enumerate(_tables(lines)):
        blocks.extend(_paragraphs(lines, i, start, source))
        blocks.append(_grid(lines, start, end, source, index))
        i = end
    blocks.extend(_paragraphs(lines, i, len(lines), source))
    return Document(tuple(blocks), source)


def _paragraphs(lines: Sequence[str], start: int, end: int, source: str | None) -> list[Paragraph]:
    return [Paragraph(lines[i].strip(), Location(source, line=i + 1)) for i in range(start, end) if lines[i].strip()]
