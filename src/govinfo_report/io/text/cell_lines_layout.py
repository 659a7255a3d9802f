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
a row's width.  A word in a value's place (``见附件``) looks like a label here:
it begins a row of its own, so the row it belongs to has no values and is
reported not found (``reader.row_not_found``); its numbers are not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...document import Block, Document, Grid, GridCell, Location, Paragraph
from ...interpret.sections import match_heading
from ...values import is_value_text

__all__ = ["MIN_VALUES", "detect", "parse"]

#: A table has a value right after another value at least this many times.
MIN_VALUES = 3
#: A line longer than this is prose, never a cell.
_MAX_CELL = 60
#: Sentence punctuation ends prose, not a label.
_SENTENCE = re.compile(r"[。；！？]")

#: What each line is (see :func:`_kinds`).
_VALUE, _EMPTY, _LABEL, _PROSE = "V", "E", "L", "P"
_CELLS = re.compile(f"[{_VALUE}{_EMPTY}{_LABEL}]+")
_TWO_VALUES = re.compile(f"(?={_VALUE}{_VALUE})")


def _kinds(lines: Sequence[str]) -> str:
    """A character per line: a value alone, empty, a label (short, no sentence, no heading), or prose."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            out.append(_EMPTY)
        elif line.startswith("\t") or len(text) > _MAX_CELL:
            out.append(_PROSE)  # indented: a Word-extraction cell, another layout
        elif is_value_text(text):
            out.append(_VALUE)
        elif _SENTENCE.search(text) or match_heading(text) is not None:
            out.append(_PROSE)
        else:
            out.append(_LABEL)
    return "".join(out)


def detect(lines: Sequence[str]) -> int:
    """How many lines are a value alone (unindented), in runs of cell-like lines holding enough of them."""
    kinds = _kinds(lines)
    return sum(kinds.count(_VALUE, start, end) for start, end in _tables(kinds))


def _tables(kinds: str) -> list[tuple[int, int]]:
    """``(start, end)``: the line range of each table, from :func:`_kinds`.

    A table runs from the first cell-like line after prose to its last value
    (and the empty lines after it): short lines after the last value are prose.
    """
    found: list[tuple[int, int]] = []
    for run in _CELLS.finditer(kinds):
        start, last = run.start(), kinds.rfind(_VALUE, run.start(), run.end())
        # Values on lines of their own but never two in a row are text blocks with a blank line after each
        # (``pdftotext`` without ``-layout``), where an empty line is no cell: not this layout.
        if last < 0 or len(_TWO_VALUES.findall(kinds, start, last + 1)) < MIN_VALUES:
            continue
        end = last + 1
        while end < run.end() and kinds[end] == _EMPTY:
            end += 1  # empty cells after the last value: still its row's
        found.append((start, end))
    return found


def _grid(lines: Sequence[str], kinds: str, start: int, end: int, source: str | None, index: int) -> Grid:
    rows: list[list[GridCell]] = []
    for i in range(start, end):
        if kinds[i] == _LABEL:
            rows.append([])
        elif not rows:
            continue  # values or empty lines before the first label belong to no row
        row = rows[-1]
        location = Location(source, line=i + 1, table=index, row=len(rows) - 1, column=len(row))
        row.append(GridCell(lines[i].strip(), location))
    # A label followed by empty lines only is a heading over merged cells (总计 above its column), not a row
    # of blank values: nothing here tells the two apart, and headings are far more common.
    out = tuple(tuple(row) if any(c.text for c in row[1:]) else tuple(row[:1]) for row in rows)
    return Grid(out, Location(source, line=start + 1, table=index))


def parse(lines: Sequence[str], source: str | None) -> Document:
    """The paragraphs and tables of one-cell-per-line text *lines*."""
    kinds = _kinds(lines)
    blocks: list[Block] = []
    i = 0
    for index, (start, end) in enumerate(_tables(kinds)):
        blocks.extend(_paragraphs(lines, i, start, source))
        blocks.append(_grid(lines, kinds, start, end, source, index))
        i = end
    blocks.extend(_paragraphs(lines, i, len(lines), source))
    return Document(tuple(blocks), source)


def _paragraphs(lines: Sequence[str], start: int, end: int, source: str | None) -> list[Paragraph]:
    return [Paragraph(lines[i].strip(), Location(source, line=i + 1)) for i in range(start, end) if lines[i].strip()]
