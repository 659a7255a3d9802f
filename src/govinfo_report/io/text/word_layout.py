"""Layout 1: text extracted from a Word file, one table cell per tab-indented line.

What Word's text extraction leaves (seeds 000, 001, 002, 004)::

    二、主动公开政府信息情况
    \\t第二十条第（一）项
                                  ← a blank line ends a table row
    \\t信息内容
    \\t本年新
    制作数量                       ← a cell's text continues on an un-indented line
    \\t对外公开总数量

    \\t                            ← merged cells appear as empty cells
    \\t自
    然                             ← vertical labels: one character per line
    人

A table is a run of such rows; any other line is a paragraph and ends it.
An un-indented line continues the cell above when it directly follows a
cell (or, if short, comes after one blank line with the table going on
below it, as ``\\t总`` / blank / ``计`` does), unless it is a section heading
or the cell above holds a number.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Block, Document, Grid, GridCell, Location, Paragraph
from ...interpret.sections import match_heading
from ...values import is_value_text

__all__ = ["detect", "parse"]

#: An un-indented line longer than this never continues a cell.
_MAX_CONTINUATION = 60
#: After a blank line, only a fragment this short (a label's last characters) continues a cell.
_MAX_DETACHED = 8


def detect(lines: Sequence[str]) -> int:
    """How many lines are tab-indented table cells next to another cell of their row.

    A tab after text separates cells (another layout), and indented lines
    that never touch each other are a web page's indentation, padded with
    empty lines (:mod:`.cell_lines_layout`): the cells of a Word row are on
    consecutive lines.
    """
    cells = [line.startswith("\t") and "\t" not in line.lstrip("\t") for line in lines]
    return sum(
        1
        for i, line in enumerate(lines)
        if cells[i] and line.strip() and ((i > 0 and cells[i - 1]) or (i + 1 < len(lines) and cells[i + 1]))
    )


class _Cell:
    __slots__ = ("line", "text")

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line


def _next_is_cell(lines: Sequence[str], i: int) -> bool:
    for line in lines[i + 1 :]:
        if line.strip():
            return line.startswith("\t")
    return False


def _continues(lines: Sequence[str], i: int, last: _Cell, detached: bool) -> bool:
    """Whether un-indented line *i* continues the cell *last* (see the module docstring)."""
    text = lines[i].strip()
    if len(text) > _MAX_CONTINUATION or match_heading(text) is not None:
        return False
    if last.text.strip() and is_value_text(last.text) and not is_value_text(text):
        return False
    if not detached:
        return True
    # One blank line between the cell and this fragment, and the table goes on below.
    return len(text) <= _MAX_DETACHED and i >= 2 and lines[i - 2].startswith("\t") and _next_is_cell(lines, i)


def _grid(rows: list[list[_Cell]], source: str | None, index: int) -> Grid:
    out = tuple(
        tuple(
            GridCell(cell.text, Location(source, line=cell.line, table=index, row=r, column=c))
            for c, cell in enumerate(row)
        )
        for r, row in enumerate(rows)
    )
    return Grid(out, Location(source, line=rows[0][0].line, table=index))


def parse(lines: Sequence[str], source: str | None) -> Document:
    """The paragraphs and tables of Word-extracted text *lines*."""
    blocks: list[Block] = []
    rows: list[list[_Cell]] = []
    row: list[_Cell] | None = None
    tables = 0

    def end_table() -> None:
        nonlocal rows, row, tables
        if rows:
            blocks.append(_grid(rows, source, tables))
            tables += 1
        rows, row = [], None

    for i, line in enumerate(lines):
        if line.startswith("\t"):
            if row is None:
                row = []
                rows.append(row)
            row.append(_Cell(line[1:], i + 1))
        elif not line.strip():
            row = None
        elif rows and _continues(lines, i, (row or rows[-1])[-1], detached=row is None):
            if row is None:  # the blank line split a cell, not two rows: reopen the row
                row = rows[-1]
            row[-1].text += "\n" + line
        else:
            end_table()
            blocks.append(Paragraph(line, Location(source, line=i + 1)))
    end_table()
    return Document(tuple(blocks), source)
